"""Krymsky's teacher indicator and the share with grown competence, from person diagnostics."""

import datetime

import pytest

from competence.models import PersonResult, ResultSource
from people.models import CompetenceArea
from reports.indicators import compute_indicators
from tests import factories
from tests.competence.conftest import make_round

D = datetime.date


def values(world):
    return {item.indicator.code: item
            for item in compute_indicators(municipality=world.municipality, period=world.period)}


@pytest.fixture
def rounds(world):
    """Autumn and spring rounds of 2021–2022 in two areas; levels: 1 = «Базовый» (дефицит).

        person   autumn   spring   deficits    grew
        A        1, 1     2, 1     2 → 1       yes
        B        2, 2     2, 3     0 → 0       yes
        C        2, 1     1, 2     1 → 1       no (one area fell)
        D        3, 3     3, 3     0 → 0       no
    """
    areas = [CompetenceArea.objects.create(municipality=world.municipality, number=n,
                                           title=f"Область {n}") for n in (1, 2)]
    autumn = make_round(world.municipality, areas, "Стартовая, осень 2021", D(2021, 10, 1))
    spring = make_round(world.municipality, areas, "Повторная, весна 2022", D(2022, 4, 1))
    grid = {"A": ((1, 1), (2, 1)), "B": ((2, 2), (2, 3)), "C": ((2, 1), (1, 2)),
            "D": ((3, 3), (3, 3))}
    for name, ranks in grid.items():
        person = factories.TeacherFactory(organization=world.school_a, full_name=name)
        for person_round, levels in zip((autumn, spring), ranks, strict=True):
            for area, rank in zip(areas, levels, strict=True):
                PersonResult.objects.create(round=person_round, teacher=person, area=area,
                                            source=ResultSource.EXPERT,
                                            level=person_round.levels.get(rank=rank))
    return autumn, spring


def test_it_counts_the_teachers_with_fewer_deficits(world, rounds):
    found = values(world)["deficits_decreased_teachers"]
    assert (found.numerator, found.denominator) == (1, 4)
    assert found.text == "25,0 %"
    assert "«Стартовая, осень 2021» → «Повторная, весна 2022»" in found.note


def test_it_counts_the_teachers_whose_competence_grew(world, rounds):
    found = values(world)["competence_grown"]
    assert (found.numerator, found.denominator) == (2, 4)


def test_it_compares_only_rounds_of_the_same_areas(world, rounds):
    autumn, _spring = rounds
    autumn.competence_areas.remove(autumn.competence_areas.first())
    found = values(world)["deficits_decreased_teachers"]
    assert found.value is None and "сопоставимых" in found.note


def test_it_needs_the_later_round_to_start_in_the_year(world, rounds):
    _autumn, spring = rounds
    spring.starts_on = D(2022, 9, 1)
    spring.ends_on = D(2022, 10, 1)
    spring.entry_opens, spring.entry_closes = spring.starts_on, spring.ends_on
    spring.save()
    assert values(world)["competence_grown"].value is None
