"""Dynamics of persons between two comparable rounds of competence diagnostics.

Two rounds are comparable when they are of one municipality, diagnose the same competence
areas and both have a scale. Only expert results count, and for each person only the areas
where both rounds have a result («общие области»): a level is compared by its rank in its own
round's scale, a deficit is an area at a level marked «дефицит».
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from competence.models import PersonResult, PersonRound, ResultSource

DENOMINATOR = ("работники, у которых есть экспертные результаты обеих диагностик хотя бы "
               "в одной общей области")


@dataclass(frozen=True)
class Share:
    numerator: int
    denominator: int
    formula: str

    @property
    def percent(self) -> float | None:
        if not self.denominator:
            return None
        return round(100 * self.numerator / self.denominator, 1)


@dataclass(frozen=True)
class PersonChange:
    teacher_id: int
    areas: int
    rose: int
    fell: int
    deficits_before: int
    deficits_after: int

    @property
    def grew(self) -> bool:
        return self.rose > 0 and self.fell == 0

    @property
    def fewer_deficits(self) -> bool:
        return self.deficits_after < self.deficits_before


def comparability_problem(first: PersonRound, second: PersonRound) -> str:
    """Why the two rounds cannot be compared, or ""."""
    if first.pk == second.pk:
        return "Выберите две разные диагностики."
    if first.municipality_id != second.municipality_id:
        return "Диагностики проведены в разных муниципалитетах."
    if set(first.competence_areas.values_list("pk", flat=True)) != set(
            second.competence_areas.values_list("pk", flat=True)):
        return "Диагностики оценивают разные области компетенций: сравнивать их нельзя."
    if not first.levels.exists() or not second.levels.exists():
        return "У одной из диагностик нет шкалы уровней."
    return ""


def _levels(person_round: PersonRound, among: Iterable[int] | None
            ) -> dict[int, dict[int, tuple[int, bool]]]:
    """teacher id → area id → (rank, дефицит)."""
    results = PersonResult.objects.filter(round=person_round, source=ResultSource.EXPERT)
    if among is not None:
        results = results.filter(teacher__in=among)
    found: dict[int, dict[int, tuple[int, bool]]] = defaultdict(dict)
    for teacher_id, area_id, rank, deficit in results.values_list(
            "teacher_id", "area_id", "level__rank", "level__is_deficit"):
        found[teacher_id][area_id] = (rank, deficit)
    return found


def person_changes(first: PersonRound, second: PersonRound,
                   among: Iterable[int] | None = None) -> list[PersonChange]:
    """Each person with expert results of both rounds in a common area (``among``: only
    these teacher ids; None: everyone), in two queries."""
    before, after = _levels(first, among), _levels(second, among)
    changes = []
    for teacher_id in sorted(before.keys() & after.keys()):
        common = before[teacher_id].keys() & after[teacher_id].keys()
        if not common:
            continue
        pairs = [(before[teacher_id][area], after[teacher_id][area]) for area in common]
        changes.append(PersonChange(
            teacher_id=teacher_id, areas=len(common),
            rose=sum(new[0] > old[0] for old, new in pairs),
            fell=sum(new[0] < old[0] for old, new in pairs),
            deficits_before=sum(old[1] for old, _ in pairs),
            deficits_after=sum(new[1] for _, new in pairs),
        ))
    return changes


def persons_with_grown_competence(first: PersonRound, second: PersonRound,
                                  among: Iterable[int] | None = None,
                                  changes: list[PersonChange] | None = None) -> Share:
    changes = person_changes(first, second, among) if changes is None else changes
    return Share(
        numerator=sum(change.grew for change in changes), denominator=len(changes),
        formula=("Доля работников, у которых вырос уровень компетенций = работники, у которых "
                 "уровень вырос хотя бы в одной общей области и не снизился ни в одной ÷ "
                 f"{DENOMINATOR}."),
    )


def persons_with_fewer_deficits(first: PersonRound, second: PersonRound,
                                among: Iterable[int] | None = None,
                                changes: list[PersonChange] | None = None) -> Share:
    changes = person_changes(first, second, among) if changes is None else changes
    return Share(
        numerator=sum(change.fewer_deficits for change in changes), denominator=len(changes),
        formula=("Доля работников, у которых уменьшилось количество дефицитов = работники, у "
                 "которых число общих областей на уровне «дефицит» стало меньше ÷ "
                 f"{DENOMINATOR}."),
    )
