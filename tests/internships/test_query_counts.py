"""Every list page costs a fixed number of queries, whatever the size of the district."""

import pytest
from django.urls import reverse

from internships.models import (
    Curator,
    JournalEntry,
    Mentorship,
    Placement,
    TeamResult,
    Tier,
    Transfer,
    WorkForm,
)
from teams.models import ManagementTeam, Organization, SchoolLevel, TeamMember

SMALL, LARGE = 5, 500
TIERS = [Tier.LEADER, Tier.PROMISING, Tier.RESERVE]


def add_organizations(world, count: int) -> None:
    """Organizations placed in all three directions, each with a member, a pair and a transfer.

    СОШ № 1 (leader of direction 1) mentors every new team there and gains a transfer, a
    member and a journal entry it hosts and attends per new team, so its own page grows
    with the district too. Rows are written in
    bulk so that the large district takes seconds.
    """
    start = world.municipality.organizations.count() + 1
    numbers = range(start, start + count)
    organizations = Organization.objects.bulk_create(
        Organization(municipality=world.municipality, short_name=f"СОШ № {number}",
                     name=f"Средняя школа № {number}", number=number, level=SchoolLevel.SECONDARY)
        for number in numbers
    )
    teams = ManagementTeam.objects.bulk_create(
        ManagementTeam(organization=organization) for organization in organizations
    )
    placements = Placement.objects.bulk_create(
        Placement(platform=platform, team=team, tier=tier)
        for number, team in zip(numbers, teams, strict=True)
        for platform, tier in ((world.own_platform, TIERS[1 + number % 2]),
                               (world.foreign_platform, TIERS[number % 3]),
                               (world.third_platform, Tier.RESERVE))
    )
    TeamMember.objects.bulk_create(
        TeamMember(team=team, full_name=f"Член команды {team.pk}", position="заместитель")
        for team in [*teams, *[world.school_a.team] * count]
    )
    own_of_school_a = world.placement(world.school_a, world.own_platform)
    Transfer.objects.bulk_create(
        [Transfer(placement=placement, from_tier=Tier.LEADER, to_tier=placement.tier,
                  transferred_on=world.period.starts_on, reason="По итогам диагностики",
                  recorded_by=world.staff)
         for placement in placements if placement.platform_id == world.own_platform.pk]
        + [Transfer(placement=own_of_school_a, from_tier=Tier.PROMISING, to_tier=Tier.LEADER,
                    transferred_on=world.period.starts_on, reason="По итогам диагностики",
                    recorded_by=world.curator) for _ in numbers]
    )
    Mentorship.objects.bulk_create(
        Mentorship(platform=platform, mentor=mentor, mentee=team,
                   started_on=world.period.starts_on)
        for team in teams
        for platform, mentor in ((world.own_platform, world.school_a.team),
                                 (world.foreign_platform, world.school_b.team))
    )
    entries = JournalEntry.objects.bulk_create(
        JournalEntry(platform=world.own_platform, held_on=world.period.starts_on,
                     form=WorkForm.SEMINAR, topic=f"Семинар {number}")
        for number in numbers
    )
    JournalEntry.hosts.through.objects.bulk_create(
        JournalEntry.hosts.through(journalentry=entry, managementteam=world.school_a.team)
        for entry in entries
    )
    TeamResult.objects.bulk_create(
        TeamResult(entry=entry, team=world.school_a.team, managers=1, teachers=2)
        for entry in entries
    )
    for platform in (world.own_platform, world.foreign_platform):
        platform.curators.add(*Curator.objects.bulk_create(
            Curator(municipality=world.municipality, short_name=f"Куратор {platform.pk}-{n}.",
                    full_name=f"Куратор {n}")
            for n in numbers
        ))


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
# whoever is not department staff costs one more: the platforms they curate. The matrix and
# the organization list read the localities present, to offer the locality filter or not.
QUERIES = {
    "matrix": {"staff": 13, "curator": 13, "analyst": 13},
    "organization_list": {"staff": 6, "curator": 6, "analyst": 6},
    "organization_detail": {"staff": 15, "curator": 15, "analyst": 15, "school_user": 15},
    "platform_detail": {"staff": 8, "curator": 9, "analyst": 9},
}


def size_of(response, key) -> int:
    value = response.context[key]
    return value if isinstance(value, int) else len(value)


@pytest.mark.parametrize("page", QUERIES)
def test_it_costs_the_same_number_of_queries_for_5_and_for_500_organizations(
    world, login, django_assert_num_queries, page
):
    url_of, key = PAGES[page]
    url = url_of(world)
    assert world.municipality.organizations.count() == SMALL
    small = {}
    for role, queries in QUERIES[page].items():
        client = login(getattr(world, role))
        client.get(url)
        with django_assert_num_queries(queries):
            small[role] = client.get(url)

    add_organizations(world, LARGE - SMALL)

    assert world.municipality.organizations.count() == LARGE
    for role, queries in QUERIES[page].items():
        client = login(getattr(world, role))
        with django_assert_num_queries(queries):
            large = client.get(url)
        assert small[role].status_code == large.status_code == 200
        assert size_of(large, key) > size_of(small[role], key)
