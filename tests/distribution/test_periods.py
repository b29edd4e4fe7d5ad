"""The next academic year of a programme: its dates, and none after the programme ends."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from internships.models import Period
from internships.periods import PeriodSpan, next_period_span, open_next_period
from tests import factories

D = datetime.date


def test_it_follows_the_latest_year(world):
    assert next_period_span(programme=world.programme) == PeriodSpan(
        "2022–2023", D(2022, 9, 1), D(2023, 8, 31))


def test_a_year_starting_on_29_february_ends_on_28_february(db):
    programme = factories.ProgrammeFactory(starts_on=D(2024, 2, 29), ends_on=D(2027, 12, 31))
    assert next_period_span(programme=programme) == PeriodSpan(
        "2024–2025", D(2024, 2, 29), D(2025, 2, 28))


def test_the_last_year_ends_with_the_programme(world):
    world.programme.ends_on = D(2023, 5, 31)
    world.programme.save()
    assert next_period_span(programme=world.programme) == PeriodSpan(
        "2022–2023", D(2022, 9, 1), D(2023, 5, 31))


def test_there_is_no_year_after_the_programme_ends(world):
    world.programme.ends_on = D(2022, 8, 31)
    world.programme.save()
    assert next_period_span(programme=world.programme) is None
    with pytest.raises(ValidationError, match="заканчивается 31.08.2022: нового учебного года"):
        open_next_period(programme=world.programme)
    assert Period.objects.filter(programme=world.programme).count() == 1
