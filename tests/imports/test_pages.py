"""The hub, the import pages and the downloads, for each role."""

import datetime
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from diagnostics.models import Deficit, Diagnosis, DiagnosticRound, RoundKind, Staffing
from tests.imports.uploads import post_upload
from tests.imports.workbooks import table_workbook

TABLES = ("organizations", "indicators", "staffing", "diagnoses")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _upload(content: bytes, name="kadry.xlsx"):
    return SimpleUploadedFile(name, content, content_type=XLSX)


def _staffing_file(*rows) -> bytes:
    return table_workbook(["Организация", "Всего", "Без категории", "Первая категория",
                           "Высшая категория"], rows).getvalue()


@pytest.fixture
def diagnostic_round(world):
    for direction in world.directions:
        Deficit.objects.create(direction=direction, code="1.1", wording="Дефицит")
    return DiagnosticRound.objects.create(
        programme=world.programme, kind=RoundKind.START, title="Стартовая",
        starts_on=datetime.date(2021, 10, 1), ends_on=datetime.date(2021, 10, 31),
        entry_opens=datetime.date(2021, 10, 1), entry_closes=datetime.date(2021, 11, 15))


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_staff_roles_open_the_hub(as_role, role):
    response = as_role(role).get(reverse("imports"))
    assert response.status_code == 200
    assert "Скачать шаблон" in response.content.decode()


def test_the_hub_offers_uploads_by_role(as_role):
    staff_page = as_role("staff").get(reverse("imports")).content.decode()
    for table in TABLES:
        for name in (f"import_{table}", f"export_{table}", f"import_template_{table}"):
            assert f'href="{reverse(name)}"' in staff_page
    curator_page = as_role("curator").get(reverse("imports")).content.decode()
    assert f'href="{reverse("import_diagnoses")}"' in curator_page
    assert f'href="{reverse("import_staffing")}"' not in curator_page
    analyst_page = as_role("analyst").get(reverse("imports")).content.decode()
    assert f'href="{reverse("import_diagnoses")}"' not in analyst_page


@pytest.mark.parametrize("role", ["school_user", "anonymous"])
def test_the_hub_is_refused_to_school_teams_and_anonymous(as_role, role):
    response = as_role(role).get(reverse("imports"))
    assert response.status_code == (403 if role == "school_user" else 302)


def test_the_hub_costs_the_same_queries_whatever_the_data(as_role, world,
                                                          django_assert_num_queries):
    client = as_role("staff")
    client.get(reverse("imports"))
    with django_assert_num_queries(3):
        client.get(reverse("imports"))


