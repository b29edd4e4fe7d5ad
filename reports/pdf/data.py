"""What the PDF reports print, read from the other apps with a fixed number of queries.

Each function reads one section for one academic year of one municipality; none of
them issues a query per organization, platform or entry, so a report costs the same
number of queries on a small and a large district. The figures of the project's
indicators come from ``reports.indicators`` only, so the PDF, the workbook and the
«Показатели» page never disagree.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from core.formatting import ru_number
from diagnostics import dynamics
from diagnostics.models import Deficit, Diagnosis, DiagnosisSource, DiagnosticRound, Staffing
from diagnostics.staffing import StaffingTable, group_staffing
from internships.matrix import MatrixRow, build_matrix, ordered_placements
from internships.models import (
    ControlPoint,
    CouncilMeeting,
    Curator,
    Direction,
    JournalEntry,
    Mentorship,
    Period,
    Placement,
    PlannedEvent,
    Platform,
    Stage,
    Strategy,
    StrategyKind,
    TeamResult,
    Tier,
    Transfer,
)
from internships.periods import municipality_default_period
from reports.errors import ReportError
from reports.indicator_catalogue import Group, IndicatorValue
from reports.indicator_changes import IndicatorChange, comparable_cutoff, indicator_change
from reports.indicators import PeriodIndicators, compute_periods, programme_periods
from teams.models import ManagementTeam, Municipality

NO_DATA = "нет данных"


# --- Which year and which control point --------------------------------------------------

def period_of_control_point(point: ControlPoint) -> Period | None:
    """The academic year of the programme in which the control point starts; None when no
    year of the programme covers that day."""
    return (Period.objects.filter(programme_id=point.programme_id,
                                  starts_on__lte=point.starts_on, ends_on__gte=point.starts_on)
            .select_related("programme").order_by("-starts_on").first())


def control_point_mismatch(point: ControlPoint, period: Period) -> str | None:
    """Why the control point cannot be reported for the year (Russian), or None when it
    starts within the year: a report must not carry one point's title and another year's
    figures."""
    if point.programme_id != period.programme_id:
        return "Контрольная точка относится к другому проекту, чем выбранный учебный год."
    if not period.starts_on <= point.starts_on <= period.ends_on:
        return (f"Контрольная точка «{point.title}» начинается {point.starts_on:%d.%m.%Y} — "
                f"это не {period.title} учебный год ({period.starts_on:%d.%m.%Y}–"
                f"{period.ends_on:%d.%m.%Y}). Выберите учебный год, в котором она проходит.")
    return None


def cutoff_date(*, period: Period, control_point: ControlPoint | None) -> datetime.date | None:
    """The day a monitoring report is «по состоянию на»: the control point's last day,
    within its year; None for a whole-year report, which counts everything of the year."""
    if control_point is None:
        return None
    return min(control_point.ends_on, period.ends_on)


def control_point_from(*, parameters: dict, municipality: Municipality) -> ControlPoint | None:
    """The control point named by the job's parameters, checked against the municipality."""
    point_id = parameters.get("control_point")
    if point_id in (None, ""):
        return None
    try:
        return ControlPoint.objects.select_related("programme").get(
            pk=int(point_id), programme__municipality=municipality
        )
    except (TypeError, ValueError, ControlPoint.DoesNotExist):
        raise ReportError("Контрольная точка не найдена в программе этого муниципального "
                          "образования.") from None


def report_period(*, municipality: Municipality, period: Period | None,
                  control_point: ControlPoint | None = None) -> Period:
    """The year a report covers: the one asked for, else the control point's, else the
    municipality's default year (``internships.periods.default_period``)."""
    if period is not None:
        if period.programme.municipality_id != municipality.pk:
            raise ReportError("Учебный год относится к другому муниципальному образованию.")
        return period
    if control_point is not None:
        found = period_of_control_point(control_point)
        if found is None:
            raise ReportError(f"Контрольная точка «{control_point.title}» "
                              f"({control_point.starts_on:%d.%m.%Y}) не входит ни в один "
                              "учебный год проекта: заведите учебный год или выберите другую "
                              "контрольную точку.")
    else:
        found = municipality_default_period(municipality=municipality,
                                            today=timezone.localdate())
    if found is None:
        raise ReportError("В программе муниципального образования нет учебных годов: "
                          "заведите учебный год, затем закажите отчёт.")
    return found


# --- Indicators ----------------------------------------------------------------------------

