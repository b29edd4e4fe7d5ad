"""The life of a report job: ordered, queued, built into a file, downloaded, cleaned up.

A job's file is written under a temporary name next to its final place and moved there
only when complete, so a failed or killed build never leaves a file that looks finished;
the row says «готов» only in the same UPDATE that records the file.
"""

import errno
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
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from internships.models import Period
from registers.products import register_built_handbook
from reports import builders
from reports.errors import BrokerUnavailable, ReportError
from reports.models import (
    APPLICATION_KINDS,
    JobStatus,
    ProducedHandbook,
    ReportJob,
    ReportKind,
    report_path,
)
from teams.models import Municipality

logger = logging.getLogger(__name__)

EXTENSIONS = {
    ReportKind.INDICATORS: "xlsx",
    ReportKind.MONITORING: "pdf",
    ReportKind.HANDBOOK: "pdf",
    ReportKind.APPLICATION_PDF: "pdf",
    ReportKind.APPLICATION_DOCX: "docx",
    ReportKind.CONTEST_PDF: "pdf",
    ReportKind.CONTEST_XLSX: "xlsx",
    ReportKind.JOINT_REPORT: "pdf",
    ReportKind.ASPECT_MAP_XLSX: "xlsx",
    ReportKind.ASPECT_MAP_PDF: "pdf",
}
PART_SUFFIX = ".part"
REPORTS_FOLDER = "reports"

QUEUE_UNAVAILABLE = "Очередь фоновых задач недоступна, повторите запрос позже."
INTERNAL_ERROR = "Внутренняя ошибка при формировании отчёта. Закажите отчёт ещё раз; если " \
    "ошибка повторится, сообщите администратору портала."
TIME_LIMIT_EXCEEDED = "Превышено время формирования отчёта."
STORAGE_ERROR = "Не удалось записать файл отчёта: хранилище файлов недоступно."
DATABASE_ERROR = "Не удалось сформировать отчёт: база данных портала недоступна. Закажите " \
    "отчёт ещё раз позже; если ошибка повторится, сообщите администратору портала."
INTERRUPTED = "Формирование прервано: фоновый обработчик остановился. Закажите отчёт ещё раз."
NEVER_STARTED = "Задача не была взята в работу: фоновый обработчик не запущен. " \
    "Закажите отчёт ещё раз."

# Errors that may pass by themselves: the database restarting or out of reach, a disk
# that fails, fills up or is remounted. The task retries them with backoff before giving
# up; any other error (a constraint, a bad query, a missing file) fails the job at once.
TRANSIENT_DATABASE_ERRORS = (OperationalError, InterfaceError)
TRANSIENT_ERRNOS = frozenset({
    errno.EIO, errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.ESTALE, errno.EAGAIN,
    errno.EBUSY, errno.EINTR, errno.ETIMEDOUT,
})
RETRY_STAGE = "Повтор после сбоя"


def is_transient(error: BaseException) -> bool:
    if isinstance(error, TRANSIENT_DATABASE_ERRORS):
        return True
    return isinstance(error, OSError) and error.errno in TRANSIENT_ERRNOS


class RetryLater(Exception):
    """A transient failure: the task should run the job again later.

    ``attempt`` is the attempt that failed (None when the job was never claimed): its
    retry may take the job even if the failure left it «формируется».
    """

    def __init__(self, attempt: int | None):
        super().__init__(f"retry after attempt {attempt}")
        self.attempt = attempt

# Progress is written at most this often unless it grew by PROGRESS_STEP percent.
PROGRESS_INTERVAL_SECONDS = 1.0
PROGRESS_STEP = 5

ProgressCallback = Callable[[int, str], None]


def create_job(*, municipality: Municipality, kind: str, period: Period | None,
               requested_by: User | None, parameters: dict | None = None) -> ReportJob:
    """Record a queued job; ``reports.tasks.request_report`` also hands it to the queue.
    An application export's ``parameters["version"]`` is also kept as its version, a joint
    report's ``parameters["joint_report"]`` as its report."""
    parameters = parameters or {}
    return ReportJob.objects.create(
        municipality=municipality, kind=kind, period=period,
        requested_by=requested_by, parameters=parameters,
        application_version_id=parameters.get("version") if kind in APPLICATION_KINDS
        else None,
        joint_report_id=parameters.get("joint_report") if kind == ReportKind.JOINT_REPORT
        else None,
    )


