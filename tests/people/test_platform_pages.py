"""The list of platforms for teachers and a platform's page: every role of the municipality
reads them, with the names of heads and pedagogue-masters; another municipality sees none."""

import datetime

import pytest
from django.urls import reverse

from people.models import CompetenceArea, PlatformKind, ProgrammeModule, TeacherPlatform
from people.platform_reads import duration_text
from tests import factories
from tests.helpers import assert_redirects_to_login

D = datetime.date
LIST_URL = reverse("teacher_platform_list")
READERS = ["staff", "curator", "analyst", "school_user", "school_b_user"]


def detail_url(platform) -> str:
    return reverse("teacher_platform_detail", args=[platform.pk])


def master(organization, name: str, **fields):
    return factories.TeacherFactory(organization=organization, full_name=name,
                                    master_since=D(2019, 9, 1), **fields)


@pytest.fixture
def platform(world):
    head = master(world.school_a, "Руководова Анна Петровна", position="заместитель директора")
    platform = factories.TeacherPlatformFactory(
        host=world.school_a, kind=PlatformKind.INTERNSHIP, head=head,
        title="Развитие проектно-исследовательских компетенций",
        starts_on=D(2020, 9, 1), ends_on=D(2023, 5, 31),
    )
    platform.masters.add(head, master(world.school_b, "Мастерова Елена Ивановна"))
    area = CompetenceArea.objects.create(municipality=world.municipality, number=2,
                                         title="Проектно-исследовательские компетенции")
    programme = factories.ModularProgrammeFactory(
        platform=platform, title="Педагогическая мастерская проекта", author="Руководова А. П.")
    programme.competence_areas.add(area)
    ProgrammeModule.objects.create(programme=programme, number=2, title="Исследование на уроке",
                                   form="педагогическая мастерская")
    ProgrammeModule.objects.create(programme=programme, number=1, title="Учебный проект",
                                   hours=12)
    factories.ModularProgrammeFactory(platform=platform, title="Без срока", months_from=None,
                                      months_to=None)
    return platform


def listed(response) -> list[str]:
    return [p.title for group in response.context["groups"] for p in group.platforms]


@pytest.mark.parametrize("role", READERS)
def test_it_lists_the_municipality_s_platforms_to_every_role(world, as_role, platform, role):
    factories.TeacherPlatformFactory(host=world.other_organization, title="Чужая площадка")

    response = as_role(role).get(LIST_URL)

    assert response.status_code == 200
    assert listed(response) == ["Развитие проектно-исследовательских компетенций"]
    row = response.context["groups"][0].platforms[0]
    assert (row.master_count, row.programme_count) == (2, 2)
    content = response.content.decode()
    assert "Руководова Анна Петровна" in content and "СОШ № 1" in content
    assert "1 площадка" in content


def test_it_shows_another_municipality_none_of_ours(world, as_role, platform):
    response = as_role("outsider").get(LIST_URL)

    assert response.status_code == 200
    assert listed(response) == []


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client, platform):
    assert_redirects_to_login(client.get(LIST_URL))
    assert_redirects_to_login(client.get(detail_url(platform)))


def test_it_groups_platforms_by_kind_and_filters_by_group_and_text(world, as_role):
    for kind, title, host in [
        (PlatformKind.SUPPORT, "Оценка качества в ДОО", world.kindergarten),
        (PlatformKind.REGIONAL_INNOVATION, "Сеть стажировочных площадок", world.school_a),
        (PlatformKind.INTERNSHIP, "ИКТ-компетенции", world.school_b),
        (PlatformKind.MUNICIPAL_INNOVATION, "Цифровая школа", world.school_c),
    ]:
        factories.TeacherPlatformFactory(kind=kind, title=title, host=host)
    client = as_role("curator")

    groups = client.get(LIST_URL).context["groups"]
    assert [(g.title, [p.title for p in g.platforms]) for g in groups] == [
        ("Стажировочные площадки", ["ИКТ-компетенции"]),
        ("Опорные площадки", ["Оценка качества в ДОО"]),
        # Municipal innovation platforms before the regional ones.
        ("Инновационные площадки", ["Цифровая школа", "Сеть стажировочных площадок"]),
    ]
    assert listed(client.get(LIST_URL, {"kind": "innovation"})) == [
        "Цифровая школа", "Сеть стажировочных площадок"]
    assert listed(client.get(LIST_URL, {"q": "доо"})) == ["Оценка качества в ДОО"]
    assert listed(client.get(LIST_URL, {"q": "Гимназия"})) == ["ИКТ-компетенции"]
    empty = client.get(LIST_URL, {"q": "астрономия"})
    assert listed(empty) == []
    assert "Площадок с такими условиями нет" in empty.content.decode()


