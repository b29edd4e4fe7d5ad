"""The history block of an entry's page: what it shows and what it costs."""

import datetime

import pytest
from django.urls import reverse

from internships import journal
from internships.models import Placement, Tier
from tests.journal.conftest import entry_data, record

pytestmark = pytest.mark.django_db
D = datetime.date


def changes_of(item) -> list[tuple]:
    return [(change.label, change.old, change.new) for change in item.changes]


def edit(world, entry, n: int) -> None:
    """The n-th correction of an entry: the topic always, the hosts every third time."""
    entry.refresh_from_db()
    entry.topic = f"Тема {n}"
    entry.save()
    if n % 3 == 0:
        hosts = [world.school_a.team] if n % 2 else [world.school_a.team, world.school_b.team]
        entry.hosts.set(hosts)
    result = entry.results.get(team=world.school_d.team)
    result.managers = n
    result.save()


def test_it_shows_who_changed_the_hosts_with_the_teams_names(world, as_role, entry):
    Placement.objects.filter(platform=world.own_platform, team=world.school_b.team).update(
        tier=Tier.LEADER
    )
    entry.refresh_from_db()
    journal.update_entry(
        entry=entry, version=entry.version, updated_by=world.curator,
        data=entry_data(world, topic="Новая тема",
                        hosts=[world.school_a.team, world.school_b.team]),
    )

    history = as_role("staff").get(reverse("entry_detail", args=[entry.pk])).context["history"]

    assert history[0].action == "~"
    assert changes_of(history[0]) == [
        ("Тема", "Внутренняя система оценки качества", "Новая тема"),
        ("Проводящие команды", "СОШ № 1", "Гимназия № 2, СОШ № 1"),
    ]
    assert history[-1].action == "+"


def test_it_lists_a_host_taken_off_and_skips_records_that_change_nothing_shown(world, as_role,
                                                                              entry):
    entry.hosts.set([world.school_b.team])  # two records: СОШ № 1 removed, Гимназия № 2 added
    entry.save()  # a record that changes nothing

    history = as_role("staff").get(reverse("entry_detail", args=[entry.pk])).context["history"]

    assert [changes_of(item) for item in history if item.subject == "мероприятие"] == [
        [("Проводящие команды", "—", "Гимназия № 2")],
        [("Проводящие команды", "СОШ № 1", "—")],
        [],
    ]


# Session, user and profile, the entry, its hosts, results, attachments and plan line;
# the history: entry records, result records, team names, venue names, host rows.
QUERIES = 13


def test_the_entry_page_costs_the_same_after_one_edit_and_after_ten(
    world, login, django_assert_num_queries
):
    client = login(world.staff)
    entry = record(world)
    url = reverse("entry_detail", args=[entry.pk])
    sizes = []
    for edits in (range(1, 2), range(2, 11)):
        for n in edits:
            edit(world, entry, n)
        client.get(url)
        with django_assert_num_queries(QUERIES):
            response = client.get(url)
        sizes.append(len(response.context["history"]))
    assert sizes[1] > sizes[0]
