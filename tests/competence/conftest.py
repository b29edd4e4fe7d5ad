"""Two comparable rounds of person diagnostics on the test district."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from competence.models import Instrument, InstrumentKind, Level, PersonRound
from people.models import CompetenceArea, Teacher, WorkerCategory
from tests import factories

TODAY = datetime.date(2025, 10, 15)
SCALE = [(1, "Базовый", True), (2, "Достаточный", False), (3, "Высокий", False)]


@dataclass
class Diagnostics:
    areas: list[CompetenceArea]
    first: PersonRound
    second: PersonRound
    people: list[Teacher]  # four in СОШ № 1, one in Гимназия № 2
    methodologist: Teacher  # not diagnosed: the rounds diagnose teachers only
    teacher_user: User
    instrument: Instrument

    def level(self, person_round: PersonRound, rank: int) -> Level:
        return person_round.levels.get(rank=rank)


def make_round(municipality, areas, title, starts_on, **fields) -> PersonRound:
    person_round = PersonRound.objects.create(
        municipality=municipality, title=title, academic_year="2025–2026",
        starts_on=starts_on, ends_on=starts_on + datetime.timedelta(days=60),
        entry_opens=starts_on, entry_closes=starts_on + datetime.timedelta(days=30),
        worker_categories=[WorkerCategory.TEACHER], **fields)
    person_round.competence_areas.set(areas)
    for rank, level_title, deficit in SCALE:
        Level.objects.create(round=person_round, rank=rank, title=level_title,
                             is_deficit=deficit)
    return person_round


@pytest.fixture
def diag(world) -> Diagnostics:
    areas = [CompetenceArea.objects.create(municipality=world.municipality, number=n,
                                           title=title)
             for n, title in [(1, "Методические компетенции"), (2, "ИКТ-компетенции")]]
    first = make_round(world.municipality, areas, "Стартовая диагностика",
                       datetime.date(2025, 10, 1))
    second = make_round(world.municipality, areas, "Повторная диагностика",
                        datetime.date(2026, 4, 1))
    people = [factories.TeacherFactory(organization=world.school_a,
                                       full_name=f"Учителева Анна {n}")
              for n in range(1, 5)]
    people.append(factories.TeacherFactory(organization=world.school_b,
                                           full_name="Гимназистова Ольга"))
    methodologist = factories.TeacherFactory(
        organization=world.school_a, full_name="Методистова Вера",
        worker_category=WorkerCategory.METHODOLOGIST)
    instrument = Instrument.objects.create(municipality=world.municipality,
                                           title="Тест методических компетенций",
                                           kind=InstrumentKind.TEST)
    instrument.competence_areas.set(areas[:1])
    first.instruments.add(instrument)
    return Diagnostics(areas=areas, first=first, second=second, people=people,
                       methodologist=methodologist,
                       teacher_user=factories.teacher_user(people[0], username="teacher"),
                       instrument=instrument)
