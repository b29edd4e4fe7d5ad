"""Who sees and changes what in mutual learning, in one place.

Department staff, curators and analysts see their municipality's groups, assignments and
answers; a school's management team sees and keeps its own organization's group and answer;
teachers see nothing here. Staff keep the assignment and the criteria; staff and curators —
the methodologists — return or accept answers; the school of the organization (or staff)
edits its group; only the organization fills its answer.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from internships.models import Programme
from mutual.models import Answer, Assignment, Criterion, ResponsibleGroup
from teams.access import (
    has_role,
    is_staff_of,
    municipality_scope,
    organizations_for_user,
    profile_of,
)
from teams.models import Organization, Role

AnyUser = User | AnonymousUser


def organizations_for_mutual(user: AnyUser) -> QuerySet[Organization]:
    """The organizations whose group and answer the user sees."""
    if not user.is_authenticated or (has_role(user, Role.TEACHER) and not user.is_superuser):
        return Organization.objects.none()
    return organizations_for_user(user)


def groups_for_user(user: AnyUser) -> QuerySet[ResponsibleGroup]:
    return ResponsibleGroup.objects.filter(organization__in=organizations_for_mutual(user))


def may_edit_group(user: AnyUser, organization: Organization) -> bool:
    if is_staff_of(user, organization.municipality_id):
        return True
    return (has_role(user, Role.SCHOOL)
            and profile_of(user).organization_id == organization.pk)


def assignments_for_user(user: AnyUser) -> QuerySet[Assignment]:
    if has_role(user, Role.TEACHER) and not user.is_superuser:
        return Assignment.objects.none()
    scope = municipality_scope(user, "programme__municipality_id")
    if scope is None:
        return Assignment.objects.none()
    return Assignment.objects.filter(**scope)


def answers_for_user(user: AnyUser) -> QuerySet[Answer]:
    return Answer.objects.filter(assignment__in=assignments_for_user(user),
                                 organization__in=organizations_for_mutual(user))


def criteria_for_user(user: AnyUser) -> QuerySet[Criterion]:
    return Criterion.objects.filter(programme__in=programmes_for_monitoring(user))


def programmes_for_monitoring(user: AnyUser) -> QuerySet[Programme]:
    """The programmes whose monitoring dashboard the user reads: the whole municipality's
    roles only (the dashboard names the organizations that lag)."""
    if not user.is_authenticated:
        return Programme.objects.none()
    if user.is_superuser:
        return Programme.objects.all()
    if not has_role(user, Role.STAFF, Role.CURATOR, Role.ANALYST):
        return Programme.objects.none()
    return Programme.objects.filter(municipality_id=profile_of(user).municipality_id)


def may_keep(user: AnyUser, programme: Programme) -> bool:
    """Publish the assignment, keep the criteria, return and accept answers."""
    return is_staff_of(user, programme.municipality_id)


def may_review(user: AnyUser, programme: Programme) -> bool:
    """Return an answer's part for rework or accept it: the department's staff and its
    methodologists (curators) of the programme's municipality."""
    if is_staff_of(user, programme.municipality_id):
        return True
    return (has_role(user, Role.CURATOR)
            and profile_of(user).municipality_id == programme.municipality_id)


def may_keep_any(user: AnyUser) -> bool:
    return has_role(user, Role.STAFF)


def may_fill(user: AnyUser, answer: Answer) -> bool:
    """Only the organization fills its answer."""
    return (has_role(user, Role.SCHOOL) and not user.is_superuser
            and profile_of(user).organization_id == answer.organization_id)


def may_load_answers(user: AnyUser, municipality_id: int) -> bool:
    """A school loads its own answer from Excel (asked by the shared import jobs)."""
    return (has_role(user, Role.SCHOOL) and not user.is_superuser
            and profile_of(user).municipality_id == municipality_id)
