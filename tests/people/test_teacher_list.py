"""The list of teachers: who sees whom, the filters, the empty states and its cost."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from people.models import Teacher, WorkerCategory
from tests import factories
from tests.helpers import assert_redirects_to_login

LIST_URL = reverse("teacher_list")


def listed(response) -> list[str]:
    return [teacher.full_name for teacher in response.context["teachers"]]


def years_ago(years: int, days: int = 0) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=days)


@pytest.fixture
def people(world):
    return [
        factories.TeacherFactory(organization=world.school_a, full_name="Алексеева Анна",
                                 teaching_since=years_ago(1)),
        factories.TeacherFactory(organization=world.school_a, full_name="Борисов Пётр",
                                 teaching_since=years_ago(20), master_since=years_ago(2),
                                 position="учитель истории"),
        factories.TeacherFactory(organization=world.school_d, full_name="Воронова Вера",
                                 teaching_since=years_ago(3, days=1)),
        factories.TeacherFactory(organization=world.kindergarten, full_name="Гусева Галина",
                                 worker_category=WorkerCategory.PRESCHOOL,
                                 teaching_since=None),
        factories.TeacherFactory(organization=world.other_organization, full_name="Чужой Иван"),
    ]


def test_it_lists_every_person_of_the_municipality_to_staff_by_organization(world, as_role,
                                                                             people):
    response = as_role("staff").get(LIST_URL)

    assert response.status_code == 200
    assert listed(response) == ["Алексеева Анна", "Борисов Пётр", "Воронова Вера",
                                "Гусева Галина"]
    content = response.content.decode()
    assert "4 работника" in content
    assert "учитель истории" in content and "Педагог ДОО" in content


def test_it_marks_young_teachers_and_masters(world, as_role, people):
    response = as_role("staff").get(LIST_URL)

    marks = {teacher.full_name: (teacher.is_young, teacher.master_since is not None)
             for teacher in response.context["teachers"]}
    assert marks == {"Алексеева Анна": (True, False), "Борисов Пётр": (False, True),
                     "Воронова Вера": (False, False), "Гусева Галина": (False, False)}
    content = response.content.decode()
    # Each mark is written twice: beside the name on a phone, in its own column on a screen.
    assert content.count("молодой педагог</span>") == 2
    assert content.count("педагог-мастер</span>") == 2


def test_it_shows_a_school_only_its_own_people(world, as_role, people):
    assert listed(as_role("school_user").get(LIST_URL)) == ["Алексеева Анна", "Борисов Пётр"]


def test_it_shows_a_curator_the_people_of_the_teams_on_their_platforms(world, as_role, people):
    response = as_role("curator").get(LIST_URL)

    assert listed(response) == ["Алексеева Анна", "Борисов Пётр", "Воронова Вера"]
    assert "Добавить педагога" not in response.content.decode()


def test_it_refuses_the_list_to_an_analyst(world, as_role, people):
    assert as_role("analyst").get(LIST_URL).status_code == 403


def test_it_shows_another_municipality_none_of_ours(world, as_role, people):
    assert listed(as_role("outsider").get(LIST_URL)) == ["Чужой Иван"]


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(LIST_URL))


@pytest.mark.parametrize(("query", "expected"), [
    ({"organization": "school_d"}, ["Воронова Вера"]),
    ({"worker_category": WorkerCategory.PRESCHOOL}, ["Гусева Галина"]),
    ({"young": "on"}, ["Алексеева Анна"]),
    ({"masters": "on"}, ["Борисов Пётр"]),
    ({"q": "  АННА "}, ["Алексеева Анна"]),
    ({"q": "ва", "young": "on"}, ["Алексеева Анна"]),
])
def test_it_filters_by_organization_category_youth_status_and_name(world, as_role, people,
                                                                   query, expected):
    if "organization" in query:
        query = {"organization": getattr(world, query["organization"]).pk}

    assert listed(as_role("staff").get(LIST_URL, query)) == expected


def test_it_offers_only_the_organizations_whose_people_the_user_sees(world, as_role, people):
    response = as_role("curator").get(LIST_URL)

    choices = {organization.short_name for organization in
               response.context["filter"].filters["organization"].queryset}
    assert choices == {"СОШ № 1", "Гимназия № 2", "ООШ № 3", "НШ № 4"}
    other = as_role("school_user").get(LIST_URL, {"organization": world.school_d.pk})
    assert listed(other) == []


def test_it_says_nobody_matches_and_how_to_reset_when_a_filter_finds_none(world, as_role,
                                                                         people):
    content = as_role("staff").get(LIST_URL, {"q": "Ярославцев"}).content.decode()

    assert "Педагогов с такими условиями нет" in content
    assert "Сбросьте фильтры" in content


def test_it_invites_the_keepers_of_an_empty_register_to_add_people(world, as_role):
    content = as_role("school_user").get(LIST_URL).content.decode()

    assert "Добавьте педагогов организации" in content
    assert reverse("teacher_add") in content


def test_it_tells_a_curator_where_the_people_will_come_from(world, as_role):
    content = as_role("curator").get(LIST_URL).content.decode()

    assert "Добавьте педагогов" not in content
    assert "Здесь появятся педагоги организаций" in content


def test_it_links_the_register_in_the_navigation_for_those_who_see_names(world, as_role):
    link = f'href="{LIST_URL}"'
    for role in ["staff", "curator", "school_user"]:
        home = as_role(role).get(reverse("my_needs" if role == "school_user" else "home"))
        assert link in home.content.decode(), role
    assert link not in as_role("analyst").get(reverse("home")).content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_it_lists_people_with_a_fixed_number_of_queries(world, as_role,
                                                        django_assert_num_queries, count):
    Teacher.objects.bulk_create(
        Teacher(organization=organization, full_name=f"Педагог {number}", position="учитель",
                worker_category=WorkerCategory.TEACHER,
                teaching_since=years_ago(1 if number % 2 else 10),
                master_since=years_ago(1) if number % 3 == 0 else None)
        for number in range(count)
        for organization in [(world.school_a, world.school_b, world.kindergarten)[number % 3]]
    )
    client = as_role("staff")
    client.get(LIST_URL)

    # session, user, profile; the count and the page of people; the organizations to filter by.
    with django_assert_num_queries(6):
        response = client.get(LIST_URL, {"young": "on", "q": "педагог"})

    assert 0 < len(response.context["teachers"]) < count
