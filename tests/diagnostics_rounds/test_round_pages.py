"""The round list, a round's page, and creating and editing rounds."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from diagnostics.models import DiagnosticRound, RoundKind
from internships.models import ControlPoint, ControlPointKind
from tests.diagnostics_rounds.conftest import diagnose, make_round
from tests.helpers import assert_redirects_to_login, messages_of

LIST = reverse("round_list")
CREATE = reverse("round_create")


def detail(diagnostic_round) -> str:
    return reverse("round_detail", args=[diagnostic_round.pk])


def round_data(programme=None, **changes) -> dict:
    data = {"programme": programme.pk if programme else "", "kind": RoundKind.FINAL,
            "title": "Итоговая диагностика", "starts_on": "2024-05-01", "ends_on": "2024-08-31",
            "entry_opens": "2024-05-01", "entry_closes": "2024-09-15"}
    data.update(changes)
    return data


@pytest.mark.parametrize("role", ["staff", "curator", "analyst", "school_user"])
def test_it_lists_the_rounds_with_their_entry_state(world, rounds, as_role, role):
    response = as_role(role).get(LIST)

    assert response.status_code == 200
    text = response.content.decode()
    assert [row.round for row in response.context["rows"]] == [rounds.start,
                                                               rounds.intermediate]
    assert "Приём закрыт 30.11.2021" in text
    assert f"Приём открыт до {rounds.intermediate.entry_closes:%d.%m.%Y}" in text


def test_it_shows_another_municipality_none_of_the_rounds(world, rounds, as_role):
    response = as_role("outsider").get(LIST)

    assert response.context["rows"] == []
    assert as_role("outsider").get(detail(rounds.start)).status_code == 404


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, rounds, client):
    assert_redirects_to_login(client.get(LIST))
    assert_redirects_to_login(client.get(detail(rounds.start)))


def test_it_says_on_a_closed_round_that_results_are_locked_but_for_staff(world, rounds,
                                                                         as_role):
    response = as_role("curator").get(detail(rounds.start))

    text = response.content.decode()
    assert "Приём результатов закрыт</strong> 30.11.2021" in text
    assert "изменить их может только управление образования" in text
    assert "Внести оценки" not in text


def test_it_offers_staff_entry_on_every_platform_even_after_closing(world, rounds, as_role):
    response = as_role("staff").get(detail(rounds.start))

    assert [row.can_enter for row in response.context["platform_rows"]] == [True, True, True]


def test_it_offers_a_curator_entry_on_their_own_platform_while_open(world, rounds, as_role):
    response = as_role("curator").get(detail(rounds.intermediate))

    text = response.content.decode()
    assert "Приём результатов открыт" in text
    assert [(row.platform, row.can_enter) for row in response.context["platform_rows"]] == [
        (world.own_platform, True), (world.foreign_platform, False),
        (world.third_platform, False),
    ]


def test_it_counts_the_results_entered_per_platform(world, rounds, as_role):
    direction = world.directions[0]
    diagnose(world.school_a.team, rounds.intermediate, direction, ["1.1"], rounds)
    diagnose(world.school_b.team, rounds.intermediate, direction, [], rounds)

    response = as_role("analyst").get(detail(rounds.intermediate))

    own = response.context["platform_rows"][0]
    assert (own.team_count, own.expert_count, own.self_count) == (4, 2, 0)
    assert not own.can_enter


def test_it_shows_a_school_team_its_own_directions_and_the_self_assessment_button(
    world, rounds, as_role
):
    response = as_role("school_user").get(detail(rounds.intermediate))

    assert [placement.platform for placement, _, _ in response.context["own_rows"]] == [
        world.own_platform, world.foreign_platform, world.third_platform,
    ]
    assert response.context["can_self_assess"]
    assert "platform_rows" not in response.context


def test_it_tells_a_school_team_the_self_assessment_is_closed(world, rounds, as_role):
    response = as_role("school_user").get(detail(rounds.start))

    assert not response.context["can_self_assess"]
    assert "Самооценку можно заполнить только пока открыт приём" in response.content.decode()


def test_it_lets_staff_create_a_round_at_a_control_point(world, as_role):
    point = ControlPoint.objects.create(
        programme=world.programme, kind=ControlPointKind.FINAL_DIAGNOSTICS,
        title="Итоговая диагностика участников", starts_on=datetime.date(2024, 5, 1),
        ends_on=datetime.date(2024, 8, 31),
    )

    response = as_role("staff").post(CREATE, round_data(world.programme, control_point=point.pk),
                                     follow=True)

    created = DiagnosticRound.objects.get(title="Итоговая диагностика")
    assert created.programme == world.programme and created.control_point == point
    assert created.entry_closes == datetime.date(2024, 9, 15)
    assert messages_of(response) == ["Диагностика «Итоговая диагностика» создана."]


@pytest.mark.parametrize("changes, field, message", [
    ({"ends_on": "2024-04-01"}, "ends_on", "Дата окончания не может быть раньше даты начала."),
    ({"entry_closes": "2024-04-01"}, "entry_closes",
     "Приём результатов не может закрыться раньше, чем откроется."),
    ({"entry_opens": "31.02.2024"}, "entry_opens", "Введите дату в формате ДД.ММ.ГГГГ."),
    ({"title": "Стартовая"}, "title", "Диагностика «Стартовая» уже есть в этом проекте."),
    ({"kind": "monthly"}, "kind", None),
])
def test_it_explains_bad_round_data_and_saves_nothing(world, rounds, as_role, changes, field,
                                                      message):
    response = as_role("staff").post(CREATE, round_data(world.programme, **changes))

    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    if message:
        assert errors == [message]
    else:
        assert errors[0].startswith("Выберите корректный вариант")
    assert DiagnosticRound.objects.count() == 2


def test_it_refuses_a_control_point_of_another_kind(world, as_role):
    point = ControlPoint.objects.create(
        programme=world.programme, kind=ControlPointKind.START_DIAGNOSTICS,
        title="Мониторинг потребностей", starts_on=datetime.date(2021, 10, 1),
        ends_on=datetime.date(2021, 11, 30),
    )

    response = as_role("staff").post(CREATE, round_data(world.programme, control_point=point.pk))

    assert response.context["form"].errors["control_point"] == [
        f"Контрольная точка «{point}» не подходит для диагностики вида «итоговая»."
    ]
    assert not DiagnosticRound.objects.exists()


def test_it_lets_staff_move_the_entry_window(world, rounds, as_role):
    today = timezone.localdate()
    url = reverse("round_edit", args=[rounds.start.pk])

    as_role("staff").post(url, round_data(
        kind=RoundKind.START, title="Стартовая", starts_on="2021-10-01", ends_on="2021-10-31",
        entry_opens="2021-10-01", entry_closes=today.isoformat(),
    ))

    rounds.start.refresh_from_db()
    assert rounds.start.entry_closes == today and rounds.start.is_open_on(today)


@pytest.mark.parametrize("role, status", [
    ("curator", 403), ("analyst", 403), ("school_user", 403), ("outsider", 404),
])
def test_it_lets_nobody_but_staff_edit_a_round(world, rounds, as_role, role, status):
    client = as_role(role)
    url = reverse("round_edit", args=[rounds.start.pk])

    assert client.get(url).status_code == status
    assert client.post(url, round_data(title="Изменено")).status_code == status
    assert not DiagnosticRound.objects.filter(title="Изменено").exists()
    if role != "outsider":
        assert client.post(CREATE, round_data(world.programme)).status_code == 403


def test_it_lists_rounds_in_the_same_number_of_queries_for_few_and_many(
    world, rounds, as_role, django_assert_num_queries
):
    client = as_role("curator")
    client.get(LIST)
    # Session, user, profile, the rounds with their counts, and Django's own two
    # permission lookups once the rules refuse the curator the «new round» button.
    with django_assert_num_queries(6):
        few = client.get(LIST)
    for number in range(20):
        later = make_round(world.programme, kind=RoundKind.INTERMEDIATE,
                           title=f"Промежуточная {number}",
                           starts_on=datetime.date(2023, 1, 1) + datetime.timedelta(number),
                           opens=datetime.date(2023, 1, 1), closes=datetime.date(2023, 2, 1))
        diagnose(world.school_a.team, later, world.directions[0], ["1.1"], rounds)
    with django_assert_num_queries(6):
        many = client.get(LIST)

    assert len(many.context["rows"]) > len(few.context["rows"])


def test_it_shows_a_round_page_in_the_same_number_of_queries_for_few_and_many(
    world, rounds, as_role, django_assert_num_queries
):
    client = as_role("curator")
    url = detail(rounds.intermediate)
    client.get(url)
    # Session, user, profile, round, periods, the round to compare with, the counts,
    # platforms, their curators, and the platforms the curator curates.
    with django_assert_num_queries(10):
        client.get(url)
    for team in (world.school_a.team, world.school_b.team, world.school_c.team):
        for direction in world.directions:
            diagnose(team, rounds.intermediate, direction, [f"{direction.number}.1"], rounds)
    with django_assert_num_queries(10):
        response = client.get(url)

    assert response.context["platform_rows"][0].expert_count == 3
