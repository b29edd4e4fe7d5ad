"""Who may see and do what in plans: the one place the views ask.

Plans of a programme are read by the department's staff, curators and analysts of its
municipality and by its schools (read-only: a school sees what the department plans for it);
teachers and other municipalities do not see them (404). The department's staff keep plans
and their items; staff and curators record that an occurrence was held.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from internships.models import JournalEntry
from plans.models import Occurrence, Plan, PlanItem
from teams.access import has_role, is_staff_of, municipality_scope, profile_of
from teams.models import Role

READING_ROLES = (Role.STAFF, Role.CURATOR, Role.ANALYST, Role.SCHOOL)


def _scope(user: User | AnonymousUser, path: str) -> dict | None:
    if not (user.is_authenticated and user.is_superuser) and not has_role(user, *READING_ROLES):
        return None
    return municipality_scope(user, path)


def plans_for_user(user: User | AnonymousUser) -> QuerySet[Plan]:
    scope = _scope(user, "programme__municipality_id")
    return Plan.objects.none() if scope is None else Plan.objects.filter(**scope)


def items_for_user(user: User | AnonymousUser) -> QuerySet[PlanItem]:
    scope = _scope(user, "plan__programme__municipality_id")
    return PlanItem.objects.none() if scope is None else PlanItem.objects.filter(**scope)


def occurrences_for_user(user: User | AnonymousUser) -> QuerySet[Occurrence]:
    scope = _scope(user, "item__plan__programme__municipality_id")
    return Occurrence.objects.none() if scope is None else Occurrence.objects.filter(**scope)


def may_keep_any(user: User | AnonymousUser) -> bool:
    return has_role(user, Role.STAFF)


def may_keep(user: User | AnonymousUser, plan: Plan) -> bool:
    """The department's staff add plans and items and change them."""
    return is_staff_of(user, plan.programme.municipality_id)


def may_record(user: User | AnonymousUser, plan: Plan) -> bool:
    """Staff and curators of the plan's municipality record held occurrences."""
    if may_keep(user, plan):
        return True
    profile = profile_of(user)
    return (profile is not None and profile.role == Role.CURATOR
            and profile.municipality_id == plan.programme.municipality_id)


def journal_entries_for_evidence(plan: Plan) -> QuerySet[JournalEntry]:
    """Journal entries of the plan's programme that may evidence an occurrence."""
    return JournalEntry.objects.filter(platform__period__programme=plan.programme).order_by(
        "-held_on", "topic")