@dataclass
class IndicatorRow:
    value: IndicatorValue
    previous: IndicatorValue | None
    change: IndicatorChange | None
    # The value in every year of the series, oldest first (None where unknown).
    history: list[IndicatorValue] = field(default_factory=list)

    @property
    def indicator(self):
        return self.value.indicator


@dataclass
class IndicatorSection:
    group: Group
    rows: list[IndicatorRow]

    @property
    def label(self) -> str:
        return self.group.label


@dataclass
class Indicators:
    periods: list[Period]
    sections: list[IndicatorSection]
    # Direction number → the per-direction values of the year.
    by_direction: dict[int, list[IndicatorValue]]
    previous_period: Period | None
    # The day the previous year is counted to when the report is a part of its year.
    previous_as_of: datetime.date | None = None

    def row(self, code: str) -> IndicatorRow:
        return next(row for section in self.sections for row in section.rows
                    if row.indicator.code == code)


def comparable_series(*, municipality: Municipality, periods: list[Period],
                      as_of: datetime.date | None) -> list[PeriodIndicators]:
    """The indicators of ``periods`` (oldest first), the last counted to ``as_of`` and
    each earlier one to the same point of its own year (``comparable_cutoff``): a
    half-year beside the same half-year, a whole year beside whole years."""
    last = periods[-1]
    cutoffs = [as_of if item == last else comparable_cutoff(
        starts_on=last.starts_on, ends_on=last.ends_on, as_of=as_of,
        earlier_starts_on=item.starts_on, earlier_ends_on=item.ends_on) for item in periods]
    if not any(cutoffs):
        return compute_periods(municipality=municipality, periods=periods, as_of=None)
    return [compute_periods(municipality=municipality, periods=[item], as_of=cutoff)[0]
            for item, cutoff in zip(periods, cutoffs, strict=True)]


def read_indicators(*, municipality: Municipality, period: Period,
                    as_of: datetime.date | None = None) -> Indicators:
    """The year's indicators with the previous year's and the series up to the year;
    with ``as_of``, the year's dated data up to that day (see ``compute_periods``) and
    each earlier year's to the same point of that year."""
    periods = [item for item in programme_periods(municipality=municipality)
               if item.programme_id == period.programme_id and item.starts_on <= period.starts_on]
    if period not in periods:
        raise ReportError("Учебный год не найден среди учебных годов программы.")
    series = comparable_series(municipality=municipality, periods=periods, as_of=as_of)
    current = series[-1]
    previous = series[-2] if len(series) > 1 else None
    sections: dict[str, IndicatorSection] = {}
    # By code, not by position: the region's figures differ from year to year.
    by_code = [{item.indicator.code: item for item in year.values} for year in series]
    for value in current.values:
        code = value.indicator.code
        before = by_code[-2].get(code) if previous is not None else None
        row = IndicatorRow(
            value=value, previous=before,
            change=indicator_change(current=value, previous=before),
            history=[year.get(code) or IndicatorValue(value.indicator, None)
                     for year in by_code],
        )
        group = Group(value.indicator.group)
        sections.setdefault(group, IndicatorSection(group=group, rows=[])).rows.append(row)
    return Indicators(
        periods=[item.period for item in series],
        sections=[sections[group] for group in Group if group in sections],
        by_direction=current.by_direction,
        previous_period=previous.period if previous is not None else None,
        previous_as_of=None if previous is None else comparable_cutoff(
            starts_on=period.starts_on, ends_on=period.ends_on, as_of=as_of,
            earlier_starts_on=previous.period.starts_on, earlier_ends_on=previous.period.ends_on),
    )


# --- The matrix and the platforms' activity ----------------------------------------------

def read_matrix(*, period: Period) -> list[MatrixRow]:
    """Directions × tiers of the year, as on the «Распределение» page."""
    return build_matrix(
        period=period,
        directions=Direction.objects.filter(programme_id=period.programme_id).order_by("number"),
        placements=ordered_placements(Placement.objects.filter(platform__period=period)),
    )


@dataclass
class PlatformActivity:
    row: MatrixRow
    indicators: dict[str, IndicatorValue]
    planned: int = 0
    planned_held: int = 0
    teams_attended: int = 0
    transfers: int = 0

    @property
    def direction(self) -> Direction:
        return self.row.direction

    @property
    def teams(self) -> int:
        return self.row.total

    def value(self, code: str) -> IndicatorValue | None:
        return self.indicators.get(code)


