"""A specialist of a service as a person of the diagnostics: a methodologist of the service's
own organization, with the specialist's name and position only, kept on every save."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from people.models import Teacher, WorkerCategory
from services.models import Specialist
from services.staff import SpecialistData, attach_organization, save_specialist
from teams.models import Organization, OrganizationKind


@pytest.fixture
def centre_record(world, centre):
    return Organization.objects.create(
        municipality=world.municipality, name=centre.service.name,
        short_name=centre.service.short_name, kind=OrganizationKind.METHOD_SERVICE)


def _data(name, position="специалист 1 категории"):
    return SpecialistData(full_name=name, position=position, department=None,
                          heads_department=False)


def test_it_keeps_no_person_while_the_service_has_no_organization(centre):
    assert centre.head.person is None
    assert not Teacher.objects.exists()


def test_it_makes_every_specialist_a_methodologist_of_the_service_when_it_is_attached(
    centre, centre_record
):
    attach_organization(service=centre.service, organization=centre_record)

    people = Teacher.objects.filter(organization=centre_record).order_by("full_name")
    assert [(p.full_name, p.position, p.worker_category) for p in people] == [
        ("Белов Пётр Ильич", "специалист 1 категории", WorkerCategory.METHODOLOGIST),
        ("Орлова Ирина Петровна", "начальник отдела", WorkerCategory.METHODOLOGIST)]
    # Name and position only: nothing more is collected about them.
    assert all(p.subjects == "" and p.teaching_since is None and p.user_id is None
               for p in people)
    assert Specialist.objects.get(pk=centre.head.pk).person.full_name == "Орлова Ирина Петровна"


def test_it_follows_a_specialists_new_name_and_position_on_the_same_person(
    centre, centre_record
):
    attach_organization(service=centre.service, organization=centre_record)
    person_id = Specialist.objects.get(pk=centre.expert.pk).person_id

    save_specialist(service=centre.service, specialist=Specialist.objects.get(
        pk=centre.expert.pk), data=_data("Белов Пётр Ильич-Сидоров", "начальник отдела"))

    person = Teacher.objects.get(pk=person_id)
    assert (person.full_name, person.position) == ("Белов Пётр Ильич-Сидоров",
                                                    "начальник отдела")
    assert Teacher.objects.filter(organization=centre_record).count() == 2


def test_it_takes_over_an_unlinked_person_of_the_same_name_instead_of_doubling(
    centre, centre_record
):
    existing = Teacher.objects.create(organization=centre_record, full_name="Новикова Анна",
                                      position="методист",
                                      worker_category=WorkerCategory.METHODOLOGIST)
    attach_organization(service=centre.service, organization=centre_record)

    specialist = save_specialist(service=centre.service, data=_data("Новикова Анна"))

    assert specialist.person_id == existing.pk
    assert Teacher.objects.filter(organization=centre_record).count() == 3


def test_it_refuses_a_name_of_another_specialists_person_in_russian_and_changes_nothing(
    centre, centre_record
):
    attach_organization(service=centre.service, organization=centre_record)
    expert = Specialist.objects.get(pk=centre.expert.pk)

    with pytest.raises(ValidationError) as error:
        save_specialist(service=centre.service, specialist=expert,
                        data=_data("Орлова Ирина Петровна"))

    assert "уже есть работник «Орлова Ирина Петровна»" in str(error.value)
    assert Specialist.objects.get(pk=expert.pk).full_name == "Белов Пётр Ильич"


def test_it_refuses_an_organization_of_another_municipality(world, centre):
    with pytest.raises(ValidationError, match="другого муниципалитета"):
        attach_organization(service=centre.service, organization=world.other_organization)
    centre.service.refresh_from_db()
    assert centre.service.organization_id is None


def test_the_database_lets_one_person_be_one_specialist_only(centre, centre_record):
    attach_organization(service=centre.service, organization=centre_record)
    person_id = Specialist.objects.get(pk=centre.head.pk).person_id

    with pytest.raises(IntegrityError):
        Specialist.objects.filter(pk=centre.expert.pk).update(person_id=person_id)
