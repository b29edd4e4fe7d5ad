"""The expansion of plan items into due occurrences, on each periodicity of the documents
(seed 001: ежегодно, 1 раз в квартал, 3 раза в год, 1 раз в месяц, 2 раза в год, 4 раза в
год; seed 002: ежемесячно, ежеквартально, по мере запроса) over one year, dates by hand."""

import datetime

import pytest

from plans.recurrence import DONE, DUE, OVERDUE, Term, expand, status

D = datetime.date
YEAR_2021 = {"starts_on": D(2021, 1, 1), "ends_on": D(2021, 12, 31)}
SCHOOL_2021 = {"starts_on": D(2021, 9, 1), "ends_on": D(2022, 8, 31)}


def _dues(periodicity, *, school_years=False, **term):
    return [due.due_on for due in expand(Term(kind="periodic", periodicity=periodicity, **term),
                                         school_years=school_years)]


def test_it_expands_annual_into_the_last_day_of_the_year():
    assert _dues("annual", **YEAR_2021) == [D(2021, 12, 31)]


def test_it_expands_semiannual_into_the_ends_of_june_and_december():
    assert _dues("semiannual", **YEAR_2021) == [D(2021, 6, 30), D(2021, 12, 31)]


def test_it_expands_quarterly_into_the_ends_of_the_four_quarters():
    assert _dues("quarterly", **YEAR_2021) == [D(2021, 3, 31), D(2021, 6, 30), D(2021, 9, 30),
                                               D(2021, 12, 31)]


def test_it_expands_three_times_a_year_into_the_ends_of_april_august_and_december():
    assert _dues("thrice", **YEAR_2021) == [D(2021, 4, 30), D(2021, 8, 31), D(2021, 12, 31)]


def test_it_expands_monthly_into_twelve_month_ends():
    assert _dues("monthly", **YEAR_2021) == [
        D(2021, 1, 31), D(2021, 2, 28), D(2021, 3, 31), D(2021, 4, 30), D(2021, 5, 31),
        D(2021, 6, 30), D(2021, 7, 31), D(2021, 8, 31), D(2021, 9, 30), D(2021, 10, 31),
        D(2021, 11, 30), D(2021, 12, 31)]


def test_it_gives_no_due_occurrences_on_request():
    assert _dues("on_request", **YEAR_2021) == []


@pytest.mark.parametrize(("periodicity", "dues"), [
    ("annual", [D(2022, 8, 31)]),
    ("semiannual", [D(2022, 2, 28), D(2022, 8, 31)]),
    ("quarterly", [D(2021, 11, 30), D(2022, 2, 28), D(2022, 5, 31), D(2022, 8, 31)]),
    ("thrice", [D(2021, 12, 31), D(2022, 4, 30), D(2022, 8, 31)]),
])
def test_it_counts_periods_from_september_in_a_school_year(periodicity, dues):
    assert _dues(periodicity, school_years=True, **SCHOOL_2021) == dues


def test_it_counts_a_period_the_range_starts_inside():
    # The Timashevsk coordination council «4 раза в год» from August 2020.
    assert _dues("quarterly", starts_on=D(2020, 8, 1), ends_on=D(2020, 12, 31)) == [
        D(2020, 9, 30), D(2020, 12, 31)]


def test_it_ends_the_last_period_with_the_range():
    assert _dues("quarterly", starts_on=D(2021, 1, 1), ends_on=D(2021, 5, 15)) == [
        D(2021, 3, 31), D(2021, 5, 15)]


def test_it_labels_periods_in_russian():
    labels = [due.label for due in expand(Term(kind="periodic", periodicity="quarterly",
                                               **YEAR_2021))]
    assert labels[0] == "январь – март 2021"
    school = expand(Term(kind="periodic", periodicity="annual", **SCHOOL_2021), school_years=True)
    assert school[0].label == "2021/22 учебный год"
    month = expand(Term(kind="periodic", periodicity="monthly", **YEAR_2021))[1]
    assert month.label == "февраль 2021"


def test_it_expands_a_date_and_a_range_into_one_occurrence_each():
    assert [d.due_on for d in expand(Term(kind="date", due_on=D(2020, 10, 15)))] == [
        D(2020, 10, 15)]
    assert [d.due_on for d in expand(Term(kind="range", starts_on=D(2020, 10, 1),
                                          ends_on=D(2020, 12, 31)))] == [D(2020, 12, 31)]
    assert expand(Term(kind="none")) == []


def test_it_tells_done_due_and_overdue_against_a_given_date():
    due_on = D(2021, 3, 31)
    assert status(due_on=due_on, recorded=False, today=D(2021, 3, 31)) == DUE
    assert status(due_on=due_on, recorded=False, today=D(2021, 4, 1)) == OVERDUE
    assert status(due_on=due_on, recorded=True, today=D(2021, 4, 1)) == DONE
    assert status(due_on=due_on, recorded=True, today=D(2021, 1, 1)) == DONE
