"""A control point's figures are compared with the same part of the previous academic year:
a half-year with the same half-year, a whole year with the whole year."""

import datetime

import pytest

from internships.models import ControlPoint, ControlPointKind
from reports.indicator_changes import comparable_cutoff
from reports.pdf.monitoring import monitoring_context
from tests.reports.pdf_world import enrich

D = datetime.date
YEAR = {"starts_on": D(2022, 9, 1), "ends_on": D(2023, 8, 31)}
EARLIER = {"earlier_starts_on": D(2021, 9, 1), "earlier_ends_on": D(2022, 8, 31)}


def test_it_cuts_the_earlier_year_at_the_same_day_of_its_first_half():
    # 31.12.2022 is 121 days after 01.09.2022; 121 days after 01.09.2021 is 31.12.2021.
    assert comparable_cutoff(as_of=D(2022, 12, 31), **YEAR, **EARLIER) == D(2021, 12, 31)


def test_it_compares_a_whole_year_with_the_whole_earlier_year():
    assert comparable_cutoff(as_of=None, **YEAR, **EARLIER) is None
    assert comparable_cutoff(as_of=D(2023, 8, 31), **YEAR, **EARLIER) is None


def test_it_never_cuts_the_earlier_year_past_its_end():
    # A shorter earlier year (01.09.2021–31.05.2022): the same 242 days run past its end.
    assert comparable_cutoff(as_of=D(2023, 4, 30), **YEAR, earlier_starts_on=D(2021, 9, 1),
                             earlier_ends_on=D(2022, 5, 31)) == D(2022, 4, 30)
    assert comparable_cutoff(as_of=D(2023, 6, 30), **YEAR, earlier_starts_on=D(2021, 9, 1),
                             earlier_ends_on=D(2022, 5, 31)) == D(2022, 5, 31)


@pytest.fixture
def district(world):
    enrich(world)
    return world


def _context(world, period, control_point=None):
    return monitoring_context(municipality=world.municipality, period=period,
                              control_point=control_point, progress=lambda *args: None)


def test_it_compares_a_december_control_point_with_december_of_the_previous_year(district):
    second_year = district.programme.periods.get(title="2022–2023")
    december = ControlPoint.objects.get(kind=ControlPointKind.CURRENT_MONITORING)

    half = _context(district, second_year, control_point=december)["indicators"]
    whole = _context(district, second_year)["indicators"]

    assert half.previous_as_of == D(2021, 12, 31)
    assert whole.previous_as_of is None
    # The 2021–2022 events were held in February and March 2022: none by 31.12.2021.
    assert half.row("events_held").previous.value == 0
    assert whole.row("events_held").previous.value == 4
    # The staffing lines of 01.06.2022 are after 31.12.2021.
    assert half.row("quality_coefficient").previous.value is None
    assert whole.row("quality_coefficient").previous.text == "66,7 %"
    # The yearly monitoring is the same whatever the cut: 5,0 % → 8,0 %.
    assert half.row("olympiad_winners_share").change.text == "↑ 3,0 п. п."
