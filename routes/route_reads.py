"""What the route pages read: the register of routes, one route with its steps, a teacher's
routes, a master's trainees with their due steps, journals and help requests."""

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet

from people.models import Teacher
from routes.access import help_requests_to_answer, proposals_for_user, trainees_of
from routes.models import (
    GrowthEntry,
    HelpRequest,
    ProposalStatus,
    Route,
    RouteProposal,
    RouteStep,
    StepStatus,
)

# A master's page shows the steps due within this many days, besides the overdue ones.
DUE_SOON_DAYS = 14
OPEN_STEP = Q(status__in=[StepStatus.PLANNED, StepStatus.IN_PROGRESS])
RECENT_ENTRIES = 20


def overdue_q(today: datetime.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}due_on__lt": today}) & Q(
        **{f"{prefix}status__in": [StepStatus.PLANNED, StepStatus.IN_PROGRESS]})


def _participants() -> Prefetch:
    return Prefetch("participants",
                    queryset=Teacher.objects.select_related("organization").order_by(
                        "full_name"))


def register_rows(*, routes: QuerySet[Route], today: datetime.date) -> QuerySet[Route]:
    return (routes.select_related("programme__platform__host", "master")
            .prefetch_related(_participants())
            .annotate(step_count=Count("steps", distinct=True),
                      done_count=Count("steps", filter=Q(steps__status=StepStatus.DONE),
                                       distinct=True),
                      overdue_count=Count("steps", filter=overdue_q(today, "steps__"),
                                          distinct=True))
            .order_by("-starts_on", "title", "pk"))


def route_page(*, route: Route) -> dict:
    return {
        "steps": list(route.steps.order_by("number")),
        "participants": list(route.participants.select_related("organization")
                             .order_by("full_name")),
    }


def routes_of_trainee(*, teacher: Teacher) -> list[Route]:
    return list(
        Route.objects.filter(memberships__teacher=teacher)
        .select_related("programme__platform__host", "master__organization")
        .prefetch_related(Prefetch("steps", queryset=RouteStep.objects.order_by("number")))
        .order_by("-starts_on", "pk")
    )


def journal_of(*, trainee: Teacher, limit: int | None = RECENT_ENTRIES) -> list[GrowthEntry]:
    entries = GrowthEntry.objects.filter(trainee=trainee).select_related("author")
    return list(entries[:limit] if limit else entries)


def help_requests_of(*, author: Teacher) -> list[HelpRequest]:
    return list(author.help_requests.select_related("platform", "master", "answered_by"))


def master_page(*, master: Teacher, today: datetime.date) -> dict:
    trainees = list(trainees_of(master).select_related("organization").order_by("full_name"))
    routes = list(
        Route.objects.filter(master=master).select_related("programme__platform")
        .prefetch_related(_participants()).order_by("-starts_on", "pk"))
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    steps = (RouteStep.objects.filter(route__master=master).filter(OPEN_STEP)
             .filter(due_on__lte=soon).select_related("route")
             .prefetch_related(Prefetch("route__participants",
                                        queryset=Teacher.objects.order_by("full_name")))
             .order_by("due_on", "pk"))
    to_confirm = (RouteStep.objects.filter(route__master=master, status=StepStatus.DONE,
                                           confirmed_on__isnull=True)
                  .select_related("route")
                  .prefetch_related(Prefetch("route__participants",
                                             queryset=Teacher.objects.order_by("full_name")))
                  .order_by("done_on", "pk"))
    requests = help_requests_to_answer(master).select_related(
        "author__organization", "platform", "master").order_by("status", "-asked_on", "-pk")
    return {
        "trainees": trainees, "routes": routes,
        "overdue": [step for step in steps if step.due_on < today],
        "due_soon": [step for step in steps if step.due_on >= today],
        "to_confirm": list(to_confirm), "help_requests": list(requests),
        "due_soon_days": DUE_SOON_DAYS,
    }


def open_proposals(*, user) -> list[RouteProposal]:
    """Proposals waiting for the department's decision, oldest first."""
    return list(proposals_for_user(user).filter(status=ProposalStatus.OPEN)
                .select_related("teacher__organization", "programme__platform")
                .order_by("proposed_on", "pk"))
