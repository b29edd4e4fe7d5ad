"""What the project's indicators are computed from: the raw counts of each academic year,
read in bulk for all the years asked for, with a number of queries that depends on the
number of years only, never on the size of the municipality."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, F, Max, OuterRef, Q, Subquery, Sum

from diagnostics import dynamics
from diagnostics.models import (
    Deficit,
    Diagnosis,
    DiagnosisSource,
    DiagnosticRound,
    SchoolIndicator,
    Staffing,
)
from internships.models import Curator, JournalEntry, Period, Placement, Platform, TeamResult, Tier
from registers.models import METHODOLOGICAL_KINDS, Origin, Product
from teams.models import ManagementTeam, Municipality, OrganizationKind


@dataclass(frozen=True)
class PlatformPeople:
    """The people who went through a platform, as far as its journal tells.

    A journal records how many managers and teachers a team sent to each event, not who
    they were: the same three people at ten sessions are three, not thirty. So a team
    counts with the most managers and the most teachers it sent to any one event.
    """

    # Result rows of the platform's entries, attended or not: none means «нет данных».
    result_rows: int = 0
    managers: int = 0
    teachers: int = 0

    @property
    def total(self) -> int:
        return self.managers + self.teachers


@dataclass
class PeriodData:
    """The raw counts of one period, read in bulk for all periods asked for."""

    # Direction number → platform id, and per platform: leaders, teams placed, entries,
    # result rows, and the people who went through it (see PlatformPeople).
    platforms: dict[int, int] = field(default_factory=dict)
    leaders: dict[int, int] = field(default_factory=dict)
    placed: dict[int, int] = field(default_factory=dict)
    entries: dict[int, int] = field(default_factory=dict)
    people: dict[int, PlatformPeople] = field(default_factory=dict)
    teams_placed: int = 0
    teams_leading: int = 0
    schools_placed: int = 0
    handbooks: int = 0
    handbooks_registered: int = 0
    handbook_produced_on: date | None = None
    curators: bool = False
    bodies: set[str] = field(default_factory=set)
    monitoring: dict = field(default_factory=dict)
    staffing: dict = field(default_factory=dict)
    changes: list[dynamics.CountChange] = field(default_factory=list)
    rounds_held: int = 0
    rounds_with_results: int = 0


def platform_people(results) -> dict[int, PlatformPeople]:
    """Platform id → its PlatformPeople, from a TeamResult queryset (one query)."""
    attended = Q(attended=True)
    # Platform id → [result rows, managers, teachers], summed over its teams.
    sums: dict[int, list[int]] = {}
    for platform_id, _team, rows, managers, teachers in (
        results.order_by().values_list("entry__platform", "team")
        .annotate(rows=Count("pk"), managers=Max("managers", filter=attended),
                  teachers=Max("teachers", filter=attended))
    ):
        found = sums.setdefault(platform_id, [0, 0, 0])
        found[0] += rows
        found[1] += managers or 0
        found[2] += teachers or 0
    return {platform_id: PlatformPeople(result_rows=rows, managers=managers, teachers=teachers)
            for platform_id, (rows, managers, teachers) in sums.items()}


def _read_platforms(periods: dict[int, PeriodData], as_of: date | None) -> None:
    platform_period: dict[int, int] = {}
    for pk, period_id, number in Platform.objects.filter(period__in=periods).values_list(
        "pk", "period_id", "direction__number"
    ):
        periods[period_id].platforms[number] = pk
        platform_period[pk] = period_id

    def by_platform(queryset, key: str, **figures) -> None:
        for row in queryset.order_by().values(key).annotate(**figures):
            data = periods[platform_period[row[key]]]
            for name in figures:
                getattr(data, name)[row[key]] = row[name] or 0

    by_platform(Placement.objects.filter(platform__in=platform_period), "platform",
                placed=Count("pk"), leaders=Count("pk", filter=Q(tier=Tier.LEADER)))
    # «По состоянию на» a date: the events held by then.
    held = Q() if as_of is None else Q(held_on__lte=as_of)
    by_platform(JournalEntry.objects.filter(held, platform__in=platform_period), "platform",
                entries=Count("pk"))
    results = TeamResult.objects.filter(entry__platform__in=platform_period)
    if as_of is not None:
        results = results.filter(entry__held_on__lte=as_of)
    for platform_id, people in platform_people(results).items():
        periods[platform_period[platform_id]].people[platform_id] = people


def _read_network(periods: dict[int, PeriodData], municipality: Municipality) -> None:
    # The municipality's school teams as a subquery, found through the organizations'
    # municipality index: joining every placement to its team and organization made the
    # database read the teams of the whole region.
    school_teams = ManagementTeam.objects.filter(
        organization__municipality=municipality, organization__kind=OrganizationKind.SCHOOL
    ).values("pk")
    school = Q(team__in=school_teams)
    for row in (
        Placement.objects.filter(platform__period__in=periods).order_by()
        .values("platform__period")
        .annotate(teams=Count("team", distinct=True),
                  leading=Count("team", distinct=True, filter=Q(tier=Tier.LEADER)),
                  schools=Count("team", distinct=True, filter=school))
    ):
        data = periods[row["platform__period"]]
        data.teams_placed, data.teams_leading = row["teams"], row["leading"]
        data.schools_placed = row["schools"]
    for period_id, body in (
        Curator.objects.filter(platforms__period__in=periods).order_by()
        .values_list("platforms__period", "body").distinct()
    ):
        periods[period_id].curators = True
        if body:
            periods[period_id].bodies.add(body)


def _read_handbooks(periods: dict[int, PeriodData], as_of: date | None) -> None:
    # The register of products, not the report jobs: the cleanup deletes old jobs, a
    # handbook ordered again is the same handbook (one built record a year), and staff
    # register the year's other methodological publications there too.
    products = Product.objects.filter(period__in=periods, kind__in=METHODOLOGICAL_KINDS)
    if as_of is not None:
        products = products.filter(Q(issued_on__lte=as_of)
                                   | Q(issued_on__isnull=True, created_at__date__lte=as_of))
    built = Q(origin=Origin.BUILT)
    for row in (products.order_by().values("period")
                .annotate(total=Count("pk"), built=Count("pk", filter=built),
                          built_on=Max("issued_on", filter=built))):
        data = periods[row["period"]]
        data.handbooks = row["total"]
        data.handbooks_registered = row["total"] - row["built"]
        data.handbook_produced_on = row["built_on"]


def _both_known(part: str, whole: str) -> Q:
    return Q(**{f"{part}__isnull": False, f"{whole}__isnull": False})


def read_monitoring(periods: dict[int, PeriodData], municipality: Municipality) -> None:
    sums = {}
    for part, whole in (("olympiad_winners", "students_total"),
                        ("graduates_high_gia", "graduates_total"),
                        ("teachers_competition_winners", "teachers_total")):
        # Annotations named apart from the fields they sum: a clash breaks the SQL.
        sums[f"sum_{part}"] = Sum(part, filter=_both_known(part, whole))
        sums[f"sum_{part}_of"] = Sum(whole, filter=_both_known(part, whole))
    for row in (
        SchoolIndicator.objects.filter(period__in=periods,
                                       organization__municipality=municipality)
        .order_by().values("period")
        .annotate(low=Count("pk", filter=Q(low_results=True)),
                  low_known=Count("pk", filter=Q(low_results__isnull=False)),
                  non_objective_yes=Count("pk", filter=Q(non_objective=True)),
                  non_objective_known=Count("pk", filter=Q(non_objective__isnull=False)),
                  **sums)
    ):
        periods[row.pop("period")].monitoring = row


def _read_staffing(periods: dict[int, PeriodData], period_ends: dict[int, date],
                   municipality: Municipality) -> None:
    # The latest figures of each organization as of the period's end: one aggregate per
    # period, since each period has its own cut-off date.
    for period_id, ends_on in period_ends.items():
        # The latest line: its date is the organization's latest by then, found backwards
        # in the (organization, as_of) index. The rows are reached from the
        # municipality's organizations: a NOT EXISTS anti-join made the database scan the
        # staffing lines of every municipality of the region.
        latest = (Staffing.objects.filter(organization=OuterRef("organization"),
                                          as_of__lte=ends_on)
                  .order_by("-as_of").values("as_of")[:1])
        periods[period_id].staffing = (
            Staffing.objects.filter(organization__municipality=municipality,
                                    as_of__lte=ends_on)
            .alias(latest=Subquery(latest)).filter(as_of=F("latest"))
            # «Критическое состояние» as StaffingFigures.critical has it: more than half
            # without a category, counted in the database.
            .annotate(doubled_without=F("without_category") * 2)
            .aggregate(organizations=Count("pk"),
                       teachers=Sum("teachers_total"),
                       qualified=Sum(F("first_category") + F("highest_category")),
                       critical=Count("pk", filter=Q(teachers_total__gt=0,
                                                     doubled_without__gt=F("teachers_total"))))
        )


def _read_diagnostics(periods: dict[int, PeriodData], period_rows: list[Period],
                      cutoffs: dict[int, date]) -> None:
    programme_ids = {period.programme_id for period in period_rows}
    rounds = list(
        DiagnosticRound.objects.filter(programme__in=programme_ids)
        .annotate(has_results=Exists(Diagnosis.objects.filter(round=OuterRef("pk"))))
        .order_by("starts_on", "pk")
        .values_list("pk", "programme_id", "starts_on", "has_results")
    )
    # Only the number of active deficits matters to the shares: counted in the database,
    # withdrawn deficits left out of both sides as ``dynamics.compare`` does.
    counts = dynamics.load_deficit_counts(
        Diagnosis.objects.filter(round__programme__in=programme_ids,
                                 source=DiagnosisSource.EXPERT),
        Deficit.objects.filter(direction__programme__in=programme_ids, active=True),
    )
    # (team, direction) → round id → the active deficits found in it.
    diagnosed: dict[tuple[int, int], dict[int, int]] = defaultdict(dict)
    for (round_id, team_id, direction_id), found in counts.items():
        diagnosed[team_id, direction_id][round_id] = found
    # The pairs by the rounds they were diagnosed in: a period's first and last of those
    # rounds are found once per set of rounds, not once per team and direction.
    by_rounds: dict[frozenset[int], list[tuple[int, int, dict[int, int]]]] = defaultdict(list)
    for (team_id, direction_id), found in diagnosed.items():
        by_rounds[frozenset(found)].append((team_id, direction_id, found))
    for period in period_rows:
        held = [(pk, has_results) for pk, programme_id, starts_on, has_results in rounds
                if programme_id == period.programme_id and starts_on <= cutoffs[period.pk]]
        data = periods[period.pk]
        data.rounds_held = len(held)
        data.rounds_with_results = sum(1 for _, has_results in held if has_results)
        for round_ids, pairs in by_rounds.items():
            mine = [pk for pk, _ in held if pk in round_ids]
            if len(mine) >= 2:
                first, last = mine[0], mine[-1]
                data.changes.extend(
                    dynamics.CountChange(team_id, direction_id, found[first], found[last])
                    for team_id, direction_id, found in pairs
                )


def read_periods(*, municipality: Municipality, periods: Sequence[Period],
                 as_of: date | None) -> dict[int, PeriodData]:
    """Period id → its raw counts; with ``as_of``, dated data only up to that day (a period
    ending earlier is read to its end)."""
    cutoffs = {period.pk: min(period.ends_on, as_of) if as_of else period.ends_on
               for period in periods}
    data = {period.pk: PeriodData() for period in periods}
    _read_platforms(data, as_of)
    _read_network(data, municipality)
    _read_handbooks(data, as_of)
    read_monitoring(data, municipality)
    _read_staffing(data, cutoffs, municipality)
    _read_diagnostics(data, list(periods), cutoffs)
    return data
