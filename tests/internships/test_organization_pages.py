import datetime

import pytest
from django.urls import reverse

from internships.models import Tier
from teams.models import Organization
from tests import factories
from tests.helpers import assert_redirects_to_login

LIST_URL = reverse("organization_list")


def detail_url(organization) -> str:
    return reverse("organization_detail", args=[organization.pk])


def listed(response) -> list[str]:
    return [organization.short_name for organization in response.context["organizations"]]


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_lists_the_municipality_s_organizations_in_list_order(world, as_role, role):
    response = as_role(role).get(LIST_URL)

    assert response.status_code == 200
    assert listed(response) == [
        "СОШ № 1", "Гимназия № 2", "ООШ № 3", "НШ № 4", "Детский сад № 5",
    ]
    assert "5 организаций" in response.content.decode()


def test_it_counts_leading_and_placements_in_the_chosen_year(world, as_role):
    response = as_role("staff").get(LIST_URL)

    counts = {o.short_name: (o.leading_count, o.placement_count)
              for o in response.context["organizations"]}
    assert counts == {
        "СОШ № 1": (1, 3),
        "Гимназия № 2": (1, 2),
        "ООШ № 3": (1, 2),
        "НШ № 4": (0, 2),
        "Детский сад № 5": (0, 1),
    }


def test_it_flags_the_organizations_that_lead_nowhere(world, as_role):
    content = as_role("staff").get(LIST_URL).content.decode()

    assert content.count('<span class="badge text-bg-warning">не лидирует</span>') == 2


def test_it_refuses_the_list_to_a_school_team(world, as_role):
    assert as_role("school_user").get(LIST_URL).status_code == 403


def test_it_sends_an_anonymous_visitor_from_the_list_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(LIST_URL))


def test_it_lists_only_the_user_s_municipality(world, as_role):
    assert listed(as_role("outsider").get(LIST_URL)) == ["СОШ № 7"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"leads": "none"}, ["НШ № 4", "Детский сад № 5"]),
        ({"leads": "some"}, ["СОШ № 1", "Гимназия № 2", "ООШ № 3"]),
        ({"kind": "preschool"}, ["Детский сад № 5"]),
        ({"locality": "rural"}, ["ООШ № 3", "НШ № 4"]),
        ({"q": "Гимназ"}, ["Гимназия № 2"]),
        ({"q": "МБДОУ"}, ["Детский сад № 5"]),
        ({"leads": "none", "locality": "rural"}, ["НШ № 4"]),
    ],
)
def test_it_filters_the_organization_list(world, as_role, query, expected):
    assert listed(as_role("staff").get(LIST_URL, query)) == expected


def test_it_sorts_the_list_by_name(world, as_role):
    assert listed(as_role("staff").get(LIST_URL, {"sort": "name"})) == [
        "Гимназия № 2", "Детский сад № 5", "НШ № 4", "ООШ № 3", "СОШ № 1",
    ]


def test_it_sorts_the_list_by_placements_and_leading(world, as_role):
    client = as_role("staff")

    by_placements = listed(client.get(LIST_URL, {"sort": "-placements"}))
    by_leading = listed(client.get(LIST_URL, {"sort": "-leading"}))

    assert by_placements[0] == "СОШ № 1"
    assert by_placements[-1] == "Детский сад № 5"
    assert set(by_leading[:3]) == {"СОШ № 1", "Гимназия № 2", "ООШ № 3"}


def test_it_shows_no_organizations_for_an_unknown_sort(world, as_role):
    response = as_role("staff").get(LIST_URL, {"sort": "password"})

    assert response.status_code == 200
    assert listed(response) == []


@pytest.mark.parametrize("role", ["staff", "curator", "analyst", "school_user"])
def test_it_shows_an_organization_to_its_municipality_and_its_own_team(world, as_role, role):
    response = as_role(role).get(detail_url(world.school_a))

    assert response.status_code == 200
    content = response.content.decode()
    assert "СОШ № 1" in content
    assert response.context["organization"] == world.school_a


@pytest.mark.parametrize("role", ["school_b_user", "outsider"])
def test_it_hides_an_organization_from_another_school_or_municipality(world, as_role, role):
    assert as_role(role).get(detail_url(world.school_a)).status_code == 404


def test_it_sends_an_anonymous_visitor_from_an_organization_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(detail_url(world.school_a)))


def test_it_shows_the_team_s_tier_in_every_direction(world, as_role):
    world.placement(world.kindergarten, world.third_platform).delete()

    response = as_role("staff").get(detail_url(world.kindergarten))

    rows = [(direction.number, placement) for direction, placement in response.context["rows"]]
    assert [number for number, _ in rows] == [1, 2, 3]
    assert all(placement is None for _, placement in rows)
    assert response.content.decode().count("не участвует") == 3


def test_it_shows_the_tier_table_of_a_team(world, as_role):
    response = as_role("staff").get(detail_url(world.school_a))

    tiers = [(direction.number, placement.tier_short if placement else None)
             for direction, placement in response.context["rows"]]
    assert tiers == [(1, "лидер"), (2, "подающая надежды"), (3, "скрытые резервы")]
    assert response.context["placed_count"] == 3


def test_it_warns_when_the_team_leads_no_direction(world, as_role):
    content = as_role("staff").get(detail_url(world.school_d)).content.decode()

    assert "Команда не лидирует ни в одном направлении." in content


def test_it_does_not_warn_when_the_team_leads_a_direction(world, as_role):
    content = as_role("staff").get(detail_url(world.school_a)).content.decode()

    assert "не лидирует ни в одном направлении" not in content


