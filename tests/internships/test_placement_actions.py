import pytest
from django.urls import reverse

from internships.models import Placement, Tier
from tests import factories
from tests.helpers import assert_redirects_to_login, messages_of


def add_url(platform) -> str:
    return reverse("placement_add", args=[platform.pk])


def delete_url(placement) -> str:
    return reverse("placement_delete", args=[placement.pk])


def test_it_lets_staff_place_a_team(world, as_role):
    client = as_role("staff")

    form_page = client.get(add_url(world.own_platform))
    response = client.post(add_url(world.own_platform),
                           {"team": world.kindergarten.team.pk, "tier": Tier.RESERVE},
                           follow=True)

    assert form_page.status_code == 200
    assert response.redirect_chain == [(reverse("platform_detail",
                                                 args=[world.own_platform.pk]), 302)]
    placement = Placement.objects.get(platform=world.own_platform, team=world.kindergarten.team)
    assert placement.tier == Tier.RESERVE
    assert messages_of(response) == [
        "Детский сад № 5 распределена: команды скрытых резервов."
    ]


@pytest.mark.parametrize("role, status", [
    ("curator", 403), ("analyst", 403), ("school_user", 404), ("outsider", 404),
])
def test_it_refuses_placing_to_anyone_but_staff(world, as_role, role, status):
    client = as_role(role)

    page = client.get(add_url(world.own_platform))
    post = client.post(add_url(world.own_platform),
                       {"team": world.kindergarten.team.pk, "tier": Tier.RESERVE})

    assert page.status_code == status
    assert post.status_code == status
    assert not Placement.objects.filter(team=world.kindergarten.team,
                                        platform=world.own_platform).exists()


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(add_url(world.own_platform)))


def test_it_explains_why_a_team_cannot_be_placed_twice(world, as_role):
    response = as_role("staff").post(add_url(world.own_platform),
                                     {"team": world.school_a.team.pk, "tier": Tier.RESERVE})

    assert response.status_code == 200
    assert response.context["form"].errors["team"][0].startswith(
        "СОШ № 1 уже распределена по направлению 1 в 2021–2022 учебном году"
    )
    assert "СОШ № 1 уже распределена по направлению 1" in response.content.decode()
    assert world.own_platform.placements.count() == 4
    assert world.placement(world.school_a, world.own_platform).tier == Tier.LEADER


def test_it_does_not_offer_a_team_of_another_municipality(world, as_role):
    response = as_role("staff").post(
        add_url(world.own_platform), {"team": world.other_organization.team.pk,
                                      "tier": Tier.RESERVE}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["team"] == ["Выберите команду из списка."]
    assert world.own_platform.placements.count() == 4


def test_it_asks_for_a_team_and_a_tier(world, as_role):
    response = as_role("staff").post(add_url(world.own_platform), {"team": "", "tier": ""})

    assert response.context["form"].errors == {
        "team": ["Выберите команду."], "tier": ["Выберите уровень."],
    }


def test_it_asks_staff_to_confirm_before_removing_a_team(world, as_role):
    placement = world.placement(world.school_d, world.own_platform)

    response = as_role("staff").get(delete_url(placement))

    assert response.status_code == 200
    assert "Снять НШ № 4 с площадки?" in response.content.decode()
    assert Placement.objects.filter(pk=placement.pk).exists()


def test_it_lets_staff_remove_a_team_from_a_platform(world, as_role):
    placement = world.placement(world.school_d, world.own_platform)

    response = as_role("staff").post(delete_url(placement), follow=True)

    assert response.redirect_chain[-1][0] == reverse("platform_detail",
                                                     args=[world.own_platform.pk])
    assert not Placement.objects.filter(pk=placement.pk).exists()
    assert messages_of(response) == ["НШ № 4 снята с площадки."]


@pytest.mark.parametrize("role, status", [
    ("curator", 403), ("analyst", 403), ("school_user", 403), ("school_b_user", 404),
    ("outsider", 404),
])
def test_it_refuses_removing_a_team_to_anyone_but_staff(world, as_role, role, status):
    placement = world.placement(world.school_a, world.own_platform)
    client = as_role(role)

    assert client.get(delete_url(placement)).status_code == status
    assert client.post(delete_url(placement)).status_code == status
    assert Placement.objects.filter(pk=placement.pk).exists()


def test_it_refuses_to_remove_a_team_that_has_mentor_pairs_on_the_platform(world, as_role):
    factories.MentorshipFactory(platform=world.own_platform, mentor=world.school_a.team,
                                mentee=world.school_d.team)
    placement = world.placement(world.school_d, world.own_platform)

    response = as_role("staff").post(delete_url(placement), follow=True)

    assert response.status_code == 200
    assert Placement.objects.filter(pk=placement.pk).exists()
    assert messages_of(response) == [
        "У команды есть пары наставничества на этой площадке: сначала завершите и "
        "удалите их."
    ]
