"""Every list page costs a fixed number of queries, whatever the size of the district."""

import pytest
from django.urls import reverse

from internships.models import Tier
from tests import factories

SMALL, LARGE = 6, 60
TIERS = [Tier.LEADER, Tier.PROMISING, Tier.RESERVE]


def add_organizations(world, count: int) -> None:
    """Organizations placed in all three directions, each with a member, a pair and a transfer.

    СОШ № 1 (leader of direction 1) mentors every new team there and gains a transfer and a
    member per new team, so its own page grows with the district too.
    """
    start = world.municipality.organizations.count() + 1
    for number in range(start, start + count):
        organization = factories.OrganizationFactory(
            municipality=world.municipality, short_name=f"СОШ № {number}", number=number
        )
        team = organization.team
        own = factories.PlacementFactory(platform=world.own_platform, team=team,
                                         tier=TIERS[1 + number % 2])
        factories.PlacementFactory(platform=world.foreign_platform, team=team,
                                   tier=TIERS[number % 3])
        factories.PlacementFactory(platform=world.third_platform, team=team, tier=Tier.RESERVE)
        factories.TeamMemberFactory(team=team)
        factories.TeamMemberFactory(team=world.school_a.team)
        factories.TransferFactory(placement=own, from_tier=Tier.LEADER, to_tier=own.tier,
                                  recorded_by=world.staff)
        factories.TransferFactory(placement=world.placement(world.school_a, world.own_platform),
                                  from_tier=Tier.PROMISING, to_tier=Tier.LEADER,
                                  recorded_by=world.curator)
        factories.MentorshipFactory(platform=world.own_platform, mentor=world.school_a.team,
                                    mentee=team)
        factories.MentorshipFactory(platform=world.foreign_platform, mentor=world.school_b.team,
                                    mentee=team)
        for platform in (world.own_platform, world.foreign_platform):
            platform.curators.add(factories.CuratorFactory(municipality=world.municipality))


PAGES = {
    "matrix": (lambda world: reverse("matrix"), "placement_count"),
    "organization_list": (lambda world: reverse("organization_list"), "organizations"),
    "organization_detail": (
        lambda world: reverse("organization_detail", args=[world.school_a.pk]), "mentees",
    ),
    "platform_detail": (
        lambda world: reverse("platform_detail", args=[world.own_platform.pk]), "team_count",
    ),
}

# Session, user and profile are three of them on every page. On the platform page,
# whoever is not department staff costs one more: the platforms they curate.
QUERIES = [
    ("matrix", "staff", 12),
    ("matrix", "curator", 12),
    ("matrix", "analyst", 12),
    ("organization_list", "staff", 5),
    ("organization_list", "curator", 5),
    ("organization_list", "analyst", 5),
    ("organization_detail", "staff", 12),
    ("organization_detail", "curator", 12),
    ("organization_detail", "analyst", 12),
    ("organization_detail", "school_user", 12),
    ("platform_detail", "staff", 8),
    ("platform_detail", "curator", 9),
    ("platform_detail", "analyst", 9),
]


def size_of(response, key) -> int:
    value = response.context[key]
    return value if isinstance(value, int) else len(value)


@pytest.mark.parametrize("page, role, queries", QUERIES)
def test_it_costs_the_same_number_of_queries_for_a_small_and_a_large_district(
    world, as_role, django_assert_num_queries, page, role, queries
):
    url_of, key = PAGES[page]
    url = url_of(world)
    client = as_role(role)
    add_organizations(world, SMALL - 5)
    client.get(url)

    with django_assert_num_queries(queries) as small_queries:
        small = client.get(url)
    add_organizations(world, LARGE - SMALL)
    with django_assert_num_queries(queries) as large_queries:
        large = client.get(url)

    assert small.status_code == large.status_code == 200
    assert world.municipality.organizations.count() == LARGE
    assert size_of(large, key) > size_of(small, key)
    assert len(large_queries.captured_queries) == len(small_queries.captured_queries)
