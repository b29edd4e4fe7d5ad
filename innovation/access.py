"""Who sees and does what with school innovation projects.

The department's staff, its curators and analysts read the municipality's whole pipeline;
a school leader reads the projects of the own organization; anyone assigned to a project as
its curator or tutor reads that project. Other municipalities see nothing (404).

Actions: the school leader edits the own school's project and its application; the project's
curators and tutors comment, move stages and log methodological help; the department's staff
do all of that and assign curators and tutors. Analysts only read.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from innovation.models import (
    Application,
    ApplicationVersion,
    AssignmentKind,
    InnovationProject,
    ProjectAssignment,
)
from internships.models import Period, Programme
from teams.access import MUNICIPALITY_WIDE_ROLES, has_role, is_staff_of, profile_of
from teams.models import Organization, Role, UserProfile

# Roles a project curator holds: specialists of the department or the methodological centre.
CURATOR_ROLES = (Role.STAFF, Role.CURATOR)


def _assigned_to(user: User) -> QuerySet:
    return ProjectAssignment.objects.filter(user=user).values("project_id")


def projects_for_user(user: User | AnonymousUser) -> QuerySet[InnovationProject]:
    if user.is_authenticated and user.is_superuser:
        return InnovationProject.objects.all()
    profile = profile_of(user)
    if profile is None:
        return InnovationProject.objects.none()
    in_municipality = InnovationProject.objects.filter(
        programme__municipality_id=profile.municipality_id)
    if profile.role in MUNICIPALITY_WIDE_ROLES:
        return in_municipality
    assigned = Q(pk__in=_assigned_to(user))
    if profile.role == Role.SCHOOL:
        return in_municipality.filter(Q(organization_id=profile.organization_id) | assigned)
    return in_municipality.filter(assigned)


def reads_board(user: User | AnonymousUser) -> bool:
    """The district board is for those who see the whole municipality."""
    return (user.is_authenticated and user.is_superuser) or has_role(
        user, *MUNICIPALITY_WIDE_ROLES)


def programmes_for_user(user: User | AnonymousUser) -> QuerySet[Programme]:
    """The department's programmes whose projects the user may see on the board."""
    if user.is_authenticated and user.is_superuser:
        return Programme.objects.all()
    profile = profile_of(user)
    if profile is None or profile.role not in MUNICIPALITY_WIDE_ROLES:
        return Programme.objects.none()
    return Programme.objects.filter(municipality_id=profile.municipality_id)


def may_register(user: User | AnonymousUser) -> bool:
    return has_role(user, Role.STAFF, Role.SCHOOL) and not (
        user.is_superuser and profile_of(user) is None)


def registrable_organizations(user: User | AnonymousUser) -> QuerySet[Organization]:
    """A school leader registers the own school's project; staff any school of theirs."""
    profile = profile_of(user)
    if profile is None:
        return Organization.objects.none()
    if profile.role == Role.SCHOOL:
        return Organization.objects.filter(pk=profile.organization_id)
    if profile.role == Role.STAFF:
        return Organization.objects.filter(municipality_id=profile.municipality_id)
    return Organization.objects.none()


def registrable_periods(user: User | AnonymousUser) -> QuerySet[Period]:
    profile = profile_of(user)
    if profile is None or profile.role not in (Role.STAFF, Role.SCHOOL):
        return Period.objects.none()
    return Period.objects.filter(programme__municipality_id=profile.municipality_id)


def may_edit_project(user: User | AnonymousUser, project: InnovationProject) -> bool:
    """The school leader of the project's organization, or the department's staff."""
    if is_staff_of(user, project.programme.municipality_id):
        return True
    profile = profile_of(user)
    return (profile is not None and profile.role == Role.SCHOOL
            and profile.organization_id == project.organization_id)


def may_accompany(user: User | AnonymousUser, project: InnovationProject) -> bool:
    """Comment, move stages and log help: the project's curators and tutors, and staff."""
    if is_staff_of(user, project.programme.municipality_id):
        return True
    return user.is_authenticated and project.assignments.filter(user=user).exists()


def may_assign(user: User | AnonymousUser, project: InnovationProject) -> bool:
    return is_staff_of(user, project.programme.municipality_id)


def assignable_users(project: InnovationProject, kind: str) -> QuerySet[User]:
    """Curators are specialists of the department or the methodological centre; a tutor is
    any user of the municipality."""
    profiles = UserProfile.objects.filter(municipality_id=project.programme.municipality_id)
    if kind == AssignmentKind.CURATOR:
        profiles = profiles.filter(role__in=CURATOR_ROLES)
    return User.objects.filter(pk__in=profiles.values("user_id"), is_active=True).order_by(
        "last_name", "first_name", "username")


def may_fill_programme_application(user: User | AnonymousUser, programme: Programme) -> bool:
    return is_staff_of(user, programme.municipality_id)


def applications_for_user(user: User | AnonymousUser) -> QuerySet[Application]:
    return Application.objects.filter(
        Q(project__in=projects_for_user(user)) | Q(programme__in=programmes_for_user(user)))


def versions_for_user(user: User | AnonymousUser) -> QuerySet[ApplicationVersion]:
    return ApplicationVersion.objects.filter(application__in=applications_for_user(user))


def may_fill_application(user: User | AnonymousUser, application: Application) -> bool:
    if application.project_id is not None:
        return may_edit_project(user, application.project)
    return may_fill_programme_application(user, application.programme)


def my_projects(user: User | AnonymousUser) -> QuerySet[InnovationProject]:
    """«Мои проекты»: the ones the user accompanies and the own school's."""
    profile = profile_of(user)
    if not user.is_authenticated or profile is None:
        return InnovationProject.objects.none()
    mine = Q(pk__in=_assigned_to(user))
    if profile.role == Role.SCHOOL:
        mine |= Q(organization_id=profile.organization_id)
    return projects_for_user(user).filter(mine)
