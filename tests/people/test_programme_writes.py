"""Modular programmes of a platform with their modules, and the municipality's competence
areas: the department's staff keep them, bad input is refused in Russian, nothing written."""

import pytest
from django.urls import reverse

from people.models import CompetenceArea, ModularProgramme, ProgrammeModule
from tests import factories
from tests.helpers import assert_redirects_to_login

NON_STAFF = ["curator", "analyst", "school_user"]
AREAS_URL = reverse("competence_area_list")
NEW_AREA_URL = reverse("competence_area_create")


@pytest.fixture
def platform(world):
    return factories.TeacherPlatformFactory(host=world.school_a, title="Площадка СОШ № 1")


@pytest.fixture
def areas(world):
    return [
        CompetenceArea.objects.create(municipality=world.municipality, number=1,
                                      title="ИКТ-компетенции"),
        CompetenceArea.objects.create(municipality=world.municipality, number=2,
                                      title="Оценочные компетенции"),
        CompetenceArea.objects.create(municipality=world.other_municipality, number=1,
                                      title="Чужая область"),
    ]


def create_url(platform) -> str:
    return reverse("modular_programme_create", args=[platform.pk])


def edit_url(programme) -> str:
    return reverse("modular_programme_edit", args=[programme.pk])


def programme_data(modules=(), **fields) -> dict:
    """The posted form: the programme's fields and the modules' formset."""
    data = {"title": "Ступеньки успеха", "months_from": "12", "months_to": "18",
            "author": "Иванова И. И.", "summary": "Психолого-педагогические компетенции.",
            "competence_areas": [], "modules-TOTAL_FORMS": str(len(modules)),
            "modules-INITIAL_FORMS": "0", "modules-MIN_NUM_FORMS": "0",
            "modules-MAX_NUM_FORMS": "100"}
    data.update(fields)
    for index, module in enumerate(modules):
        for key, value in module.items():
            data[f"modules-{index}-{key}"] = value
    return data


def module(number, title, hours="", form="", **extra) -> dict:
    return {"number": str(number), "title": title, "hours": str(hours), "form": form, **extra}


def test_staff_add_a_programme_with_modules_and_areas(world, as_role, platform, areas):
    response = as_role("staff").post(create_url(platform), programme_data(
        modules=[module(2, "Диагностика", form="практикум"), module(1, "Введение", hours=6)],
        competence_areas=[areas[0].pk, areas[1].pk]))

    assert response.status_code == 302
    programme = ModularProgramme.objects.get()
    assert (programme.platform, programme.title, programme.months_from,
            programme.months_to, programme.author) == (
        platform, "Ступеньки успеха", 12, 18, "Иванова И. И.")
    assert set(programme.competence_areas.all()) == {areas[0], areas[1]}
    assert [(m.number, m.title, m.hours, m.form) for m in programme.modules.all()] == [
        (1, "Введение", 6, ""), (2, "Диагностика", None, "практикум")]


def test_a_programme_may_leave_its_duration_and_hours_unstated(world, as_role, platform):
    response = as_role("staff").post(create_url(platform), programme_data(
        months_from="", months_to="", modules=[module(1, "Мастерская")]))

    assert response.status_code == 302
    programme = ModularProgramme.objects.get()
    assert (programme.months_from, programme.months_to) == (None, None)
    assert programme.modules.get().hours is None


def test_the_form_offers_only_the_municipality_s_competence_areas(world, as_role, platform,
                                                                  areas):
    form = as_role("staff").get(create_url(platform)).context["form"]

    assert list(form.fields["competence_areas"].queryset) == areas[:2]


