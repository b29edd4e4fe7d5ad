"""The academic year pages, reports and commands open on when none is asked for."""

import datetime

import pytest

from internships.models import Period
from internships.periods import default_period, municipality_default_period
from tests import factories

D = datetime.date

pytestmark = pytest.mark.django_db


@pytest.fixture
def years():
    """Two years of one programme with a summer between them, and a third one ahead."""
    programme = factories.ProgrammeFactory(starts_on=D(2021, 9, 1), ends_on=D(2024, 12, 31))
    return [
        factories.PeriodFactory(programme=programme, starts_on=D(2021, 9, 1),
                                ends_on=D(2022, 6, 30)),
        factories.PeriodFactory(programme=programme, starts_on=D(2022, 9, 1),
                                ends_on=D(2023, 6, 30)),
        factories.PeriodFactory(programme=programme, starts_on=D(2023, 9, 1),
                                ends_on=D(2024, 6, 30)),
    ]


def _default(today):
    return default_period(periods=Period.objects.all(), today=today)


def test_today_inside_a_year_gives_that_year_even_when_a_later_one_is_open(years):
    assert _default(D(2022, 10, 15)) == years[1]
    assert _default(D(2021, 9, 1)) == years[0]
    assert _default(D(2023, 6, 30)) == years[1]


def test_between_years_gives_the_one_just_ended(years):
    assert _default(D(2022, 7, 20)) == years[0]
    assert _default(D(2023, 8, 31)) == years[1]


def test_before_all_years_gives_the_first_one(years):
    assert _default(D(2021, 5, 1)) == years[0]


def test_after_all_years_gives_the_latest(years):
    assert _default(D(2026, 1, 1)) == years[2]


def test_overlapping_years_give_the_later_one(years):
    later = factories.PeriodFactory(programme=years[0].programme, starts_on=D(2022, 6, 1),
                                    ends_on=D(2022, 12, 31))
    assert _default(D(2022, 6, 15)) == later


def test_no_years_gives_none():
    assert _default(D(2022, 10, 15)) is None


def test_only_the_municipality_own_years_count(years):
    other = factories.PeriodFactory(starts_on=D(2022, 9, 1), ends_on=D(2023, 6, 30))
    assert municipality_default_period(municipality=years[0].programme.municipality,
                                       today=D(2025, 1, 1)) == years[2]
    assert municipality_default_period(municipality=other.programme.municipality,
                                       today=D(2025, 1, 1)) == other
