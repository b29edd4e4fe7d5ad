"""Excel import of expert results: all or nothing with a Russian report, run as the portal's
shared import job; the export of the same columns; the registration hook in diagnostics."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from competence.access import may_keep
from competence.imports import INFO, SLUG, CompetenceResultImport, results_sheet
from competence.models import PersonResult
from diagnostics.imports.base import TableImport
from diagnostics.imports.jobs import NOT_ALLOWED, UPLOADS_FOLDER, run_import_job
from diagnostics.imports.tables import (
    REGISTERED,
    TABLES,
    TableInfo,
    build_table,
    register_table,
)
from diagnostics.models import ImportJob
from diagnostics.tasks import request_import
from people.models import TeacherRecordView

pytestmark = pytest.mark.django_db
HEADER = ("Диагностика", "Организация", "ФИО", "Область компетенций", "Уровень")


def workbook(*rows) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "kompetencii.xlsx"
    return data


def upload(client, data, *, load=True):
    """The job's page the browser lands on: the worker runs in this process (eager) once the
    request's transaction commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("competence_import"),
                               {"file": data, **({"load": "1"} if load else {})})
    assert response.status_code == 302, response.content.decode()
    return client.get(response["Location"])


def test_it_registers_the_table_beside_the_hub_tables(world):
    assert SLUG in REGISTERED and SLUG not in TABLES
    table = build_table(SLUG, municipality=world.municipality, imported_by=world.staff)
    assert isinstance(table, CompetenceResultImport) and table.imported_by == world.staff


def test_it_refuses_to_register_a_slug_the_hub_already_has():
    with pytest.raises(ValueError, match="уже есть"):
        register_table(TABLES["teachers"], lambda **options: TableImport(**options),
                       may_load=may_keep, page="competence_import")
    registration = REGISTERED[SLUG]
    assert (registration.info, registration.may_load, registration.page) == (
        INFO, may_keep, "competence_import")


def test_it_refuses_to_register_a_slug_the_jobs_do_not_know():
    stranger = TableInfo("strangers", "Чужая таблица", "")
    with pytest.raises(ValueError, match="нет среди таблиц загрузок"):
        register_table(stranger, lambda **options: TableImport(**options),
                       may_load=may_keep, page="competence_import")
    assert "strangers" not in REGISTERED


def test_it_loads_expert_levels_by_titles_and_ranks(world, diag, login):
    client = login(world.staff)
    response = upload(client, workbook(
        ("Стартовая диагностика", "СОШ № 1", "Учителева Анна 1", "Методические компетенции",
         "Базовый"),
        ("Стартовая диагностика", "СОШ № 1", "Учителева Анна 1", "2", "3"),
    ))
    assert response.status_code == 200
    assert "Загружено: новых — 2" in response.content.decode()
    levels = dict(PersonResult.objects.values_list("area__number", "level__rank"))
    assert levels == {1: 1, 2: 3}


def test_it_refuses_bad_rows_with_a_russian_report_and_writes_nothing(world, diag, login):
    client = login(world.staff)
    response = upload(client, workbook(
        ("Стартовая диагностика", "СОШ № 1", "Учителева Анна 1", "1", "Базовый"),
        ("Стартовая диагностика", "СОШ № 1", "Неизвестная Мария", "1", "Базовый"),
        ("Стартовая диагностика", "СОШ № 1", "Учителева Анна 2", "1", "Отличный"),
        ("Нет такой", "СОШ № 1", "Учителева Анна 3", "1", "Базовый"),
        ("Стартовая диагностика", "СОШ № 1", "Методистова Вера", "1", "Базовый"),
    ))
    text = response.content.decode()
    assert "Ничего не записано: строк с ошибками — 4" in text
    assert "нет в реестре организации" in text
    assert "«Отличный» не найдено среди уровня шкалы" in text
    assert "Диагностика «Нет такой» не найдена" in text
    assert "не участвует в диагностике" in text
    assert "E · Уровень" in text
    assert not PersonResult.objects.exists()


def test_it_only_checks_a_file_on_a_dry_run(world, diag, login):
    response = upload(login(world.staff), workbook(
        ("Стартовая диагностика", "СОШ № 1", "Учителева Анна 1", "1", "Базовый")), load=False)
    assert "Проверка пройдена, ничего не записано" in response.content.decode()
    assert not PersonResult.objects.exists()