@pytest.mark.parametrize(("case", "message"), [
    ("no_title", "Укажите название программы."),
    ("repeated_numbers", "Номера модулей повторяются: 2. У каждого модуля свой номер."),
    ("zero_hours", "Число часов — положительное или не указано."),
    ("zero_number", "Номер модуля — положительное число."),
    ("untitled_module", "Укажите название модуля."),
    ("to_below_from", "Срок «до» не может быть меньше срока «от»."),
    ("to_without_from", "Укажите срок «от», если указан срок «до»."),
    ("foreign_area", "Выберите области компетенций из списка своего муниципального"),
])
def test_it_refuses_bad_input_with_a_russian_message(world, as_role, platform, areas, case,
                                                     message):
    fields = {
        "no_title": {"title": " "},
        "repeated_numbers": {"modules": [module(2, "А"), module(1, "Б"), module(2, "В")]},
        "zero_hours": {"modules": [module(1, "А", hours=0)]},
        "zero_number": {"modules": [module(0, "А")]},
        "untitled_module": {"modules": [module(1, "")]},
        "to_below_from": {"months_from": "18", "months_to": "12"},
        "to_without_from": {"months_from": "", "months_to": "12"},
        "foreign_area": {"competence_areas": [areas[2].pk]},
    }[case]

    response = as_role("staff").post(create_url(platform), programme_data(**fields))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ModularProgramme.objects.exists()
    assert not ProgrammeModule.objects.exists()


def test_staff_change_a_programme_renumbering_and_removing_modules(world, as_role, platform,
                                                                   areas):
    programme = factories.ModularProgrammeFactory(platform=platform, title="Старое название")
    programme.competence_areas.add(areas[0])
    first = ProgrammeModule.objects.create(programme=programme, number=1, title="Первый")
    second = ProgrammeModule.objects.create(programme=programme, number=2, title="Второй")
    dropped = ProgrammeModule.objects.create(programme=programme, number=3, title="Лишний")
    client = as_role("staff")
    formset = client.get(edit_url(programme)).context["formset"]
    assert [form.initial["title"] for form in formset.initial_forms] == [
        "Первый", "Второй", "Лишний"]

    data = programme_data(
        title="Новое название", competence_areas=[areas[1].pk],
        modules=[module(2, "Первый", module_id=first.pk),
                 module(1, "Второй", hours=4, module_id=second.pk),
                 module(3, "Лишний", module_id=dropped.pk, DELETE="on"),
                 module(5, "Новый")])
    data["modules-INITIAL_FORMS"] = "3"
    response = client.post(edit_url(programme), data)

    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.title == "Новое название"
    assert list(programme.competence_areas.all()) == [areas[1]]
    assert [(m.pk, m.number, m.hours) for m in programme.modules.all()] == [
        (second.pk, 1, 4), (first.pk, 2, None), (programme.modules.get(number=5).pk, 5, None)]
    assert not ProgrammeModule.objects.filter(pk=dropped.pk).exists()


def test_it_refuses_a_module_of_another_programme(world, as_role, platform):
    programme = factories.ModularProgrammeFactory(platform=platform)
    stranger = ProgrammeModule.objects.create(
        programme=factories.ModularProgrammeFactory(platform=platform), number=1, title="Чужой")

    response = as_role("staff").post(edit_url(programme), programme_data(
        modules=[module(1, "Захват", module_id=stranger.pk)]))

    assert "Модуль относится к другой программе." in response.content.decode()
    stranger.refresh_from_db()
    assert (stranger.programme_id, stranger.title) != (programme.pk, "Захват")


def test_it_refuses_a_second_programme_with_the_same_title(world, as_role, platform):
    factories.ModularProgrammeFactory(platform=platform, title="Ступеньки успеха")

    response = as_role("staff").post(create_url(platform), programme_data())

    assert "У площадки уже есть программа «Ступеньки успеха»." in response.content.decode()
    assert ModularProgramme.objects.count() == 1


def test_staff_delete_a_programme_with_its_modules(world, as_role, platform):
    programme = factories.ModularProgrammeFactory(platform=platform)
    ProgrammeModule.objects.create(programme=programme, number=1, title="Модуль")
    url = reverse("modular_programme_delete", args=[programme.pk])
    client = as_role("staff")

    assert "1 модуль" in client.get(url).content.decode()
    response = client.post(url)

    assert response.url == reverse("teacher_platform_detail", args=[platform.pk])
    assert not ModularProgramme.objects.exists() and not ProgrammeModule.objects.exists()


