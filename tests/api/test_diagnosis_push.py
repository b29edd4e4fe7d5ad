"""A regional system pushes a round's diagnoses: all or nothing, with the Excel import's
checks and Russian messages per item, and only with a token that may write."""

import pytest

from api.models import TokenScope
from diagnostics.models import Deficit, Diagnosis, DiagnosticRound
from internships.models import Direction
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def home_round(districts):
    home, district = districts["home"]
    (round_id,) = district.ids["round"]
    diagnostic_round = DiagnosticRound.objects.get(pk=round_id)
    direction = Direction.objects.get(programme=diagnostic_round.programme)
    Deficit.objects.create(direction=direction, code="1.2", wording="Нет наставников")
    second = factories.OrganizationFactory(municipality=home, short_name="Дом СОШ № 2",
                                           number=2)
    return diagnostic_round, direction, second


def _push(client, diagnostic_round, items, **extra):
    return client.post(f"/api/v1/rounds/{diagnostic_round.pk}/diagnoses/",
                       {"items": items, **extra}, content_type="application/json")


def test_it_writes_every_item_of_a_good_request(districts, home_round, issue, bearer):
    home, _ = districts["home"]
    diagnostic_round, direction, second = home_round
    response = _push(bearer(issue(home, TokenScope.READ_WRITE)), diagnostic_round, [
        {"organization": "Дом СОШ № 2", "direction": direction.number, "score": 55,
         "deficits": ["1.1", "1.2"], "comment": "по итогам собеседования"},
        {"organization": "Дом СОШ № 1", "direction": direction.number, "score": 80},
    ])
    assert response.status_code == 200, response.content
    assert response.json() | {"summary": ""} == {"dry_run": False, "created": 1, "updated": 1,
                                                  "skipped": [], "summary": ""}
    created = Diagnosis.objects.get(team=second.team, round=diagnostic_round)
    assert (created.score, created.comment, created.entered_by) == (
        55, "по итогам собеседования", None)
    assert sorted(created.deficits.values_list("code", flat=True)) == ["1.1", "1.2"]
    updated = Diagnosis.objects.get(team__organization__short_name="Дом СОШ № 1")
    assert updated.score == 80
    # No deficits field in the request: the stored deficits stay.
    assert list(updated.deficits.values_list("code", flat=True)) == ["1.1"]


def test_it_writes_nothing_when_one_item_is_bad(districts, home_round, issue, bearer):
    home, _ = districts["home"]
    diagnostic_round, direction, _ = home_round
    before = list(Diagnosis.objects.values_list("pk", "score"))
    response = _push(bearer(issue(home, TokenScope.READ_WRITE)), diagnostic_round, [
        {"organization": "Дом СОШ № 2", "direction": direction.number, "score": 55},
        {"organization": "Дом СОШ № 1", "direction": direction.number, "deficits": ["9.9"]},
        {"organization": "Школа, которой нет", "direction": 99},
    ])
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["detail"] == ("Ничего не записано: элементов с ошибками — 2. Исправьте их "
                              "и отправьте запрос снова.")
    assert body["errors"] == [
        {"field": "items[1].deficits",
         "message": f"в каталоге направления {direction.number} нет дефицитов с кодами 9.9"},
        {"field": "items[2].organization",
         "message": "организация «Школа, которой нет» не найдена в муниципальном образовании; "
                    "сначала загрузите список организаций"},
        {"field": "items[2].direction",
         "message": "направление «99» не найдено в проекте диагностики"},
    ]
    assert list(Diagnosis.objects.values_list("pk", "score")) == before


def test_it_reports_a_badly_shaped_item_by_its_path(districts, home_round, issue, bearer):
    home, _ = districts["home"]
    diagnostic_round, direction, _ = home_round
    response = _push(bearer(issue(home, TokenScope.READ_WRITE)), diagnostic_round, [
        {"organization": "Дом СОШ № 2", "direction": direction.number},
        {"organization": "Дом СОШ № 1", "direction": direction.number, "score": "много"},
    ])
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "items[1].score", "message": "Введите правильное число."}]
    assert Diagnosis.objects.count() == 2


