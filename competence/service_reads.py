"""The diagnostics of a methodological service's specialists: the latest expert level of each
specialist in each area, over the rounds they took."""

from dataclasses import dataclass

from django.db.models import QuerySet

from competence.models import Level, PersonResult, PersonRound, ResultSource
from people.models import CompetenceArea
from services.models import MethodService, Specialist


@dataclass(frozen=True)
class LatestLevel:
    area: CompetenceArea
    level: Level
    round: PersonRound


@dataclass(frozen=True)
class SpecialistLevels:
    specialist: Specialist
    levels: list[LatestLevel]  # in the order of the areas' numbers


def specialists_levels(service: MethodService, results: QuerySet[PersonResult]
                       ) -> list[SpecialistLevels]:
    """The service's specialists with the latest expert level per area among ``results`` (the
    user's own, scoped by ``competence.access``); two queries whatever the numbers."""
    specialists = list(service.specialists.select_related("department").order_by(
        "department__name", "-heads_department", "full_name", "pk"))
    found = results.filter(
        teacher__in=[specialist.person_id for specialist in specialists if specialist.person_id],
        source=ResultSource.EXPERT,
    ).select_related("area", "level", "round").order_by("round__starts_on", "round__pk")
    latest: dict[int, dict[int, LatestLevel]] = {}
    for result in found:  # a later round overwrites an earlier one
        latest.setdefault(result.teacher_id, {})[result.area_id] = LatestLevel(
            area=result.area, level=result.level, round=result.round)
    return [SpecialistLevels(specialist=specialist, levels=sorted(
        latest.get(specialist.person_id, {}).values(), key=lambda item: item.area.number))
        for specialist in specialists]
