"""The start diagnostic of the Novokubansk centre's specialists, as a round of person
diagnostics.

The passport (seed 003) sets among the tasks for 2019–2021 «Проведение стартовой диагностики
готовности специалистов ЦРО к инновационной деятельности», in the preparatory stage
(сентябрь – декабрь 2019), but prints neither areas nor a scale nor results. So the centre is
recorded as an organization of the register (kind «Методическая служба»), its specialists
become methodologists of it, and the round's three areas, its scale («демонстрационная
шкала») and the levels of twelve specialists are **illustrative**, drawn by a fixed rule.
"""

import datetime

from django.contrib.auth.models import User
from django.db import transaction

from competence.models import Level, PersonResult, PersonRound, ResultSource
from demo.novokubansk import MUNICIPALITY, SERVICE
from people.models import CompetenceArea, WorkerCategory
from services.models import MethodService
from services.staff import attach_organization
from teams.models import ManagementTeam, Municipality, Organization, OrganizationKind

TITLE = "Стартовая диагностика готовности специалистов ЦРО к инновационной деятельности"
D = datetime.date
# Illustrative: the passport names the diagnostic, not what it measures.
AREAS = ("Мотивационная готовность к инновационной деятельности",
         "Методическая (технологическая) готовность к инновационной деятельности",
         "Рефлексивная готовность к инновационной деятельности")
SCALE = [(1, "Низкий", True), (2, "Средний", False), (3, "Высокий", False)]
DIAGNOSED = 12  # of the 19 specialists, by name
STAFF_USERNAME = "nov-staff"


def _centre_record(service: MethodService) -> Organization:
    organization, _ = Organization.objects.get_or_create(
        municipality=service.municipality, short_name=service.short_name,
        defaults={"name": service.name, "kind": OrganizationKind.METHOD_SERVICE})
    ManagementTeam.objects.get_or_create(organization=organization)
    return organization


def _round(municipality: Municipality) -> PersonRound:
    areas = []
    for number, title in enumerate(AREAS, start=1):
        area, _ = CompetenceArea.objects.get_or_create(municipality=municipality,
                                                       number=number, defaults={"title": title})
        areas.append(area)
    person_round, _ = PersonRound.objects.update_or_create(
        municipality=municipality, title=TITLE, defaults={
            "academic_year": "2019–2020", "starts_on": D(2019, 10, 1),
            "ends_on": D(2019, 11, 30), "entry_opens": D(2019, 10, 1),
            "entry_closes": D(2019, 12, 15),
            "worker_categories": [WorkerCategory.METHODOLOGIST], "illustrative_scale": True})
    person_round.competence_areas.set(areas)
    for rank, title, deficit in SCALE:
        Level.objects.update_or_create(round=person_round, rank=rank,
                                       defaults={"title": title, "is_deficit": deficit})
    return person_round


@transaction.atomic
def load_novokubansk_diagnostics() -> dict[str, int]:
    """Run after ``load_novokubansk``; a second run changes nothing."""
    municipality = Municipality.objects.get(name=MUNICIPALITY)
    service = MethodService.objects.get(municipality=municipality, short_name=SERVICE[1])
    if service.organization_id is None:
        attach_organization(service=service, organization=_centre_record(service))
    person_round = _round(municipality)
    levels = {level.rank: level for level in person_round.levels.all()}
    areas = list(person_round.competence_areas.order_by("number"))
    entered_by = User.objects.get(username=STAFF_USERNAME)
    people = [specialist.person for specialist in service.specialists.select_related(
        "person").order_by("full_name", "pk")[:DIAGNOSED]]
    for index, person in enumerate(people):
        for shift, area in enumerate(areas):
            PersonResult.objects.update_or_create(
                round=person_round, teacher=person, area=area, source=ResultSource.EXPERT,
                defaults={"level": levels[1 + (index + shift) % len(SCALE)],
                          "entered_by": entered_by})
    return {"diagnosed": len(people), "areas": len(areas),
            "results": PersonResult.objects.filter(round=person_round).count()}