def pending_same_job(*, municipality: Municipality, kind: str, period: Period | None,
                     parameters: dict) -> ReportJob | None:
    """A job of the same report still queued or being built, if there is one; a job that
    has waited or run longer than a worker would allow it is not counted on."""
    cutoff = timezone.now() - stale_after()
    candidates = ReportJob.objects.filter(
        Q(status=JobStatus.QUEUED, created_at__gte=cutoff)
        | Q(status=JobStatus.RUNNING, started_at__gte=cutoff),
        municipality=municipality, kind=kind, period=period,
    ).order_by("created_at", "pk")
    # Parameters are compared in Python: JSON equality in SQL differs between databases.
    return next((job for job in candidates if job.parameters == parameters), None)


def fail_unqueued(job: ReportJob, error: Exception) -> None:
    """The queue refused the job: mark it failed and tell the caller in Russian."""
    logger.warning("Report job %s could not be queued: %s", job.pk, error)
    _finish_failed(job.pk, attempt=None, error=QUEUE_UNAVAILABLE)
    raise BrokerUnavailable(QUEUE_UNAVAILABLE) from error


def stale_after() -> timedelta:
    """A running job older than this has lost its worker: Celery would have stopped it."""
    return timedelta(seconds=settings.REPORT_TIME_LIMIT) + timedelta(
        minutes=settings.REPORT_STALE_MARGIN_MINUTES
    )


def _claim(job_id: int, *, retry_of: int | None = None) -> int | None:
    """Take the job for this worker; the attempt number, or None when it is not ours to run.

    One conditional UPDATE, so two deliveries of the same message never both build.
    A job running for longer than any worker may run is taken over. The retry of attempt
    ``retry_of`` also takes the job as that attempt left it: when the database was down,
    the failed attempt could not put it back in the queue.
    """
    now = timezone.now()
    claimable = Q(status=JobStatus.QUEUED) | Q(
        status=JobStatus.RUNNING, started_at__lt=now - stale_after()
    )
    if retry_of is not None:
        claimable |= Q(status=JobStatus.RUNNING, attempts=retry_of)
    # Both statements or neither: a claim whose number was never read would be lost.
    with transaction.atomic():
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


def run_report_job(*, job_id: int, final_attempt: bool = True,
                   retry_of: int | None = None) -> None:
    """Build a queued job's file and record the outcome; a job that is done stays as it is.

    A transient failure (database, disk) puts the job back in the queue and raises
    ``RetryLater`` for the task to retry, unless this is the last attempt: then the job
    fails with a reason that names what was unavailable.
    """
    try:
        attempt = _claim(job_id, retry_of=retry_of)
    except TRANSIENT_DATABASE_ERRORS as error:
        _after_transient_failure(job_id, attempt=retry_of, claimed=False, error=error,
                                 final_attempt=final_attempt)
        return
    if attempt is None:
        return
    try:
        _build(job_id, attempt)
    except ReportError as error:
        _record_failure(job_id, attempt=attempt, error=error.message)
    except SoftTimeLimitExceeded:
        _record_failure(job_id, attempt=attempt, error=TIME_LIMIT_EXCEEDED)
    except Exception as error:
        if not is_transient(error):
            logger.exception("Report job %s failed", job_id)
            _record_failure(job_id, attempt=attempt, error=INTERNAL_ERROR)
            return
        _after_transient_failure(job_id, attempt=attempt, claimed=True, error=error,
                                 final_attempt=final_attempt)


