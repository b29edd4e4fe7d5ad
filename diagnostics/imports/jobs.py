"""The life of an import job: uploaded, queued, checked or loaded by the worker, reported.

The upload request only stores the file and records the job (``diagnostics/tasks.py`` puts
it on the queue), so it answers at once whatever the file's size. The worker runs the same
engine as the command line, all or nothing: the rows and the job's «завершена» are
committed in one transaction, so a worker killed mid-import leaves nothing half-written
and the job still running, to be shown interrupted past its limit and given up by the
cleanup schedule.

While the job runs its counts cannot go through the database — the rows it writes wait in
that transaction, which a progress update would join — so the worker leaves them in a
small file next to the upload, in the storage both the web and the worker read; the page
reads them from there. A finished job keeps its counts and row report; the upload, which
may name people, is removed.
"""

import datetime
import json
import logging
import os
import tempfile
from datetime import timedelta
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from diagnostics.access import may_load_table
from diagnostics.imports.base import ImportReport
from diagnostics.imports.tables import REGISTERED, import_file
from diagnostics.models import (
    INTERRUPTED,
    DiagnosticRound,
    ImportJob,
    ImportStatus,
    ImportTable,
    import_limits,
)
from internships.models import Period
from teams.access import has_role
from teams.models import Municipality, Role

logger = logging.getLogger(__name__)

UPLOADS_FOLDER = "imports"
PROGRESS_SUFFIX = ".progress.json"

QUEUE_UNAVAILABLE = ("Очередь фоновых задач недоступна, файл не обработан. Загрузите его "
                     "ещё раз позже.")
INTERNAL_ERROR = ("Внутренняя ошибка при обработке файла, ничего не записано. Загрузите его "
                  "ещё раз; если ошибка повторится, сообщите администратору портала.")
TIME_LIMIT_EXCEEDED = ("Файл обрабатывался дольше отведённого времени и остановлен, ничего "
                       "не записано. Разделите таблицу на части и загрузите их по очереди.")
FILE_MISSING = ("Загруженный файл не найден в хранилище, ничего не записано. Загрузите его "
                "ещё раз.")
NOT_ALLOWED = ("У учётной записи, с которой загружен файл, больше нет права загружать эту "
               "таблицу; ничего не записано.")
OPTION_GONE = ("{what}, выбранная при загрузке, удалена; ничего не записано. Загрузите файл "
               "ещё раз.")


class JobRefused(Exception):
    """The job cannot run as it was ordered; ``reason`` is said to the user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def create_job(*, table: str, municipality: Municipality, user: User, upload: UploadedFile,
               dry_run: bool, options: dict) -> ImportJob:
    """Store the upload and record a queued job; ``diagnostics.tasks.request_import`` also
    hands it to the queue. ``options`` are the form's: a period, a date, a round."""
    job = ImportJob(municipality=municipality, table=ImportTable(table), dry_run=dry_run,
                    requested_by=user, filename=(upload.name or "")[-255:],
                    options=_stored_options(options))
    job.file.save(upload.name or "table.xlsx", upload, save=False)
    job.save()
    return job


def _stored_options(options: dict) -> dict:
    stored = {}
    for key, value in options.items():
        if isinstance(value, datetime.date):
            stored[key] = value.isoformat()
        elif value is not None:
            stored[key] = value.pk
    return stored


def fail_unqueued(job: ImportJob, error: Exception) -> None:
    """The queue refused the job: it fails with the reason, and its upload goes."""
    logger.warning("Import job %s could not be queued: %s", job.pk, error)
    _finish_failed(job, attempt=None, error=QUEUE_UNAVAILABLE)


def _claim(job_id: int) -> int | None:
    """Take the job for this worker; the attempt number, or None when it is not ours to run
    (one conditional UPDATE, so two deliveries of one message never both run it)."""
    now = timezone.now()
    _, running_limit = import_limits()
    claimable = Q(status=ImportStatus.QUEUED) | Q(status=ImportStatus.RUNNING,
                                                  started_at__lt=now - running_limit)
    with transaction.atomic():
        claimed = ImportJob.objects.filter(claimable, pk=job_id).exclude(file="").update(
            status=ImportStatus.RUNNING, started_at=now, finished_at=None,
            attempts=F("attempts") + 1, rows_total=0, rows_checked=0, rows_written=0)
        if not claimed:
            return None
        return ImportJob.objects.values_list("attempts", flat=True).get(pk=job_id)


def _mine(job: ImportJob, attempt: int | None):
    """The job's row while this attempt still owns it (None: while nobody finished it)."""
    rows = ImportJob.objects.filter(pk=job.pk)
    if attempt is None:
        return rows.filter(status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING])
    return rows.filter(status=ImportStatus.RUNNING, attempts=attempt)


def run_import_job(*, job_id: int) -> None:
    """Check or load a queued job's file and record the outcome."""
    attempt = _claim(job_id)
    if attempt is None:
        return
    job = ImportJob.objects.select_related("municipality", "requested_by").get(pk=job_id)
    try:
        with transaction.atomic():
            report = _run(job)
            finished = _mine(job, attempt).update(
                status=ImportStatus.DONE, report=report.as_dict(), rows_total=report.rows,
                rows_checked=report.rows,
                rows_written=report.created + report.updated if report.written else 0,
                error="", file="", finished_at=timezone.now())
            if not finished:
                # The job was given up meanwhile: it said «ничего не записано», so nothing is.
                transaction.set_rollback(True)
    except JobRefused as refusal:
        _finish_failed(job, attempt=attempt, error=refusal.reason)
    except SoftTimeLimitExceeded:
        _finish_failed(job, attempt=attempt, error=TIME_LIMIT_EXCEEDED)
    except Exception:
        logger.exception("Import job %s failed", job_id)
        _finish_failed(job, attempt=attempt, error=INTERNAL_ERROR)
    else:
        _discard_upload(job.file.name)


