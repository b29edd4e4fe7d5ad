"""Excel import of expert results: all or nothing with a Russian report; the export of the
same columns; the registration hook in diagnostics."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from competence.import_jobs import NOT_ALLOWED, run_job
from competence.imports import INFO, SLUG, CompetenceResultImport, results_sheet
from competence.models import PersonResult, ResultsImportJob
from competence.tasks import request_results_import
from diagnostics.imports.base import TableImport
from diagnostics.imports.tables import REGISTERED, TABLES, build_table, register_table
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
        register_table(TABLES["teachers"], lambda **options: TableImport(**options))
    assert REGISTERED[SLUG][0] == INFO


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


def test_it_keeps_the_report_and_drops_the_upload_when_the_job_ends(world, diag, login):
    upload(login(world.staff), workbook(
        ("Стартовая диагностика", "СОШ № 1", "Неизвестная Мария", "1", "Базовый")))
    job = ResultsImportJob.objects.get()
    assert (job.status, job.file.name) == ("done", "")
    assert job.report["problems"][0]["column"] == "C · ФИО"


def test_it_fails_a_job_whose_uploader_lost_the_right(world, diag, login):
    data = workbook(("Стартовая диагностика", "СОШ № 1", "Учителева Анна 1", "1", "Базовый"))
    job = request_results_import(municipality=world.municipality, user=world.staff,
                                 upload=SimpleUploadedFile("f.xlsx", data.read()),
                                 dry_run=False)
    world.staff.profile.role = "analyst"
    world.staff.profile.save()
    run_job(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.error, job.file.name) == ("failed", NOT_ALLOWED, "")
    assert not PersonResult.objects.exists()


def test_it_shows_the_job_only_to_the_department(world, diag, login):
    job = ResultsImportJob.objects.create(municipality=world.municipality,
                                          requested_by=world.staff, status="done")
    url = reverse("competence_import_job", args=[job.pk])
    assert login(world.staff).get(url).status_code == 200
    assert login(world.school_user).get(url).status_code == 404
    assert login(world.outsider).get(url).status_code == 404
