"""Adding, changing and removing platforms for teachers: the department's staff of the
municipality only; the working group is made of pedagogue-masters."""

import datetime

import pytest
from django.urls import reverse

from people.models import PlatformKind, TeacherPlatform
from tests import factories
from tests.helpers import assert_redirects_to_login, messages_of

D = datetime.date
CREATE_URL = reverse("teacher_platform_create")
NON_STAFF = ["curator", "analyst", "school_user"]


def master(organization, name: str):
    return factories.TeacherFactory(organization=organization, full_name=name,
                                    master_since=D(2019, 9, 1))


@pytest.fixture
def people(world):
    return {
        "head": factories.TeacherFactory(organization=world.school_a, full_name="Руководова А. П."),
        "master": master(world.school_b, "Мастерова Е. И."),
        "second": master(world.kindergarten, "Воспитателева О. В."),
        "novice": factories.TeacherFactory(organization=world.school_c,
                                           full_name="Новикова Н. Н."),
        "foreign": master(world.other_organization, "Соседова С. С."),
    }


def form_data(world, people, **changes) -> dict:
    data = {"host": world.school_a.pk, "kind": PlatformKind.INTERNSHIP,
            "title": "ИКТ-компетенции педагогов", "head": people["head"].pk,
            "masters": [people["master"].pk, people["second"].pk],
            "starts_on": "2020-09-01", "ends_on": "2023-05-31"}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_staff_add_a_platform_with_its_head_and_working_group(world, as_role, people):
    response = as_role("staff").post(CREATE_URL, form_data(world, people))

    platform = TeacherPlatform.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("teacher_platform_detail", args=[platform.pk])
    assert (platform.host, platform.kind, platform.title) == (
        world.school_a, PlatformKind.INTERNSHIP, "ИКТ-компетенции педагогов")
    assert platform.head == people["head"]
    assert set(platform.masters.all()) == {people["master"], people["second"]}
    assert (platform.starts_on, platform.ends_on) == (D(2020, 9, 1), D(2023, 5, 31))


def test_the_form_offers_only_the_municipality_s_hosts_and_masters(world, as_role, people):
    form = as_role("staff").get(CREATE_URL).context["form"]

    hosts = set(form.fields["host"].queryset)
    assert world.school_a in hosts and world.other_organization not in hosts
    assert set(form.fields["masters"].queryset) == {people["master"], people["second"]}
    assert people["novice"] in set(form.fields["head"].queryset)
    assert people["foreign"] not in set(form.fields["head"].queryset)


def test_it_refuses_a_non_master_in_the_working_group(world, as_role, people):
    response = as_role("staff").post(
        CREATE_URL, form_data(world, people, masters=[people["master"].pk, people["novice"].pk]))

    assert response.status_code == 200
    assert "В рабочую группу входят только педагоги-мастера" in response.content.decode()
    assert not TeacherPlatform.objects.exists()


def test_it_refuses_a_member_who_lost_the_master_status(world, as_role, people):
    platform = factories.TeacherPlatformFactory(host=world.school_a)
    platform.masters.add(people["master"])
    people["master"].master_since = None
    people["master"].save()
    url = reverse("teacher_platform_edit", args=[platform.pk])

    response = as_role("staff").post(url, form_data(world, people,
                                                    masters=[people["master"].pk]))

    assert response.status_code == 200
    assert "Мастерова Е. И. — не педагог-мастер" in response.content.decode()
    platform.refresh_from_db()
    assert platform.title != "ИКТ-компетенции педагогов"


@pytest.mark.parametrize(("case", "message"), [
    ("blank_title", "Укажите тему площадки."),
    ("no_host", "Выберите организацию — базу площадки."),
    ("foreign_host", "Выберите организацию своего муниципального образования из списка."),
    ("foreign_head", "Выберите руководителя из педагогов своего муниципального образования."),
    ("foreign_master", "В рабочую группу входят только педагоги-мастера своего"),
    ("ends_before_start", "Окончание работы не может быть раньше начала."),
    ("bad_date", "Введите дату в формате ДД.ММ.ГГГГ."),
])
def test_it_refuses_bad_input_with_a_russian_message(world, as_role, people, case, message):
    changes = {
        "blank_title": {"title": "  "},
        "no_host": {"host": None},
        "foreign_host": {"host": world.other_organization.pk},
        "foreign_head": {"head": people["foreign"].pk},
        "foreign_master": {"masters": [people["foreign"].pk]},
        "ends_before_start": {"starts_on": "2023-09-01", "ends_on": "2023-05-31"},
        "bad_date": {"starts_on": "31.02.2023"},
    }[case]

    response = as_role("staff").post(CREATE_URL, form_data(world, people, **changes))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TeacherPlatform.objects.exists()


