"""Who may see and do what in conferences and contests: the one place the views ask.

Contests (their regulation, nominations and criteria) are read by every role of the
municipality. Applications name teachers and organizations: the department's staff and the
curators read them all; a school reads its own and its teachers'; a teacher their own; an
expert those of the nominations assigned to them in that contest only. Results are read by
staff and curators at once and by everyone else of the municipality once staff approve them.
Statuses of an organization are read by whoever may open the organization.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from contests.models import Application, Contest, Expert, OrganizationStatus
from teams.access import (
    has_role,
    is_staff_of,
    municipality_scope,
    organizations_for_user,
    profile_of,
)
from teams.models import Role

OWN_ORGANIZATION_REFUSAL = (
    "Заявка подана вашей организацией или её педагогом: эксперт не оценивает заявки "
    "своей организации."
)


def contests_for_user(user: User | AnonymousUser) -> QuerySet[Contest]:
    scope = municipality_scope(user, "programme__municipality_id")
    if scope is None:
        return Contest.objects.none()
    return Contest.objects.filter(**scope)


def experts_of(user: User | AnonymousUser) -> QuerySet[Expert]:
    if not user.is_authenticated:
        return Expert.objects.none()
    return Expert.objects.filter(user=user)


def _own_applications(user: User | AnonymousUser) -> Q:
    """Applications the user takes part in: as their school, as the teacher, as an expert."""
    profile = profile_of(user)
    condition = Q(nomination__experts__user=user)
    if profile is None:
        return condition
    if profile.role == Role.SCHOOL:
        condition |= (Q(organization_id=profile.organization_id)
                      | Q(teacher__organization_id=profile.organization_id))
    elif profile.role == Role.TEACHER:
        condition |= Q(teacher__user=user)
    return condition


def applications_for_user(user: User | AnonymousUser) -> QuerySet[Application]:
    if not user.is_authenticated:
        return Application.objects.none()
    if sees_all_applications(user):
        scope = municipality_scope(user, "nomination__contest__programme__municipality_id")
        return Application.objects.filter(**scope)
    ids = Application.objects.filter(_own_applications(user)).values("pk")
    return Application.objects.filter(pk__in=ids)


def my_applications(user: User | AnonymousUser) -> QuerySet[Application]:
    """«Мои заявки»: the school's own and its teachers', or the teacher's own."""
    profile = profile_of(user)
    if profile is None or profile.role not in (Role.SCHOOL, Role.TEACHER):
        return Application.objects.none()
    if profile.role == Role.SCHOOL:
        return Application.objects.filter(Q(organization_id=profile.organization_id)
                                          | Q(teacher__organization_id=profile.organization_id))
    return Application.objects.filter(teacher__user=user)


def sees_all_applications(user: User | AnonymousUser) -> bool:
    return has_role(user, Role.STAFF, Role.CURATOR)


def may_keep(user: User | AnonymousUser, contest: Contest) -> bool:
    """The department's staff keep a contest: its regulation, nominations, criteria,
    experts, results, the regional round."""
    return is_staff_of(user, contest.programme.municipality_id)


def may_keep_any(user: User | AnonymousUser) -> bool:
    return has_role(user, Role.STAFF)


def may_see_results(user: User | AnonymousUser, contest: Contest) -> bool:
    return contest.results_approved or sees_all_applications(user)


def may_apply(user: User | AnonymousUser) -> bool:
    return has_role(user, Role.SCHOOL, Role.TEACHER) and not user.is_superuser


def may_withdraw(user: User | AnonymousUser, application: Application) -> bool:
    return my_applications(user).filter(pk=application.pk).exists()


def expert_for(user: User | AnonymousUser, application: Application) -> Expert | None:
    """The user's expert record assigned to the application's nomination, if any."""
    return experts_of(user).filter(contest_id=application.nomination.contest_id,
                                   nominations=application.nomination_id).first()


def is_own_organization(expert: Expert, application: Application) -> bool:
    return (expert.organization_id is not None
            and expert.organization_id == application.applicant_organization_id)


def statuses_for_user(user: User | AnonymousUser) -> QuerySet[OrganizationStatus]:
    return OrganizationStatus.objects.filter(organization__in=organizations_for_user(user))