def test_it_tells_staff_how_to_add_the_first_platform(world, as_role):
    staff_page = as_role("staff").get(LIST_URL).content.decode()
    assert "Площадок для педагогов ещё нет" in staff_page
    assert "Добавить площадку" in staff_page
    assert reverse("teacher_platform_create") in staff_page

    curator_page = as_role("curator").get(LIST_URL).content.decode()
    assert "Их заводит специалист управления образования" in curator_page
    assert reverse("teacher_platform_create") not in curator_page


def add_platforms(world, count: int) -> None:
    masters = [master(world.school_a, f"Мастер {n}") for n in range(3)]
    area = CompetenceArea.objects.create(municipality=world.municipality, number=1,
                                         title="Методические компетенции")
    for number in range(count):
        head = factories.TeacherFactory(organization=world.school_b, full_name=f"Глава {number}")
        platform = factories.TeacherPlatformFactory(
            host=[world.school_a, world.school_b, world.kindergarten][number % 3],
            kind=list(PlatformKind)[number % 4], head=head)
        platform.masters.add(*masters)
        for _ in range(2):
            programme = factories.ModularProgrammeFactory(platform=platform)
            programme.competence_areas.add(area)
            ProgrammeModule.objects.create(programme=programme, number=1, title="Модуль")


@pytest.mark.parametrize("count", [3, 30])
def test_it_lists_platforms_with_a_fixed_number_of_queries(
    world, as_role, django_assert_num_queries, count
):
    add_platforms(world, count)
    client = as_role("analyst")
    client.get(LIST_URL)

    # session, user, profile, the platforms with their counts.
    with django_assert_num_queries(4):
        response = client.get(LIST_URL)

    assert response.context["platform_count"] == count


@pytest.mark.parametrize("role", READERS)
def test_it_shows_a_platform_with_its_masters_and_programmes(world, as_role, platform, role):
    response = as_role(role).get(detail_url(platform))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Стажировочная площадка · на базе СОШ № 1" in content
    assert "с 01.09.2020 по 31.05.2023" in content
    assert "Руководова Анна Петровна" in content
    assert "Мастерова Елена Ивановна" in content and "Гимназия № 2" in content
    assert "педагог-мастер с 01.09.2019" in content
    assert "Срок обучения: 12–18 мес." in content and "автор: Руководова А. П." in content
    assert "Срок обучения: срок не указан" in content
    assert "Проектно-исследовательские компетенции" in content
    cards = {card.programme.title: card for card in response.context["programmes"]}
    modules = cards["Педагогическая мастерская проекта"].modules
    assert [(m.number, m.hours) for m in modules] == [(1, 12), (2, None)]
    assert "<td class=\"text-end\">—</td>" in content and "педагогическая мастерская" in content


def test_it_offers_the_keeping_of_a_platform_to_department_staff_only(world, as_role, platform):
    edit = reverse("teacher_platform_edit", args=[platform.pk])
    assert edit in as_role("staff").get(detail_url(platform)).content.decode()
    for role in ["curator", "analyst", "school_user"]:
        assert edit not in as_role(role).get(detail_url(platform)).content.decode()


def test_it_hides_a_platform_from_another_municipality(world, as_role, platform):
    assert as_role("outsider").get(detail_url(platform)).status_code == 404


def test_it_shows_an_empty_platform_plainly(world, as_role):
    bare = TeacherPlatform.objects.create(host=world.kindergarten, kind=PlatformKind.SUPPORT,
                                          title="Опорная площадка ДОО")

    content = as_role("school_user").get(detail_url(bare)).content.decode()

    assert "не назначен" in content and "Сроки работы" in content and "не указаны" in content
    assert "Рабочая группа ещё не сформирована" in content
    assert "У площадки ещё нет модульных программ" in content


@pytest.mark.parametrize("count", [3, 30])
def test_it_shows_a_platform_with_a_fixed_number_of_queries(
    world, as_role, django_assert_num_queries, count
):
    add_platforms(world, 1)
    platform = TeacherPlatform.objects.get()
    for number in range(count):
        platform.masters.add(master(world.school_c, f"Ещё мастер {number}"))
        programme = factories.ModularProgrammeFactory(platform=platform)
        programme.competence_areas.add(*CompetenceArea.objects.all())
        ProgrammeModule.objects.create(programme=programme, number=1, title="Модуль")
    client = as_role("staff")
    client.get(detail_url(platform))

    # session, user, profile; the platform with host and head, masters, programmes,
    # their areas, their modules.
    with django_assert_num_queries(8):
        response = client.get(detail_url(platform))

    assert len(response.context["programmes"]) == count + 2


@pytest.mark.parametrize(("months_from", "months_to", "text"), [
    (12, 18, "12–18 мес."), (12, None, "12 мес."), (6, 6, "6 мес."),
    (None, None, "срок не указан"),
])
def test_it_states_a_programme_s_duration_as_the_document_gives_it(months_from, months_to,
                                                                    text):
    assert duration_text(months_from=months_from, months_to=months_to) == text
