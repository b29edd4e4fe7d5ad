"""The specialists of a methodological service in the diagnostics of persons: a round for
«Специалист ТМС/ЦРО» of the service's municipality lists them and takes their results, and
their latest levels per area are read only by those who read the results (152-ФЗ)."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from competence.models import PersonResult
from competence.result_reads import diagnosed_people
from competence.results import ResultEntry, save_expert_results
from people.models import Teacher, WorkerCategory
from services.staff import SpecialistData, attach_organization, create_service, save_specialist
from teams.models import Organization, OrganizationKind
from tests.competence.conftest import make_round

D = datetime.date


def _specialist(service, name):
    return save_specialist(service=service, data=SpecialistData(
        full_name=name, position="специалист 1 категории", department=None,
        heads_department=False))


@pytest.fixture
def centre(world, diag):
    service = create_service(municipality=world.municipality, short_name="МБУ «ЦРО»",
                             name="МБУ «Центр развития образования»")
    attach_organization(service=service, organization=Organization.objects.create(
        municipality=world.municipality, name=service.name, short_name=service.short_name,
        kind=OrganizationKind.METHOD_SERVICE))
    specialists = [_specialist(service, name) for name in
                   ("Орлова Ирина Петровна", "Белов Пётр Ильич")]
    start, again = (make_round(world.municipality, diag.areas, title, starts_on)
                    for title, starts_on in (("Стартовая диагностика ЦРО", D(2025, 9, 1)),
                                             ("Повторная диагностика ЦРО", D(2026, 3, 1))))
    for person_round in (start, again):
        person_round.worker_categories = [WorkerCategory.METHODOLOGIST]
        person_round.save(update_fields=["worker_categories"])
    return SimpleNamespace(service=service, specialists=specialists, start=start, again=again)


def _enter(world, person_round, person, area, rank):
    save_expert_results(person_round=person_round, entered_by=world.staff, entries=[
        ResultEntry(teacher=person, area=area, level=person_round.levels.get(rank=rank))])


def test_it_lists_the_services_specialists_in_a_round_for_methodologists(world, diag, centre):
    people = diagnosed_people(centre.start, Teacher.objects.all())

    names = [person.full_name for person in people]
    assert "Белов Пётр Ильич" in names and "Орлова Ирина Петровна" in names
    # The teachers' round does not.
    assert not diagnosed_people(diag.first, Teacher.objects.filter(
        organization=centre.service.organization)).exists()


def test_it_accepts_a_specialists_expert_result(world, diag, centre):
    person = centre.specialists[0].person

    _enter(world, centre.start, person, diag.areas[0], 2)

    assert PersonResult.objects.get(teacher=person).level.title == "Достаточный"


def test_it_refuses_a_specialists_result_in_the_teachers_round_and_stores_nothing(
    world, diag, centre
):
    with pytest.raises(ValidationError, match="не участвует в диагностике"):
        _enter(world, diag.first, centre.specialists[0].person, diag.areas[0], 1)
    assert not PersonResult.objects.exists()


def test_it_shows_the_staff_each_specialists_latest_level_per_area(
    world, diag, centre, login
):
    orlova = centre.specialists[0].person
    _enter(world, centre.start, orlova, diag.areas[0], 1)
    _enter(world, centre.again, orlova, diag.areas[0], 3)
    _enter(world, centre.start, orlova, diag.areas[1], 2)

    page = login(world.staff).get(reverse("competence_service_specialists",
                                          args=[centre.service.pk])).content.decode()

    row = page[page.index("Орлова Ирина Петровна"):]  # after Белов, by name
    assert "Методические компетенции: <strong>Высокий</strong>" in row
    assert "Базовый" not in row
    assert "ИКТ-компетенции: <strong>Достаточный</strong>" in row
    assert reverse("competence_round_detail", args=[centre.again.pk]) in row
    assert "результатов пока нет" in page[page.index("Белов"):page.index("Орлова")]


def test_the_staff_list_links_the_staff_to_the_specialists_diagnostics(world, centre, login):
    page = login(world.staff).get(reverse("service_staff")).content.decode()

    assert reverse("competence_service_specialists", args=[centre.service.pk]) in page


@pytest.mark.parametrize("role", ["curator", "analyst", "school_user"])
def test_the_other_roles_of_the_staff_list_get_no_link_and_no_levels(
    world, centre, login, role
):
    client = login(getattr(world, role))
    page = client.get(reverse("service_staff")).content.decode()
    url = reverse("competence_service_specialists", args=[centre.service.pk])

    assert "Орлова Ирина Петровна" in page
    assert url not in page
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("role", ["outsider", "teacher_user"])
def test_the_page_does_not_exist_for_another_municipality_or_a_teacher(
    world, diag, centre, login, role
):
    user = diag.teacher_user if role == "teacher_user" else world.outsider
    url = reverse("competence_service_specialists", args=[centre.service.pk])

    assert login(user).get(url).status_code == 404


def test_the_page_costs_the_same_queries_whatever_its_size(
    world, diag, centre, login, django_assert_num_queries
):
    client = login(world.staff)
    url = reverse("competence_service_specialists", args=[centre.service.pk])
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200
    for number in range(3):
        person = _specialist(centre.service, f"Специалист {number}").person
        for area in diag.areas:
            _enter(world, centre.start, person, area, 2)
            _enter(world, centre.again, person, area, 3)
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200
