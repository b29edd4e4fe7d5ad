"""The life of a report job: ordered, queued, built into a file, downloaded, cleaned up.

A job's file is written under a temporary name next to its final place and moved there
only when complete, so a failed or killed build never leaves a file that looks finished;
the row says «готов» only in the same UPDATE that records the file.
"""

import logging
import os
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerOperationalError

from internships.models import Period
from reports import builders
from reports.errors import BrokerUnavailable, ReportError
from reports.models import JobStatus, ReportJob, ReportKind, report_path
from teams.models import Municipality

logger = logging.getLogger(__name__)

EXTENSIONS = {
    ReportKind.INDICATORS: "xlsx",
    ReportKind.MONITORING: "pdf",
    ReportKind.HANDBOOK: "pdf",
}
PART_SUFFIX = ".part"
REPORTS_FOLDER = "reports"

QUEUE_UNAVAILABLE = "Очередь фоновых задач недоступна, повторите запрос позже."
INTERNAL_ERROR = "Внутренняя ошибка при формировании отчёта. Закажите отчёт ещё раз; если " \
    "ошибка повторится, сообщите администратору портала."
TIME_LIMIT_EXCEEDED = "Превышено время формирования отчёта."
STORAGE_ERROR = "Не удалось записать файл отчёта: хранилище файлов недоступно."
INTERRUPTED = "Формирование прервано: фоновый обработчик остановился. Закажите отчёт ещё раз."
NEVER_STARTED = "Задача не была взята в работу: фоновый обработчик не запущен. " \
    "Закажите отчёт ещё раз."

# Errors that may pass by themselves (a database restart, a full or remounted disk):
# the task retries them with backoff before giving up.
TRANSIENT_ERRORS = (DatabaseError, OSError)

# Progress is written at most this often unless it grew by PROGRESS_STEP percent.
PROGRESS_INTERVAL_SECONDS = 1.0
PROGRESS_STEP = 5

ProgressCallback = Callable[[int, str], None]


def request_report(*, municipality: Municipality, kind: str, period: Period | None,
                   requested_by: User | None, parameters: dict | None = None) -> ReportJob:
    """Record a queued job and hand it to the background queue once the row is committed.

    Raises ``BrokerUnavailable`` (the job is then marked failed) when the queue cannot
    take it; called inside an outer transaction, that happens when it commits.
    """
    with transaction.atomic():
        job = ReportJob.objects.create(
            municipality=municipality, kind=kind, period=period,
            requested_by=requested_by, parameters=parameters or {},
        )
        transaction.on_commit(lambda: _enqueue(job))
    job.refresh_from_db()
    return job


def _enqueue(job: ReportJob) -> None:
    from reports.tasks import build_report

    try:
        # A down broker should answer the person in seconds, not after Celery's default
        # publishing retries.
        build_report.apply_async(
            args=[job.pk], retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.5,
                          "interval_max": 1},
        )
    except (BrokerOperationalError, ConnectionError) as error:
        logger.warning("Report job %s could not be queued: %s", job.pk, error)
        _finish_failed(job.pk, attempt=None, error=QUEUE_UNAVAILABLE)
        raise BrokerUnavailable(QUEUE_UNAVAILABLE) from error


def stale_after() -> timedelta:
    """A running job older than this has lost its worker: Celery would have stopped it."""
    return timedelta(seconds=settings.REPORT_TIME_LIMIT) + timedelta(
        minutes=settings.REPORT_STALE_MARGIN_MINUTES
    )


def _claim(job_id: int) -> int | None:
    """Take the job for this worker; the attempt number, or None when it is not ours to run.

    One conditional UPDATE, so two deliveries of the same message never both build.
    A job running for longer than any worker may run is taken over.
    """
    now = timezone.now()
    claimable = Q(status=JobStatus.QUEUED) | Q(
        status=JobStatus.RUNNING, started_at__lt=now - stale_after()
    )
    claimed = ReportJob.objects.filter(claimable, pk=job_id).update(
        status=JobStatus.RUNNING, started_at=now, finished_at=None, progress=0,
        stage="Начато формирование", error="", attempts=F("attempts") + 1,
    )
    if not claimed:
        return None
    return ReportJob.objects.values_list("attempts", flat=True).get(pk=job_id)


