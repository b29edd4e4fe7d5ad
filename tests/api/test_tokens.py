"""Tokens of service accounts: issued on the page and shown once, kept only as a hash,
revoked for good; who may issue which."""

import hashlib

import pytest
from django.contrib.auth.models import User

from api.models import ApiToken, TokenScope
from api.tokens import issue_token, revoke_token
from tests import factories
from tests.api.conftest import listed_ids

pytestmark = pytest.mark.django_db


def test_it_shows_the_token_once_and_keeps_only_its_hash(districts, client):
    home, home_district = districts["home"]
    staff = factories.staff_user(home)
    client.force_login(staff)
    response = client.post("/api-tokens/new/", {"name": "Электронный журнал",
                                                "scope": TokenScope.READ})
    assert response.status_code == 200
    plaintext = response.context["plaintext"]
    assert plaintext in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    token = ApiToken.objects.get()
    assert (token.name, token.municipality, token.scope, token.created_by) == (
        "Электронный журнал", home, TokenScope.READ, staff)
    assert token.secret_hash == hashlib.sha256(plaintext.encode()).hexdigest()
    assert plaintext.startswith(token.prefix + "_")
    assert plaintext not in str(ApiToken.objects.values().get())
    listing = client.get("/api-tokens/").content.decode()
    assert token.prefix in listing and plaintext not in listing


def test_it_answers_a_fresh_token_and_records_its_use(districts, client, bearer):
    home, home_district = districts["home"]
    client.force_login(factories.staff_user(home))
    plaintext = client.post("/api-tokens/new/", {"name": "Мониторинг", "scope": "read"}
                            ).context["plaintext"]
    client.logout()
    assert listed_ids(bearer(plaintext).get("/api/v1/organizations/")) == \
        home_district.ids["organizations"]
    assert ApiToken.objects.get().last_used_at is not None


def test_it_refuses_a_revoked_token_with_401(districts, client, bearer):
    home, _ = districts["home"]
    staff = factories.staff_user(home)
    issued = issue_token(name="Мониторинг", municipality=home, scope="read", created_by=staff)
    client.force_login(staff)
    response = client.post(f"/api-tokens/{issued.token.pk}/revoke/")
    assert response.status_code == 302
    client.logout()
    revoked = ApiToken.objects.get()
    assert revoked.revoked_by == staff and revoked.revoked_at is not None
    response = bearer(issued.plaintext).get("/api/v1/organizations/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json()["detail"].startswith("Токен не найден или отозван")


def test_it_keeps_the_first_revocation(districts):
    home, _ = districts["home"]
    first, second = factories.staff_user(home), factories.staff_user(home)
    issued = issue_token(name="Мониторинг", municipality=home, scope="read", created_by=first)
    revoked = revoke_token(token=issued.token, revoked_by=first)
    again = revoke_token(token=issued.token, revoked_by=second)
    assert (again.revoked_at, again.revoked_by) == (revoked.revoked_at, first)


def test_it_refuses_an_unknown_token_with_401(districts, bearer):
    response = bearer("stz_00000000_неизвестный").get("/api/v1/organizations/")
    assert response.status_code == 401
    assert response.json()["title"] == "Нужна авторизация"


def test_it_refuses_a_request_without_credentials_with_401(districts, client):
    response = client.get("/api/v1/organizations/")
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Нужна авторизация")


def test_it_refuses_a_blank_name_in_russian_and_issues_nothing(districts, client):
    home, _ = districts["home"]
    client.force_login(factories.staff_user(home))
    response = client.post("/api-tokens/new/", {"name": "  ", "scope": "read"})
    assert response.status_code == 200
    assert "Укажите название: по нему токен узнают в списке." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_it_refuses_an_unknown_scope_and_issues_nothing(districts, client):
    home, _ = districts["home"]
    client.force_login(factories.staff_user(home))
    response = client.post("/api-tokens/new/", {"name": "Журнал", "scope": "admin"})
    assert "Выберите корректный вариант" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_it_issues_staff_tokens_for_their_own_municipality_only(districts, client):
    home, _ = districts["home"]
    away, _ = districts["away"]
    client.force_login(factories.staff_user(home))
    client.post("/api-tokens/new/", {"name": "Журнал", "scope": "read_write",
                                     "area": str(away.pk)})
    assert ApiToken.objects.get().municipality == home


def test_it_lets_an_administrator_issue_a_regional_token(districts, client):
    client.force_login(User.objects.create_superuser("root", password="x" * 12))
    response = client.post("/api-tokens/new/", {"name": "Региональная система",
                                                "scope": "read", "area": "region"})
    assert response.status_code == 200
    assert ApiToken.objects.get().municipality is None


def test_it_hides_other_municipalities_tokens(districts, client):
    home, _ = districts["home"]
    away, _ = districts["away"]
    foreign = issue_token(name="Чужая система", municipality=away, scope="read",
                          created_by=factories.staff_user(away)).token
    client.force_login(factories.staff_user(home))
    assert "Чужая система" not in client.get("/api-tokens/").content.decode()
    assert client.post(f"/api-tokens/{foreign.pk}/revoke/").status_code == 404
    foreign.refresh_from_db()
    assert foreign.revoked_at is None


def test_it_shows_an_empty_list_with_what_to_do(districts, client):
    home, _ = districts["home"]
    client.force_login(factories.staff_user(home))
    assert "Токенов ещё нет" in client.get("/api-tokens/").content.decode()


@pytest.mark.parametrize("role", ["curator", "analyst", "school"])
def test_it_refuses_the_token_pages_to_other_roles(districts, client, role):
    home, _ = districts["home"]
    organization = factories.OrganizationFactory(municipality=home, short_name="Дом СОШ № 5")
    user = (factories.school_user(organization) if role == "school"
            else factories.make_user(role, home))
    client.force_login(user)
    assert client.get("/api-tokens/").status_code == 403
    assert client.get("/api-tokens/new/").status_code == 403


def test_it_lists_tokens_in_a_constant_number_of_queries(districts, client,
                                                         django_assert_num_queries):
    home, _ = districts["home"]
    staff = factories.staff_user(home)
    for number in range(12):
        issued = issue_token(name=f"Система {number}", municipality=home, scope="read",
                             created_by=factories.staff_user(home))
        if number % 3 == 0:
            revoke_token(token=issued.token, revoked_by=staff)
    client.force_login(staff)
    # Session, user, profile, the tokens with their authors.
    with django_assert_num_queries(4):
        response = client.get("/api-tokens/")
    assert response.content.decode().count("<tr>") == 13


def test_it_links_the_token_page_from_the_staff_menu_only(districts, client):
    home, _ = districts["home"]
    client.force_login(factories.staff_user(home))
    assert 'href="/api-tokens/"' in client.get("/api-tokens/").content.decode()
    client.force_login(factories.analyst_user(home))
    assert 'href="/api-tokens/"' not in client.get("/").content.decode()