def test_it_shows_the_team_s_mentors_and_mentees(world, as_role):
    factories.MentorshipFactory(platform=world.own_platform, mentor=world.school_a.team,
                                mentee=world.school_b.team)
    factories.MentorshipFactory(platform=world.foreign_platform, mentor=world.school_b.team,
                                mentee=world.school_a.team,
                                ended_on=datetime.date(2022, 5, 31))
    factories.MentorshipFactory(platform=world.own_platform, mentor=world.school_a.team,
                                mentee=world.school_c.team)

    response = as_role("staff").get(detail_url(world.school_a))

    assert [m.mentor.organization.short_name for m in response.context["mentors"]] == [
        "Гимназия № 2"
    ]
    assert [m.mentee.organization.short_name for m in response.context["mentees"]] == [
        "Гимназия № 2", "ООШ № 3",
    ]
    assert "завершено 31.05.2022" in response.content.decode()


def test_it_shows_the_team_s_transfers(world, as_role):
    factories.TransferFactory(placement=world.placement(world.school_a, world.own_platform),
                              from_tier=Tier.PROMISING, to_tier=Tier.LEADER,
                              transferred_on=datetime.date(2022, 1, 20),
                              reason="Высокие результаты стажировочной сессии")
    factories.TransferFactory(placement=world.placement(world.school_b, world.own_platform),
                              reason="Чужой перевод")

    response = as_role("staff").get(detail_url(world.school_a))

    content = response.content.decode()
    assert "20.01.2022" in content
    assert "Высокие результаты стажировочной сессии" in content
    assert "Чужой перевод" not in content


def test_it_shows_the_team_s_members(world, as_role):
    factories.TeamMemberFactory(team=world.school_a.team, full_name="Кузнецова Ольга Ивановна",
                                position="директор")

    content = as_role("school_user").get(detail_url(world.school_a)).content.decode()

    assert "Кузнецова Ольга Ивановна" in content
    assert "директор" in content


def test_it_shows_a_school_team_only_the_pairs_of_its_own_team(world, as_role):
    factories.MentorshipFactory(platform=world.own_platform, mentor=world.school_a.team,
                                mentee=world.school_b.team)

    response = as_role("school_user").get(detail_url(world.school_a))

    assert len(response.context["mentees"]) == 1


def test_it_does_not_link_a_school_team_to_platform_pages(world, as_role):
    content = as_role("school_user").get(detail_url(world.school_a)).content.decode()

    assert "/platforms/" not in content


def test_it_links_staff_to_the_platforms_of_the_team(world, as_role):
    content = as_role("staff").get(detail_url(world.school_a)).content.decode()

    assert reverse("platform_detail", args=[world.own_platform.pk]) in content


def test_it_shows_an_organization_whose_team_is_not_yet_created(world, as_role):
    organization = Organization.objects.create(municipality=world.municipality,
                                               short_name="СОШ № 30", name="Новая школа")

    response = as_role("staff").get(detail_url(organization))

    assert response.status_code == 200
    assert "Состав команды ещё не внесён." in response.content.decode()


def test_it_finds_organizations_in_the_list_whatever_the_case(world, as_role):
    response = as_role("staff").get(reverse("organization_list"), {"q": "детский"})

    assert [o.short_name for o in response.context["organizations"]] == ["Детский сад № 5"]


def test_it_keeps_the_filters_in_the_sort_links(world, as_role):
    response = as_role("staff").get(reverse("organization_list"), {"locality": "rural"})

    assert "?locality=rural&amp;sort=name" in response.content.decode()


def test_it_does_not_link_a_school_team_to_other_schools_pages(world, as_role):
    factories.MentorshipFactory(platform=world.own_platform, mentor=world.school_a.team,
                                mentee=world.school_c.team)

    response = as_role("school_user").get(reverse("organization_detail", args=[world.school_a.pk]))

    assert "ООШ № 3" in response.content.decode()
    assert reverse("organization_detail", args=[world.school_c.pk]) not in (
        response.content.decode()
    )


def test_it_shows_the_organization_list_by_pages_of_a_hundred_with_the_total(world, as_role):
    from core.templatetags.ru import plural
    from tests.internships.test_query_counts import add_organizations

    add_organizations(world, 120)
    client = as_role("staff")

    first = client.get(LIST_URL, {"q": "СОШ"})
    second = client.get(LIST_URL, {"q": "СОШ", "page": "2"})

    total = first.context["page"].paginator.count
    assert total == world.municipality.organizations.filter(short_name__contains="СОШ").count()
    assert len(first.context["organizations"]) == 100
    assert len(second.context["organizations"]) == total - 100
    assert not {o.pk for o in first.context["organizations"]} & {
        o.pk for o in second.context["organizations"]}
    content = first.content.decode()
    assert plural(total, "организация,организации,организаций") in content
    assert f"Организации 1–100 из {total}" in content
    assert "?q=%D0%A1%D0%9E%D0%A8&amp;page=2" in content


@pytest.mark.parametrize("url_name", ["organization_list", "matrix"])
def test_it_offers_the_locality_filter_where_both_localities_are_present(world, as_role,
                                                                        url_name):
    response = as_role("staff").get(reverse(url_name))

    assert "locality" in response.context["filter"].form.fields


@pytest.mark.parametrize("url_name", ["organization_list", "matrix"])
def test_it_hides_the_locality_filter_when_there_is_nothing_to_tell_apart(world, as_role,
                                                                          url_name):
    Organization.objects.filter(municipality=world.municipality).update(locality="")

    response = as_role("staff").get(reverse(url_name))

    assert "locality" not in response.context["filter"].form.fields
    assert 'name="locality"' not in response.content.decode()
