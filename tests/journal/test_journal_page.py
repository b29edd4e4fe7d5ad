"""The journal page: entries and transfers in one list, filters, the team list, its cost."""

import datetime
import re

import pytest
from django.urls import reverse

from internships import journal
from internships.models import JournalEntry, Placement, TeamResult, Tier, Transfer
from tests.helpers import assert_redirects_to_login
from tests.journal.conftest import pdf_file, png_file, record

pytestmark = pytest.mark.django_db
D = datetime.date


def url(platform) -> str:
    return reverse("journal", args=[platform.pk])


def lines(response) -> list[tuple]:
    return [
        (item.day, "перевод" if item.transfer else item.entry.topic)
        for item in response.context["items"]
    ]


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_the_journal_to_the_municipality_s_staff_roles(world, as_role, entry, role):
    response = as_role(role).get(url(world.own_platform))

    assert response.status_code == 200
    assert lines(response) == [(D(2022, 2, 10), "Внутренняя система оценки качества")]


@pytest.mark.parametrize("role", ["school_user", "outsider"])
def test_it_hides_the_journal_from_a_school_team_and_another_municipality(world, as_role, role):
    assert as_role(role).get(url(world.own_platform)).status_code == 404


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(url(world.own_platform)))


def test_it_offers_recording_only_to_those_who_keep_the_journal(world, as_role):
    add = reverse("entry_add", args=[world.own_platform.pk])
    assert add in as_role("curator").get(url(world.own_platform)).content.decode()
    assert add not in as_role("analyst").get(url(world.own_platform)).content.decode()
    foreign = as_role("curator").get(url(world.foreign_platform)).content.decode()
    assert reverse("entry_add", args=[world.foreign_platform.pk]) not in foreign


def test_a_transfer_made_on_the_platform_page_appears_in_the_journal_at_its_date(world,
                                                                                 as_role):
    client = as_role("curator")
    record(world, held_on=D(2022, 1, 20), topic="Январская сессия")
    record(world, held_on=D(2022, 3, 3), topic="Мартовский семинар")
    placement = world.placement(world.school_c, world.own_platform)
    client.post(reverse("transfer_create", args=[placement.pk]), {
        "to_tier": Tier.PROMISING, "transferred_on": "2022-02-14",
        "reason": "Успешное участие в сессиях",
    })

    response = client.get(url(world.own_platform))

    assert lines(response) == [
        (D(2022, 3, 3), "Мартовский семинар"),
        (D(2022, 2, 14), "перевод"),
        (D(2022, 1, 20), "Январская сессия"),
    ]
    content = response.content.decode()
    assert "команды скрытых резервов → команды, подающие надежды" in content
    assert "Успешное участие в сессиях" in content


def test_a_transfer_started_from_the_journal_returns_to_the_journal(world, as_role):
    client = as_role("curator")
    placement = world.placement(world.school_c, world.own_platform)
    transfer_url = reverse("transfer_create", args=[placement.pk]) + "?back=journal"
    assert transfer_url in client.get(url(world.own_platform)).content.decode()
    assert reverse("journal", args=[world.own_platform.pk]) in (
        client.get(transfer_url).content.decode()
    )

    response = client.post(transfer_url, {
        "to_tier": Tier.PROMISING, "transferred_on": "2022-02-14",
        "reason": "Успешное участие в сессиях",
    }, follow=True)

    assert response.redirect_chain == [(url(world.own_platform), 302)]
    assert lines(response) == [(D(2022, 2, 14), "перевод")]
    placement.refresh_from_db()
    assert placement.tier == Tier.PROMISING


def test_only_those_who_keep_the_journal_see_the_transfer_action(world, as_role):
    placement = world.placement(world.school_c, world.own_platform)
    transfer_url = reverse("transfer_create", args=[placement.pk])

    assert transfer_url not in as_role("analyst").get(url(world.own_platform)).content.decode()


def test_it_links_the_platform_page_and_the_journal_both_ways(world, as_role):
    client = as_role("analyst")
    platform_page = client.get(reverse("platform_detail", args=[world.own_platform.pk]))
    assert url(world.own_platform) in platform_page.content.decode()
    journal_page = client.get(url(world.own_platform)).content.decode()
    assert reverse("platform_detail", args=[world.own_platform.pk]) in journal_page


