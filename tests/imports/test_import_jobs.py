"""Every upload runs as a background job: the request stores the file and answers at once,
the worker checks or loads it all or nothing with progress, and a job that fails or loses
its worker ends failed with a Russian reason and nothing written."""

import datetime
import time
from pathlib import Path

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerOperationalError

from diagnostics import tasks
from diagnostics.imports import base, jobs
from diagnostics.imports.job_reads import job_state
from diagnostics.imports.staffing import StaffingImport
from diagnostics.imports.tables import REGISTERED, TABLES
from diagnostics.models import INTERRUPTED, ImportJob, ImportStatus, ImportTable, Staffing
from teams.models import Organization, Role
from tests.imports.workbooks import table_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STAFFING = ["Организация", "Всего", "Без категории", "Первая категория", "Высшая категория"]
GOOD = [("СОШ № 1", 10, 2, 4, 4), ("Гимназия № 2", 20, 5, 10, 5)]


def _upload(rows=GOOD, headers=STAFFING, name="kadry.xlsx"):
    return SimpleUploadedFile(name, table_workbook(headers, list(rows)).getvalue(),
                              content_type=XLSX)


def _post(client, capture, *, rows=GOOD, button="load", run=True, url="import_staffing",
          headers=STAFFING):
    """Post the form; with ``run`` the job's queued task runs (eagerly) after the request."""
    with capture(execute=run):
        response = client.post(reverse(url), {"file": _upload(rows, headers), button: "1",
                                              "as_of": "2022-01-10"})
    return response


def _uploads() -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / jobs.UPLOADS_FOLDER
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_it_answers_the_upload_at_once_and_leaves_the_rows_to_the_worker(
        world, as_role, django_capture_on_commit_callbacks):
    client = as_role("staff")
    response = _post(client, django_capture_on_commit_callbacks, run=False)
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("import_job", args=[job.pk])
    assert (job.status, job.table, job.dry_run, job.requested_by) == (
        ImportStatus.QUEUED, "staffing", False, world.staff)
    assert job.filename == "kadry.xlsx"
    assert _uploads() == [Path(settings.MEDIA_ROOT) / job.file.name]
    assert Staffing.objects.count() == 0
    page = client.get(response["Location"]).content.decode()
    assert "в очереди" in page and "Файл ждёт фонового обработчика." in page

    jobs.run_import_job(job_id=job.pk)

    job.refresh_from_db()
    assert (job.status, job.rows_total, job.rows_checked, job.rows_written) == (
        ImportStatus.DONE, 2, 2, 2)
    assert Staffing.objects.filter(as_of=datetime.date(2022, 1, 10)).count() == 2
    # The upload may name people: it goes once the job is over.
    assert job.file.name == "" and _uploads() == []
    page = client.get(reverse("import_job", args=[job.pk])).content.decode()
    assert "Загружено: новых — 2, обновлено — 0, пропущено строк — 0." in page


def test_it_keeps_the_row_report_of_a_refused_file(world, as_role,
                                                   django_capture_on_commit_callbacks):
    client = as_role("staff")
    response = _post(client, django_capture_on_commit_callbacks,
                     rows=[*GOOD, ("СОШ № 99", 1, 1, 0, 0)])
    job = ImportJob.objects.get()
    assert (job.status, job.rows_checked, job.rows_written) == (ImportStatus.DONE, 3, 0)
    assert Staffing.objects.count() == 0
    page = client.get(response["Location"]).content.decode()
    assert "Ничего не записано: строк с ошибками — 1" in page
    assert "<td class=\"text-end\">4</td><td>A · Организация</td>" in page


def test_it_checks_a_file_in_the_background_writing_nothing(
        world, as_role, django_capture_on_commit_callbacks):
    _post(as_role("staff"), django_capture_on_commit_callbacks, button="check")
    job = ImportJob.objects.get()
    assert (job.dry_run, job.status, job.rows_checked, job.rows_written) == (
        True, ImportStatus.DONE, 2, 0)
    assert Staffing.objects.count() == 0