def _build(job_id: int, attempt: int) -> None:
    """Build the file under a temporary name, move it into place, then mark the job done.

    Whatever stops it on the way (an error, a time limit, a shutdown) leaves no file.
    """
    job = ReportJob.objects.select_related("municipality", "period").get(pk=job_id)
    name = final_name(job)
    final_path = Path(default_storage.path(name))
    final_path.parent.mkdir(parents=True, exist_ok=True)
    # Same folder as the final file, so the move is an atomic rename.
    handle, temp = tempfile.mkstemp(dir=final_path.parent, prefix=f".{job.pk}-",
                                    suffix=PART_SUFFIX)
    os.close(handle)
    temp_path = Path(temp)
    moved = False
    try:
        # mkstemp makes the file private to this user; the web server may run as another.
        if default_storage.file_permissions_mode is not None:
            os.chmod(temp_path, default_storage.file_permissions_mode)
        filename = build_to_file(
            kind=job.kind, municipality=job.municipality, period=job.period,
            parameters=job.parameters, output=temp_path,
            progress=progress_recorder(job.pk, attempt),
        )
        _sync(temp_path)
        os.replace(temp_path, final_path)
        moved = True
        _sync(final_path.parent)
        recorded = _record_done(job, attempt=attempt, name=name, filename=filename)
    except BaseException:
        # Interrupted (worker shutdown, SystemExit) too: leave no file, and let the
        # cleanup schedule or a redelivery decide the job's fate.
        _discard(temp_path)
        if moved:
            _discard(final_path)
        raise
    if not recorded and not ReportJob.objects.filter(pk=job.pk, status=JobStatus.DONE).exists():
        # The cleanup gave the job up while it was building: its file must not linger.
        _discard(final_path)


def _record_done(job: ReportJob, *, attempt: int, name: str, filename: str) -> bool:
    """Mark the job done with its file, if this attempt still owns it; a finished handbook
    is recorded as its year's, once."""
    now = timezone.now()
    with transaction.atomic():
        recorded = _mine(job.pk, attempt).update(
            status=JobStatus.DONE, file=name, filename=filename[:255], progress=100,
            stage="Готово", finished_at=now, error="",
        )
        if recorded and job.kind == ReportKind.HANDBOOK and job.period_id is not None:
            record_produced_handbook(period_id=job.period_id, at=now)
    return bool(recorded)


def record_produced_handbook(*, period_id: int, at) -> None:
    """The year's handbook is produced, whether a job or the ``build_report`` command
    built it; a year has one, however often it is built again, and it stands in the
    register of products, where the «методических пособий» indicator counts it."""
    with transaction.atomic():
        ProducedHandbook.objects.get_or_create(period_id=period_id,
                                               defaults={"produced_at": at})
        register_built_handbook(period=Period.objects.select_related("programme")
                                .get(pk=period_id), at=at)


def _record_failure(job_id: int, *, attempt: int | None, error: str,
                    claimed: bool = True) -> None:
    """Mark the job failed; if even that cannot reach the database, the cleanup schedule
    gives the job up later. A job this task could not claim is failed only as its last
    attempt left it: queued, or still running under that attempt's number."""
    try:
        if claimed:
            _finish_failed(job_id, attempt=attempt, error=error)
        else:
            left = Q(status=JobStatus.QUEUED)
            if attempt is not None:
                left |= Q(status=JobStatus.RUNNING, attempts=attempt)
            ReportJob.objects.filter(left, pk=job_id).update(
                status=JobStatus.FAILED, error=error, file="", finished_at=timezone.now())
    except DatabaseError:
        logger.exception("Report job %s: could not record its failure", job_id)
        _drop_broken_connection()


def _after_transient_failure(job_id: int, *, attempt: int | None, claimed: bool,
                             error: Exception, final_attempt: bool) -> None:
    logger.warning("Report job %s: transient failure on attempt %s", job_id, attempt,
                   exc_info=error)
    _drop_broken_connection()
    if final_attempt:
        _record_failure(job_id, attempt=attempt, claimed=claimed,
                        error=DATABASE_ERROR if isinstance(error, DatabaseError)
                        else STORAGE_ERROR)
        return
    if claimed:
        try:
            _mine(job_id, attempt).update(status=JobStatus.QUEUED, stage=RETRY_STAGE)
        except DatabaseError:
            # The retry takes the job by its attempt number (see _claim).
            logger.warning("Report job %s: left running for its retry", job_id)
            _drop_broken_connection()
    raise RetryLater(attempt) from error


def _drop_broken_connection() -> None:
    """Close the database connection if a failure left it unusable, so that the next
    query opens a new one.

    Django checks its connections only between requests and tasks; the job writes its
    outcome within the same task. A connection inside an outer transaction cannot be
    replaced, so it is left alone.
    """
    if not connection.in_atomic_block:
        connection.close_if_unusable_or_obsolete()


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
