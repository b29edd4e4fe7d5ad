"""A school team's own part in the internships of a year (reads only) and its workbook."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Prefetch, Q
from openpyxl import Workbook

from core.spreadsheets import add_sheet, workbook_bytes
from internships.access import (
    entries_for_user,
    mentorships_for_user,
    placements_for_user,
    planned_events_for_user,
    results_for_user,
)
from internships.models import (
    Curator,
    Direction,
    JournalEntry,
    Mentorship,
    Period,
    Placement,
    PlannedEvent,
    Platform,
    TeamResult,
)
from teams.models import ManagementTeam


@dataclass
class PastEntry:
    """A journal entry the team hosted or took part in, with its own result row only."""

    entry: JournalEntry
    hosted: bool
    result: TeamResult | None


@dataclass
class DirectionPart:
    direction: Direction
    platform: Platform | None
    placement: Placement | None
    mentors: list[Mentorship] = field(default_factory=list)
    mentees: list[Mentorship] = field(default_factory=list)
    upcoming: list[PlannedEvent] = field(default_factory=list)
    entries: list[PastEntry] = field(default_factory=list)


@dataclass
class Participation:
    team: ManagementTeam
    period: Period
    parts: list[DirectionPart]
    # Every pair of the year, ended ones too, for the record.
    mentorships: list[Mentorship]


def upcoming_condition(today: datetime.date) -> Q:
    """Plan lines not held yet and due today or later: by date, or by month when undated."""
    return Q(entry__isnull=True) & (
        Q(planned_on__gte=today)
        | Q(planned_on__isnull=True, month__gte=today.replace(day=1))
    )


def school_participation(
    *, user: User | AnonymousUser, team: ManagementTeam, period: Period, today: datetime.date
) -> Participation:
    """What the team does in each direction of the year; a constant number of queries."""
    directions = list(Direction.objects.filter(programme_id=period.programme_id))
    platforms = {
        platform.direction_id: platform
        for platform in Platform.objects.filter(period=period).prefetch_related(
            Prefetch("curators", queryset=Curator.objects.order_by("short_name"))
        )
    }
    placements = {
        placement.platform_id: placement
        for placement in placements_for_user(user).filter(team=team, platform__period=period)
    }
    mentorships = list(
        mentorships_for_user(user)
        .filter(Q(mentor=team) | Q(mentee=team), platform__period=period)
        .select_related("mentor__organization", "mentee__organization", "platform__direction")
        .order_by("platform__direction__number", "started_on", "id")
    )
    upcoming = (
        planned_events_for_user(user)
        .filter(upcoming_condition(today), platform__period=period)
        .select_related("responsible__organization")
        .order_by("month", "planned_on", "id")
    )
    entries = (
        entries_for_user(user)
        .filter(platform__period=period, held_on__lte=today)
        .select_related("venue")
        .prefetch_related(
            Prefetch("results", queryset=results_for_user(user).filter(team=team),
                     to_attr="own_results"),
            Prefetch("hosts", queryset=ManagementTeam.objects.select_related("organization")
                     .order_by("organization__sort_rank", "organization__number")),
        )
        .order_by("-held_on", "-id")
    )

    parts = {
        direction.pk: DirectionPart(
            direction=direction,
            platform=platforms.get(direction.pk),
            placement=placements.get(platforms[direction.pk].pk)
            if direction.pk in platforms else None,
        )
        for direction in directions
    }
    by_platform = {part.platform.pk: part for part in parts.values() if part.platform}
    for mentorship in mentorships:
        part = by_platform.get(mentorship.platform_id)
        if part is None or mentorship.ended_on is not None:
            continue
        (part.mentors if mentorship.mentee_id == team.pk else part.mentees).append(mentorship)
    for event in upcoming:
        if event.platform_id in by_platform:
            by_platform[event.platform_id].upcoming.append(event)
    for entry in entries:
        if entry.platform_id in by_platform:
            by_platform[entry.platform_id].entries.append(PastEntry(
                entry=entry,
                hosted=any(host.pk == team.pk for host in entry.hosts.all()),
                result=entry.own_results[0] if entry.own_results else None,
            ))
    return Participation(team=team, period=period, parts=list(parts.values()),
                         mentorships=mentorships)


def _yes_no(value: bool) -> str:
    return "да" if value else "нет"


def participation_workbook(participation: Participation) -> bytes:
    """Three sheets: placements by direction, mentor pairs, entries with the team's own results."""
    team = participation.team
    workbook = Workbook(write_only=True)

    add_sheet(workbook, title="Распределение", columns=[
        ("№ направления", 14), ("Направление", 60), ("Уровень", 32), ("Кураторы", 36),
    ], rows=(
        (part.direction.number, part.direction.title,
         part.placement.get_tier_display() if part.placement else "не распределена",
         ", ".join(curator.short_name for curator in part.platform.curators.all())
         if part.platform else "")
        for part in participation.parts
    ))

    add_sheet(workbook, title="Наставничество", columns=[
        ("№ направления", 14), ("Роль команды", 22), ("Команда-партнёр", 32), ("Начало", 14),
        ("Окончание", 14),
    ], rows=(
        (mentorship.platform.direction.number,
         "подопечная" if mentorship.mentee_id == team.pk else "наставник",
         (mentorship.mentor if mentorship.mentee_id == team.pk
          else mentorship.mentee).organization.short_name,
         mentorship.started_on, mentorship.ended_on)
        for mentorship in participation.mentorships
    ))

    add_sheet(workbook, title="Мероприятия", columns=[
        ("Дата", 12), ("№ направления", 14), ("Форма работы", 26), ("Тема", 60),
        ("Роль команды", 16), ("Участвовала", 12), ("Руководителей", 14), ("Педагогов", 12),
        ("Результат", 20), ("Комментарий", 50),
    ], rows=(
        (past.entry.held_on, part.direction.number, past.entry.form_name, past.entry.topic,
         "проводила" if past.hosted else "участница",
         _yes_no(past.result.attended) if past.result else "",
         past.result.managers if past.result else None,
         past.result.teachers if past.result else None,
         past.result.get_outcome_display() if past.result else "",
         past.result.comment if past.result else "")
        for part in participation.parts
        for past in part.entries
    ))

    return workbook_bytes(workbook)
