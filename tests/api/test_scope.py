"""Every endpoint reads through the pages' access layer: a token of one municipality never
sees another's objects; a regional token sees them all; the session works as on the pages."""

import pytest
from django.test import Client

from api.models import TokenScope
from tests import factories
from tests.api.conftest import ENDPOINTS, listed_ids

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("url", "key"), ENDPOINTS.items())
def test_it_shows_a_municipal_token_only_its_own_municipality(districts, issue, bearer, url,
                                                              key):
    home, home_district = districts["home"]
    _, away_district = districts["away"]
    ids = listed_ids(bearer(issue(home)).get(url))
    assert ids == home_district.ids[key]
    assert not ids & away_district.ids[key]


@pytest.mark.parametrize(("url", "key"), ENDPOINTS.items())
def test_it_shows_a_regional_token_every_municipality(districts, issue, bearer, url, key):
    ids = listed_ids(bearer(issue(None)).get(url))
    assert ids == districts["home"][1].ids[key] | districts["away"][1].ids[key]


@pytest.mark.parametrize(("url", "key"), ENDPOINTS.items())
def test_it_serves_a_signed_in_user_through_the_session(districts, client, url, key):
    home, home_district = districts["home"]
    client.force_login(factories.staff_user(home))
    assert listed_ids(client.get(url)) == home_district.ids[key]


def test_it_shows_a_school_team_only_its_own_diagnoses(districts, client):
    home, home_district = districts["home"]
    other = factories.OrganizationFactory(municipality=home, short_name="Дом СОШ № 2", number=2)
    client.force_login(factories.school_user(other))
    assert listed_ids(client.get("/api/v1/diagnoses/")) == set()
    assert listed_ids(client.get("/api/v1/organizations/")) == {other.pk}


def test_it_refuses_a_school_team_the_project_indicators(districts, client):
    home, home_district = districts["home"]
    school = factories.OrganizationFactory(municipality=home, short_name="Дом СОШ № 2", number=2)
    client.force_login(factories.school_user(school))
    (period,) = home_district.ids["period"]
    response = client.get(f"/api/v1/periods/{period}/indicators/")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"


def test_it_answers_404_for_another_municipalitys_period(districts, issue, bearer):
    home, _ = districts["home"]
    (foreign,) = districts["away"][1].ids["period"]
    response = bearer(issue(home)).get(f"/api/v1/periods/{foreign}/indicators/")
    assert response.status_code == 404
    assert response.json()["title"] == "Не найдено"


def test_it_refuses_writes_with_a_read_only_token(districts, issue, bearer):
    home, _ = districts["home"]
    response = bearer(issue(home, TokenScope.READ)).post(
        "/api/v1/organizations/", {}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["detail"] == "Токен выпущен только для чтения: запись запрещена."


def test_it_lets_a_read_write_token_past_the_scope_check(districts, issue, bearer):
    home, _ = districts["home"]
    response = bearer(issue(home, TokenScope.READ_WRITE)).post(
        "/api/v1/organizations/", {}, content_type="application/json")
    # Lists take no writes: the method, not the token, is refused.
    assert response.status_code == 405
    assert response.json()["detail"] == "Метод POST здесь не поддерживается."


def test_it_keeps_the_csrf_check_for_session_writes(districts):
    home, _ = districts["home"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(factories.staff_user(home))
    response = client.post("/api/v1/organizations/", {}, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_it_filters_organizations_with_the_pages_filter(districts, issue, bearer):
    home, home_district = districts["home"]
    factories.OrganizationFactory(municipality=home, short_name="Дом Лицей № 9", number=9,
                                  level="lyceum")
    ids = listed_ids(bearer(issue(home)).get("/api/v1/organizations/", {"q": "сош № 1"}))
    assert ids == home_district.ids["organizations"]


def test_it_shows_a_school_team_only_its_own_results_in_the_journal(districts, client):
    from internships.models import JournalEntry, TeamResult

    home, home_district = districts["home"]
    other = factories.OrganizationFactory(municipality=home, short_name="Дом СОШ № 2", number=2)
    (entry_id,) = home_district.ids["entry"]
    TeamResult.objects.create(entry=JournalEntry.objects.get(pk=entry_id), team=other.team,
                              managers=1)
    client.force_login(factories.school_user(other))
    (entry,) = client.get("/api/v1/journal-entries/").json()["results"]
    assert [result["team"] for result in entry["results"]] == [other.team.pk]