def _mine(job_id: int, attempt: int | None):
    """The job's row while this attempt still owns it."""
    rows = ReportJob.objects.filter(pk=job_id)
    if attempt is None:
        return rows.exclude(status__in=[JobStatus.DONE, JobStatus.FAILED])
    return rows.filter(status=JobStatus.RUNNING, attempts=attempt)


def _finish_failed(job_id: int, *, attempt: int | None, error: str) -> None:
    _mine(job_id, attempt).update(
        status=JobStatus.FAILED, error=error, file="", finished_at=timezone.now(),
    )


def progress_recorder(job_id: int, attempt: int) -> ProgressCallback:
    """A ``progress(percent, stage)`` for builders that writes the row now and then."""
    last = {"percent": -PROGRESS_STEP, "at": 0.0, "stage": None}

    def record(percent: int, stage: str) -> None:
        percent = max(0, min(99, int(percent)))
        now = time.monotonic()
        if (percent - last["percent"] < PROGRESS_STEP and stage == last["stage"]
                and now - last["at"] < PROGRESS_INTERVAL_SECONDS):
            return
        last.update(percent=percent, at=now, stage=stage)
        _mine(job_id, attempt).filter(progress__lte=percent).update(
            progress=percent, stage=stage[:200]
        )

    return record


def build_to_file(*, kind: str, municipality: Municipality, period: Period | None,
                  parameters: dict, output: Path, progress: ProgressCallback) -> str:
    """Build a report of this kind into ``output``; the Russian download filename.

    The job and the ``build_report`` command both come here.
    """
    builder = builders.BUILDERS[ReportKind(kind)]
    return builder(municipality=municipality, period=period, parameters=parameters,
                   output=output, progress=progress)


def final_name(job: ReportJob) -> str:
    """The job's file name in the storage; the same on every attempt, so one job has one file."""
    return report_path(job, f"report.{EXTENSIONS[ReportKind(job.kind)]}")


def run_report_job(*, job_id: int, final_attempt: bool = True) -> None:
    """Build a queued job's file and record the outcome; a job that is done stays as it is.

    Transient failures (database, file system) put the job back in the queue and are
    raised for the task to retry, unless this is the last attempt: then the job fails.
    """
    attempt = _claim(job_id)
    if attempt is None:
        return
    job = ReportJob.objects.select_related("municipality", "period").get(pk=job_id)
    name = final_name(job)
    final_path = Path(default_storage.path(name))
    final_path.parent.mkdir(parents=True, exist_ok=True)
    # Same folder as the final file, so the move is an atomic rename.
    handle, temp = tempfile.mkstemp(dir=final_path.parent, prefix=f".{job.pk}-",
                                    suffix=PART_SUFFIX)
    os.close(handle)
    temp_path = Path(temp)
    # mkstemp makes the file private to this user; the web server may run as another.
    if default_storage.file_permissions_mode is not None:
        os.chmod(temp_path, default_storage.file_permissions_mode)
    try:
        filename = build_to_file(
            kind=job.kind, municipality=job.municipality, period=job.period,
            parameters=job.parameters, output=temp_path,
            progress=progress_recorder(job.pk, attempt),
        )
        _sync(temp_path)
        os.replace(temp_path, final_path)
        _sync(final_path.parent)
    except ReportError as error:
        _discard(temp_path)
        _finish_failed(job.pk, attempt=attempt, error=error.message)
        return
    except SoftTimeLimitExceeded:
        _discard(temp_path)
        _finish_failed(job.pk, attempt=attempt, error=TIME_LIMIT_EXCEEDED)
        return
    except TRANSIENT_ERRORS:
        _discard(temp_path)
        logger.exception("Report job %s: transient failure on attempt %s", job.pk, attempt)
        if final_attempt:
            _finish_failed(job.pk, attempt=attempt, error=STORAGE_ERROR)
            return
        _mine(job.pk, attempt).update(status=JobStatus.QUEUED, stage="Повтор после сбоя")
        raise
    except Exception:
        _discard(temp_path)
        logger.exception("Report job %s failed", job.pk)
        _finish_failed(job.pk, attempt=attempt, error=INTERNAL_ERROR)
        return
    except BaseException:
        # Interrupted (worker shutdown, SystemExit): leave no file, and let the
        # cleanup schedule or a redelivery decide the job's fate.
        _discard(temp_path)
        raise
    recorded = _mine(job.pk, attempt).update(
        status=JobStatus.DONE, file=name, filename=filename[:255], progress=100,
        stage="Готово", finished_at=timezone.now(), error="",
    )
    if not recorded and not ReportJob.objects.filter(pk=job.pk, status=JobStatus.DONE).exists():
        # The cleanup gave the job up while it was building: its file must not linger.
        _discard(final_path)


