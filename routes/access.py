"""Who may see and keep routes, mentoring pairs, help requests and growth journals.

Routes name people, so they follow people/access.py: the department's staff read and keep
every route of their municipality; a school leader reads the routes its own people take
part in or lead; a teacher reads the routes they take part in and, as a pedagogue-master,
the routes they lead. Curators of management teams, analysts and other municipalities see
no routes.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from people.models import Teacher, TeacherPlatform
from routes.models import HelpRequest, MentoringPair, Route, RouteParticipant, RouteProposal
from teams.access import has_role, is_staff_of, profile_of
from teams.models import Role


def own_teacher(user: User | AnonymousUser) -> Teacher | None:
    """The person record of a signed-in teacher (role «Педагогический работник»)."""
    if not user.is_authenticated or user.is_superuser or not has_role(user, Role.TEACHER):
        return None
    if not hasattr(user, "_own_teacher_cache"):
        user._own_teacher_cache = (Teacher.objects.select_related("organization")
                                   .filter(user=user).first())
    return user._own_teacher_cache


def reads_route_register(user: User | AnonymousUser) -> bool:
    """The list of routes is the department's and the school leaders'."""
    return has_role(user, Role.STAFF, Role.SCHOOL)


def routes_for_user(user: User | AnonymousUser) -> QuerySet[Route]:
    if user.is_authenticated and user.is_superuser:
        return Route.objects.all()
    profile = profile_of(user)
    if profile is None:
        return Route.objects.none()
    if profile.role == Role.STAFF:
        return Route.objects.filter(
            programme__platform__host__municipality_id=profile.municipality_id)
    if profile.role == Role.SCHOOL:
        taking_part = RouteParticipant.objects.filter(
            teacher__organization_id=profile.organization_id).values("route_id")
        return Route.objects.filter(Q(pk__in=taking_part)
                                    | Q(master__organization_id=profile.organization_id))
    teacher = own_teacher(user)
    if teacher is None:
        return Route.objects.none()
    taking_part = RouteParticipant.objects.filter(teacher=teacher).values("route_id")
    return Route.objects.filter(Q(pk__in=taking_part) | Q(master=teacher))


def keeps_routes_of(user: User | AnonymousUser, route: Route) -> bool:
    """Creating and changing routes and steps is the department's work."""
    return is_staff_of(user, route.programme.platform.host.municipality_id)


def trainees_of(master: Teacher) -> QuerySet[Teacher]:
    """The people a master mentors: open mentoring pairs and the routes the master leads."""
    paired = MentoringPair.objects.filter(master=master, ended_on__isnull=True).values(
        "trainee_id")
    on_routes = RouteParticipant.objects.filter(route__master=master).values("teacher_id")
    return Teacher.objects.filter(Q(pk__in=paired) | Q(pk__in=on_routes))


def journal_trainees_for_user(user: User | AnonymousUser) -> QuerySet[Teacher]:
    """Whose growth journal the user reads: staff of the municipality, the school leader of
    the trainee's own organization, the trainee's masters."""
    if user.is_authenticated and user.is_superuser:
        return Teacher.objects.all()
    profile = profile_of(user)
    if profile is None:
        return Teacher.objects.none()
    if profile.role == Role.STAFF:
        return Teacher.objects.filter(organization__municipality_id=profile.municipality_id)
    if profile.role == Role.SCHOOL:
        return Teacher.objects.filter(organization_id=profile.organization_id)
    teacher = own_teacher(user)
    if teacher is None:
        return Teacher.objects.none()
    return trainees_of(teacher)


def platforms_answered_by(teacher: Teacher) -> QuerySet[TeacherPlatform]:
    """Platforms whose help requests the teacher answers: as head or a working-group master."""
    return TeacherPlatform.objects.filter(Q(head=teacher) | Q(masters=teacher)).distinct()


def help_requests_to_answer(teacher: Teacher) -> QuerySet[HelpRequest]:
    platforms = platforms_answered_by(teacher).values("pk")
    return HelpRequest.objects.filter(Q(master=teacher) | Q(platform__in=platforms))


def mentoring_pairs_for_user(user: User | AnonymousUser) -> QuerySet[MentoringPair]:
    """Mentoring pairs are kept by the department of the master's municipality."""
    if user.is_authenticated and user.is_superuser:
        return MentoringPair.objects.all()
    profile = profile_of(user)
    if profile is None or profile.role != Role.STAFF:
        return MentoringPair.objects.none()
    return MentoringPair.objects.filter(
        master__organization__municipality_id=profile.municipality_id)


def proposals_for_user(user: User | AnonymousUser) -> QuerySet[RouteProposal]:
    """The department reads the municipality's proposals, a school leader the school's own."""
    if user.is_authenticated and user.is_superuser:
        return RouteProposal.objects.all()
    profile = profile_of(user)
    if profile is None:
        return RouteProposal.objects.none()
    if profile.role == Role.STAFF:
        return RouteProposal.objects.filter(
            teacher__organization__municipality_id=profile.municipality_id)
    if profile.role == Role.SCHOOL:
        return RouteProposal.objects.filter(teacher__organization_id=profile.organization_id)
    return RouteProposal.objects.none()