@pytest.mark.parametrize("role", NON_STAFF)
def test_it_refuses_every_programme_and_area_write_to_other_roles(world, as_role, platform,
                                                                  areas, role):
    programme = factories.ModularProgrammeFactory(platform=platform, title="Программа")
    client = as_role(role)

    assert client.get(create_url(platform)).status_code == 403
    assert client.post(create_url(platform), programme_data()).status_code == 403
    assert client.post(edit_url(programme), programme_data()).status_code == 403
    assert client.post(reverse("modular_programme_delete",
                               args=[programme.pk])).status_code == 403
    assert client.post(NEW_AREA_URL, {"number": 5, "title": "Новая"}).status_code == 403
    assert client.post(reverse("competence_area_edit", args=[areas[0].pk]),
                       {"number": 1, "title": "Переименованная"}).status_code == 403
    assert list(ModularProgramme.objects.values_list("title", flat=True)) == ["Программа"]
    assert CompetenceArea.objects.count() == 3
    assert CompetenceArea.objects.get(pk=areas[0].pk).title == "ИКТ-компетенции"


def test_it_hides_our_programmes_and_areas_from_another_municipality(world, as_role, platform,
                                                                     areas):
    programme = factories.ModularProgrammeFactory(platform=platform)
    client = as_role("outsider")

    assert client.get(create_url(platform)).status_code == 404
    assert client.post(edit_url(programme), programme_data()).status_code == 404
    assert client.get(reverse("competence_area_edit", args=[areas[0].pk])).status_code == 404
    listed = client.get(AREAS_URL).context["areas"]
    assert [area.title for area in listed] == ["Чужая область"]


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client, platform):
    assert_redirects_to_login(client.get(create_url(platform)))
    assert_redirects_to_login(client.get(AREAS_URL))
    assert_redirects_to_login(client.post(NEW_AREA_URL, {"number": 1, "title": "А"}))
    assert not CompetenceArea.objects.exists()


@pytest.mark.parametrize("role", ["staff", "curator", "analyst", "school_user"])
def test_every_role_of_the_municipality_reads_the_competence_areas(world, as_role, areas,
                                                                   role):
    response = as_role(role).get(AREAS_URL)

    assert response.status_code == 200
    assert [area.title for area in response.context["areas"]] == [
        "ИКТ-компетенции", "Оценочные компетенции"]
    assert ("Добавить область" in response.content.decode()) == (role == "staff")


def test_staff_add_and_rename_a_competence_area(world, as_role, areas):
    client = as_role("staff")

    response = client.post(NEW_AREA_URL, {"number": 3, "title": "  Методические   компетенции "})
    assert response.status_code == 302 and response.url == AREAS_URL
    added = CompetenceArea.objects.get(number=3, municipality=world.municipality)
    assert added.title == "Методические компетенции"

    client.post(reverse("competence_area_edit", args=[added.pk]),
                {"number": 4, "title": "Здоровьесберегающие компетенции"})
    added.refresh_from_db()
    assert (added.number, added.title) == (4, "Здоровьесберегающие компетенции")


@pytest.mark.parametrize(("data", "message"), [
    ({"number": 1, "title": "Новая"}, "Номер 1 уже занят. Укажите другой."),
    ({"number": 7, "title": "ИКТ-компетенции"}, "Область «ИКТ-компетенции» уже есть в списке."),
    ({"number": 0, "title": "Новая"}, "Номер — положительное число."),
    ({"number": 7, "title": ""}, "Укажите название области."),
])
def test_it_refuses_a_bad_competence_area_in_russian(world, as_role, areas, data, message):
    response = as_role("staff").post(NEW_AREA_URL, data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert CompetenceArea.objects.count() == 3