def test_it_refuses_a_second_platform_with_the_same_theme_at_one_host(world, as_role, people):
    factories.TeacherPlatformFactory(host=world.school_a, title="ИКТ-компетенции педагогов")

    response = as_role("staff").post(CREATE_URL, form_data(world, people))

    assert "У СОШ № 1 уже есть площадка с темой «ИКТ-компетенции педагогов»" in (
        response.content.decode())
    assert TeacherPlatform.objects.count() == 1


def test_staff_change_a_platform(world, as_role, people):
    platform = factories.TeacherPlatformFactory(host=world.school_b, title="Старая тема")
    platform.masters.add(people["master"])
    url = reverse("teacher_platform_edit", args=[platform.pk])
    client = as_role("staff")

    form = client.get(url).context["form"]
    assert form.initial["title"] == "Старая тема"
    assert form.initial["masters"] == [people["master"].pk]

    response = client.post(url, form_data(world, people, kind=PlatformKind.SUPPORT,
                                          masters=[people["second"].pk], head=None))

    assert response.status_code == 302
    platform.refresh_from_db()
    assert (platform.host, platform.kind, platform.title, platform.head) == (
        world.school_a, PlatformKind.SUPPORT, "ИКТ-компетенции педагогов", None)
    assert list(platform.masters.all()) == [people["second"]]


def test_staff_delete_a_platform_without_programmes(world, as_role):
    platform = factories.TeacherPlatformFactory(host=world.school_a)
    url = reverse("teacher_platform_delete", args=[platform.pk])
    client = as_role("staff")

    assert "Удалить площадку" in client.get(url).content.decode()
    response = client.post(url)

    assert response.status_code == 302 and response.url == reverse("teacher_platform_list")
    assert not TeacherPlatform.objects.exists()


def test_it_refuses_to_delete_a_platform_that_has_programmes(world, as_role):
    platform = factories.TeacherPlatformFactory(host=world.school_a, title="Площадка")
    factories.ModularProgrammeFactory(platform=platform)
    url = reverse("teacher_platform_delete", args=[platform.pk])
    client = as_role("staff")

    assert "Площадку с программами удалить нельзя" in client.get(url).content.decode()
    response = client.post(url, follow=True)

    assert "У площадки «Площадка» есть модульные программы (1)" in " ".join(
        messages_of(response))
    assert TeacherPlatform.objects.filter(pk=platform.pk).exists()


@pytest.mark.parametrize("role", NON_STAFF)
def test_it_refuses_every_platform_write_to_other_roles(world, as_role, people, role):
    platform = factories.TeacherPlatformFactory(host=world.school_a, title="Площадка")
    client = as_role(role)
    edit = reverse("teacher_platform_edit", args=[platform.pk])
    delete = reverse("teacher_platform_delete", args=[platform.pk])

    assert client.get(CREATE_URL).status_code == 403
    assert client.post(CREATE_URL, form_data(world, people)).status_code == 403
    assert client.post(edit, form_data(world, people)).status_code == 403
    assert client.post(delete).status_code == 403
    platform.refresh_from_db()
    assert platform.title == "Площадка"
    assert TeacherPlatform.objects.count() == 1


def test_it_hides_a_platform_of_ours_from_another_municipality_s_staff(world, as_role, people):
    platform = factories.TeacherPlatformFactory(host=world.school_a)
    client = as_role("outsider")

    assert client.get(reverse("teacher_platform_edit", args=[platform.pk])).status_code == 404
    assert client.post(reverse("teacher_platform_delete", args=[platform.pk])).status_code == 404
    response = client.post(CREATE_URL, form_data(world, people))
    assert "Выберите организацию своего муниципального образования" in (
        response.content.decode())
    assert TeacherPlatform.objects.count() == 1


def test_it_sends_an_anonymous_visitor_from_the_writes_to_the_login_page(world, client):
    platform = factories.TeacherPlatformFactory(host=world.school_a)

    assert_redirects_to_login(client.get(CREATE_URL))
    assert_redirects_to_login(client.post(reverse("teacher_platform_delete", args=[platform.pk])))
    assert TeacherPlatform.objects.count() == 1