def test_it_checks_without_writing_on_a_dry_run(districts, home_round, issue, bearer):
    home, _ = districts["home"]
    diagnostic_round, direction, _ = home_round
    response = _push(bearer(issue(home, TokenScope.READ_WRITE)), diagnostic_round,
                     [{"organization": "Дом СОШ № 2", "direction": direction.number}],
                     dry_run=True)
    assert response.status_code == 200
    assert response.json()["created"] == 1
    assert response.json()["summary"].startswith("Проверка пройдена, ничего не записано")
    assert Diagnosis.objects.count() == 2


def test_it_refuses_a_read_only_token(districts, home_round, issue, bearer):
    home, _ = districts["home"]
    diagnostic_round, direction, _ = home_round
    response = _push(bearer(issue(home, TokenScope.READ)), diagnostic_round,
                     [{"organization": "Дом СОШ № 2", "direction": direction.number}])
    assert response.status_code == 403
    assert Diagnosis.objects.count() == 2


def test_it_hides_another_municipalitys_round(districts, home_round, issue, bearer):
    away, _ = districts["away"]
    diagnostic_round, direction, _ = home_round
    response = _push(bearer(issue(away, TokenScope.READ_WRITE)), diagnostic_round,
                     [{"organization": "Дом СОШ № 2", "direction": direction.number}])
    assert response.status_code == 404
    assert Diagnosis.objects.count() == 2


def test_it_refuses_an_analyst_session(districts, home_round, client):
    home, _ = districts["home"]
    diagnostic_round, direction, _ = home_round
    client.force_login(factories.analyst_user(home))
    response = _push(client, diagnostic_round,
                     [{"organization": "Дом СОШ № 2", "direction": direction.number}])
    assert response.status_code == 403


def test_it_records_the_staff_member_who_pushed_through_the_session(districts, home_round,
                                                                     client):
    home, _ = districts["home"]
    diagnostic_round, direction, second = home_round
    staff = factories.staff_user(home)
    client.force_login(staff)
    response = _push(client, diagnostic_round,
                     [{"organization": "Дом СОШ № 2", "direction": direction.number}])
    assert response.status_code == 200
    assert Diagnosis.objects.get(team=second.team).entered_by == staff


def test_it_refuses_an_empty_request_in_russian(districts, home_round, issue, bearer):
    home, _ = districts["home"]
    diagnostic_round, _, _ = home_round
    response = _push(bearer(issue(home, TokenScope.READ_WRITE)), diagnostic_round, [])
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["field"] == "items"
    assert error["message"] == "Этот список не может быть пустым."


def test_it_gives_the_same_reasons_as_the_excel_upload(districts, home_round, issue, bearer):
    import io

    import openpyxl

    from diagnostics.imports.tables import import_file

    home, _ = districts["home"]
    diagnostic_round, direction, _ = home_round
    items = [{"organization": "Дом СОШ № 1", "direction": direction.number, "score": 101,
              "deficits": ["9.9"]}]
    response = _push(bearer(issue(home, TokenScope.READ_WRITE)), diagnostic_round, items)
    book = openpyxl.Workbook()
    book.active.append(["Организация", "Направление", "Балл (0–100)", "Дефициты"])
    book.active.append(["Дом СОШ № 1", direction.number, 101, "9.9"])
    upload = io.BytesIO()
    book.save(upload)
    upload.seek(0)
    report = import_file("diagnoses", municipality=home, file=upload, dry_run=True,
                         diagnostic_round=diagnostic_round)
    assert [error["message"] for error in response.json()["errors"]] == [
        problem.reason for problem in report.problems]


def test_it_logs_a_write_with_the_tokens_name(districts, home_round, issue, bearer, caplog):
    home, _ = districts["home"]
    diagnostic_round, direction, _ = home_round
    with caplog.at_level("INFO", logger="api.pushes"):
        _push(bearer(issue(home, TokenScope.READ_WRITE, name="Электронный журнал")),
              diagnostic_round, [{"organization": "Дом СОШ № 2", "direction": direction.number}])
    assert "токен «Электронный журнал»" in caplog.text
    assert "новых — 1, обновлено — 0" in caplog.text