def test_it_exports_the_import_columns_and_audits_the_names(world, diag):
    PersonResult.objects.create(round=diag.first, teacher=diag.people[0], area=diag.areas[0],
                                source="expert", level=diag.level(diag.first, 2))
    sheet = results_sheet(municipality=world.municipality, viewer=world.staff)
    rows = list(load_workbook(io.BytesIO(sheet.content())).active.values)
    assert rows[0] == HEADER
    assert rows[1] == ("Стартовая диагностика", "СОШ № 1", "Учителева Анна 1",
                       "Методические компетенции", "Достаточный")
    assert TeacherRecordView.objects.filter(teacher=diag.people[0]).count() == 1


def test_it_round_trips_an_exported_file(world, diag, login):
    PersonResult.objects.create(round=diag.first, teacher=diag.people[0], area=diag.areas[0],
                                source="expert", level=diag.level(diag.first, 2))
    data = io.BytesIO(results_sheet(municipality=world.municipality,
                                    viewer=world.staff).content())
    data.name = "export.xlsx"
    response = upload(login(world.staff), data)
    assert "Загружено: новых — 0, обновлено — 1" in response.content.decode()
    assert PersonResult.objects.get().level.rank == 2


def test_it_lands_on_the_shared_job_page(world, diag, login):
    client = login(world.staff)
    data = workbook(("Стартовая диагностика", "СОШ № 1", "Учителева Анна 1", "1", "Базовый"))
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("competence_import"), {"file": data, "load": "1"})
    job = ImportJob.objects.get()
    assert (job.table, job.municipality, job.requested_by) == (
        SLUG, world.municipality, world.staff)
    assert response["Location"] == reverse("import_job", args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Результаты диагностики компетенций" in page
    assert f'href="{reverse("competence_import")}"' in page


def _uploads() -> set[Path]:
    folder = Path(settings.MEDIA_ROOT) / UPLOADS_FOLDER
    return {path for path in folder.rglob("*") if path.is_file()} if folder.is_dir() else set()


def test_it_keeps_the_report_and_drops_the_upload_when_the_job_ends(world, diag, login):
    before = _uploads()
    upload(login(world.staff), workbook(
        ("Стартовая диагностика", "СОШ № 1", "Неизвестная Мария", "1", "Базовый")))
    job = ImportJob.objects.get()
    assert (job.status, job.file.name) == ("done", "")
    assert job.report["problems"][0]["column"] == "C · ФИО"
    assert _uploads() <= before


def test_it_fails_a_job_whose_uploader_lost_the_right(world, diag, login):
    data = workbook(("Стартовая диагностика", "СОШ № 1", "Учителева Анна 1", "1", "Базовый"))
    job = request_import(table=SLUG, municipality=world.municipality, user=world.staff,
                         upload=SimpleUploadedFile("f.xlsx", data.read()), dry_run=False,
                         options={})
    world.staff.profile.role = "analyst"
    world.staff.profile.save()
    run_import_job(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.error, job.file.name) == ("failed", NOT_ALLOWED, "")
    assert not PersonResult.objects.exists()


def test_it_shows_the_job_only_to_the_department(world, diag, login):
    job = ImportJob.objects.create(municipality=world.municipality, table=SLUG,
                                   requested_by=world.staff, status="done")
    url = reverse("import_job", args=[job.pk])
    assert login(world.staff).get(url).status_code == 200
    assert login(world.school_user).get(url).status_code == 404
    assert login(world.outsider).get(url).status_code == 404


def test_it_lists_the_uploads_on_the_excel_page_and_in_the_shared_list(world, diag, login):
    job = ImportJob.objects.create(municipality=world.municipality, table=SLUG,
                                   requested_by=world.staff, status="done",
                                   filename="uroven.xlsx")
    client = login(world.staff)
    job_url = reverse("import_job", args=[job.pk])
    assert job_url in client.get(reverse("competence_import")).content.decode()
    listed = client.get(reverse("import_jobs")).content.decode()
    assert job_url in listed and "Результаты диагностики компетенций" in listed
    assert f'href="{reverse("competence_import")}"' in listed