def test_it_refuses_a_hostile_file_in_the_form_without_a_job(
        world, as_role, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_role("staff").post(reverse("import_organizations"), {
            "file": SimpleUploadedFile("a.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
            "load": "1"})
    assert response.status_code == 200
    assert "Файл не принят. Это файл старого формата Excel (.xls)" in response.content.decode()
    assert not ImportJob.objects.exists() and _uploads() == []


def test_it_shows_rows_checked_and_accepted_while_the_worker_runs(
        world, as_role, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(base, "PROGRESS_EVERY_ROWS", 1)
    seen = []

    def finish(table):
        job = ImportJob.objects.get()
        seen.append(job_state(job))

    monkeypatch.setattr(StaffingImport, "finish", finish)
    _post(as_role("staff"), django_capture_on_commit_callbacks)
    (state,) = seen
    assert (state["status"], state["finished"]) == ("running", False)
    assert (state["rows_checked"], state["rows_written"], state["rows_total"]) == (2, 2, 2)
    assert state["percent"] == 99
    assert state["stage"] == "Проверено строк: 2 из 2."


def test_it_reports_the_progress_as_json(world, as_role, django_capture_on_commit_callbacks):
    client = as_role("staff")
    _post(client, django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    response = client.get(reverse("import_job_status", args=[job.pk]))
    assert response["Cache-Control"] == "no-store"
    assert response.json() == {
        "id": job.pk, "status": "done", "status_label": "завершена", "finished": True,
        "rows_total": 2, "rows_checked": 2, "rows_written": 2, "percent": 100, "stage": "",
        "error": "",
    }


def test_it_never_runs_a_job_twice(world, as_role, django_capture_on_commit_callbacks):
    _post(as_role("staff"), django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    jobs.run_import_job(job_id=job.pk)
    job.refresh_from_db()
    assert (job.attempts, job.rows_written) == (1, 2)
    assert Staffing.objects.count() == 2


@pytest.mark.parametrize(("error", "reason"), [
    (RuntimeError("a bug"), jobs.INTERNAL_ERROR),
    (SoftTimeLimitExceeded(), jobs.TIME_LIMIT_EXCEEDED),
])
def test_it_fails_with_a_russian_reason_and_writes_nothing(
        world, as_role, django_capture_on_commit_callbacks, monkeypatch, error, reason):
    def finish(table):
        # Every row is in the transaction by now.
        assert Staffing.objects.count() == 2
        raise error

    monkeypatch.setattr(StaffingImport, "finish", finish)
    client = as_role("staff")
    response = _post(client, django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert (job.status, job.error, job.file.name) == (ImportStatus.FAILED, reason, "")
    assert Staffing.objects.count() == 0 and _uploads() == []
    page = client.get(response["Location"]).content.decode()
    assert "ошибка" in page and reason in page


def test_it_leaves_nothing_when_the_worker_stops_mid_import_and_ends_the_job_interrupted(
        world, as_role, django_capture_on_commit_callbacks, monkeypatch):
    def stop(table):
        raise SystemExit("the worker is shut down")

    monkeypatch.setattr(StaffingImport, "finish", stop)
    with pytest.raises(SystemExit):
        _post(as_role("staff"), django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.RUNNING and Staffing.objects.count() == 0
    assert not job.is_interrupted

    ImportJob.objects.filter(pk=job.pk).update(
        started_at=timezone.now() - datetime.timedelta(seconds=settings.IMPORT_TIME_LIMIT,
                                                       minutes=6))
    job.refresh_from_db()
    assert (job.is_interrupted, job.status_label, job.shown_error) == (
        True, "прервана", INTERRUPTED)
    page = as_role("staff").get(reverse("import_job", args=[job.pk])).content.decode()
    assert "прервана" in page and "Ничего не записано — загрузите файл снова." in page

    assert jobs.cleanup_import_jobs()["interrupted"] == 1
    job.refresh_from_db()
    assert (job.status, job.error, job.file.name) == (ImportStatus.FAILED, INTERRUPTED, "")
    assert _uploads() == []


def test_it_shows_a_job_no_worker_takes_as_interrupted_after_its_limit(
        world, as_role, django_capture_on_commit_callbacks):
    _post(as_role("staff"), django_capture_on_commit_callbacks, run=False)
    job = ImportJob.objects.get()
    waited = datetime.timedelta(minutes=settings.IMPORT_QUEUED_LIMIT_MINUTES + 1)
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - waited)
    job.refresh_from_db()
    assert job_state(job)["status"] == "failed"
    assert job_state(job)["error"] == INTERRUPTED
    jobs.cleanup_import_jobs()
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    # A late delivery of its message finds nothing to do.
    jobs.run_import_job(job_id=job.pk)
    assert Staffing.objects.count() == 0


def test_it_fails_a_job_the_queue_refuses(world, as_role, django_capture_on_commit_callbacks,
                                         monkeypatch):
    def refuse(*args, **kwargs):
        raise BrokerOperationalError("connection refused")

    monkeypatch.setattr(tasks.run_import, "apply_async", refuse)
    client = as_role("staff")
    response = _post(client, django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert (job.status, job.error) == (ImportStatus.FAILED, jobs.QUEUE_UNAVAILABLE)
    assert _uploads() == []
    assert jobs.QUEUE_UNAVAILABLE in client.get(response["Location"]).content.decode()


def test_it_refuses_a_job_whose_user_lost_the_right_to_load(
        world, as_role, django_capture_on_commit_callbacks):
    _post(as_role("staff"), django_capture_on_commit_callbacks, run=False)
    world.staff.profile.role = Role.ANALYST
    world.staff.profile.save()
    job = ImportJob.objects.get()
    jobs.run_import_job(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.error) == (ImportStatus.FAILED, jobs.NOT_ALLOWED)
    assert Staffing.objects.count() == 0


def test_it_refuses_a_job_whose_chosen_year_was_deleted(world, as_role,
                                                         django_capture_on_commit_callbacks):
    other_year = world.programme.periods.create(
        title="2022–2023", starts_on=datetime.date(2022, 9, 1),
        ends_on=datetime.date(2023, 8, 31))
    with django_capture_on_commit_callbacks(execute=False):
        as_role("staff").post(reverse("import_indicators"), {
            "file": _upload([("СОШ № 1", 500)], ["Организация", "Обучающихся всего"]),
            "load": "1", "period": other_year.pk})
    other_year.delete()
    job = ImportJob.objects.get()
    jobs.run_import_job(job_id=job.pk)
    job.refresh_from_db()
    assert job.error == jobs.OPTION_GONE.format(what="Учебный год")


def test_it_forgets_old_jobs_and_stray_files_on_cleanup(world, as_role,
                                                      django_capture_on_commit_callbacks):
    _post(as_role("staff"), django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    stray = Path(settings.MEDIA_ROOT) / jobs.UPLOADS_FOLDER / "2020" / "01" / "stray.xlsx"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"PK")
    later = timezone.now() + datetime.timedelta(days=settings.IMPORT_RETENTION_DAYS + 1)
    outcome = jobs.cleanup_import_jobs(now=later)
    assert outcome == {"interrupted": 0, "deleted": 1, "leftover_files": 1}
    assert not ImportJob.objects.filter(pk=job.pk).exists() and not stray.exists()


def test_it_answers_a_ten_thousand_row_upload_at_once_and_loads_it_whole(
        world, as_role, django_capture_on_commit_callbacks):
    rows = [(f"МБОУ «Школа № {n}»", f"Школа № {n}") for n in range(100, 100 + 9_999)]
    upload = SimpleUploadedFile("organizacii.xlsx", table_workbook(
        ["Полное наименование", "Краткое наименование"], rows).getvalue(), content_type=XLSX)
    client = as_role("staff")
    before = Organization.objects.count()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        started = time.monotonic()
        response = client.post(reverse("import_organizations"), {"file": upload, "load": "1"})
        answered_in = time.monotonic() - started
    assert response.status_code == 302
    assert answered_in < 2, f"ответ на загрузку занял {answered_in:.1f} с"
    assert Organization.objects.count() == before

    for run_queued_task in queued:  # what the worker does with the queued job
        run_queued_task()

    job = ImportJob.objects.get()
    assert (job.status, job.rows_total, job.rows_written) == (ImportStatus.DONE, 9_999, 9_999)
    assert Organization.objects.count() == before + 9_999


def test_it_has_a_job_table_for_every_importable_table():
    """The hub's tables and the ones apps above register (the competence results)."""
    assert set(ImportTable.values) == set(TABLES) | set(REGISTERED)
    assert not set(TABLES) & set(REGISTERED)
