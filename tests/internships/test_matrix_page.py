import datetime

import pytest
from django.urls import reverse

from internships.models import Tier
from tests import factories
from tests.helpers import assert_redirects_to_login

URL = reverse("matrix")


def shown(response) -> list[tuple[int, str, str]]:
    """(direction number, tier, organization) for every placement the matrix shows."""
    return [
        (row.direction.number, chip.tier, chip.name)
        for row in response.context["rows"]
        for cell in row.columns
        for chip in cell
    ]


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_the_municipality_s_placements_to_its_staff_roles(world, as_role, role):
    response = as_role(role).get(URL)

    assert response.status_code == 200
    assert shown(response) == [
        (1, Tier.LEADER, "СОШ № 1"),
        (1, Tier.PROMISING, "Гимназия № 2"),
        (1, Tier.PROMISING, "НШ № 4"),
        (1, Tier.RESERVE, "ООШ № 3"),
        (2, Tier.LEADER, "Гимназия № 2"),
        (2, Tier.PROMISING, "СОШ № 1"),
        (2, Tier.RESERVE, "НШ № 4"),
        (3, Tier.LEADER, "ООШ № 3"),
        (3, Tier.PROMISING, "Детский сад № 5"),
        (3, Tier.RESERVE, "СОШ № 1"),
    ]
    content = response.content.decode()
    assert "10 распределений · 5 организаций" in content
    assert "Своя О. К." in content
    assert "Чужая Е. В." in content
    assert "СОШ № 7" not in content


def test_it_refuses_the_matrix_to_a_school_team(world, as_role):
    assert as_role("school_user").get(URL).status_code == 403


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(URL))


def test_it_shows_another_municipality_only_its_own_placements(world, as_role):
    response = as_role("outsider").get(URL)

    assert response.status_code == 200
    assert [name for _, _, name in shown(response)] == ["СОШ № 7"]


def test_it_narrows_the_matrix_to_one_direction(world, as_role):
    direction = world.directions[1]

    response = as_role("staff").get(URL, {"direction": direction.pk})

    assert [row.direction for row in response.context["rows"]] == [direction]
    assert shown(response) == [
        (2, Tier.LEADER, "Гимназия № 2"),
        (2, Tier.PROMISING, "СОШ № 1"),
        (2, Tier.RESERVE, "НШ № 4"),
    ]


def test_it_narrows_the_matrix_to_one_tier(world, as_role):
    response = as_role("staff").get(URL, {"tier": Tier.LEADER})

    assert shown(response) == [
        (1, Tier.LEADER, "СОШ № 1"),
        (2, Tier.LEADER, "Гимназия № 2"),
        (3, Tier.LEADER, "ООШ № 3"),
    ]


def test_it_narrows_the_matrix_to_one_kind_of_organization(world, as_role):
    response = as_role("staff").get(URL, {"kind": "preschool"})

    assert shown(response) == [(3, Tier.PROMISING, "Детский сад № 5")]


def test_it_narrows_the_matrix_to_rural_organizations(world, as_role):
    response = as_role("staff").get(URL, {"locality": "rural"})

    assert {name for _, _, name in shown(response)} == {"ООШ № 3", "НШ № 4"}


@pytest.mark.parametrize("query", ["Гимназ", "СОШ № 1", "МБДОУ"])
def test_it_finds_organizations_by_part_of_their_name(world, as_role, query):
    response = as_role("staff").get(URL, {"q": query})

    names = {name for _, _, name in shown(response)}
    expected = {"Гимназ": {"Гимназия № 2"}, "СОШ № 1": {"СОШ № 1"},
                "МБДОУ": {"Детский сад № 5"}}[query]
    assert names == expected


def test_it_combines_filters(world, as_role):
    response = as_role("staff").get(URL, {"tier": Tier.PROMISING, "locality": "rural"})

    assert shown(response) == [(1, Tier.PROMISING, "НШ № 4")]


def test_it_says_so_when_no_placement_matches(world, as_role):
    response = as_role("staff").get(URL, {"q": "Нет такой школы"})

    assert response.status_code == 200
    assert shown(response) == []
    assert "Под выбранные условия не подходит ни одно распределение" in (
        response.content.decode()
    )


def test_it_shows_the_latest_year_unless_another_is_chosen(world, as_role):
    next_year = factories.PeriodFactory(programme=world.programme,
                                        starts_on=datetime.date(2022, 9, 1),
                                        ends_on=datetime.date(2023, 8, 31))
    platform = factories.PlatformFactory(direction=world.directions[0], period=next_year)
    factories.PlacementFactory(platform=platform, team=world.school_d.team, tier=Tier.LEADER)
    client = as_role("staff")

    latest = client.get(URL)
    chosen = client.get(URL, {"period": world.period.pk})

    assert latest.context["period"] == next_year
    assert shown(latest) == [(1, Tier.LEADER, "НШ № 4")]
    assert chosen.context["period"] == world.period
    assert len(shown(chosen)) == 10


def test_it_ignores_a_year_of_another_municipality(world, as_role):
    response = as_role("staff").get(URL, {"period": world.other_platform.period.pk})

    assert response.context["period"] == world.period
    assert "СОШ № 7" not in response.content.decode()


@pytest.mark.parametrize("query", ["гимназ", "ГИМНАЗИЯ", "  гимназия   № 2 "])
def test_it_finds_organizations_whatever_the_case_of_russian_letters(world, as_role, query):
    response = as_role("staff").get(URL, {"q": query})

    assert {name for _, _, name in shown(response)} == {"Гимназия № 2"}


def test_it_links_each_chip_to_its_organization_and_escapes_the_name(world, as_role):
    organization = world.school_a
    organization.short_name = "СОШ <№ 1> & «Лицей»"
    organization.save()

    content = as_role("staff").get(URL).content.decode()

    url = reverse("organization_detail", args=[organization.pk])
    assert (f'class="badge team-chip tier-leader" href="{url}">'
            "СОШ &lt;№ 1&gt; &amp; «Лицей»</a>") in content
    assert "<№ 1>" not in content