def read_activity(*, period: Period, matrix: list[MatrixRow],
                  by_direction: dict[int, list[IndicatorValue]],
                  as_of: datetime.date | None = None) -> list[PlatformActivity]:
    """Per direction: teams, events, people trained (from the indicators), the work plan's
    progress, teams that came to at least one event, and transfers between tiers; with
    ``as_of``, what happened up to that day."""
    held = Q(entry__isnull=False)
    attended_rows = TeamResult.objects.filter(entry__platform__period=period, attended=True)
    transfer_rows = Transfer.objects.filter(placement__platform__period=period)
    if as_of is not None:
        held &= Q(entry__held_on__lte=as_of)
        attended_rows = attended_rows.filter(entry__held_on__lte=as_of)
        transfer_rows = transfer_rows.filter(transferred_on__lte=as_of)
    planned = {
        row["platform"]: row for row in PlannedEvent.objects.filter(platform__period=period)
        .order_by().values("platform")
        .annotate(total=Count("pk"), held=Count("pk", filter=held))
    }
    attended = dict(
        attended_rows.order_by().values("entry__platform")
        .annotate(teams=Count("team", distinct=True)).values_list("entry__platform", "teams")
    )
    transfers = dict(
        transfer_rows.order_by().values("placement__platform")
        .annotate(count=Count("pk")).values_list("placement__platform", "count")
    )
    activity = []
    for row in matrix:
        platform_id = row.platform.pk if row.platform else None
        plan = planned.get(platform_id, {})
        activity.append(PlatformActivity(
            row=row,
            indicators={value.indicator.code: value
                        for value in by_direction.get(row.direction.number, [])},
            planned=plan.get("total", 0),
            planned_held=plan.get("held", 0),
            teams_attended=attended.get(platform_id, 0),
            transfers=transfers.get(platform_id, 0),
        ))
    return activity


# --- Deficit dynamics ----------------------------------------------------------------------

@dataclass(frozen=True)
class RoundCell:
    """Teams diagnosed in a direction in one round and their average number of deficits."""

    teams: int
    deficits: int

    @property
    def average(self) -> Decimal | None:
        if not self.teams:
            return None
        return (Decimal(self.deficits) / Decimal(self.teams)).quantize(Decimal("0.1"),
                                                                        ROUND_HALF_UP)

    @property
    def average_text(self) -> str:
        average = self.average
        return NO_DATA if average is None else ru_number(average)


@dataclass
class DirectionDynamics:
    direction: Direction
    cells: list[RoundCell]
    decreased: IndicatorValue | None


@dataclass
class DeficitDynamics:
    rounds: list[DiagnosticRound]
    rows: list[DirectionDynamics]

    @property
    def has_results(self) -> bool:
        return any(cell.teams for row in self.rows for cell in row.cells)


def read_deficit_dynamics(*, period: Period, by_direction: dict[int, list[IndicatorValue]],
                          as_of: datetime.date | None = None) -> DeficitDynamics:
    """Per direction and round held by the end of the year (or started by ``as_of``): the
    teams diagnosed by the curators and their average deficits; the share that decreased
    is the indicator's."""
    until = period.ends_on if as_of is None else min(as_of, period.ends_on)
    rounds = list(DiagnosticRound.objects.filter(programme_id=period.programme_id,
                                                 starts_on__lte=until)
                  .order_by("starts_on", "pk"))
    directions = list(Direction.objects.filter(programme_id=period.programme_id)
                      .order_by("number"))
    sets = dynamics.load_deficit_sets(
        Diagnosis.objects.filter(round__in=rounds, source=DiagnosisSource.EXPERT)
    )
    active = frozenset(Deficit.objects.filter(direction__programme_id=period.programme_id,
                                              active=True).values_list("pk", flat=True))
    teams: dict[tuple[int, int], int] = defaultdict(int)
    deficits: dict[tuple[int, int], int] = defaultdict(int)
    for (round_id, _team, direction_id), found in sets.items():
        teams[round_id, direction_id] += 1
        deficits[round_id, direction_id] += len(found & active)
    rows = []
    for direction in directions:
        decreased = next((value for value in by_direction.get(direction.number, [])
                          if value.indicator.code == "deficits_decreased_teams"), None)
        rows.append(DirectionDynamics(
            direction=direction,
            cells=[RoundCell(teams[r.pk, direction.pk], deficits[r.pk, direction.pk])
                   for r in rounds],
            decreased=decreased,
        ))
    return DeficitDynamics(rounds=rounds, rows=rows)


# --- Staffing ------------------------------------------------------------------------------

