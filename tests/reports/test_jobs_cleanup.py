"""The cleanup schedule: old reports go, interrupted builds are given up and swept away."""

import datetime
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from reports import jobs
from reports.models import JobStatus, ReportJob, ReportKind
from tests.reports.jobs_support import report_files


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


NOW = timezone.make_aware(datetime.datetime(2022, 3, 1, 12, 0))
DAY = datetime.timedelta(days=1)


def make_job(world, *, status=JobStatus.DONE, finished_at=None, started_at=None,
             created_at=None, content=b"report") -> ReportJob:
    job = ReportJob.objects.create(municipality=world.municipality, kind=ReportKind.INDICATORS,
                                   period=world.period)
    fields = {"status": status, "finished_at": finished_at, "started_at": started_at}
    if created_at:
        fields["created_at"] = created_at
    if status == JobStatus.DONE:
        name = jobs.final_name(job)
        path = Path(settings.MEDIA_ROOT) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        fields.update(file=name, filename="Отчёт.xlsx")
    if status == JobStatus.FAILED:
        fields["error"] = "Нет данных."
    ReportJob.objects.filter(pk=job.pk).update(**fields)
    job.refresh_from_db()
    return job


def aged_file(path: Path, *, age: datetime.timedelta) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"left over")
    moment = (timezone.now() - age).timestamp()
    os.utime(path, (moment, moment))
    return path


def test_it_deletes_finished_jobs_past_their_retention_with_their_files(
    world, django_capture_on_commit_callbacks
):
    retention = datetime.timedelta(days=settings.REPORT_RETENTION_DAYS)
    old = make_job(world, finished_at=NOW - retention - DAY)
    old_failed = make_job(world, status=JobStatus.FAILED, finished_at=NOW - retention - DAY)
    kept = make_job(world, finished_at=NOW - retention + DAY)
    old_path = Path(old.file.path)

    with django_capture_on_commit_callbacks(execute=True):
        outcome = jobs.cleanup_reports(now=NOW)

    assert outcome["deleted"] == 2
    assert set(ReportJob.objects.values_list("pk", flat=True)) == {kept.pk}
    assert not ReportJob.objects.filter(pk=old_failed.pk).exists()
    assert not old_path.exists()
    assert Path(kept.file.path).exists()


def test_it_gives_up_jobs_whose_worker_is_gone(world):
    lost = make_job(world, status=JobStatus.RUNNING,
                    started_at=NOW - jobs.stale_after() - datetime.timedelta(minutes=1))
    busy = make_job(world, status=JobStatus.RUNNING,
                    started_at=NOW - jobs.stale_after() + datetime.timedelta(minutes=1))

    outcome = jobs.cleanup_reports(now=NOW)

    lost.refresh_from_db()
    busy.refresh_from_db()
    assert outcome["interrupted"] == 1
    assert lost.status == JobStatus.FAILED
    assert lost.error.startswith("Формирование прервано")
    assert lost.file.name == ""
    assert busy.status == JobStatus.RUNNING


def test_it_gives_up_jobs_no_worker_ever_took(world):
    forgotten = make_job(world, status=JobStatus.QUEUED, created_at=NOW - 2 * DAY)
    waiting = make_job(world, status=JobStatus.QUEUED,
                       created_at=NOW - datetime.timedelta(minutes=5))

    jobs.cleanup_reports(now=NOW)

    forgotten.refresh_from_db()
    waiting.refresh_from_db()
    assert forgotten.status == JobStatus.FAILED
    assert forgotten.error.startswith("Задача не была взята в работу")
    assert waiting.status == JobStatus.QUEUED


def test_it_sweeps_leftovers_older_than_a_day_and_nothing_a_job_still_uses(world, media_root):
    folder = Path(media_root) / "reports" / "2022" / "02"
    stale_part = aged_file(folder / ".7-abc.part", age=2 * DAY)
    fresh_part = aged_file(folder / ".8-def.part", age=datetime.timedelta(minutes=10))
    orphan = aged_file(folder / "9-0123456789.xlsx", age=2 * DAY)
    job = make_job(world, finished_at=timezone.now())
    os.utime(job.file.path, ((timezone.now() - 3 * DAY).timestamp(),) * 2)

    outcome = jobs.cleanup_reports()

    assert outcome["leftover_files"] == 2
    assert not stale_part.exists()
    assert not orphan.exists()
    assert fresh_part.exists()
    assert Path(job.file.path).exists()
    assert sorted(report_files(media_root)) == sorted([fresh_part, Path(job.file.path)])


def test_the_cleanup_runs_on_a_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["reports-cleanup"]

    assert entry["task"] == "reports.cleanup_reports"
    assert entry["schedule"] <= 60 * 60
