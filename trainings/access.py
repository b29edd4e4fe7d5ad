"""Who may see and keep the sessions of platforms for teachers, their attendance, the
completions of programmes and the effectiveness maps.

Sessions (date, topic, form, who leads) are the municipality's public offer, like the
platforms: every role of the municipality reads them. Who came is personal data: names are
shown to those who see the person in the register (``people.access.teachers_for_user``)
and to the head of the platform for the people they work with — the platform's
participants, its working group and the host organization's people. The department's staff
and the platform's head keep sessions and attendance; staff and the heads record
completions and marks. Analysts see figures, never names.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from people.access import teacher_platforms_for_user, teachers_for_user
from people.models import ModularProgramme, Teacher, TeacherPlatform
from teams.access import has_role, is_staff_of
from teams.models import Role
from trainings.models import (
    Completion,
    EffectivenessCriterion,
    PlatformSession,
)


def sessions_for_user(user: User | AnonymousUser) -> QuerySet[PlatformSession]:
    return PlatformSession.objects.filter(platform__in=teacher_platforms_for_user(user))


def headed_platforms(user: User | AnonymousUser) -> QuerySet[TeacherPlatform]:
    """The platforms whose head is the person linked to this account."""
    if not user.is_authenticated:
        return TeacherPlatform.objects.none()
    return teacher_platforms_for_user(user).filter(head__user=user)


def may_keep_sessions(user: User | AnonymousUser, platform: TeacherPlatform) -> bool:
    """The department's staff of the municipality and the platform's head."""
    if is_staff_of(user, platform.host.municipality_id):
        return True
    return user.is_authenticated and headed_platforms(user).filter(pk=platform.pk).exists()


def may_create_sessions(user: User | AnonymousUser) -> bool:
    return has_role(user, Role.STAFF) or headed_platforms(user).exists()


def _head_people(user: User | AnonymousUser) -> Q:
    headed = headed_platforms(user)
    return (Q(attendances__session__platform__in=headed)
            | Q(organization__teacher_platforms__in=headed)
            | Q(working_groups__in=headed))


def named_people_for_user(user: User | AnonymousUser) -> QuerySet[Teacher]:
    """The people whose names the user sees on the pages of sessions and completions."""
    if not user.is_authenticated:
        return Teacher.objects.none()
    visible = Q(pk__in=teachers_for_user(user).values("pk")) | Q(user=user)
    if headed_platforms(user).exists():
        visible |= Q(pk__in=Teacher.objects.filter(_head_people(user)).values("pk"))
    return Teacher.objects.filter(visible)


def attendance_candidates(user: User | AnonymousUser,
                          session: PlatformSession) -> QuerySet[Teacher]:
    """The people of the session's municipality the user may mark as come."""
    municipality_id = session.platform.host.municipality_id
    return named_people_for_user(user).filter(organization__municipality_id=municipality_id)


def completions_for_user(user: User | AnonymousUser) -> QuerySet[Completion]:
    return Completion.objects.filter(
        Q(teacher__in=named_people_for_user(user))
        & Q(programme__platform__in=teacher_platforms_for_user(user)))


def may_see_completions(user: User | AnonymousUser) -> bool:
    """Those who work with people by name: staff, curators, schools and platform heads."""
    return has_role(user, Role.STAFF, Role.CURATOR, Role.SCHOOL) or headed_platforms(
        user).exists()


def may_record_completions(user: User | AnonymousUser) -> bool:
    return has_role(user, Role.STAFF) or headed_platforms(user).exists()


def programmes_kept_by_user(user: User | AnonymousUser) -> QuerySet[ModularProgramme]:
    """Programmes whose completions and map marks the user records."""
    platforms = teacher_platforms_for_user(user)
    if not has_role(user, Role.STAFF):
        platforms = headed_platforms(user)
    return ModularProgramme.objects.filter(platform__in=platforms)


def criteria_for_user(user: User | AnonymousUser) -> QuerySet[EffectivenessCriterion]:
    return EffectivenessCriterion.objects.filter(
        programme__platform__in=teacher_platforms_for_user(user))


def may_keep_criteria(user: User | AnonymousUser, programme: ModularProgramme) -> bool:
    return is_staff_of(user, programme.platform.host.municipality_id)
