"""What the pages of sessions show: lists with their counts, who came (names only for
those allowed, the rest as a number), a teacher's own sessions and effectiveness map."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from people.models import Teacher
from trainings.models import EffectivenessCriterion, EffectivenessMark, PlatformSession


def listed_sessions(sessions: QuerySet[PlatformSession]) -> QuerySet[PlatformSession]:
    return sessions.select_related(
        "platform__host", "programme", "module", "led_by").annotate(
        came=Count("attendances")).order_by("-held_on", "-pk")


@dataclass(frozen=True)
class Attendees:
    named: list[Teacher]
    unnamed: int


def attendees(session: PlatformSession, visible: QuerySet[Teacher]) -> Attendees:
    """Who came: named those the user may see, a count for the rest."""
    people = list(Teacher.objects.filter(attendances__session=session).annotate(
        shown=Count("pk", filter=Q(pk__in=visible.values("pk")))
    ).select_related("organization").order_by("full_name", "pk"))
    named = [person for person in people if person.shown]
    return Attendees(named=named, unnamed=len(people) - len(named))


def ordered_candidates(candidates: QuerySet[Teacher], session: PlatformSession):
    """Participants of the platform first (those who came to its sessions), then others."""
    return candidates.select_related("organization").annotate(
        visits=Count("attendances", filter=Q(attendances__session__platform=session.platform),
                     distinct=True),
    ).order_by("-visits", "full_name", "pk")


def my_sessions(teacher: Teacher) -> QuerySet[PlatformSession]:
    return PlatformSession.objects.filter(attendances__teacher=teacher).select_related(
        "platform__host", "programme", "led_by").order_by("-held_on", "-pk")


@dataclass(frozen=True)
class MapRow:
    criterion: EffectivenessCriterion
    # Date → mark, in the order of ``EffectivenessMap.dates``.
    cells: list[EffectivenessMark | None]


@dataclass(frozen=True)
class ProgrammeMap:
    title: str
    rows: list[MapRow]


@dataclass(frozen=True)
class EffectivenessMap:
    dates: list
    programmes: list[ProgrammeMap]


def effectiveness_map(teacher: Teacher) -> EffectivenessMap:
    """The teacher's marks by programme and criterion, one column a date, oldest first."""
    marks = list(EffectivenessMark.objects.filter(teacher=teacher).select_related(
        "criterion__programme"))
    dates = sorted({mark.marked_on for mark in marks})
    by_criterion: dict[int, dict] = defaultdict(dict)
    for mark in marks:
        by_criterion[mark.criterion_id][mark.marked_on] = mark
    criteria = EffectivenessCriterion.objects.filter(
        Q(programme__completions__teacher=teacher)
        | Q(programme__sessions__attendances__teacher=teacher)
        | Q(pk__in=list(by_criterion))).distinct().select_related("programme").order_by(
        "programme__title", "programme_id", "number")
    programmes: dict[int, ProgrammeMap] = {}
    for criterion in criteria:
        entry = programmes.setdefault(criterion.programme_id,
                                      ProgrammeMap(criterion.programme.title, []))
        entry.rows.append(MapRow(criterion, [by_criterion[criterion.pk].get(day)
                                             for day in dates]))
    return EffectivenessMap(dates=dates, programmes=list(programmes.values()))
