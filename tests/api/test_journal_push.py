"""An electronic journal pushes a platform's journal entries with the teams' results: all or
nothing, with the journal form's checks and Russian messages per item, an outdated version
refused with 409, and every change signed in the history with the token's name."""

import pytest
from django.urls import reverse

from api.models import ApiToken, TokenScope
from internships.models import JournalEntry, Platform, TeamResult
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def journal(districts):
    """The home platform, its leader team, a second team placed as reserve, the entry."""
    home, district = districts["home"]
    (platform_id,) = district.ids["platform"]
    (entry_id,) = district.ids["entry"]
    platform = Platform.objects.get(pk=platform_id)
    leader = JournalEntry.objects.get(pk=entry_id).hosts.get()
    reserve = factories.OrganizationFactory(municipality=home, short_name="Дом СОШ № 2",
                                            number=2).team
    factories.PlacementFactory(platform=platform, team=reserve, tier="reserve")
    return platform, leader, reserve, JournalEntry.objects.get(pk=entry_id)


def _push(client, platform, items, **extra):
    return client.post(f"/api/v1/platforms/{platform.pk}/journal-entries/",
                       {"items": items, **extra}, content_type="application/json")


def _new_item(leader, reserve, **fields):
    return {"held_on": "2021-11-10", "form": "seminar", "topic": "Наставничество",
            "hosts": [leader.pk],
            "results": [{"team": leader.pk, "managers": 2, "teachers": 1, "outcome": "mastered"},
                        {"team": reserve.pk, "attended": False}], **fields}


def _state():
    return (sorted(JournalEntry.objects.values_list("pk", "topic", "version")),
            sorted(TeamResult.objects.values_list("entry_id", "team_id", "managers")))


def test_it_records_new_entries_with_the_teams_results(districts, journal, issue, bearer):
    home, _ = districts["home"]
    platform, leader, reserve, _ = journal
    client = bearer(issue(home, TokenScope.READ_WRITE, name="Электронный журнал"))
    response = _push(client, platform, [_new_item(leader, reserve)])
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["created"], body["updated"], body["dry_run"]) == (1, 0, False)
    entry = JournalEntry.objects.get(pk=body["entries"][0])
    assert (entry.topic, entry.platform_id, entry.created_by) == ("Наставничество",
                                                                   platform.pk, None)
    assert list(entry.hosts.all()) == [leader]
    assert sorted(entry.results.values_list("team_id", "attended", "managers", "outcome")) == [
        (leader.pk, True, 2, "mastered"), (reserve.pk, False, 0, "")]


def test_it_signs_the_history_with_the_token_name(districts, journal, issue, bearer, client):
    home, _ = districts["home"]
    platform, leader, reserve, _ = journal
    plaintext = issue(home, TokenScope.READ_WRITE, name="Электронный журнал")
    response = _push(bearer(plaintext), platform, [_new_item(leader, reserve)])
    entry = JournalEntry.objects.get(pk=response.json()["entries"][0])
    records = [*entry.history.all(), *TeamResult.history.filter(entry_id=entry.pk)]
    prefix = ApiToken.objects.get(name="Электронный журнал").prefix
    assert {(record.history_user_id, record.history_change_reason) for record in records} == {
        (None, f"Токен API «Электронный журнал» ({prefix}…)")}
    # The entry's history on its page names the service account.
    client.defaults.pop("HTTP_AUTHORIZATION")
    client.force_login(factories.staff_user(home))
    page = client.get(reverse("entry_detail", args=[entry.pk]))
    assert page.status_code == 200
    assert "Токен API «Электронный журнал»" in page.content.decode()


def test_it_changes_an_entry_read_at_its_version(districts, journal, issue, bearer):
    home, _ = districts["home"]
    platform, leader, reserve, entry = journal
    client = bearer(issue(home, TokenScope.READ_WRITE))
    listed = client.get("/api/v1/journal-entries/").json()["results"][0]
    response = _push(client, platform, [_new_item(
        leader, reserve, id=listed["id"], version=listed["version"], topic="Новая тема")])
    assert response.status_code == 200, response.content
    assert (response.json()["created"], response.json()["updated"]) == (0, 1)
    entry.refresh_from_db()
    assert entry.topic == "Новая тема"
    assert entry.version > listed["version"]
    assert entry.results.count() == 2


