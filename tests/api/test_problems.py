"""Errors come as RFC 9457 problem details in Russian; bad input is a 400 naming the field."""

import pytest

from tests.api.conftest import listed_ids

pytestmark = pytest.mark.django_db

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def test_it_answers_a_bad_filter_with_a_400_naming_the_field(districts, issue, bearer):
    home, _ = districts["home"]
    response = bearer(issue(home)).get("/api/v1/diagnoses/", {"updated_since": "вчера"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) >= PROBLEM_KEYS
    assert body["status"] == 400
    assert body["title"] == "Ошибка во входных данных"
    assert body["instance"].startswith("/api/v1/diagnoses/?updated_since=")
    assert body["errors"] == [{"field": "updated_since",
                               "message": "Введите правильную дату и время."}]


def test_it_answers_an_unknown_choice_with_a_russian_message(districts, issue, bearer):
    home, _ = districts["home"]
    response = bearer(issue(home)).get("/api/v1/placements/", {"tier": "чемпион"})
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["field"] == "tier"
    assert error["message"].startswith("Выберите корректный вариант")


def test_it_answers_a_broken_cursor_with_a_russian_404(districts, issue, bearer):
    home, _ = districts["home"]
    response = bearer(issue(home)).get("/api/v1/organizations/", {"cursor": "мусор"})
    assert response.status_code == 404
    assert response.json()["detail"] == ("Курсор страницы недействителен: начните с первой "
                                         "страницы.")


def test_it_limits_the_requests_of_one_token(districts, issue, bearer, settings):
    settings.API_THROTTLE_RATE = "3/min"
    home, _ = districts["home"]
    client = bearer(issue(home))
    for _ in range(3):
        assert client.get("/api/v1/municipalities/").status_code == 200
    response = client.get("/api/v1/municipalities/")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert int(response["Retry-After"]) > 0
    assert response.json()["detail"].startswith("Превышено число запросов для этого токена")
    # Another token has its own count.
    assert bearer(issue(home, name="Другая система")).get(
        "/api/v1/municipalities/").status_code == 200


def test_it_flattens_nested_errors_into_field_paths():
    from api.problems import field_errors

    detail = {"items": [{}, {"team": ["Нет такой команды."]}],
              "non_field_errors": ["Пустой запрос."]}
    assert field_errors(detail) == [
        {"field": "items[1].team", "message": "Нет такой команды."},
        {"field": "", "message": "Пустой запрос."},
    ]


def test_it_pages_with_a_cursor_in_id_order(districts, issue, bearer):
    from tests import factories

    home, home_district = districts["home"]
    extra = {factories.OrganizationFactory(municipality=home, short_name=f"Дом ООШ № {n}",
                                           number=10 + n).pk for n in range(4)}
    client = bearer(issue(home))
    first = client.get("/api/v1/organizations/", {"page_size": 2}).json()
    assert [row["id"] for row in first["results"]] == sorted(
        home_district.ids["organizations"] | extra)[:2]
    seen = {row["id"] for row in first["results"]}
    url = first["next"]
    while url:
        page = client.get(url).json()
        seen |= {row["id"] for row in page["results"]}
        url = page["next"]
    assert seen == home_district.ids["organizations"] | extra
    assert listed_ids(client.get("/api/v1/organizations/")) == seen


def test_it_answers_an_unknown_api_address_with_a_problem(districts, issue, bearer):
    home, _ = districts["home"]
    response = bearer(issue(home)).get("/api/v1/nothing/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"].startswith("Такого адреса в API нет")


def test_it_keeps_the_portals_own_404_page_elsewhere(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_it_answers_a_body_that_is_not_json_in_russian(districts, issue, bearer):
    from api.models import TokenScope

    home, district = districts["home"]
    (round_id,) = district.ids["round"]
    response = bearer(issue(home, TokenScope.READ_WRITE)).post(
        f"/api/v1/rounds/{round_id}/diagnoses/", "{сломано", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Тело запроса не удалось прочитать как JSON")


@pytest.mark.parametrize("url", ["/api/v1/deficits/?direction=", "/api/v1/diagnoses/?team=",
                                 "/api/v1/placements/?period=", "/api/v1/placements/?direction="])
def test_it_refuses_an_id_beyond_the_column_range_with_400(districts, issue, bearer, url):
    home, _ = districts["home"]
    response = bearer(issue(home)).get(url + "-27429309889668772427806328919949312")
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
