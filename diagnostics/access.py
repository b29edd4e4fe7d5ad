"""Scoped reads of diagnostics data: every view looks objects up here.

A user of one municipality never reads another's data. The deficit catalogue and
the diagnostic rounds are read by every role of the municipality (a school team
needs them for its self-assessment); diagnoses are read by the staff roles for the
whole municipality and by a school team for its own team only.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from diagnostics.models import (
    Deficit,
    Diagnosis,
    DiagnosticRound,
    NeedsOffer,
    SchoolIndicator,
    Staffing,
)
from internships.access import periods_for_user
from teams.access import municipality_scope, organizations_for_user, role_of, teams_for_user
from teams.models import Role


def indicators_for_user(user: User | AnonymousUser) -> QuerySet[SchoolIndicator]:
    """A school team reads its own organization's indicators; staff roles the municipality's."""
    return SchoolIndicator.objects.filter(
        organization__in=organizations_for_user(user), period__in=periods_for_user(user)
    )


def staffing_for_user(user: User | AnonymousUser) -> QuerySet[Staffing]:
    return Staffing.objects.filter(organization__in=organizations_for_user(user))


def needs_offers_for_user(user: User | AnonymousUser) -> QuerySet[NeedsOffer]:
    return NeedsOffer.objects.filter(
        organization__in=organizations_for_user(user), period__in=periods_for_user(user)
    )


def deficits_for_user(user: User | AnonymousUser) -> QuerySet[Deficit]:
    scope = municipality_scope(user, "direction__programme__municipality_id")
    return Deficit.objects.none() if scope is None else Deficit.objects.filter(**scope)


def rounds_for_user(user: User | AnonymousUser) -> QuerySet[DiagnosticRound]:
    """Rounds that diagnose management teams; a teacher takes part in none of them."""
    scope = municipality_scope(user, "programme__municipality_id")
    return (
        DiagnosticRound.objects.none() if scope is None or role_of(user) == Role.TEACHER
        else DiagnosticRound.objects.filter(**scope)
    )


def diagnoses_for_user(user: User | AnonymousUser) -> QuerySet[Diagnosis]:
    """Staff roles read the municipality's diagnoses; a school team its own team's."""
    return Diagnosis.objects.filter(
        round__in=rounds_for_user(user), team__in=teams_for_user(user)
    )
