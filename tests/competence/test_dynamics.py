"""Dynamics figures on a hand-made case, and when two rounds are comparable."""

import datetime

import pytest

from competence.dynamics import (
    comparability_problem,
    persons_with_fewer_deficits,
    persons_with_grown_competence,
)
from competence.models import PersonResult, ResultSource
from tests.competence.conftest import make_round

pytestmark = pytest.mark.django_db

# person index → {area index: (rank in the first round, rank in the second)}; None: no result.
CASE = {
    0: {0: (1, 2), 1: (2, 2)},      # rose in one, fell in none; deficits 1 → 0
    1: {0: (2, 3), 1: (3, 2)},      # rose in one, fell in another; deficits 0 → 0
    2: {0: (1, None), 1: (None, 3)},  # no common area: not counted
    3: {0: (1, 1), 1: (1, 1)},      # unchanged; deficits 2 → 2
    4: {0: (3, 1)},                 # fell; deficits 0 → 1
}


@pytest.fixture
def filled(diag):
    for person, areas in CASE.items():
        for area, ranks in areas.items():
            for person_round, rank in zip((diag.first, diag.second), ranks, strict=True):
                if rank is not None:
                    PersonResult.objects.create(
                        round=person_round, teacher=diag.people[person],
                        area=diag.areas[area], source=ResultSource.EXPERT,
                        level=diag.level(person_round, rank))
    # A self-assessment that rose does not count.
    for person_round, rank in ((diag.first, 1), (diag.second, 3)):
        PersonResult.objects.create(round=person_round, teacher=diag.people[2],
                                    area=diag.areas[0], source=ResultSource.SELF,
                                    level=diag.level(person_round, rank))
    return diag


def test_it_counts_persons_whose_level_rose_somewhere_and_fell_nowhere(filled):
    share = persons_with_grown_competence(filled.first, filled.second)
    assert (share.numerator, share.denominator, share.percent) == (1, 4, 25.0)
    assert "не снизился ни в одной" in share.formula


def test_it_counts_persons_whose_deficits_decreased(filled):
    share = persons_with_fewer_deficits(filled.first, filled.second)
    assert (share.numerator, share.denominator) == (1, 4)
    assert "дефицит" in share.formula


def test_it_limits_the_figures_to_the_given_people(filled):
    among = [filled.people[0].pk, filled.people[4].pk]
    share = persons_with_grown_competence(filled.first, filled.second, among=among)
    assert (share.numerator, share.denominator) == (1, 2)


def test_it_says_no_data_without_common_results(diag):
    share = persons_with_fewer_deficits(diag.first, diag.second)
    assert (share.numerator, share.denominator, share.percent) == (0, 0, None)


def test_it_refuses_to_compare_rounds_of_different_areas(world, diag):
    narrower = make_round(world.municipality, diag.areas[:1], "Узкая диагностика",
                          datetime.date(2026, 5, 1))
    assert "разные области" in comparability_problem(diag.first, narrower)
    assert comparability_problem(diag.first, diag.second) == ""
    assert comparability_problem(diag.first, diag.first) == "Выберите две разные диагностики."
