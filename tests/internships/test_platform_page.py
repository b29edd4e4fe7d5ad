import datetime

import pytest
from django.urls import reverse

from internships.models import Tier
from tests import factories
from tests.helpers import assert_redirects_to_login

PLACE_BUTTON = "Распределить команду"
TRANSFER_BUTTON = "Перевести"
MENTOR_BUTTON = "Назначить наставника"


def url(platform) -> str:
    return reverse("platform_detail", args=[platform.pk])


def columns(response) -> dict[str, list[str]]:
    return {tier: [p.team.organization.short_name for p in placements]
            for tier, _, placements in response.context["columns"]}


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_a_platform_to_the_municipality_s_staff_roles(world, as_role, role):
    response = as_role(role).get(url(world.own_platform))

    assert response.status_code == 200
    assert columns(response) == {
        Tier.LEADER: ["СОШ № 1"],
        Tier.PROMISING: ["Гимназия № 2", "НШ № 4"],
        Tier.RESERVE: ["ООШ № 3"],
    }
    content = response.content.decode()
    assert "Стажировка 1. Управление качеством образования" in content
    assert "Своя О. К." in content


@pytest.mark.parametrize("role", ["school_user", "outsider"])
def test_it_hides_a_platform_from_a_school_team_and_another_municipality(world, as_role, role):
    assert as_role(role).get(url(world.own_platform)).status_code == 404


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(url(world.own_platform)))


@pytest.mark.parametrize(
    "role, platform, place, transfer",
    [
        ("staff", "own_platform", True, True),
        ("curator", "own_platform", False, True),
        ("curator", "foreign_platform", False, False),
        ("analyst", "own_platform", False, False),
    ],
)
def test_it_offers_each_role_only_the_actions_it_may_take(
    world, as_role, role, platform, place, transfer
):
    content = as_role(role).get(url(getattr(world, platform))).content.decode()

    assert (PLACE_BUTTON in content) is place
    assert (f"{TRANSFER_BUTTON}</a>" in content) is transfer
    assert (MENTOR_BUTTON in content) is transfer


def test_it_shows_the_platform_s_mentor_pairs_and_transfers(world, as_role):
    factories.MentorshipFactory(platform=world.own_platform, mentor=world.school_a.team,
                                mentee=world.school_b.team,
                                started_on=datetime.date(2021, 10, 1))
    factories.TransferFactory(placement=world.placement(world.school_c, world.own_platform),
                              from_tier=Tier.PROMISING, to_tier=Tier.RESERVE,
                              transferred_on=datetime.date(2022, 2, 14),
                              reason="Пропуски стажировочных сессий", recorded_by=world.staff)

    response = as_role("analyst").get(url(world.own_platform))

    content = response.content.decode()
    assert "01.10.2021" in content
    assert "14.02.2022" in content
    assert "Пропуски стажировочных сессий" in content
    assert [(m.mentor.organization.short_name, m.mentee.organization.short_name)
            for m in response.context["mentorships"]] == [("СОШ № 1", "Гимназия № 2")]
    # Only those who run the platform may end a pair.
    assert reverse("mentorship_end", args=[response.context["mentorships"][0].pk]) not in (
        content
    )


def test_it_offers_the_own_curator_to_end_a_pair(world, as_role):
    mentorship = factories.MentorshipFactory(platform=world.own_platform,
                                             mentor=world.school_a.team,
                                             mentee=world.school_b.team)

    content = as_role("curator").get(url(world.own_platform)).content.decode()

    assert reverse("mentorship_end", args=[mentorship.pk]) in content


def test_it_shows_a_dash_for_a_transfer_whose_recorder_account_is_gone(world, as_role):
    factories.TransferFactory(placement=world.placement(world.school_c, world.own_platform),
                              from_tier=Tier.PROMISING, to_tier=Tier.RESERVE,
                              transferred_on=datetime.date(2022, 2, 14),
                              reason="Перевод до удаления учётной записи", recorded_by=None)

    response = as_role("staff").get(url(world.own_platform))

    assert response.status_code == 200
    assert "Перевод до удаления учётной записи" in response.content.decode()


def test_it_links_each_team_to_its_organization_transfer_and_removal_for_staff(world, as_role):
    content = as_role("staff").get(url(world.own_platform)).content.decode()

    placement = world.placement(world.school_b, world.own_platform)
    assert f'href="{reverse("organization_detail", args=[world.school_b.pk])}"' in content
    assert f'href="{reverse("transfer_create", args=[placement.pk])}"' in content
    assert f'href="{reverse("placement_delete", args=[placement.pk])}"' in content
