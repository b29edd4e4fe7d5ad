"""Pages of school innovation projects by role: who opens them, who is refused, what they
show, and the pinned cost of the lists."""

import datetime

import pytest
from django.urls import reverse

from innovation.projects import ProjectCard, register_project
from innovation.stages import move_stage
from tests import factories
from tests.helpers import assert_redirects_to_login

D = datetime.date


def test_it_sends_an_anonymous_visitor_to_sign_in(innovation, client):
    assert_redirects_to_login(client.get(reverse("innovation_board")))
    assert_redirects_to_login(client.get(reverse("innovation_project",
                                                 args=[innovation.project.pk])))


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_the_district_board_to_those_who_see_the_municipality(innovation, as_role,
                                                                        role):
    response = as_role(role).get(reverse("innovation_board"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Школа полного дня" in page and "Цифровая образовательная среда" in page
    assert "Осознание необходимости преобразований" in page


@pytest.mark.parametrize("role", ["school_user", "school_b_user"])
def test_it_refuses_the_board_to_a_school(innovation, as_role, role):
    assert as_role(role).get(reverse("innovation_board")).status_code == 403


def test_it_shows_another_municipality_an_empty_board(innovation, as_role):
    page = as_role("outsider").get(reverse("innovation_board")).content.decode()

    assert "Школа полного дня" not in page


def test_it_filters_the_board_by_pilot_status_and_year(innovation, world, as_role):
    client = as_role("staff")

    pilots = client.get(reverse("innovation_board"), {"pilot": "yes"}).content.decode()
    others = client.get(reverse("innovation_board"), {"pilot": "no"}).content.decode()
    year = client.get(reverse("innovation_board"),
                      {"period": world.period.pk}).content.decode()

    assert "Школа полного дня" in pilots and "Цифровая образовательная среда" not in pilots
    assert "Цифровая образовательная среда" in others and "Школа полного дня" not in others
    assert "Школа полного дня" in year


def test_it_puts_each_project_in_the_column_of_its_stage(innovation, world, as_role):
    fourth = world.programme.innovation_stages.get(number=4)
    move_stage(project=innovation.project, to_stage=fourth, moved_on=D(2022, 1, 20),
               evidence="Протокол педсовета № 3", moved_by=world.curator)

    columns = as_role("staff").get(reverse("innovation_board")).context["columns"]

    by_number = {column.stage.number: [p.theme for p in column.projects] for column in columns}
    assert by_number[4] == ["Школа полного дня"]
    assert by_number[1] == ["Цифровая образовательная среда"]


def test_it_pins_the_queries_of_the_board(innovation, world, as_role,
                                          django_assert_num_queries):
    client = as_role("staff")
    for number in range(12):
        school = factories.OrganizationFactory(municipality=world.municipality,
                                               short_name=f"СОШ № {20 + number}",
                                               number=20 + number)
        register_project(organization=school, period=world.period, is_pilot=number % 2 == 0,
                         card=ProjectCard(theme=f"Проект {number}"), registered_by=world.staff)
    client.get(reverse("innovation_board"))

    with django_assert_num_queries(8):
        response = client.get(reverse("innovation_board"))

    assert response.context["total"] == 14


def test_it_pins_the_queries_of_my_projects(innovation, world, login,
                                            django_assert_num_queries):
    client = login(innovation.tutor)
    for number in range(6):
        school = factories.OrganizationFactory(municipality=world.municipality,
                                               short_name=f"ООШ № {40 + number}",
                                               number=40 + number)
        project = register_project(organization=school, period=world.period, is_pilot=False,
                                   card=ProjectCard(theme=f"Проект {number}"),
                                   registered_by=world.staff)
        project.assignments.create(user=innovation.tutor, kind="tutor",
                                   assigned_on=D(2021, 10, 1))
    client.get(reverse("innovation_my_projects"))

    with django_assert_num_queries(5):
        response = client.get(reverse("innovation_my_projects"))

    assert len(response.context["projects"]) == 7


def test_it_lists_for_a_tutor_only_the_projects_they_accompany(innovation, login):
    page = login(innovation.tutor).get(reverse("innovation_my_projects")).content.decode()

    assert "Школа полного дня" in page
    assert "Цифровая образовательная среда" not in page


def test_it_tells_a_teacher_who_tutors_nothing_what_happens_next(innovation, login):
    page = login(innovation.teacher).get(reverse("innovation_my_projects")).content.decode()

    assert "не назначены куратором или тьютором" in page


def test_it_offers_a_school_without_a_project_to_register_one(innovation, world, login):
    leader = factories.school_user(world.school_c, username="school-c")

    page = login(leader).get(reverse("innovation_my_projects")).content.decode()

    assert "ещё нет инновационного проекта" in page
    assert reverse("innovation_project_add") in page


@pytest.mark.parametrize("role", ["staff", "curator", "analyst", "school_user"])
def test_it_shows_the_project_page_to_who_may_read_it(innovation, as_role, role):
    response = as_role(role).get(reverse("innovation_project", args=[innovation.project.pk]))

    assert response.status_code == 200
    assert "Низкая мотивация учащихся" in response.content.decode()


def test_it_shows_the_project_page_to_its_tutor(innovation, login):
    response = login(innovation.tutor).get(reverse("innovation_project",
                                                   args=[innovation.project.pk]))

    assert response.status_code == 200
    assert response.context["can_accompany"] and not response.context["can_edit"]


@pytest.mark.parametrize("role", ["school_b_user", "outsider"])
def test_it_hides_the_project_from_another_school_and_municipality(innovation, as_role, role):
    response = as_role(role).get(reverse("innovation_project", args=[innovation.project.pk]))

    assert response.status_code == 404


def test_it_hides_the_project_from_a_teacher_who_is_not_its_tutor(innovation, login):
    response = login(innovation.teacher).get(reverse("innovation_project",
                                                     args=[innovation.project.pk]))

    assert response.status_code == 404


def test_it_lets_the_analyst_only_read(innovation, as_role):
    client = as_role("analyst")
    pk = innovation.project.pk

    assert client.get(reverse("innovation_move", args=[pk])).status_code == 403
    assert client.get(reverse("innovation_project_edit", args=[pk])).status_code == 403
    assert client.get(reverse("innovation_people", args=[pk])).status_code == 403


def test_it_refuses_a_curator_role_not_assigned_to_the_project_its_actions(innovation, world,
                                                                           login):
    stranger = factories.curator_user(world.municipality, username="curator-b",
                                      curator_fields={"short_name": "Другая К. К."})
    client = login(stranger)

    assert client.get(reverse("innovation_project",
                              args=[innovation.project.pk])).status_code == 200
    assert client.get(reverse("innovation_consult",
                              args=[innovation.project.pk])).status_code == 403


def test_it_shows_the_stage_history_and_the_help_log(innovation, world, login):
    move_stage(project=innovation.project, to_stage=world.programme.innovation_stages.get(
        number=2), moved_on=D(2021, 11, 2), evidence="Приказ о рабочей группе",
        moved_by=world.curator)
    innovation.project.consultations.create(
        held_on=D(2021, 11, 10), form="consultation", topic="Проблемный анализ школы",
        advisers="Своя О. К.", outcome="Школа готовит проблемное поле")

    page = login(world.school_user).get(
        reverse("innovation_project", args=[innovation.project.pk])).content.decode()

    assert "02.11.2021" in page and "Приказ о рабочей группе" in page
    assert "Проблемный анализ школы" in page and "Школа готовит проблемное поле" in page