@pytest.fixture
def journal_with_transfer(world):
    record(world, held_on=D(2022, 1, 20), topic="Сессия", form="session",
           participants=[world.school_b.team, world.school_c.team])
    record(world, held_on=D(2022, 3, 3), topic="Вебинар", form="webinar",
           participants=[world.school_d.team])
    Transfer.objects.create(placement=world.placement(world.school_c, world.own_platform),
                            from_tier=Tier.RESERVE, to_tier=Tier.PROMISING,
                            transferred_on=D(2022, 2, 14), reason="Итоги диагностики")


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"held_from": "2022-02-01"}, [(D(2022, 3, 3), "Вебинар"), (D(2022, 2, 14), "перевод")]),
        ({"held_to": "2022-02-01"}, [(D(2022, 1, 20), "Сессия")]),
        ({"form": "webinar"}, [(D(2022, 3, 3), "Вебинар")]),
        ({"team": "school_c"}, [(D(2022, 2, 14), "перевод"), (D(2022, 1, 20), "Сессия")]),
        ({"team": "school_a"}, [(D(2022, 3, 3), "Вебинар"), (D(2022, 1, 20), "Сессия")]),
        ({"tier": Tier.RESERVE}, [(D(2022, 2, 14), "перевод"), (D(2022, 1, 20), "Сессия")]),
    ],
)
def test_it_filters_entries_and_transfers_alike(world, as_role, journal_with_transfer, query,
                                                expected):
    if "team" in query:
        query = {"team": getattr(world, query["team"]).short_name}

    response = as_role("analyst").get(url(world.own_platform), query)

    assert lines(response) == expected


def test_it_says_so_when_a_filter_finds_nothing(world, as_role, journal_with_transfer):
    response = as_role("analyst").get(url(world.own_platform), {"held_from": "2022-06-01"})

    assert "Под выбранные условия не подходит ни одна запись" in response.content.decode()


def test_it_lists_the_teams_by_tier_with_their_entries_and_last_participation(
    world, as_role, journal_with_transfer
):
    # ООШ № 3 was marked absent: its row counts neither as an entry nor as participation.
    TeamResult.objects.filter(team=world.school_c.team).update(attended=False)
    response = as_role("staff").get(url(world.own_platform))

    rows = {
        placement.team.organization.short_name: (
            placement.entry_count, placement.hosted_count, placement.last_participation
        )
        for _, _, placements, _ in response.context["teams"] for placement in placements
    }
    assert rows == {
        "СОШ № 1": (0, 2, None),
        "Гимназия № 2": (1, 0, D(2022, 1, 20)),
        "НШ № 4": (1, 0, D(2022, 3, 3)),
        "ООШ № 3": (0, 0, None),
    }


@pytest.fixture
def journal_with_people(world):
    """Two entries with hand-made results; ООШ № 3 was absent from the first."""
    session = record(world, held_on=D(2022, 1, 20), topic="Сессия", form="session",
                     participants=[world.school_b.team, world.school_c.team])
    webinar = record(world, held_on=D(2022, 3, 3), topic="Вебинар", form="webinar",
                     participants=[world.school_d.team])
    TeamResult.objects.filter(entry=session, team=world.school_b.team).update(
        managers=2, teachers=5)
    TeamResult.objects.filter(entry=session, team=world.school_c.team).update(attended=False)
    TeamResult.objects.filter(entry=webinar, team=world.school_d.team).update(
        managers=1, teachers=3)


def people_line(response) -> str:
    content = response.content.decode()
    start = content.index('id="people-trained"')
    return content[content.index(">", start) + 1:content.index("</span>", start)]


def test_it_totals_the_managers_and_teachers_who_attended(world, as_role, journal_with_people):
    response = as_role("analyst").get(url(world.own_platform))

    assert people_line(response) == "прошли стажировку: руководителей 3, педагогов 8"


def test_the_people_totals_follow_the_filter(world, as_role, journal_with_people):
    response = as_role("analyst").get(url(world.own_platform), {"form": "webinar"})

    assert people_line(response) == "прошли стажировку: руководителей 1, педагогов 3"