@pytest.mark.parametrize("table", TABLES)
def test_staff_open_every_import_page(as_role, table):
    response = as_role("staff").get(reverse(f"import_{table}"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Проверить" in content and "Загрузить" in content


@pytest.mark.parametrize(("role", "table", "status"), [
    ("curator", "diagnoses", 200),
    ("curator", "staffing", 403),
    ("curator", "organizations", 403),
    ("analyst", "diagnoses", 403),
    ("analyst", "staffing", 403),
    ("school_user", "diagnoses", 403),
    ("school_user", "organizations", 403),
])
def test_import_pages_by_role(as_role, role, table, status):
    assert as_role(role).get(reverse(f"import_{table}")).status_code == status


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
@pytest.mark.parametrize("table", TABLES)
def test_staff_roles_download_exports_and_templates(as_role, role, table):
    client = as_role(role)
    for name in (f"export_{table}", f"import_template_{table}"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert response["Content-Type"] == XLSX
        assert load_workbook(io.BytesIO(response.content)).active.max_row >= 1


@pytest.mark.parametrize("table", TABLES)
def test_school_teams_cannot_download(as_role, table):
    client = as_role("school_user")
    assert client.get(reverse(f"export_{table}")).status_code == 403
    assert client.get(reverse(f"import_template_{table}")).status_code == 403


def test_the_export_holds_only_the_own_municipality(as_role, world):
    response = as_role("staff").get(reverse("export_organizations"))
    names = {row[1] for row in load_workbook(io.BytesIO(response.content)).active
             .iter_rows(min_row=2, values_only=True)}
    assert world.school_a.short_name in names
    assert world.other_organization.short_name not in names


def _media_files() -> set[Path]:
    """Files in the storage (an upload waits there for its job and is removed after it)."""
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def test_check_shows_the_report_and_writes_nothing(as_role, world):
    media_before = _media_files()
    response = post_upload(as_role("staff"), reverse("import_staffing"), {
        "file": _upload(_staffing_file(("СОШ № 1", 10, 2, 4, 4))), "check": "Проверить",
        "as_of": "2022-01-10",
    })
    assert response.status_code == 200
    assert "Проверка пройдена, ничего не записано" in response.content.decode()
    assert Staffing.objects.count() == 0
    assert _media_files() == media_before


def test_load_writes_and_reports_the_counts(as_role, world):
    response = post_upload(as_role("staff"), reverse("import_staffing"), {
        "file": _upload(_staffing_file(("СОШ № 1", 10, 2, 4, 4), (None, 10, 2, 4, 4))),
        "load": "Загрузить", "as_of": "2022-01-10",
    })
    content = response.content.decode()
    assert "Загружено: новых — 1, обновлено — 0, пропущено строк — 1" in content
    assert Staffing.objects.get().as_of == datetime.date(2022, 1, 10)


def test_bad_rows_are_listed_with_row_column_and_reason(as_role, world):
    response = post_upload(as_role("staff"), reverse("import_staffing"), {
        "file": _upload(_staffing_file(("СОШ № 1", 10, 2, 4, 4), ("СОШ № 99", 1, 1, 0, 0))),
        "load": "Загрузить",
    })
    content = response.content.decode()
    assert "Ничего не записано: строк с ошибками — 1" in content
    assert "<td class=\"text-end\">3</td><td>A · Организация</td>" in content
    assert "Организация «СОШ № 99» не найдена" in content
    assert Staffing.objects.count() == 0


@pytest.mark.parametrize(("content", "message"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "старого формата Excel (.xls)"),
    ("Организация;Всего\n".encode(), "текстовый файл (например, CSV)"),
    (b"PK\x03\x04broken", "повреждён или загружен не полностью"),
])
def test_a_hostile_upload_gets_a_clear_message(as_role, world, content, message):
    response = post_upload(as_role("staff"), reverse("import_organizations"), {
        "file": _upload(content), "load": "Загрузить"})
    assert response.status_code == 200
    assert "Файл не принят." in response.content.decode()
    assert message in response.content.decode()


def test_the_form_asks_for_a_file(as_role, world):
    response = post_upload(as_role("staff"), reverse("import_organizations"), {"load": "Загрузить"})
    assert "Выберите файл .xlsx." in response.content.decode()


def _diagnoses_file(*rows) -> bytes:
    return table_workbook(["Организация", "Направление", "Балл", "Дефициты"], rows).getvalue()


def test_a_curator_imports_diagnoses_of_their_own_platforms_only(as_role, world,
                                                                 diagnostic_round):
    today = timezone.localdate()
    diagnostic_round.entry_opens = today - datetime.timedelta(days=1)
    diagnostic_round.entry_closes = today + datetime.timedelta(days=1)
    diagnostic_round.save()
    client = as_role("curator")
    refused = post_upload(client, reverse("import_diagnoses"), {
        "file": _upload(_diagnoses_file(("СОШ № 1", 1, 50, "1.1"), ("СОШ № 1", 2, 50, ""))),
        "load": "Загрузить", "diagnostic_round": diagnostic_round.pk,
    })
    assert "Вы не куратор площадки направления 2" in refused.content.decode()
    assert Diagnosis.objects.count() == 0
    post_upload(client, reverse("import_diagnoses"), {
        "file": _upload(_diagnoses_file(("СОШ № 1", 1, 50, "1.1"))),
        "load": "Загрузить", "diagnostic_round": diagnostic_round.pk,
    })
    diagnosis = Diagnosis.objects.get()
    assert (diagnosis.direction.number, diagnosis.entered_by) == (1, world.curator)


def test_staff_import_diagnoses_of_any_direction(as_role, world, diagnostic_round):
    post_upload(as_role("staff"), reverse("import_diagnoses"), {
        "file": _upload(_diagnoses_file(("СОШ № 1", 2, 50, ""), ("ООШ № 3", 3, None, ""))),
        "load": "Загрузить",
    })
    assert Diagnosis.objects.filter(round=diagnostic_round).count() == 2


def test_the_job_page_lists_each_disagreement_of_a_printed_total_and_the_rows_are_written(
        as_role, world):
    # СОШ № 1: 10 teachers, 2 + 4 + 4, КК printed 70 % for 80 %; the subtotal prints 11.
    content = table_workbook(
        ["Организация", "Всего", "Без категории", "Первая категория", "Высшая категория", "КК"],
        [("Общеобразовательные организации",), ("СОШ № 1", 10, 2, 4, 4, "70%"),
         ("Итого: общеобразовательные организации", 11, 2, 4, 4, "80%")]).getvalue()

    response = post_upload(as_role("staff"), reverse("import_staffing"), {
        "file": _upload(content), "load": "Загрузить", "as_of": "2022-01-10"})

    page = response.content.decode()
    assert "Загружено: новых — 1, обновлено — 0, пропущено строк — 2. Предупреждений — 2" in page
    assert 'id="import-warnings"' in page
    assert "<li>Строка 3: «СОШ № 1»: КК напечатан 70 %, по числам — 80,0 %</li>" in page
    assert ("<li>Строка 4: итог: группа «Общеобразовательные организации»: всего педагогов "
            "напечатано 11, по строкам — 10</li>") in page
    assert Staffing.objects.get().teachers_total == 10
