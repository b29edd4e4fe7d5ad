import datetime

import pytest
from django.urls import reverse

from internships.models import Tier, Transfer
from tests.helpers import assert_redirects_to_login, messages_of


def url(placement) -> str:
    return reverse("transfer_create", args=[placement.pk])


def promote(client, placement, **fields):
    data = {"to_tier": Tier.LEADER, "transferred_on": "20.01.2022",
            "reason": "Итоги стажировочной сессии"}
    data.update(fields)
    return client.post(url(placement), data, follow=True)


@pytest.mark.parametrize("role", ["staff", "curator"])
def test_it_lets_staff_and_the_platform_s_curator_transfer_a_team(world, as_role, role):
    placement = world.placement(world.school_b, world.own_platform)
    client = as_role(role)

    assert client.get(url(placement)).status_code == 200
    response = promote(client, placement)

    assert response.redirect_chain == [
        (reverse("platform_detail", args=[world.own_platform.pk]), 302)
    ]
    transfer = Transfer.objects.get()
    assert transfer.placement == placement
    assert (transfer.from_tier, transfer.to_tier) == (Tier.PROMISING, Tier.LEADER)
    assert transfer.transferred_on == datetime.date(2022, 1, 20)
    assert transfer.reason == "Итоги стажировочной сессии"
    assert transfer.recorded_by == getattr(world, role)
    placement.refresh_from_db()
    assert placement.tier == Tier.LEADER
    assert messages_of(response) == ["Гимназия № 2 переведена: команды-лидеры."]


def test_it_accepts_the_date_as_the_browser_s_date_field_sends_it(world, as_role):
    placement = world.placement(world.school_b, world.own_platform)

    promote(as_role("staff"), placement, transferred_on="2022-01-20")

    assert Transfer.objects.get().transferred_on == datetime.date(2022, 1, 20)


@pytest.mark.parametrize("role, platform, status", [
    ("curator", "foreign_platform", 403),
    ("analyst", "own_platform", 403),
    ("school_user", "own_platform", 403),
    ("school_b_user", "third_platform", 404),
    ("outsider", "own_platform", 404),
])
def test_it_refuses_transfers_to_those_who_do_not_run_the_platform(
    world, as_role, role, platform, status
):
    # school_user's own team is СОШ № 1; school_b_user looks at a team not its own.
    organization = world.school_a if role != "school_b_user" else world.school_c
    placement = world.placement(organization, getattr(world, platform))
    client = as_role(role)

    assert client.get(url(placement)).status_code == status
    assert promote(client, placement, to_tier=Tier.RESERVE).status_code == status
    assert not Transfer.objects.exists()


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    placement = world.placement(world.school_b, world.own_platform)

    assert_redirects_to_login(client.get(url(placement)))


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"transferred_on": "01.09.2022"}, "transferred_on",
         "Дата перевода должна лежать в 2021–2022 учебном году: с 01.09.2021 по 31.08.2022."),
        ({"transferred_on": "31.02.2022"}, "transferred_on",
         "Введите дату в формате ДД.ММ.ГГГГ."),
        ({"transferred_on": ""}, "transferred_on", "Укажите дату перевода."),
        ({"reason": "   "}, "reason", "Укажите основание перевода."),
    ],
    ids=["outside-the-year", "no-such-day", "no-date", "blank-reason"],
)
def test_it_explains_a_wrong_transfer_and_writes_nothing(world, as_role, fields, field,
                                                         message):
    placement = world.placement(world.school_b, world.own_platform)

    response = promote(as_role("curator"), placement, **fields)

    assert response.status_code == 200
    assert response.redirect_chain == []
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert not Transfer.objects.exists()
    placement.refresh_from_db()
    assert placement.tier == Tier.PROMISING


def test_it_does_not_offer_the_current_tier(world, as_role):
    placement = world.placement(world.school_b, world.own_platform)

    response = promote(as_role("staff"), placement, to_tier=Tier.PROMISING)

    assert "to_tier" in response.context["form"].errors
    assert not Transfer.objects.exists()