def _run(job: ImportJob) -> ImportReport:
    options = _table_options(job)
    try:
        upload = job.file.open("rb")
    except FileNotFoundError as error:
        raise JobRefused(FILE_MISSING) from error
    with upload:
        return import_file(job.table, municipality=job.municipality, file=upload,
                           dry_run=job.dry_run, progress=progress_recorder(job), **options)


def _table_options(job: ImportJob) -> dict:
    """What ``import_file`` takes for the job: the form's choices, and the user's part —
    who entered diagnoses, whose people may be loaded — as the user's roles stand now (a
    registered table: as its app's ``may_load`` says)."""
    user = job.requested_by
    if user is None or not may_load_table(user, job.table, job.municipality_id):
        raise JobRefused(NOT_ALLOWED)
    options: dict = {}
    stored = job.options
    if "period" in stored:
        options["period"] = _chosen(Period.objects.filter(
            pk=stored["period"], programme__municipality=job.municipality), "Учебный год")
    if "diagnostic_round" in stored:
        options["diagnostic_round"] = _chosen(DiagnosticRound.objects.filter(
            pk=stored["diagnostic_round"], programme__municipality=job.municipality),
            "Диагностика")
    if "as_of" in stored:
        options["as_of"] = datetime.date.fromisoformat(stored["as_of"])
    if job.table == ImportTable.DIAGNOSES:
        options["entered_by"] = user
        if not has_role(user, Role.STAFF):
            options["curated_by"] = user
    if job.table == ImportTable.TEACHERS or job.table in REGISTERED:
        options["imported_by"] = user
    return options


def _chosen(found, what: str):
    chosen = found.first()
    if chosen is None:
        raise JobRefused(OPTION_GONE.format(what=what))
    return chosen


def _finish_failed(job: ImportJob, *, attempt: int | None, error: str) -> None:
    if _mine(job, attempt).update(status=ImportStatus.FAILED, error=error, file="",
                                  finished_at=timezone.now()):
        _discard_upload(job.file.name)


# --- Progress while the job runs -------------------------------------------------------------

def _progress_path(upload_name: str) -> Path:
    return Path(default_storage.path(upload_name + PROGRESS_SUFFIX))


def progress_recorder(job: ImportJob):
    """A ``progress(checked, accepted, total)`` for the engine that rewrites the job's
    progress file whole (a reader never sees half of it)."""
    path = _progress_path(job.file.name)

    def record(checked: int, accepted: int, total: int) -> None:
        try:
            handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".progress-")
            with os.fdopen(handle, "w") as output:
                json.dump({"checked": checked, "accepted": accepted, "total": total}, output)
            os.replace(temp, path)
        except OSError:
            # The bar stands still; the import itself goes on.
            logger.warning("Import job %s: could not record progress", job.pk, exc_info=True)

    return record


def progress_of(job: ImportJob) -> dict[str, int]:
    """The running job's counts so far: rows checked, accepted for writing, in the table."""
    counts = {"checked": job.rows_checked, "accepted": job.rows_written,
              "total": job.rows_total}
    if job.status != ImportStatus.RUNNING or not job.file.name:
        return counts
    try:
        saved = json.loads(_progress_path(job.file.name).read_text())
    except (OSError, ValueError):
        return counts
    return {key: int(saved.get(key, 0)) for key in counts}


# --- Files and the cleanup schedule ----------------------------------------------------------

def _discard_upload(name: str) -> None:
    if not name:
        return
    for path in (Path(default_storage.path(name)), _progress_path(name)):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            logger.exception("Could not remove %s", path)


def cleanup_import_jobs(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Give up the jobs that lost their worker (with their uploads), forget the finished ones
    after IMPORT_RETENTION_DAYS, remove uploads no job refers to. Returns how many of each."""
    now = now or timezone.now()
    queued_limit, running_limit = import_limits()
    stuck = ImportJob.objects.filter(
        Q(status=ImportStatus.QUEUED, created_at__lt=now - queued_limit)
        | Q(status=ImportStatus.RUNNING, started_at__lt=now - running_limit))
    uploads = dict(stuck.values_list("pk", "file"))
    interrupted = stuck.filter(pk__in=uploads).update(
        status=ImportStatus.FAILED, error=INTERRUPTED, file="", finished_at=now)
    for name in uploads.values():
        _discard_upload(name)
    expired, _ = ImportJob.objects.filter(
        status__in=[ImportStatus.DONE, ImportStatus.FAILED],
        finished_at__lt=now - timedelta(days=settings.IMPORT_RETENTION_DAYS)).delete()
    outcome = {"interrupted": interrupted, "deleted": expired,
               "leftover_files": _remove_leftover_files(older_than=now - timedelta(days=1))}
    if any(outcome.values()):
        logger.info("Import cleanup: %s", outcome)
    return outcome


def _remove_leftover_files(*, older_than: datetime.datetime) -> int:
    """Uploads (and progress files) no waiting or running job refers to, older than a day:
    a younger one may belong to an upload being recorded."""
    folder = Path(settings.MEDIA_ROOT) / UPLOADS_FOLDER
    if not folder.is_dir():
        return 0
    cutoff = older_than.timestamp()
    root = Path(settings.MEDIA_ROOT)
    candidates = {
        path: path.relative_to(root).as_posix().removesuffix(PROGRESS_SUFFIX)
        for path in folder.rglob("*") if path.is_file() and path.stat().st_mtime < cutoff
    }
    referenced = set(ImportJob.objects.filter(file__in=set(candidates.values()))
                     .values_list("file", flat=True))
    removed = 0
    for path, upload in candidates.items():
        if upload not in referenced:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
