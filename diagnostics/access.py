"""Scoped reads of diagnostics data: every view looks objects up here.

A user of one municipality never reads another's data. The deficit catalogue and
the diagnostic rounds are read by every role of the municipality (a school team
needs them for its self-assessment); diagnoses are read by the staff roles for the
whole municipality and by a school team for its own team only.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from diagnostics.imports.tables import REGISTERED, TABLES, Registration
from diagnostics.models import (
    Deficit,
    Diagnosis,
    DiagnosticRound,
    ImportJob,
    NeedsOffer,
    SchoolIndicator,
    Staffing,
)
from internships.access import curated_platform_ids, periods_for_user
from teams.access import (
    has_role,
    municipality_scope,
    organizations_for_user,
    profile_of,
    role_of,
    sees_whole_municipality,
    teams_for_user,
)
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


def importable_tables(user: User | AnonymousUser) -> list[str]:
    """Staff import every table; a curator the diagnoses of the platforms they curate; a
    school its own people (the rows of other organizations are refused on import)."""
    if profile_of(user) is None and not user.is_superuser:
        return []
    if has_role(user, Role.STAFF):
        return list(TABLES)
    if has_role(user, Role.CURATOR) and curated_platform_ids(user):
        return ["diagnoses"]
    if has_role(user, Role.SCHOOL):
        return ["teachers"]
    return []


def may_load_table(user: User | AnonymousUser, table: str, municipality_id: int) -> bool:
    """Whether the user may load ``table`` into the municipality: a table of the hub as
    ``importable_tables`` says, a registered one as its app says."""
    registration = REGISTERED.get(table)
    if registration is not None:
        return registration.may_load(user, municipality_id)
    return table in importable_tables(user)


def loadable_registered(user: User | AnonymousUser,
                        municipality_id: int | None) -> list[Registration]:
    """The registered tables the user may load into the municipality."""
    if municipality_id is None:
        return []
    return [registration for registration in REGISTERED.values()
            if registration.may_load(user, municipality_id)]


def downloadable_tables(user: User | AnonymousUser) -> list[str]:
    """Tables whose template and export the user may download.

    The municipality-wide roles download the tables of figures. A table naming people
    (152-ФЗ) goes only to those who see names — staff, curators and a school, each getting
    the people they may see (``people.access``); analysts work with figures, not names.
    """
    if profile_of(user) is None and not user.is_superuser:
        return []
    sees_names = has_role(user, Role.STAFF, Role.CURATOR, Role.SCHOOL)
    sees_figures = sees_whole_municipality(user)
    return [slug for slug, info in TABLES.items()
            if (sees_names if info.personal else sees_figures)]


def import_jobs_for_user(user: User | AnonymousUser) -> QuerySet[ImportJob]:
    """A user follows their own uploads; the department's staff every upload of the
    municipality (superusers: all)."""
    if user.is_authenticated and user.is_superuser:
        return ImportJob.objects.all()
    profile = profile_of(user)
    if profile is None:
        return ImportJob.objects.none()
    jobs = ImportJob.objects.filter(municipality_id=profile.municipality_id)
    return jobs if profile.role == Role.STAFF else jobs.filter(requested_by=user)