def entry_rows(response) -> dict[str, str]:
    """Each entry line of the timeline as text, by topic."""
    content = response.content.decode()
    rows = re.findall(r'<tr class="timeline-entry">(.*?)</tr>', content, flags=re.S)
    texts = [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in rows]
    return {topic: text for text in texts for topic in ("Сессия", "Вебинар") if topic in text}


def test_each_entry_shows_its_own_teams_people_hosts_and_files(world, as_role,
                                                               journal_with_people):
    session = JournalEntry.objects.get(topic="Сессия")
    journal.add_attachments(entry=session, files=[pdf_file(), png_file()],
                            uploaded_by=world.curator)

    rows = entry_rows(as_role("analyst").get(url(world.own_platform)))

    assert rows == {
        "Сессия": "20.01.2022 Стажировочная сессия 2 Сессия Проводит: СОШ № 1 · СОШ № 1 "
                  "2 команды, участвовали 1 2 руководителя, 5 педагогов",
        "Вебинар": "03.03.2022 Вебинар Вебинар Проводит: СОШ № 1 · СОШ № 1 "
                   "1 команда, участвовали 1 1 руководитель, 3 педагога",
    }


def test_the_team_list_links_each_team_to_its_organization(world, as_role):
    content = as_role("analyst").get(url(world.own_platform)).content.decode()
    team_list = content[content.index('id="team-list"'):]

    for school in (world.school_a, world.school_b, world.school_c, world.school_d):
        link = reverse("organization_detail", args=[school.pk])
        assert f'<a href="{link}">{school.short_name}</a>' in team_list


def test_it_shows_no_people_totals_for_an_empty_journal(world, as_role):
    response = as_role("analyst").get(url(world.own_platform))

    assert 'id="people-trained"' not in response.content.decode()


def add_entries(world, count: int) -> None:
    """Entries with three result rows and a host each, and a transfer per entry."""
    entries = JournalEntry.objects.bulk_create(
        JournalEntry(platform=world.own_platform, held_on=D(2022, 1, 10) + datetime.timedelta(n),
                     form="seminar", topic=f"Семинар {n}")
        for n in range(count)
    )
    for entry in entries:
        entry.hosts.add(world.school_a.team)
    TeamResult.objects.bulk_create(
        TeamResult(entry=entry, team=team, managers=1, teachers=2, outcome="mastered")
        for entry in entries
        for team in (world.school_b.team, world.school_c.team, world.school_d.team)
    )
    placement = Placement.objects.get(platform=world.own_platform, team=world.school_d.team)
    Transfer.objects.bulk_create(
        Transfer(placement=placement, from_tier=Tier.PROMISING, to_tier=Tier.RESERVE,
                 transferred_on=D(2022, 1, 10) + datetime.timedelta(n), reason="Основание")
        for n in range(count)
    )
    journal.plan_event(platform=world.own_platform, data=journal.PlanData(
        month=D(2022, 2, 1), planned_on=None, form="session", form_other="",
        topic="Сессия", responsible=world.school_a.team))


# Session, user and profile, the platform, the entries with their result totals, their
# hosts, the transfers, the team list, the plan and the entries beyond it; a curator also
# costs the platforms they curate. (The team filter is a text field: its choices no longer
# cost a query.)
QUERIES = {"staff": 10, "curator": 11, "analyst": 11}


@pytest.mark.parametrize("role", QUERIES)
def test_the_journal_page_costs_the_same_with_few_and_many_entries(
    world, login, django_assert_num_queries, role
):
    client = login(getattr(world, role))
    counts = []
    for size in (2, 60):
        add_entries(world, size)
        client.get(url(world.own_platform))
        with django_assert_num_queries(QUERIES[role]):
            response = client.get(url(world.own_platform))
        counts.append((response.context["entry_count"], people_line(response)))
    # Each entry: three teams attended with one manager and two teachers each.
    assert counts == [(2, "прошли стажировку: руководителей 6, педагогов 12"),
                      (62, "прошли стажировку: руководителей 186, педагогов 372")]