def _sync(path: Path) -> None:
    """Flush a file (or a folder's entry list) to disk before the job says «готов»."""
    flags = os.O_RDONLY
    if path.is_dir():
        flags |= getattr(os, "O_DIRECTORY", 0)
    descriptor = os.open(path, flags)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _discard(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        logger.exception("Could not remove %s", path)


def cleanup_reports(*, now=None) -> dict[str, int]:
    """Forget old finished jobs with their files, give up on jobs whose worker is gone,
    remove leftovers of interrupted builds. Returns how many of each were handled."""
    now = now or timezone.now()
    interrupted = ReportJob.objects.filter(
        status=JobStatus.RUNNING, started_at__lt=now - stale_after()
    ).update(status=JobStatus.FAILED, error=INTERRUPTED, file="", finished_at=now)
    never_started = ReportJob.objects.filter(
        status=JobStatus.QUEUED,
        created_at__lt=now - timedelta(hours=settings.REPORT_QUEUED_EXPIRY_HOURS),
    ).update(status=JobStatus.FAILED, error=NEVER_STARTED, file="", finished_at=now)

    expired = ReportJob.objects.filter(
        status__in=[JobStatus.DONE, JobStatus.FAILED],
        finished_at__lt=now - timedelta(days=settings.REPORT_RETENTION_DAYS),
    )
    expired_files = [name for name in expired.values_list("file", flat=True) if name]
    with transaction.atomic():
        deleted, _ = expired.delete()
        transaction.on_commit(lambda: [default_storage.delete(name) for name in expired_files])

    leftovers = _remove_leftover_files(older_than=now - timedelta(days=1))
    outcome = {"interrupted": interrupted, "never_started": never_started,
               "deleted": deleted, "leftover_files": leftovers}
    if any(outcome.values()):
        logger.info("Report cleanup: %s", outcome)
    return outcome


def _remove_leftover_files(*, older_than) -> int:
    """Temporary files of interrupted builds and files no job refers to any more.

    Only files older than a day: a younger one may belong to a build in progress.
    """
    folder = Path(settings.MEDIA_ROOT) / REPORTS_FOLDER
    if not folder.is_dir():
        return 0
    cutoff = older_than.timestamp()
    candidates = [path for path in folder.rglob("*")
                  if path.is_file() and path.stat().st_mtime < cutoff]
    if not candidates:
        return 0
    root = Path(settings.MEDIA_ROOT)
    referenced = set(
        ReportJob.objects.filter(
            file__in=[path.relative_to(root).as_posix() for path in candidates]
        ).values_list("file", flat=True)
    )
    removed = 0
    for path in candidates:
        if path.relative_to(root).as_posix() not in referenced:
            _discard(path)
            removed += 1
    return removed
