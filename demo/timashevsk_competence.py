"""Competence diagnostics of Timashevsk's young teachers: a start round in the autumn and a
repeat round in the spring, with a bank of instruments.

The project plans «Диагностика уровня профессиональных компетенций педагогов» for October –
December and «комплексы диагностических методик», but prints neither a scale nor results.
Everything here is synthetic: the three-level scale is marked «демонстрационная шкала», the
instruments say they are examples, and the levels are drawn with a fixed seed so that some
people grow, some stay and a few fall.
"""

import datetime
import random

from django.contrib.auth.models import User

from competence.models import (
    Instrument,
    InstrumentKind,
    Level,
    PersonResult,
    PersonRound,
    ResultSource,
)
from core.school_year import school_year_of
from people.models import CompetenceArea, Teacher, WorkerCategory
from teams.models import Municipality

SCALE = [(1, "Базовый", True), (2, "Достаточный", False), (3, "Высокий", False)]
INSTRUMENTS = [
    ("Тест «Методическая компетентность педагога»", InstrumentKind.TEST, (4,)),
    ("Анкета самооценки профессиональных дефицитов", InstrumentKind.QUESTIONNAIRE,
     (1, 2, 3, 4, 5, 6)),
    ("Карта наблюдения урока (занятия)", InstrumentKind.OBSERVATION, (1, 3, 6)),
    ("Кейс «Проектирование урока с цифровыми ресурсами»", InstrumentKind.CASE, (2, 5)),
]
EXAMPLE = "Демонстрационный инструмент: документ практики называет комплексы методик, но не " \
          "приводит их."
SEED = 1502
STAFF_USERNAME = "tim-staff"


def _instruments(municipality: Municipality, areas: dict[int, CompetenceArea]
                 ) -> list[Instrument]:
    instruments = []
    for title, kind, numbers in INSTRUMENTS:
        instrument, _ = Instrument.objects.update_or_create(
            municipality=municipality, title=title,
            defaults={"kind": kind, "description": EXAMPLE})
        instrument.competence_areas.set([areas[number] for number in numbers])
        instruments.append(instrument)
    return instruments


def _round(municipality: Municipality, title: str, year: str, starts_on: datetime.date,
           areas: list[CompetenceArea], instruments: list[Instrument]) -> PersonRound:
    person_round, _ = PersonRound.objects.update_or_create(
        municipality=municipality, title=title, defaults={
            "academic_year": year, "starts_on": starts_on,
            "ends_on": starts_on + datetime.timedelta(days=60), "entry_opens": starts_on,
            "entry_closes": starts_on + datetime.timedelta(days=75),
            "worker_categories": [WorkerCategory.TEACHER, WorkerCategory.PRESCHOOL],
            "illustrative_scale": True})
    person_round.competence_areas.set(areas)
    person_round.instruments.set(instruments)
    for rank, level_title, deficit in SCALE:
        Level.objects.update_or_create(round=person_round, rank=rank,
                                       defaults={"title": level_title, "is_deficit": deficit})
    return person_round


def _store(person_round: PersonRound, teacher: Teacher, area: CompetenceArea, rank: int,
           entered_by: User) -> None:
    """Written only when it differs, so that a second load changes nothing."""
    level = person_round.levels.get(rank=rank)
    result, created = PersonResult.objects.get_or_create(
        round=person_round, teacher=teacher, area=area, source=ResultSource.EXPERT,
        defaults={"level": level, "entered_by": entered_by})
    if not created and result.level_id != level.pk:
        result.level = level
        result.save(update_fields=["level", "updated_at"])


def load_competence(*, municipality: Municipality, areas: dict[int, CompetenceArea],
                    today: datetime.date) -> dict[str, int]:
    """The bank, the two rounds of the last academic year and the young teachers' levels,
    entered by the district's demo methodologist."""
    entered_by = User.objects.get(username=STAFF_USERNAME)
    year = school_year_of(today)  # the current academic year
    first_year = year - 1
    academic_year = f"{first_year}–{year}"
    ordered = [areas[number] for number in sorted(areas)]
    instruments = _instruments(municipality, areas)
    start = _round(municipality,
                   f"Стартовая диагностика профессиональных компетенций молодых педагогов, "
                   f"осень {first_year}", academic_year, datetime.date(first_year, 10, 1),
                   ordered, instruments)
    repeat = _round(municipality,
                    f"Повторная диагностика профессиональных компетенций молодых педагогов, "
                    f"весна {year}", academic_year, datetime.date(year, 4, 1), ordered,
                    instruments[1:])
    people = [teacher for teacher in Teacher.objects.filter(
        organization__municipality=municipality,
        worker_category__in=[WorkerCategory.TEACHER, WorkerCategory.PRESCHOOL],
        teaching_since__isnull=False).order_by("full_name", "pk") if teacher.is_young_on(today)]
    rng = random.Random(SEED)
    for teacher in people:
        for area in ordered:
            before = rng.choices((1, 2, 3), weights=(5, 4, 1))[0]
            change = rng.choices((1, 0, -1), weights=(25, 65, 10))[0]
            _store(start, teacher, area, before, entered_by)
            _store(repeat, teacher, area, min(3, max(1, before + change)), entered_by)
    return {"competence_rounds": 2, "competence_people": len(people)}
