"""A regional system pushes the schools' monitoring indicators of a year and the staffing on
a date: all or nothing, with the Excel upload's checks and Russian messages per item."""

import datetime

import pytest

from api.models import TokenScope
from diagnostics.models import SchoolIndicator, Staffing
from internships.models import Period
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(districts):
    municipality, district = districts["home"]
    (period_id,) = district.ids["period"]
    factories.OrganizationFactory(municipality=municipality, short_name="Дом СОШ № 2", number=2)
    return municipality, Period.objects.get(pk=period_id)


def _indicators(client, period, items, **extra):
    return client.post(f"/api/v1/periods/{period.pk}/school-indicators/",
                       {"items": items, **extra}, content_type="application/json")


def _staffing(client, municipality, items, as_of="2022-09-01", **extra):
    return client.post(f"/api/v1/municipalities/{municipality.pk}/staffing/",
                       {"as_of": as_of, "items": items, **extra},
                       content_type="application/json")


def test_it_writes_the_indicators_of_the_year(home, issue, bearer):
    municipality, period = home
    response = _indicators(bearer(issue(municipality, TokenScope.READ_WRITE)), period, [
        {"organization": "Дом СОШ № 2", "low_results": True, "students_total": 300,
         "olympiad_winners": 12},
        {"organization": "Дом СОШ № 1", "graduates_total": 40},
    ])
    assert response.status_code == 200, response.content
    assert (response.json()["created"], response.json()["updated"]) == (1, 1)
    created = SchoolIndicator.objects.get(organization__short_name="Дом СОШ № 2")
    assert (created.period, created.low_results, created.students_total,
            created.olympiad_winners) == (period, True, 300, 12)
    updated = SchoolIndicator.objects.get(organization__short_name="Дом СОШ № 1")
    # A field the item leaves out keeps its stored value.
    assert (updated.students_total, updated.graduates_total) == (500, 40)


def test_it_writes_no_indicator_when_one_item_is_bad(home, issue, bearer):
    municipality, period = home
    before = list(SchoolIndicator.objects.values_list("pk", "students_total"))
    response = _indicators(bearer(issue(municipality, TokenScope.READ_WRITE)), period, [
        {"organization": "Дом СОШ № 2", "students_total": 300},
        {"organization": "Дом СОШ № 1", "olympiad_winners": 900},
        {"organization": "Школа, которой нет"},
    ])
    assert response.status_code == 400
    body = response.json()
    assert body["detail"].startswith("Ничего не записано: элементов с ошибками — 2.")
    fields = [error["field"] for error in body["errors"]]
    assert fields == ["items[1].olympiad_winners", "items[2].organization"]
    assert "больше" in body["errors"][0]["message"]
    assert list(SchoolIndicator.objects.values_list("pk", "students_total")) == before


def test_it_checks_the_indicators_without_writing_on_a_dry_run(home, issue, bearer):
    municipality, period = home
    response = _indicators(bearer(issue(municipality, TokenScope.READ_WRITE)), period,
                           [{"organization": "Дом СОШ № 2", "students_total": 1}], dry_run=True)
    assert response.status_code == 200
    assert response.json()["dry_run"] is True
    assert not SchoolIndicator.objects.filter(organization__short_name="Дом СОШ № 2").exists()


def test_it_refuses_indicators_to_a_read_only_token(home, issue, bearer):
    municipality, period = home
    response = _indicators(bearer(issue(municipality, TokenScope.READ)), period,
                           [{"organization": "Дом СОШ № 2", "students_total": 1}])
    assert response.status_code == 403
    assert SchoolIndicator.objects.count() == 2


def test_it_hides_another_municipalitys_year(home, districts, issue, bearer):
    _, period = home
    away, _ = districts["away"]
    response = _indicators(bearer(issue(away, TokenScope.READ_WRITE)), period,
                           [{"organization": "Дом СОШ № 2", "students_total": 1}])
    assert response.status_code == 404
    assert SchoolIndicator.objects.count() == 2


def test_it_refuses_indicators_to_a_curator_session(home, client):
    municipality, period = home
    client.force_login(factories.curator_user(municipality))
    response = _indicators(client, period, [{"organization": "Дом СОШ № 2"}])
    assert response.status_code == 403


def test_it_writes_the_staffing_on_the_date(home, issue, bearer):
    municipality, _ = home
    response = _staffing(bearer(issue(municipality, TokenScope.READ_WRITE)), municipality, [
        {"organization": "Дом СОШ № 2", "teachers_total": 20, "without_category": 12,
         "first_category": 5, "highest_category": 3},
        {"organization": "Дом СОШ № 1", "as_of": "2021-09-01", "teachers_total": 41,
         "without_category": 11, "first_category": 15, "highest_category": 15},
    ])
    assert response.status_code == 200, response.content
    assert (response.json()["created"], response.json()["updated"]) == (1, 1)
    created = Staffing.objects.get(organization__short_name="Дом СОШ № 2")
    assert (created.as_of, created.teachers_total) == (datetime.date(2022, 9, 1), 20)
    assert Staffing.objects.get(organization__short_name="Дом СОШ № 1").teachers_total == 41


def test_it_writes_no_staffing_when_the_categories_do_not_add_up(home, issue, bearer):
    municipality, _ = home
    response = _staffing(bearer(issue(municipality, TokenScope.READ_WRITE)), municipality, [
        {"organization": "Дом СОШ № 2", "teachers_total": 20, "without_category": 12,
         "first_category": 5, "highest_category": 3},
        {"organization": "Дом СОШ № 1", "teachers_total": 20, "without_category": 1,
         "first_category": 1, "highest_category": 1},
        {"organization": "Дом СОШ № 1", "teachers_total": 20},
    ])
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert {error["field"].split(".")[0] for error in errors} == {"items[1]", "items[2]"}
    assert {"field": "items[1].teachers_total",
            "message": "без категории (1) + первая (1) + высшая (1) = 3, а всего указано 20"} \
        in errors
    assert any(error["field"] == "items[2].without_category"
               and error["message"] == "не заполнено: нужно целое число" for error in errors)
    assert Staffing.objects.count() == 2


def test_it_hides_another_municipality_from_a_staffing_push(home, districts, issue, bearer):
    municipality, _ = home
    away, _ = districts["away"]
    response = _staffing(bearer(issue(away, TokenScope.READ_WRITE)), municipality,
                         [{"organization": "Дом СОШ № 2", "teachers_total": 1}])
    assert response.status_code == 404


def test_it_asks_for_the_staffing_date_in_russian(home, issue, bearer):
    municipality, _ = home
    response = bearer(issue(municipality, TokenScope.READ_WRITE)).post(
        f"/api/v1/municipalities/{municipality.pk}/staffing/",
        {"items": [{"organization": "Дом СОШ № 2"}]}, content_type="application/json")
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["field"] == "as_of"
    assert error["message"] == "Обязательное поле."
