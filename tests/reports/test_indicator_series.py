"""The project's indicators per direction, as series over the years and their change.

The ``world`` district is the one of test_indicators.py.
"""

from decimal import Decimal

import pytest

from diagnostics.models import (
    Diagnosis,
    DiagnosticRound,
    SchoolIndicator,
    Staffing,
)
from internships.models import Tier
from reports import indicator_catalogue, indicator_changes, indicators
from reports.indicator_catalogue import INDICATORS, REGIONAL_MONITORING, Group, IndicatorValue
from reports.indicator_changes import indicator_change
from reports.indicators import compute_by_direction, compute_indicators, indicator_series
from reports.network_indicators import NETWORK_INDICATORS
from tests import factories
from tests.reports.indicator_support import (
    D,
    deficit_history_of,
    entry,
    second_period,
)


@pytest.fixture
def deficit_history(world):
    return deficit_history_of(world)


# --- Per direction -----------------------------------------------------------------------

def test_it_computes_the_per_direction_indicators_for_every_direction(world):
    fourth = factories.DirectionFactory(programme=world.programme, number=4, title="Без площадки")
    entry(world.own_platform, (world.school_b.team, 1, 2))

    by_direction = compute_by_direction(municipality=world.municipality, period=world.period)

    assert list(by_direction) == [1, 2, 3, fourth.number]
    for found in by_direction.values():
        assert [item.indicator for item in found] == list(indicator_catalogue.PER_DIRECTION)
    texts = {number: {item.indicator.code: item.text for item in found}
             for number, found in by_direction.items()}
    assert texts[1] == {"people_trained": "3", "events_held": "1",
                        "deficits_decreased_teams": "нет данных",
                        "network_organizations": "4"}
    assert texts[2]["events_held"] == "0"
    assert texts[2]["people_trained"] == "нет данных"
    assert texts[2]["network_organizations"] == "3"
    assert set(texts[4].values()) == {"нет данных"}
    assert by_direction[4][0].note == "площадка не открыта"


# --- Series and change -------------------------------------------------------------------

def test_it_lists_every_period_of_the_programme_oldest_first(world):
    later = second_period(world)
    earlier = factories.PeriodFactory(programme=world.programme, starts_on=D(2020, 9, 1),
                                      ends_on=D(2021, 8, 31))

    series = indicator_series(municipality=world.municipality)

    assert [period for period, _ in series] == [earlier, world.period, later]
    assert all([item.indicator for item in found]
               == [*INDICATORS, REGIONAL_MONITORING, *NETWORK_INDICATORS] for _, found in series)
    network = {period: next(item.value for item in found
                            if item.indicator.code == "network_organizations")
               for period, found in series}
    assert network == {earlier: None, world.period: 5, later: None}


def _value(code: str, value) -> IndicatorValue:
    return IndicatorValue(indicator_catalogue.BY_CODE[code], value)


@pytest.mark.parametrize(("code", "before", "after", "text", "improved"), [
    ("events_held", 4, 7, "↑ 3", True),
    ("events_held", 7, 4, "↓ 3", False),
    ("events_held", 4, 4, "без изменений", None),
    ("deficits_decreased_teams", Decimal("0.25"), Decimal("0.5"), "↑ 25,0 п. п.", True),
    ("low_results_share", Decimal(3) / 10, Decimal(1) / 10, "↓ 20,0 п. п.", True),
    ("non_objective_schools", 1, 2, "↑ 1", False),
    ("critical_staffing", 3, 1, "↓ 2", True),
])
def test_it_states_the_change_from_the_previous_period(code, before, after, text, improved):
    change = indicator_change(current=_value(code, after), previous=_value(code, before))

    assert change.text == text
    assert change.improved is improved


@pytest.mark.parametrize(("code", "before", "after"), [
    ("events_held", None, 3),
    ("events_held", 3, None),
    ("environment_created", False, True),
])
def test_it_states_no_change_without_two_figures(code, before, after):
    assert indicator_change(current=_value(code, after), previous=_value(code, before)) is None


def test_it_states_no_change_for_the_first_period():
    assert indicator_change(current=_value("events_held", 3), previous=None) is None


def test_it_groups_the_rows_with_their_change(world):
    later = second_period(world)
    factories.PlacementFactory(
        platform=factories.PlatformFactory(direction=world.directions[0], period=later),
        team=world.school_a.team, tier=Tier.LEADER)
    series = indicators.compute_periods(municipality=world.municipality,
                                        periods=[world.period, later])

    groups = indicator_changes.grouped_rows(current=series[1].values, previous=series[0].values)

    assert [group for group, _ in groups] == [Group.DIRECT, Group.INDIRECT, Group.EXTRA,
                                              Group.PERSONS, Group.REGIONAL, Group.NETWORK]
    rows = {row.indicator.code: row for _, found in groups for row in found}
    assert rows["platforms_open"].change.text == "↓ 2"
    assert rows["network_organizations"].change.text == "↓ 4"
    assert rows["low_results_share"].change is None


# --- Query count -------------------------------------------------------------------------

def _grow(world, deficit_history) -> None:
    """More organizations, events, results, diagnoses, monitoring and staffing lines."""
    for number in range(30, 45):
        organization = factories.OrganizationFactory(municipality=world.municipality,
                                                     number=number)
        factories.PlacementFactory(platform=world.third_platform, team=organization.team,
                                   tier=Tier.RESERVE)
        entry(world.third_platform, (organization.team, 1, 1))
        SchoolIndicator.objects.create(organization=organization, period=world.period,
                                       low_results=False, students_total=100,
                                       olympiad_winners=1)
        Staffing.objects.create(organization=organization, as_of=D(2022, 1, 1),
                                teachers_total=10, without_category=2, first_category=4,
                                highest_category=4)
        for diagnostic_round in DiagnosticRound.objects.all():
            Diagnosis.objects.create(team=organization.team, round=diagnostic_round,
                                     direction=world.directions[2])


# With the persons of the year: the coverage target once, then three reads a period, and
# one for the competence rounds a period.
# One more (19th) since the criteria of school innovation projects: which programmes have them.
# Two more (21): the contests with approved results and the region's monitoring.
# One more (22): the networks the municipality keeps or takes part in (С1–С5; none here, so
# their eight reads are not made).
QUERIES = 22


def test_it_computes_the_indicators_in_a_constant_number_of_queries(
        world, deficit_history, django_assert_num_queries):
    with django_assert_num_queries(QUERIES):
        compute_indicators(municipality=world.municipality, period=world.period)

    _grow(world, deficit_history)
    with django_assert_num_queries(QUERIES):
        found = compute_indicators(municipality=world.municipality, period=world.period)
    assert {item.indicator.code: item.value for item in found}["network_organizations"] == 20
