"""Reads of rounds and results for the pages: the entry grid, counts, a person's own."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from competence.models import Level, PersonResult, PersonRound, ResultSource
from people.models import CompetenceArea, Teacher


def round_areas(person_round: PersonRound) -> list[CompetenceArea]:
    return list(person_round.competence_areas.order_by("number"))


def round_levels(person_round: PersonRound) -> list[Level]:
    return list(person_round.levels.order_by("rank"))


def diagnosed_people(person_round: PersonRound, people: QuerySet[Teacher]) -> QuerySet[Teacher]:
    """The people of ``people`` the round diagnoses, by organization and name."""
    return people.filter(
        organization__municipality_id=person_round.municipality_id,
        worker_category__in=person_round.worker_categories,
    ).select_related("organization").order_by(
        "organization__sort_rank", "organization__number", "organization__short_name",
        "full_name", "pk")


def stored_levels(person_round: PersonRound, source: str, teacher_ids: list[int]
                  ) -> dict[tuple[int, int], int]:
    """(teacher id, area id) → level id, in one query."""
    return {(teacher_id, area_id): level_id for teacher_id, area_id, level_id in
            PersonResult.objects.filter(round=person_round, source=source,
                                        teacher__in=teacher_ids)
            .values_list("teacher_id", "area_id", "level_id")}


@dataclass(frozen=True)
class LevelCount:
    area: CompetenceArea
    counts: list[int]  # per level of the scale, in rank order
    deficits: int


def level_counts(person_round: PersonRound, source: str = ResultSource.EXPERT
                 ) -> list[LevelCount]:
    """How many people are at each level in each area: figures without names."""
    levels = round_levels(person_round)
    found = Counter(PersonResult.objects.filter(round=person_round, source=source)
                    .values_list("area_id", "level_id"))
    deficit_ids = {level.pk for level in levels if level.is_deficit}
    return [LevelCount(
        area=area, counts=[found[area.pk, level.pk] for level in levels],
        deficits=sum(found[area.pk, level_id] for level_id in deficit_ids),
    ) for area in round_areas(person_round)]


@dataclass(frozen=True)
class PersonRow:
    teacher: Teacher
    cells: list[tuple[Level | None, Level | None]]  # per area: (expert, self)


def people_results(person_round: PersonRound, people: QuerySet[Teacher]) -> list[PersonRow]:
    """The round's people among ``people`` with their expert and self levels per area."""
    areas = round_areas(person_round)
    levels = {level.pk: level for level in round_levels(person_round)}
    persons = list(diagnosed_people(person_round, people))
    ids = [teacher.pk for teacher in persons]
    expert = stored_levels(person_round, ResultSource.EXPERT, ids)
    own = stored_levels(person_round, ResultSource.SELF, ids)
    return [PersonRow(teacher=teacher, cells=[
        (levels.get(expert.get((teacher.pk, area.pk))), levels.get(own.get((teacher.pk, area.pk))))
        for area in areas]) for teacher in persons]


def own_rounds(teacher: Teacher) -> list[PersonRound]:
    """Rounds of the teacher's municipality that diagnose their category, newest first, with
    their areas in order."""
    rounds = PersonRound.objects.filter(
        municipality_id=teacher.organization.municipality_id).order_by(
        "-starts_on", "-pk").prefetch_related(Prefetch(
            "competence_areas", queryset=CompetenceArea.objects.order_by("number")))
    return [person_round for person_round in rounds
            if teacher.worker_category in person_round.worker_categories]


@dataclass(frozen=True)
class OwnRound:
    round: PersonRound
    cells: list[tuple[CompetenceArea, Level | None, Level | None]]  # area, expert, self


def own_results(teacher: Teacher) -> list[OwnRound]:
    """Each of the teacher's rounds with their expert and self levels per area; three
    queries whatever the number of rounds."""
    rounds = own_rounds(teacher)
    found = {(r.round_id, r.area_id, r.source): r.level for r in PersonResult.objects.filter(
        teacher=teacher, round__in=[r.pk for r in rounds]).select_related("level")}
    return [OwnRound(round=person_round, cells=[
        (area, found.get((person_round.pk, area.pk, ResultSource.EXPERT)),
         found.get((person_round.pk, area.pk, ResultSource.SELF)))
        for area in person_round.competence_areas.all()]) for person_round in rounds]
