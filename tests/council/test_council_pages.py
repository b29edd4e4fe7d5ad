import datetime

import pytest
from django.urls import reverse

from internships.models import Tier
from tests import factories
from tests.council.conftest import make_meeting
from tests.helpers import assert_redirects_to_login

D = datetime.date
LIST_URL = reverse("council_list")


def detail_url(meeting) -> str:
    return reverse("council_detail", args=[meeting.pk])


def listed(response) -> list[int]:
    return [meeting.number for meeting in response.context["meetings"]]


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_lists_the_year_s_protocols_newest_first_to_staff_roles(world, as_role, role):
    make_meeting(world.period, number=1, held_on=D(2021, 9, 15))
    make_meeting(world.period, number=2, held_on=D(2022, 1, 20))

    response = as_role(role).get(LIST_URL)

    assert response.status_code == 200
    assert listed(response) == [2, 1]
    assert "2 протокола" in response.content.decode()


@pytest.mark.parametrize("role", ["school_user", "school_b_user"])
def test_it_refuses_the_book_of_protocols_to_a_school_team(world, as_role, role):
    make_meeting(world.period)

    assert as_role(role).get(LIST_URL).status_code == 403


def test_it_shows_another_municipality_none_of_ours(world, as_role):
    make_meeting(world.period)

    response = as_role("outsider").get(LIST_URL)

    assert response.status_code == 200
    assert listed(response) == []


def test_it_sends_an_anonymous_visitor_from_the_list_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(LIST_URL))


def test_it_filters_by_period_and_by_text_in_any_case(world, as_role):
    later = factories.PeriodFactory(programme=world.programme, starts_on=D(2022, 9, 1),
                                    ends_on=D(2023, 8, 31))
    make_meeting(world.period, number=1, items=["О переводе команд между уровнями"])
    make_meeting(world.period, number=2, items=["Об утверждении плана работы"])
    make_meeting(later, number=1, held_on=D(2022, 10, 1), items=["О ПЕРЕВОДЕ команд"])
    client = as_role("staff")

    assert listed(client.get(LIST_URL)) == [1]  # the latest year by default
    assert listed(client.get(LIST_URL, {"period": world.period.pk})) == [2, 1]
    assert len(client.get(LIST_URL, {"period": ""}).context["meetings"]) == 3
    assert listed(client.get(LIST_URL, {"period": world.period.pk, "q": "переводе"})) == [1]
    assert listed(client.get(LIST_URL, {"period": "", "q": "о переводе"})) == [1, 1]
    assert listed(client.get(LIST_URL, {"period": world.period.pk, "q": "№ 2"})) == [2]
    empty = client.get(LIST_URL, {"period": world.period.pk, "q": "бюджет"})
    assert listed(empty) == []
    assert "Протоколов с таким текстом нет" in empty.content.decode()


def test_it_offers_a_new_protocol_to_department_staff_only(world, as_role):
    assert "Новый протокол" in as_role("staff").get(LIST_URL).content.decode()
    assert "Новый протокол" not in as_role("curator").get(LIST_URL).content.decode()
    assert "Новый протокол" not in as_role("analyst").get(LIST_URL).content.decode()


@pytest.mark.parametrize("count", [1, 20])
def test_it_lists_protocols_with_a_fixed_number_of_queries(
    world, as_role, django_assert_num_queries, count
):
    for number in range(1, count + 1):
        make_meeting(world.period, number=number, items=["Вопрос 1", "Вопрос 2"])
    client = as_role("curator")
    client.get(LIST_URL)

    # session, user, profile; the latest period, the chosen one checked, the protocols,
    # the periods for the filter's choices.
    with django_assert_num_queries(7):
        response = client.get(LIST_URL)

    assert len(response.context["meetings"]) == count
    assert response.context["meetings"][0].item_count == 2


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_a_protocol_with_its_agenda_and_linked_decisions(world, as_role, role):
    meeting = make_meeting(world.period, number=3, held_on=D(2021, 10, 12),
                           items=["О распределении команд", "О переводе команды"])
    first, second = meeting.items.all()
    first.placements.add(world.placement(world.school_a, world.own_platform))
    transfer = factories.TransferFactory(
        placement=world.placement(world.school_c, world.third_platform),
        from_tier=Tier.PROMISING, to_tier=Tier.LEADER, transferred_on=D(2021, 10, 1),
    )
    second.transfers.add(transfer)

    response = as_role(role).get(detail_url(meeting))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Протокол № 3 от 12.10.2021" in content
    assert "О распределении команд" in content and "О переводе команды" in content
    assert "Слушали:" in content and "Решили:" in content
    assert "СОШ № 1" in content and "Стажировка 1" in content and "лидер" in content
    assert "01.10.2021" in content and "ООШ № 3" in content and "Стажировка 3" in content


@pytest.mark.parametrize("role", ["school_user", "outsider"])
def test_it_hides_a_protocol_from_those_who_may_not_read_it(world, as_role, role):
    meeting = make_meeting(world.period)

    assert as_role(role).get(detail_url(meeting)).status_code == 404


def test_it_sends_an_anonymous_visitor_from_a_protocol_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(detail_url(make_meeting(world.period))))


@pytest.mark.parametrize("items", [1, 15])
def test_it_shows_a_protocol_with_a_fixed_number_of_queries(
    world, as_role, django_assert_num_queries, items
):
    meeting = make_meeting(world.period, items=[f"Вопрос {n}" for n in range(items)])
    for item in meeting.items.all():
        item.placements.add(*world.own_platform.placements.all())
    client = as_role("staff")
    client.get(detail_url(meeting))

    # session, user, profile, the protocol, items, their placements, transfers,
    # attachments, history.
    with django_assert_num_queries(9):
        response = client.get(detail_url(meeting))

    assert len(response.context["meeting"].items.all()) == items
