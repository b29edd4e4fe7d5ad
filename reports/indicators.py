"""The project's indicators (seed 000, §9): each defined once, computed for a period.

Every figure the «Показатели проекта» page, the Excel workbook and the PDF reports
print about the project's effectiveness comes from here.

Rules:
- a figure whose data is missing is ``None`` («нет данных»), never 0; a share whose
  denominator is 0 is ``None`` too;
- shares are ``Decimal`` fractions 0..1 with their numerator and denominator kept, so the
  reader can check them and rounding happens only when the figure is printed;
- every indicator of a period costs the same number of queries whatever the size of the
  municipality: counts and sums are aggregated in the database.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, F, Max, OuterRef, Q, Sum, TextChoices
from django.utils import timezone

from core.plurals import ru_plural
from diagnostics import dynamics
from diagnostics.models import (
    Deficit,
    Diagnosis,
    DiagnosisSource,
    DiagnosticRound,
    SchoolIndicator,
    Staffing,
)
from internships.models import (
    Curator,
    CuratorBody,
    Direction,
    JournalEntry,
    Period,
    Placement,
    Platform,
    TeamResult,
    Tier,
)
from reports.models import ProducedHandbook
from teams.models import Municipality, Organization, OrganizationKind


class Group(TextChoices):
    DIRECT = "direct", "Прямые показатели"
    INDIRECT = "indirect", "Опосредованные показатели"
    FACT = "fact", "Условия реализации"
    EXTRA = "extra", "Дополнительно"


NO_DATA = "нет данных"
UNIT_COUNT = "ед."
UNIT_PEOPLE = "чел."
UNIT_SHARE = "%"
UNIT_FACT = ""


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str
    group: Group
    formula: str
    per_direction: bool = False
    # A fall is an improvement (schools with low results, critical staffing).
    lower_is_better: bool = False
    # For column headings and chart legends, where the full name does not fit.
    short_name: str = ""

    @property
    def is_share(self) -> bool:
        return self.unit == UNIT_SHARE

    @property
    def is_fact(self) -> bool:
        return self.unit == UNIT_FACT


def _percent_text(fraction: Decimal) -> str:
    percent = (fraction * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{percent:.1f}".replace(".", ",") + " %"


@dataclass(frozen=True)
class IndicatorValue:
    indicator: Indicator
    value: Decimal | int | bool | None
    numerator: int | None = None
    denominator: int | None = None
    note: str = ""

    @property
    def text(self) -> str:
        """«нет данных», «12», «35,3 %», «да»/«нет»."""
        if self.value is None:
            return NO_DATA
        if isinstance(self.value, bool):
            return "да" if self.value else "нет"
        if self.indicator.is_share:
            return _percent_text(Decimal(self.value))
        return str(self.value)


PLATFORMS_OPEN = Indicator(
    code="platforms_open",
    name="Количество открытых стажировочных площадок в муниципальном образовании",
    unit=UNIT_COUNT,
    group=Group.DIRECT,
    formula="Число стажировочных площадок учебного года, на которых распределена хотя бы "
            "одна команда-лидер.",
    short_name="Открыто площадок",
)
PEOPLE_TRAINED = Indicator(
    code="people_trained",
    name="Количество педагогических работников, прошедших стажировки на базе муниципальных "
         "стажировочных площадок",
    unit=UNIT_PEOPLE,
    group=Group.DIRECT,
    formula="Сумма по командам и площадкам учебного года: для каждой команды на каждой "
            "площадке — наибольшее число руководителей и наибольшее число педагогов, "
            "пришедших от неё на одно мероприятие журнала площадки. Журнал записывает число "
            "людей, а не их имена, поэтому одни и те же работники на нескольких мероприятиях "
            "площадки считаются один раз.",
    per_direction=True,
    short_name="Прошли стажировки, чел.",
)
EVENTS_HELD = Indicator(
    code="events_held",
    name="Количество проведённых мероприятий для различных категорий педагогических и "
         "управленческих кадров в муниципалитете",
    unit=UNIT_COUNT,
    group=Group.DIRECT,
    formula="Число мероприятий, записанных в журналы стажировочных площадок учебного года.",
    per_direction=True,
    short_name="Проведено мероприятий",
)
DEFICITS_DECREASED_TEAMS = Indicator(
    code="deficits_decreased_teams",
    name="Доля управленческих команд, у которых уменьшилось количество профессиональных "
         "дефицитов",
    unit=UNIT_SHARE,
    group=Group.DIRECT,
    formula="Числитель: команды, у которых по экспертной оценке куратора в последней "
            "диагностике проекта (до конца учебного года) дефицитов меньше, чем в первой; "
            "знаменатель: команды, продиагностированные хотя бы в двух диагностиках проекта "
            "до конца учебного года. Изменение команды — сумма по направлениям, в которых "
            "её можно сравнить.",
    per_direction=True,
    short_name="Команды с уменьшением дефицитов",
)
DEFICITS_DECREASED_TEACHERS = Indicator(
    code="deficits_decreased_teachers",
    name="Доля педагогических работников, у которых уменьшилось количество профессиональных "
         "дефицитов",
    unit=UNIT_SHARE,
    group=Group.DIRECT,
    formula="Числитель: педагоги, у которых уменьшилось число профессиональных дефицитов; "
            "знаменатель: педагоги, прошедшие диагностику дважды. Портал диагностирует "
            "управленческие команды, а не отдельных педагогов.",
    short_name="Педагоги с уменьшением дефицитов",
)
HANDBOOKS_PRODUCED = Indicator(
    code="handbooks_produced",
    name="Количество методических пособий, разработанных в ходе реализации проекта",
    unit=UNIT_COUNT,
    group=Group.DIRECT,
    formula="1, если портал сформировал методическое пособие учебного года (хотя бы один "
            "готовый отчёт «Методическое пособие» за этот год), иначе 0: повторные заказы "
            "пособия за тот же год нового пособия не добавляют. Сформированное пособие "
            "учитывается и после того, как старые файлы отчётов удалены.",
    short_name="Методических пособий",
)
NETWORK_ORGANIZATIONS = Indicator(
    code="network_organizations",
    name="Количество ОО, объединённых в единую сеть по теме реализации проекта",
    unit=UNIT_COUNT,
    group=Group.DIRECT,
    formula="Число образовательных организаций, команды которых распределены хотя бы на "
            "одну стажировочную площадку учебного года.",
    per_direction=True,
    short_name="ОО в сети",
)
NETWORK_SERVICES = Indicator(
    code="network_services",
    name="Количество методических служб, объединённых в единую сеть по теме реализации "
         "проекта",
    unit=UNIT_COUNT,
    group=Group.DIRECT,
    formula="Число учреждений (управление образования, ИМЦ, ЦОКО), специалисты которых "
            "закреплены кураторами стажировочных площадок учебного года.",
    short_name="Методических служб в сети",
)
LOW_RESULTS_SHARE = Indicator(
    code="low_results_share",
    name="Доля школ с низкими образовательными результатами",
    unit=UNIT_SHARE,
    group=Group.INDIRECT,
    formula="Числитель: организации, отмеченные в мониторинге учебного года как школы с "
            "низкими результатами (ШНОР); знаменатель: организации, по которым этот признак "
            "указан (да или нет).",
    lower_is_better=True,
    short_name="Школы с низкими результатами",
)
NON_OBJECTIVE_SCHOOLS = Indicator(
    code="non_objective_schools",
    name="Количество школ с признаками необъективного оценивания",
    unit=UNIT_COUNT,
    group=Group.INDIRECT,
    formula="Число организаций с признаками необъективного оценивания в мониторинге учебного "
            "года; доля — от организаций, по которым признак указан (да или нет).",
    lower_is_better=True,
    short_name="Школы с необъективным оцениванием",
)
OLYMPIAD_WINNERS_SHARE = Indicator(
    code="olympiad_winners_share",
    name="Доля обучающихся — победителей и призёров олимпиадного движения",
    unit=UNIT_SHARE,
    group=Group.INDIRECT,
    formula="Числитель: сумма победителей и призёров олимпиад (от муниципального этапа); "
            "знаменатель: сумма обучающихся — по организациям, у которых известны оба числа.",
    short_name="Победители и призёры олимпиад",
)
HIGH_GIA_SHARE = Indicator(
    code="high_gia_share",
    name="Доля выпускников, демонстрирующих высокие показатели на ГИА",
    unit=UNIT_SHARE,
    group=Group.INDIRECT,
    formula="Числитель: сумма выпускников с высокими результатами ГИА; знаменатель: сумма "
            "выпускников — по организациям, у которых известны оба числа.",
    short_name="Высокие результаты ГИА",
)
COMPETITION_WINNERS_SHARE = Indicator(
    code="competition_winners_share",
    name="Доля педагогов — победителей и призёров конкурсов профессионального мастерства",
    unit=UNIT_SHARE,
    group=Group.INDIRECT,
    formula="Числитель: сумма педагогов — победителей и призёров профессиональных конкурсов; "
            "знаменатель: сумма педагогов — по организациям, у которых известны оба числа.",
    short_name="Победители конкурсов мастерства",
)
ENVIRONMENT_CREATED = Indicator(
    code="environment_created",
    name="Создана среда, позволяющая непрерывно развиваться и восполнять профессиональные "
         "дефициты управленческих команд школ",
    unit=UNIT_FACT,
    group=Group.FACT,
    formula="«Да», когда команда каждой образовательной организации муниципального "
            "образования распределена хотя бы на одну площадку учебного года.",
    short_name="Создана среда",
)
MONITORING_DEVELOPED = Indicator(
    code="monitoring_developed",
    name="Разработан мониторинг эффективности реализации проекта",
    unit=UNIT_FACT,
    group=Group.FACT,
    formula="«Да», когда до конца учебного года проведена хотя бы одна диагностика проекта "
            "с внесёнными результатами.",
    short_name="Разработан мониторинг",
)
QUALITY_COEFFICIENT = Indicator(
    code="quality_coefficient",
    name="Коэффициент качества кадрового состава (КК)",
    unit=UNIT_SHARE,
    group=Group.EXTRA,
    formula="КК = (Пп + Пв) / Поб. Числитель: педагоги с первой и высшей квалификационной "
            "категорией; знаменатель: все педагогические работники — по последним сведениям "
            "о кадровом составе каждой организации на конец учебного года.",
    short_name="КК",
)
CRITICAL_STAFFING = Indicator(
    code="critical_staffing",
    name="Организации в критическом состоянии кадрового состава",
    unit=UNIT_COUNT,
    group=Group.EXTRA,
    formula="Число организаций, у которых по последним сведениям на конец учебного года "
            "больше половины педагогов не имеют квалификационной категории; доля — от "
            "организаций со сведениями о кадровом составе.",
    lower_is_better=True,
    short_name="Критическое состояние кадров",
)
LEADING_TEAMS_SHARE = Indicator(
    code="leading_teams_share",
    name="Доля команд, лидирующих хотя бы в одном направлении",
    unit=UNIT_SHARE,
    group=Group.EXTRA,
    formula="Числитель: команды, распределённые командой-лидером хотя бы на одну площадку "
            "учебного года; знаменатель: команды, распределённые хотя бы на одну площадку "
            "учебного года.",
    short_name="Команды-лидеры хотя бы в одном направлении",
)

INDICATORS: tuple[Indicator, ...] = (
    PLATFORMS_OPEN,
    PEOPLE_TRAINED,
    EVENTS_HELD,
    DEFICITS_DECREASED_TEAMS,
    DEFICITS_DECREASED_TEACHERS,
    HANDBOOKS_PRODUCED,
    NETWORK_ORGANIZATIONS,
    NETWORK_SERVICES,
    LOW_RESULTS_SHARE,
    NON_OBJECTIVE_SCHOOLS,
    OLYMPIAD_WINNERS_SHARE,
    HIGH_GIA_SHARE,
    COMPETITION_WINNERS_SHARE,
    ENVIRONMENT_CREATED,
    MONITORING_DEVELOPED,
    QUALITY_COEFFICIENT,
    CRITICAL_STAFFING,
    LEADING_TEAMS_SHARE,
)

BY_CODE: dict[str, Indicator] = {indicator.code: indicator for indicator in INDICATORS}
PER_DIRECTION: tuple[Indicator, ...] = tuple(item for item in INDICATORS if item.per_direction)


def _share(indicator: Indicator, numerator: int | None, denominator: int | None,
           note: str = "") -> IndicatorValue:
    """A share; ``None`` (нет данных) when there is nothing to divide by."""
    if not denominator:
        return IndicatorValue(indicator, None, note=note)
    numerator = numerator or 0
    return IndicatorValue(indicator, Decimal(numerator) / Decimal(denominator),
                          numerator=numerator, denominator=denominator, note=note)


def _of(part: int, whole: int, noun: tuple[str, str, str]) -> str:
    return f"{part} из {whole} {ru_plural(whole, *noun)}"


ORGANIZATIONS = ("организации", "организаций", "организаций")
SCHOOLS = ("школы", "школ", "школ")
TEAMS = ("команды", "команд", "команд")


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
class _PeriodData:
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
    handbook_produced_at: datetime | None = None
    curators: bool = False
    bodies: set[str] = field(default_factory=set)
    monitoring: dict = field(default_factory=dict)
    staffing: dict = field(default_factory=dict)
    changes: list[dynamics.CountChange] = field(default_factory=list)
    rounds_held: int = 0
    rounds_with_results: int = 0


@dataclass(frozen=True)
class PeriodIndicators:
    period: Period
    values: list[IndicatorValue]
    # Direction number → the values of the per-direction indicators.
    by_direction: dict[int, list[IndicatorValue]]
    # Direction number → the direction, for the per-direction table.
    directions: dict[int, Direction]

    def value(self, code: str) -> IndicatorValue:
        return next(item for item in self.values if item.indicator.code == code)


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


def _read_platforms(periods: dict[int, _PeriodData], as_of: date | None) -> None:
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


def _read_network(periods: dict[int, _PeriodData]) -> None:
    school = Q(team__organization__kind=OrganizationKind.SCHOOL)
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


def _read_handbooks(periods: dict[int, _PeriodData], as_of: date | None) -> None:
    # The durable record, not the report jobs: the cleanup deletes old jobs, and a
    # handbook ordered again is the same handbook.
    produced = ProducedHandbook.objects.filter(period__in=periods)
    if as_of is not None:
        produced = produced.filter(produced_at__date__lte=as_of)
    for period_id, produced_at in produced.values_list("period", "produced_at"):
        periods[period_id].handbooks = 1
        periods[period_id].handbook_produced_at = produced_at


def _both_known(part: str, whole: str) -> Q:
    return Q(**{f"{part}__isnull": False, f"{whole}__isnull": False})


def _read_monitoring(periods: dict[int, _PeriodData], municipality: Municipality) -> None:
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


def _read_staffing(periods: dict[int, _PeriodData], period_ends: dict[int, date],
                   municipality: Municipality) -> None:
    # The latest figures of each organization as of the period's end: one aggregate per
    # period, since each period has its own cut-off date.
    for period_id, ends_on in period_ends.items():
        # The latest line: none of the organization's later lines is dated by then. Said
        # as NOT EXISTS, which the database plans as an anti-join, rather than as «as_of
        # equals the latest date», whose row estimate leads it into a nested loop.
        later = Staffing.objects.filter(organization=OuterRef("organization"),
                                        as_of__gt=OuterRef("as_of"), as_of__lte=ends_on)
        periods[period_id].staffing = (
            Staffing.objects.filter(~Exists(later), organization__municipality=municipality,
                                    as_of__lte=ends_on)
            # «Критическое состояние» as StaffingFigures.critical has it: more than half
            # without a category, counted in the database.
            .annotate(doubled_without=F("without_category") * 2)
            .aggregate(organizations=Count("pk"),
                       teachers=Sum("teachers_total"),
                       qualified=Sum(F("first_category") + F("highest_category")),
                       critical=Count("pk", filter=Q(teachers_total__gt=0,
                                                     doubled_without__gt=F("teachers_total"))))
        )


def _read_diagnostics(periods: dict[int, _PeriodData], period_rows: list[Period],
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


def _direct_values(data: _PeriodData, organizations: int) -> list[IndicatorValue]:
    platform_ids = list(data.platforms.values())
    no_platforms = "на учебный год не открыто ни одной площадки"
    if platform_ids:
        opened = sum(1 for pk in platform_ids if data.leaders.get(pk))
        platforms = IndicatorValue(
            PLATFORMS_OPEN, opened,
            note=f"{_of(opened, len(platform_ids), ('площадки', 'площадок', 'площадок'))} "
                 "с командой-лидером")
        held = sum(data.entries.get(pk, 0) for pk in platform_ids)
        events = IndicatorValue(EVENTS_HELD, held,
                                note="" if held else "в журналах площадок нет мероприятий")
    else:
        platforms = IndicatorValue(PLATFORMS_OPEN, None, note=no_platforms)
        events = IndicatorValue(EVENTS_HELD, None, note=no_platforms)
    return [
        platforms,
        _people(data, platform_ids),
        events,
        _decreased(dynamics.share_overall(data.changes), TEAMS),
        IndicatorValue(DEFICITS_DECREASED_TEACHERS, None,
                       note="портал диагностирует управленческие команды, а не педагогов"),
        IndicatorValue(HANDBOOKS_PRODUCED, data.handbooks, note=_handbook_note(data)),
        IndicatorValue(NETWORK_ORGANIZATIONS, data.teams_placed or None,
                       note=_of(data.teams_placed, organizations, ORGANIZATIONS)
                       if data.teams_placed else "команды не распределены"),
        IndicatorValue(NETWORK_SERVICES, len(data.bodies) or None,
                       note=_services_note(data)),
    ]


def _handbook_note(data: _PeriodData) -> str:
    if data.handbook_produced_at is None:
        return "пособие за год ещё не формировалось"
    produced_on = timezone.localtime(data.handbook_produced_at).date()
    return f"сформировано {produced_on:%d.%m.%Y}"


def _people(data: _PeriodData, platform_ids: list[int]) -> IndicatorValue:
    people = [data.people[pk] for pk in platform_ids if pk in data.people]
    if not any(item.result_rows for item in people):
        return IndicatorValue(PEOPLE_TRAINED, None, note="в журналах нет результатов команд")
    managers = sum(item.managers for item in people)
    teachers = sum(item.teachers for item in people)
    return IndicatorValue(PEOPLE_TRAINED, managers + teachers,
                          note=f"руководителей — {managers}, педагогов — {teachers}")


def _decreased(share: dynamics.Share, noun: tuple[str, str, str]) -> IndicatorValue:
    if not share.compared:
        return IndicatorValue(DEFICITS_DECREASED_TEAMS, None,
                              note="нет команд, продиагностированных дважды")
    return _share(DEFICITS_DECREASED_TEAMS, share.decreased, share.compared,
                  note=_of(share.decreased, share.compared, noun))


def _services_note(data: _PeriodData) -> str:
    if not data.curators:
        return "кураторы площадок не назначены"
    if not data.bodies:
        return "у кураторов площадок не указано учреждение"
    return ", ".join(label for value, label in CuratorBody.choices if value in data.bodies)


def _indirect_values(data: _PeriodData) -> list[IndicatorValue]:
    row = data.monitoring
    not_entered = "показатели мониторинга за учебный год не внесены"

    def share(indicator: Indicator, part: str, whole: str, noun: tuple[str, str, str],
              missing: str) -> IndicatorValue:
        if not row.get(whole):
            return IndicatorValue(indicator, None, note=missing if row else not_entered)
        numerator, denominator = row[part] or 0, row[whole]
        figure = Decimal(numerator) / Decimal(denominator) if indicator.is_share else numerator
        return IndicatorValue(indicator, figure, numerator=numerator, denominator=denominator,
                              note=_of(numerator, denominator, noun))

    both = "ни у одной организации не внесены оба числа"
    return [
        share(LOW_RESULTS_SHARE, "low", "low_known", ORGANIZATIONS, "признак ШНОР не указан"),
        share(NON_OBJECTIVE_SCHOOLS, "non_objective_yes", "non_objective_known",
              ORGANIZATIONS, "признак необъективности не указан"),
        share(OLYMPIAD_WINNERS_SHARE, "sum_olympiad_winners", "sum_olympiad_winners_of",
              ("обучающегося", "обучающихся", "обучающихся"), both),
        share(HIGH_GIA_SHARE, "sum_graduates_high_gia", "sum_graduates_high_gia_of",
              ("выпускника", "выпускников", "выпускников"), both),
        share(COMPETITION_WINNERS_SHARE, "sum_teachers_competition_winners",
              "sum_teachers_competition_winners_of", ("педагога", "педагогов", "педагогов"),
              both),
    ]


def _fact_values(data: _PeriodData, schools: int) -> list[IndicatorValue]:
    environment = IndicatorValue(ENVIRONMENT_CREATED, None, note="в районе нет школ")
    if schools:
        environment = IndicatorValue(
            ENVIRONMENT_CREATED, data.schools_placed >= schools,
            numerator=data.schools_placed, denominator=schools,
            note=f"распределены команды {_of(data.schools_placed, schools, SCHOOLS)}")
    monitoring = IndicatorValue(
        MONITORING_DEVELOPED, data.rounds_with_results > 0,
        numerator=data.rounds_with_results, denominator=data.rounds_held,
        note=f"диагностик до конца учебного года: {data.rounds_held}, из них с результатами: "
             f"{data.rounds_with_results}" if data.rounds_held else "диагностик не проводилось")
    return [environment, monitoring]


def _extra_values(data: _PeriodData) -> list[IndicatorValue]:
    staffing = data.staffing
    critical = IndicatorValue(CRITICAL_STAFFING, None, note="нет сведений о кадровом составе")
    if staffing.get("organizations"):
        critical = IndicatorValue(
            CRITICAL_STAFFING, staffing["critical"], numerator=staffing["critical"],
            denominator=staffing["organizations"],
            note=_of(staffing["critical"], staffing["organizations"], ORGANIZATIONS))
    return [
        _share(QUALITY_COEFFICIENT, staffing.get("qualified"), staffing.get("teachers"),
               note="" if staffing.get("organizations") else "нет сведений о кадровом составе"),
        critical,
        _share(LEADING_TEAMS_SHARE, data.teams_leading, data.teams_placed,
               note=_of(data.teams_leading, data.teams_placed, TEAMS)
               if data.teams_placed else "команды не распределены"),
    ]


def _direction_values(data: _PeriodData, number: int, direction_id: int,
                      shares: dict[int, dynamics.Share]) -> list[IndicatorValue]:
    pk = data.platforms.get(number)
    decreased = _decreased(shares.get(direction_id, dynamics.Share(0, 0)), TEAMS)
    if pk is None:
        closed = "площадка не открыта"
        return [IndicatorValue(PEOPLE_TRAINED, None, note=closed),
                IndicatorValue(EVENTS_HELD, None, note=closed),
                decreased,
                IndicatorValue(NETWORK_ORGANIZATIONS, None, note=closed)]
    return [_people(data, [pk]),
            IndicatorValue(EVENTS_HELD, data.entries.get(pk, 0)),
            decreased,
            IndicatorValue(NETWORK_ORGANIZATIONS, data.placed.get(pk, 0))]


def compute_periods(*, municipality: Municipality, periods: Sequence[Period],
                    as_of: date | None = None) -> list[PeriodIndicators]:
    """The indicators of each period, overall and per direction, in the order given.

    With ``as_of`` (a control point's monitoring), dated data counts up to that day:
    events held, diagnostics started, staffing lines and handbooks produced by then; a
    period ending earlier is counted to its end. The number of queries depends on the
    number of periods only, not on the size of the municipality.
    """
    if not periods:
        return []
    cutoffs = {period.pk: min(period.ends_on, as_of) if as_of else period.ends_on
               for period in periods}
    data = {period.pk: _PeriodData() for period in periods}
    _read_platforms(data, as_of)
    _read_network(data)
    _read_handbooks(data, as_of)
    _read_monitoring(data, municipality)
    _read_staffing(data, cutoffs, municipality)
    _read_diagnostics(data, list(periods), cutoffs)
    counts = Organization.objects.filter(municipality=municipality).aggregate(
        organizations=Count("pk"),
        schools=Count("pk", filter=Q(kind=OrganizationKind.SCHOOL)))
    directions: dict[int, list[Direction]] = defaultdict(list)
    for direction in Direction.objects.filter(
        programme__in={period.programme_id for period in periods}
    ).order_by("number"):
        directions[direction.programme_id].append(direction)
    result = []
    for period in periods:
        period_data = data[period.pk]
        shares = dynamics.share_by_direction(period_data.changes)
        own = directions[period.programme_id]
        result.append(PeriodIndicators(
            period=period,
            # In the order of INDICATORS.
            values=(_direct_values(period_data, counts["organizations"])
                    + _indirect_values(period_data)
                    + _fact_values(period_data, counts["schools"])
                    + _extra_values(period_data)),
            by_direction={direction.number: _direction_values(period_data, direction.number,
                                                              direction.pk, shares)
                          for direction in own},
            directions={direction.number: direction for direction in own},
        ))
    return result


def compute_indicators(*, municipality: Municipality, period: Period) -> list[IndicatorValue]:
    """Every indicator of INDICATORS for the period, in that order."""
    return compute_periods(municipality=municipality, periods=[period])[0].values


def compute_by_direction(*, municipality: Municipality,
                         period: Period) -> dict[int, list[IndicatorValue]]:
    """Direction number → the values of the per-direction indicators, in INDICATORS order."""
    return compute_periods(municipality=municipality, periods=[period])[0].by_direction


def programme_periods(*, municipality: Municipality) -> list[Period]:
    """The periods of the municipality's programmes, oldest first."""
    return list(Period.objects.filter(programme__municipality=municipality)
                .order_by("starts_on", "pk"))


def indicator_series(*, municipality: Municipality) -> list[tuple[Period, list[IndicatorValue]]]:
    """Every period of the municipality's programmes with its indicators, oldest first."""
    return [(item.period, item.values) for item in compute_periods(
        municipality=municipality, periods=programme_periods(municipality=municipality))]


@dataclass(frozen=True)
class IndicatorChange:
    """The change of a figure from the previous period."""

    delta: Decimal | int
    text: str
    # True when the change is for the better, None when nothing changed.
    improved: bool | None


def indicator_change(*, current: IndicatorValue,
                     previous: IndicatorValue | None) -> IndicatorChange | None:
    """«↑ 3», «↓ 2,5 п. п.», «без изменений»; None when either period has no figure."""
    if (previous is None or current.value is None or previous.value is None
            or isinstance(current.value, bool)):
        return None
    if current.indicator.is_share:
        delta = Decimal(current.value) - Decimal(previous.value)
        points = (delta * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
        shown = f"{abs(points):.1f}".replace(".", ",") + " п. п."
        sign = points
    else:
        delta = current.value - previous.value
        shown, sign = str(abs(delta)), delta
    if not sign:
        return IndicatorChange(delta=delta, text="без изменений", improved=None)
    rose = sign > 0
    return IndicatorChange(delta=delta, text=f"{'↑' if rose else '↓'} {shown}",
                           improved=rose != current.indicator.lower_is_better)


@dataclass(frozen=True)
class IndicatorRow:
    """A line of the indicator table: this period's figure beside the previous one."""

    current: IndicatorValue
    previous: IndicatorValue | None
    change: IndicatorChange | None

    @property
    def indicator(self) -> Indicator:
        return self.current.indicator


def grouped_rows(*, current: list[IndicatorValue],
                 previous: list[IndicatorValue] | None) -> list[tuple[Group, list[IndicatorRow]]]:
    """The period's figures by group (in Group order), each with its change."""
    before = {item.indicator.code: item for item in previous or []}
    groups: dict[Group, list[IndicatorRow]] = {group: [] for group in Group}
    for value in current:
        earlier = before.get(value.indicator.code)
        groups[value.indicator.group].append(IndicatorRow(
            current=value, previous=earlier,
            change=indicator_change(current=value, previous=earlier)))
    return [(group, rows) for group, rows in groups.items() if rows]