def read_staffing(*, municipality: Municipality, as_of: datetime.date) -> StaffingTable:
    """Each organization's latest staffing line on or before ``as_of`` (one query)."""
    latest = (Staffing.objects.filter(organization=OuterRef("organization"), as_of__lte=as_of)
              .order_by("-as_of").values("as_of")[:1])
    lines = (Staffing.objects.filter(organization__municipality=municipality,
                                     as_of=Subquery(latest))
             .select_related("organization")
             .order_by("organization__sort_rank", "organization__number",
                       "organization__short_name"))
    return group_staffing(lines)


# --- The handbook's sections ---------------------------------------------------------------

@dataclass
class PlatformPlan:
    row: MatrixRow
    events: list[PlannedEvent]


def read_work_plans(*, period: Period, matrix: list[MatrixRow]) -> list[PlatformPlan]:
    """Each direction's work plan lines of the year, in month order."""
    events: dict[int, list[PlannedEvent]] = defaultdict(list)
    for event in (PlannedEvent.objects.filter(platform__period=period)
                  .select_related("responsible__organization", "entry")
                  .order_by("month", "planned_on", "pk")):
        events[event.platform_id].append(event)
    return [PlatformPlan(row=row, events=events.get(row.platform.pk, []) if row.platform else [])
            for row in matrix]


@dataclass
class Practice:
    entry: JournalEntry
    leaders: list[ManagementTeam]


@dataclass
class DirectionPractices:
    direction: Direction
    practices: list[Practice]


def read_leader_practices(*, period: Period,
                          matrix: list[MatrixRow]) -> list[DirectionPractices]:
    """Journal entries of the year hosted by the platform's leader teams, by direction."""
    leaders = {
        row.platform.pk: {placement.team_id for placement in row.cells.get(Tier.LEADER, [])}
        for row in matrix if row.platform
    }
    entries = (JournalEntry.objects.filter(platform__period=period)
               .prefetch_related(Prefetch("hosts", queryset=ManagementTeam.objects
                                          .select_related("organization")))
               .order_by("held_on", "pk"))
    by_platform: dict[int, list[Practice]] = defaultdict(list)
    for entry in entries:
        hosts = [team for team in entry.hosts.all()
                 if team.pk in leaders.get(entry.platform_id, set())]
        if hosts:
            by_platform[entry.platform_id].append(Practice(entry=entry, leaders=hosts))
    return [DirectionPractices(direction=row.direction,
                               practices=by_platform.get(row.platform.pk, []))
            for row in matrix if row.platform]


@dataclass
class StrategyGroup:
    kind: str
    label: str
    teams: list[ManagementTeam]


def read_strategies(*, period: Period) -> list[StrategyGroup]:
    chosen: dict[str, list[ManagementTeam]] = defaultdict(list)
    for strategy in (Strategy.objects.filter(period=period)
                     .select_related("team__organization")
                     .order_by("team__organization__sort_rank", "team__organization__number",
                               "team__organization__short_name")):
        chosen[strategy.kind].append(strategy.team)
    return [StrategyGroup(kind=kind, label=label, teams=chosen.get(kind, []))
            for kind, label in StrategyKind.choices]


def read_mentorships(*, period: Period) -> list[Mentorship]:
    return list(Mentorship.objects.filter(platform__period=period)
                .select_related("platform__direction", "mentor__organization",
                                "mentee__organization")
                .order_by("platform__direction__number", "started_on", "pk"))


@dataclass(frozen=True)
class Documentation:
    """How much of the project's documentation the portal keeps for the year."""

    journals: int
    entries: int
    transfers: int
    council_meetings: int


def read_documentation(*, period: Period) -> Documentation:
    return Documentation(
        journals=Platform.objects.filter(period=period).count(),
        entries=JournalEntry.objects.filter(platform__period=period).count(),
        transfers=Transfer.objects.filter(placement__platform__period=period).count(),
        council_meetings=CouncilMeeting.objects.filter(period=period).count(),
    )


def read_curators(*, municipality: Municipality, period: Period) -> list[Curator]:
    """The municipality's curators with the directions they keep in the year."""
    return list(
        Curator.objects.filter(municipality=municipality)
        .prefetch_related(Prefetch("platforms", to_attr="year_platforms",
                                   queryset=Platform.objects.filter(period=period)
                                   .select_related("direction")
                                   .order_by("direction__number")))
        .order_by("short_name")
    )


def read_programme_plan(*, period: Period) -> tuple[list[Stage], list[ControlPoint]]:
    programme = period.programme_id
    return (list(Stage.objects.filter(programme_id=programme).order_by("number")),
            list(ControlPoint.objects.filter(programme_id=programme)
                 .order_by("starts_on", "pk")))