def test_it_refuses_an_outdated_version_with_409_and_changes_nothing(districts, journal,
                                                                      issue, bearer):
    home, _ = districts["home"]
    platform, leader, reserve, entry = journal
    client = bearer(issue(home, TokenScope.READ_WRITE))
    JournalEntry.objects.filter(pk=entry.pk).update(version=entry.version + 1)
    before = _state()
    response = _push(client, platform, [
        _new_item(leader, reserve),
        _new_item(leader, reserve, id=entry.pk, version=entry.version, topic="Чужая правка"),
    ])
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["title"] == "Запись изменилась"
    assert body["detail"].startswith("Ничего не записано: мероприятия изменились")
    assert [error["field"] for error in body["errors"]] == ["items[1].version"]
    assert body["errors"][0]["message"].startswith("Пока форма была открыта, мероприятие "
                                                   "изменилось.")
    assert _state() == before


def test_it_asks_for_the_version_of_an_entry_it_changes(districts, journal, issue, bearer):
    home, _ = districts["home"]
    platform, leader, reserve, entry = journal
    response = _push(bearer(issue(home, TokenScope.READ_WRITE)), platform,
                     [_new_item(leader, reserve, id=entry.pk)])
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "items[0].version"


def test_it_writes_nothing_when_one_item_breaks_a_journal_rule(districts, journal, issue,
                                                                bearer):
    home, _ = districts["home"]
    platform, leader, reserve, _ = journal
    before = _state()
    response = _push(bearer(issue(home, TokenScope.READ_WRITE)), platform, [
        _new_item(leader, reserve),
        _new_item(leader, reserve, held_on="2025-01-10"),
        _new_item(leader, reserve, hosts=[reserve.pk]),
        _new_item(leader, reserve, results=[{"team": reserve.pk, "attended": False,
                                             "managers": 3}]),
    ])
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == ("Ничего не записано: элементов с ошибками — 3. Исправьте их "
                              "и отправьте запрос снова.")
    assert body["errors"] == [
        {"field": "items[1].held_on", "message": "Дата мероприятия должна лежать в 2021–2022 "
                                                 "учебном году: с 01.09.2021 по 31.08.2022."},
        {"field": "items[2].hosts", "message": (
            "Не может проводить мероприятие: Дом СОШ № 2. Проводят команды-лидеры площадки; "
            "команда, подающая надежды, может быть соведущей, если распределена на эту "
            "площадку.")},
        {"field": "items[3].results", "message": (
            "Дом СОШ № 2: команда не участвовала — укажите 0 руководителей, 0 педагогов и "
            "не выбирайте результат.")},
    ]
    assert _state() == before


def test_it_checks_without_writing_on_a_dry_run(districts, journal, issue, bearer):
    home, _ = districts["home"]
    platform, leader, reserve, _ = journal
    before = _state()
    response = _push(bearer(issue(home, TokenScope.READ_WRITE)), platform,
                     [_new_item(leader, reserve)], dry_run=True)
    assert response.status_code == 200
    assert (response.json()["created"], response.json()["entries"]) == (1, [])
    assert _state() == before


def test_it_does_not_reach_teams_or_entries_of_another_municipality(districts, journal,
                                                                     issue, bearer):
    home, _ = districts["home"]
    _, away_district = districts["away"]
    platform, leader, reserve, _ = journal
    (foreign_team,) = away_district.ids["teams"]
    (foreign_entry,) = away_district.ids["entry"]
    before = _state()
    response = _push(bearer(issue(home, TokenScope.READ_WRITE)), platform, [
        _new_item(leader, reserve, results=[{"team": foreign_team}]),
        _new_item(leader, reserve, id=foreign_entry, version=1),
    ])
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "items[0].results",
         "message": f"команда {foreign_team} не найдена в муниципальном образовании"},
        {"field": "items[1].id",
         "message": f"мероприятие {foreign_entry} не найдено в журнале этой площадки"},
    ]
    assert _state() == before


def test_it_lets_only_writers_of_the_journal_push(districts, journal, issue, bearer, client):
    home, _ = districts["home"]
    away, away_district = districts["away"]
    platform, leader, reserve, _ = journal
    item = [_new_item(leader, reserve)]
    assert _push(bearer(issue(home)), platform, item).status_code == 403
    assert _push(bearer(issue(away, TokenScope.READ_WRITE)), platform, item).status_code == 404
    client.defaults.pop("HTTP_AUTHORIZATION")
    client.force_login(factories.curator_user(home))
    assert _push(client, platform, item).status_code == 403
    curator = factories.curator_user(home, platforms=[platform])
    client.force_login(curator)
    response = _push(client, platform, item)
    assert response.status_code == 200, response.content
    entry = JournalEntry.objects.get(pk=response.json()["entries"][0])
    assert entry.created_by == curator
    assert entry.history.latest().history_user == curator
