"""The project's indicators computed for academic years: each figure from its catalogue
definition (``reports.indicator_catalogue``) and the raw counts of the year
(``reports.indicator_reads``), overall and per direction.

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
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q

from core.plurals import ru_plural
from diagnostics import dynamics
from internships.models import CuratorBody, Direction, Period
from reports.competence_indicators import competence_values
from reports.contest_indicators import contest_values, read_contest_counts
from reports.effect_indicators import effect_values, programmes_with_projects
from reports.indicator_catalogue import (
    COMPETITION_WINNERS_SHARE,
    CRITICAL_STAFFING,
    DEFICITS_DECREASED_TEACHERS,
    DEFICITS_DECREASED_TEAMS,
    ENVIRONMENT_CREATED,
    EVENTS_HELD,
    HANDBOOKS_PRODUCED,
    HIGH_GIA_SHARE,
    LEADING_TEAMS_SHARE,
    LOW_RESULTS_SHARE,
    MONITORING_DEVELOPED,
    NETWORK_ORGANIZATIONS,
    NETWORK_SERVICES,
    NON_OBJECTIVE_SCHOOLS,
    OLYMPIAD_WINNERS_SHARE,
    PEOPLE_TRAINED,
    PLATFORMS_OPEN,
    QUALITY_COEFFICIENT,
    Indicator,
    IndicatorValue,
)
from reports.indicator_reads import PeriodData, read_periods
from reports.network_indicators import network_periods
from reports.person_indicators import coverage_target, person_values, with_persons_trained
from reports.regional_monitoring import regional_values
from teams.models import Municipality, Organization, OrganizationKind


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
class PeriodIndicators:
    period: Period
    values: list[IndicatorValue]
    # Direction number → the values of the per-direction indicators.
    by_direction: dict[int, list[IndicatorValue]]
    # Direction number → the direction, for the per-direction table.
    directions: dict[int, Direction]

    def value(self, code: str) -> IndicatorValue:
        return next(item for item in self.values if item.indicator.code == code)


def _direct_values(data: PeriodData, organizations: int) -> list[IndicatorValue]:
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
        IndicatorValue(DEFICITS_DECREASED_TEACHERS, None),  # from persons: compute_periods
        IndicatorValue(HANDBOOKS_PRODUCED, data.handbooks, note=_handbook_note(data)),
        IndicatorValue(NETWORK_ORGANIZATIONS, data.teams_placed or None,
                       note=_of(data.teams_placed, organizations, ORGANIZATIONS)
                       if data.teams_placed else "команды не распределены"),
        IndicatorValue(NETWORK_SERVICES, len(data.bodies) or None,
                       note=_services_note(data)),
    ]


def _handbook_note(data: PeriodData) -> str:
    parts = []
    if data.handbook_produced_on is not None:
        parts.append(f"сформировано {data.handbook_produced_on:%d.%m.%Y}")
    if data.handbooks_registered:
        parts.append(f"внесено сотрудниками в реестр продуктов — {data.handbooks_registered}")
    return "; ".join(parts) or "пособие за год ещё не формировалось"


def _people(data: PeriodData, platform_ids: list[int]) -> IndicatorValue:
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


def _services_note(data: PeriodData) -> str:
    if not data.curators:
        return "кураторы площадок не назначены"
    if not data.bodies:
        return "у кураторов площадок не указано учреждение"
    return ", ".join(label for value, label in CuratorBody.choices if value in data.bodies)


def _indirect_values(data: PeriodData) -> list[IndicatorValue]:
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


def _fact_values(data: PeriodData, schools: int) -> list[IndicatorValue]:
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


def _extra_values(data: PeriodData) -> list[IndicatorValue]:
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


def monitoring_values(data: PeriodData) -> list[IndicatorValue]:
    """The figures of the municipal quality monitoring (section 10 of the programme): the
    schools' yearly indicators (К1–К5) and the staffing quality (Д1, Д2)."""
    return _indirect_values(data) + _extra_values(data)[:2]


def _direction_values(data: PeriodData, number: int, direction_id: int,
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
    data = read_periods(municipality=municipality, periods=periods, as_of=as_of)
    counts = Organization.objects.filter(municipality=municipality).aggregate(
        organizations=Count("pk"),
        schools=Count("pk", filter=Q(kind=OrganizationKind.SCHOOL)))
    directions: dict[int, list[Direction]] = defaultdict(list)
    for direction in Direction.objects.filter(
        programme__in={period.programme_id for period in periods}
    ).order_by("number"):
        directions[direction.programme_id].append(direction)
    target = coverage_target(municipality)
    with_projects = programmes_with_projects({period.programme_id for period in periods})
    regional = regional_values(municipality=municipality, periods=periods)
    cutoffs = {period.pk: min(period.ends_on, as_of or period.ends_on) for period in periods}
    contests = read_contest_counts(municipality=municipality, periods=periods, cutoffs=cutoffs)
    networks = network_periods(municipality=municipality, periods=periods, cutoffs=cutoffs)
    result = []
    for period in periods:
        period_data = data[period.pk]
        shares = dynamics.share_by_direction(period_data.changes)
        own = directions[period.programme_id]
        persons, trained = person_values(municipality=municipality, period=period,
                                         as_of=as_of, target=target)
        fewer, grown = competence_values(municipality=municipality,
                                         date_from=period.starts_on,
                                         date_to=min(period.ends_on, as_of or period.ends_on))
        result.append(PeriodIndicators(
            period=period,
            # The programme's two facts (П1, П2) open the direct indicators.
            values=with_persons_trained(
                _fact_values(period_data, counts["schools"])
                + _with_value(_direct_values(period_data, counts["organizations"]), fewer)
                + _indirect_values(period_data) + contest_values(contests[period.pk])
                + _extra_values(period_data) + persons + [grown], trained)
            # Э1–Э5, only for a programme with school innovation projects.
            + effect_values(period=period, organizations=counts["organizations"],
                            with_projects=with_projects)
            # Section 10: the region's motivating monitoring, as loaded for the year.
            + regional[period.pk]
            # С1–С5: the networks across municipalities it keeps or takes part in.
            + networks[period.pk],
            by_direction={direction.number: _direction_values(period_data, direction.number,
                                                              direction.pk, shares)
                          for direction in own},
            directions={direction.number: direction for direction in own},
        ))
    return result


def _with_value(values: list[IndicatorValue], value: IndicatorValue) -> list[IndicatorValue]:
    """``values`` with the one of the same indicator replaced by ``value``."""
    return [value if item.indicator == value.indicator else item for item in values]


def compute_indicators(*, municipality: Municipality, period: Period) -> list[IndicatorValue]:
    """Every indicator of INDICATORS for the period, in that order, then Э1–Э5 when the
    programme has school innovation projects, then the region's motivating monitoring, then
    the networks' effectiveness (С1–С5)."""
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
