"""The deficit catalogue: who reads it, who edits it, and what bad input gets."""

import pytest
from django.urls import reverse

from diagnostics.models import Deficit
from tests.diagnostics_rounds.conftest import diagnose
from tests.helpers import assert_redirects_to_login, messages_of

LIST = reverse("deficit_list")
CREATE = reverse("deficit_create")


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_the_catalogue_grouped_by_direction_to_staff_roles(world, rounds, as_role,
                                                                    role):
    response = as_role(role).get(LIST)

    assert response.status_code == 200
    text = response.content.decode()
    assert "Стажировка 1. Управление качеством образования" in text
    assert "Не выстроена работа 2.3 в направлении 2" in text
    assert len(response.context["deficits"]) == 12


@pytest.mark.parametrize("role", ["school_user", "school_b_user"])
def test_it_refuses_the_catalogue_to_a_school_team(world, rounds, as_role, role):
    assert as_role(role).get(LIST).status_code == 403


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(LIST))


def test_it_shows_another_municipality_nothing_of_this_catalogue(world, rounds, as_role):
    response = as_role("outsider").get(LIST)

    assert response.status_code == 200
    assert response.context["deficits"] == []


def test_it_filters_by_direction_and_state(world, rounds, as_role):
    client = as_role("staff")
    direction = world.directions[1]

    by_direction = client.get(LIST, {"direction": direction.pk})
    inactive = client.get(LIST, {"state": "inactive"})

    assert {d.code for d in by_direction.context["deficits"]} == {"2.1", "2.2", "2.3", "2.9"}
    assert {d.code for d in inactive.context["deficits"]} == {"1.9", "2.9", "3.9"}


def test_it_marks_starter_wordings_with_a_badge(world, rounds, as_role):
    Deficit.objects.filter(code="1.1").update(from_template=True)

    response = as_role("curator").get(LIST)

    assert response.content.decode().count("шаблон — уточните формулировку") == 1
    assert response.context["template_count"] == 1


def test_it_lets_staff_add_a_deficit(world, rounds, as_role):
    response = as_role("staff").post(CREATE, {
        "direction": world.directions[0].pk, "code": "1.4",
        "wording": "  Не организован   анализ  ВПР ", "active": "on",
    }, follow=True)

    deficit = Deficit.objects.get(direction=world.directions[0], code="1.4")
    assert deficit.wording == "Не организован анализ ВПР"
    assert deficit.active and not deficit.from_template
    assert messages_of(response) == ["Дефицит 1.4 добавлен в направление 1."]


def test_it_explains_that_a_code_is_taken_in_the_direction(world, rounds, as_role):
    response = as_role("staff").post(CREATE, {
        "direction": world.directions[0].pk, "code": "1.2", "wording": "Другая формулировка",
    })

    assert response.status_code == 200
    assert response.context["form"].errors["code"] == [
        "В направлении 1 уже есть дефицит с кодом «1.2». Выберите другой код."
    ]
    assert Deficit.objects.filter(code="1.2").count() == 1


def test_it_allows_the_same_code_in_another_direction(world, rounds, as_role):
    as_role("staff").post(CREATE, {"direction": world.directions[1].pk, "code": "1.2",
                                   "wording": "Формулировка"})

    assert Deficit.objects.filter(code="1.2").count() == 2


def test_it_refuses_a_direction_of_another_municipality(world, rounds, as_role):
    response = as_role("staff").post(CREATE, {
        "direction": world.other_platform.direction_id, "code": "7.1", "wording": "Чужое",
    })

    assert response.context["form"].errors["direction"] == ["Выберите направление из списка."]
    assert not Deficit.objects.filter(code="7.1").exists()


@pytest.mark.parametrize("role, status", [
    ("curator", 403), ("analyst", 403), ("school_user", 403),
])
def test_it_lets_nobody_but_staff_change_the_catalogue(world, rounds, as_role, role, status):
    deficit = rounds.deficits["1.1"]
    client = as_role(role)

    assert client.get(CREATE).status_code == status
    assert client.post(CREATE, {"direction": world.directions[0].pk, "code": "1.5",
                                "wording": "x"}).status_code == status
    assert client.post(reverse("deficit_edit", args=[deficit.pk]), {
        "direction": deficit.direction_id, "code": "1.1", "wording": "Изменено",
    }).status_code == status
    assert client.post(reverse("deficit_delete", args=[deficit.pk])).status_code == status
    assert Deficit.objects.get(pk=deficit.pk).wording.startswith("Не выстроена")
    assert not Deficit.objects.filter(code="1.5").exists()


