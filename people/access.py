"""Who may see teachers, the platforms that teach them and their programmes.

A teacher's name is personal data: it is read by the department's staff of the
municipality, by the users of the teacher's own organization, and by the curators of the
platforms that organization's team is placed on. Analysts work with figures, not names.
Platforms and modular programmes are the municipality's public offer: every role of the
municipality reads them, with the names of their heads and pedagogue-masters, who teach
under their names.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from internships.models import Placement
from people.models import (
    CompetenceArea,
    MasterNomination,
    ModularProgramme,
    Teacher,
    TeacherPlatform,
)
from teams.access import has_role, municipality_scope, organizations_for_user, profile_of
from teams.models import Organization, Role


def organizations_with_people_for_user(user: User | AnonymousUser) -> QuerySet[Organization]:
    """Organizations whose people the user may see by name."""
    if user.is_authenticated and user.is_superuser:
        return Organization.objects.all()
    profile = profile_of(user)
    if profile is None:
        return Organization.objects.none()
    if profile.role in (Role.STAFF, Role.SCHOOL):
        return organizations_for_user(user)
    if profile.role == Role.CURATOR:
        curated = Placement.objects.filter(platform__curators__user=user).values(
            "team__organization")
        return Organization.objects.filter(municipality_id=profile.municipality_id,
                                           pk__in=curated)
    return Organization.objects.none()


def teachers_for_user(user: User | AnonymousUser) -> QuerySet[Teacher]:
    return Teacher.objects.filter(organization__in=organizations_with_people_for_user(user))


def teacher_platforms_for_user(user: User | AnonymousUser) -> QuerySet[TeacherPlatform]:
    scope = municipality_scope(user, "host__municipality_id")
    if scope is None:
        return TeacherPlatform.objects.none()
    return TeacherPlatform.objects.filter(**scope)


def programmes_for_user(user: User | AnonymousUser) -> QuerySet[ModularProgramme]:
    return ModularProgramme.objects.filter(platform__in=teacher_platforms_for_user(user))


def competence_areas_for_user(user: User | AnonymousUser) -> QuerySet[CompetenceArea]:
    scope = municipality_scope(user, "municipality_id")
    if scope is None:
        return CompetenceArea.objects.none()
    return CompetenceArea.objects.filter(**scope)


def may_manage_teacher(user: User | AnonymousUser, teacher: Teacher) -> bool:
    """The department's staff and the teacher's own school keep the record."""
    return _keeps_people_of(user, teacher.organization)


def _keeps_people_of(user: User | AnonymousUser, organization: Organization) -> bool:
    if user.is_authenticated and user.is_superuser:
        return True
    profile = profile_of(user)
    if profile is None or profile.municipality_id != organization.municipality_id:
        return False
    return profile.role == Role.STAFF or (
        profile.role == Role.SCHOOL and profile.organization_id == organization.pk)


def organizations_kept_by_user(user: User | AnonymousUser) -> QuerySet[Organization]:
    """Organizations whose register of people the user keeps (adds and edits)."""
    if user.is_authenticated and user.is_superuser:
        return Organization.objects.all()
    profile = profile_of(user)
    if profile is None:
        return Organization.objects.none()
    if profile.role == Role.STAFF:
        return Organization.objects.filter(municipality_id=profile.municipality_id)
    if profile.role == Role.SCHOOL:
        return Organization.objects.filter(pk=profile.organization_id)
    return Organization.objects.none()


def nominations_for_user(user: User | AnonymousUser) -> QuerySet[MasterNomination]:
    """Nominations for the status «Педагог-мастер» of the people the user sees by name."""
    return MasterNomination.objects.filter(teacher__in=teachers_for_user(user))


def may_nominate_master(user: User | AnonymousUser, teacher: Teacher) -> bool:
    """A school proposes its own people; the department grants the status itself."""
    return has_role(user, Role.SCHOOL) and may_manage_teacher(user, teacher)


def decides_nominations(user: User | AnonymousUser) -> bool:
    return has_role(user, Role.STAFF)