def test_it_hides_a_deficit_from_staff_of_another_municipality(world, rounds, as_role):
    deficit = rounds.deficits["1.1"]

    assert as_role("outsider").get(reverse("deficit_edit", args=[deficit.pk])).status_code == 404


def test_it_clears_the_template_mark_when_the_wording_is_changed(world, rounds, as_role):
    deficit = rounds.deficits["1.1"]
    Deficit.objects.filter(pk=deficit.pk).update(from_template=True)
    client = as_role("staff")
    url = reverse("deficit_edit", args=[deficit.pk])

    page = client.get(url)
    client.post(url, {"direction": deficit.direction_id, "code": "1.1",
                      "wording": "Уточнённая формулировка", "active": "on"})

    assert "wording_checked" in page.context["form"].fields
    deficit.refresh_from_db()
    assert deficit.wording == "Уточнённая формулировка" and not deficit.from_template


def test_it_clears_the_template_mark_when_staff_confirm_the_wording(world, rounds, as_role):
    deficit = rounds.deficits["1.1"]
    Deficit.objects.filter(pk=deficit.pk).update(from_template=True)

    as_role("staff").post(reverse("deficit_edit", args=[deficit.pk]), {
        "direction": deficit.direction_id, "code": "1.1", "wording": deficit.wording,
        "active": "on", "wording_checked": "on",
    })

    deficit.refresh_from_db()
    assert not deficit.from_template


def test_it_deletes_an_unused_deficit(world, rounds, as_role):
    deficit = rounds.deficits["1.1"]

    response = as_role("staff").post(reverse("deficit_delete", args=[deficit.pk]), follow=True)

    assert not Deficit.objects.filter(pk=deficit.pk).exists()
    assert messages_of(response) == ["Дефицит 1.1 удалён из каталога."]


def test_it_switches_off_instead_of_deleting_a_deficit_in_use(world, rounds, as_role):
    deficit = rounds.deficits["1.1"]
    diagnose(world.school_a.team, rounds.start, world.directions[0], ["1.1"], rounds)
    client = as_role("staff")
    url = reverse("deficit_delete", args=[deficit.pk])

    page = client.get(url)
    response = client.post(url, follow=True)

    assert "Выключить дефицит 1.1?" in page.content.decode()
    deficit.refresh_from_db()
    assert not deficit.active
    assert messages_of(response)[0].startswith(
        "Дефицит 1.1 уже отмечен в 1 результате диагностики, поэтому он не удалён, а выключен"
    )


def test_it_refuses_to_move_a_used_deficit_to_another_direction(world, rounds, as_role):
    deficit = rounds.deficits["1.1"]
    diagnose(world.school_a.team, rounds.start, world.directions[0], ["1.1"], rounds)

    response = as_role("staff").post(reverse("deficit_edit", args=[deficit.pk]), {
        "direction": world.directions[1].pk, "code": "1.1", "wording": deficit.wording,
    })

    assert response.context["form"].errors["direction"][0].startswith(
        "Дефицит уже отмечен в результатах диагностики по направлению 1"
    )
    deficit.refresh_from_db()
    assert deficit.direction == world.directions[0] and deficit.active


def test_it_reads_the_catalogue_in_the_same_number_of_queries_for_few_and_many(
    world, rounds, as_role, django_assert_num_queries
):
    client = as_role("staff")
    client.get(LIST)
    # Session, user, profile, the directions of the filter, the deficits with their use,
    # and the directions once more for the count of projects.
    with django_assert_num_queries(6):
        few = client.get(LIST)

    Deficit.objects.bulk_create(
        Deficit(direction=direction, code=f"{direction.number}.{n}", wording=f"Дефицит {n}")
        for direction in world.directions for n in range(10, 60)
    )
    diagnose(world.school_a.team, rounds.start, world.directions[0], ["1.1", "1.2"], rounds)
    diagnose(world.school_b.team, rounds.start, world.directions[0], ["1.1"], rounds)
    with django_assert_num_queries(6):
        many = client.get(LIST)

    assert len(many.context["deficits"]) > len(few.context["deficits"])
