"""The life of a background import of expert results: stored, queued, checked or loaded by
the worker with ``diagnostics.imports.tables.import_file`` (all or nothing), reported.

The rows and the job's outcome are committed in one transaction, so a worker that stops
midway leaves nothing half-written; the job then shows as interrupted past the limits of the
diagnostics' imports. The upload, which names people, is removed once the job ends.
"""

import logging

from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from competence.access import may_keep
from competence.imports import SLUG
from competence.models import ResultsImportJob
from diagnostics.imports.base import ImportReport
from diagnostics.imports.tables import import_file
from diagnostics.models import ImportStatus
from teams.models import Municipality

logger = logging.getLogger(__name__)

QUEUE_UNAVAILABLE = ("Очередь фоновых задач недоступна, файл не обработан. Загрузите его "
                     "ещё раз позже.")
INTERNAL_ERROR = ("Внутренняя ошибка при обработке файла, ничего не записано. Загрузите его "
                  "ещё раз; если ошибка повторится, сообщите администратору портала.")
NOT_ALLOWED = ("У учётной записи, с которой загружен файл, больше нет права загружать "
               "результаты; ничего не записано.")
FILE_MISSING = ("Загруженный файл не найден в хранилище, ничего не записано. Загрузите его "
                "ещё раз.")


@transaction.atomic
def create_job(*, municipality: Municipality, user: User, upload: UploadedFile,
               dry_run: bool) -> ResultsImportJob:
    job = ResultsImportJob(municipality=municipality, requested_by=user, dry_run=dry_run,
                           filename=(upload.name or "")[-255:])
    job.file.save(upload.name or "table.xlsx", upload, save=False)
    job.save()
    return job


def fail_job(job: ResultsImportJob, *, error: str) -> None:
    """End the job with ``error`` (nothing was written) and remove its upload."""
    name = job.file.name
    ResultsImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.FAILED, error=error, file="", finished_at=timezone.now())
    _discard(name)


def run_job(*, job_id: int) -> None:
    """Check or load a queued job's file and record the outcome with the rows."""
    claimed = ResultsImportJob.objects.filter(
        pk=job_id, status=ImportStatus.QUEUED).exclude(file="").update(
        status=ImportStatus.RUNNING, started_at=timezone.now())
    if not claimed:
        return
    job = ResultsImportJob.objects.select_related("municipality", "requested_by").get(
        pk=job_id)
    user = job.requested_by
    if user is None or not may_keep(user, job.municipality_id):
        fail_job(job, error=NOT_ALLOWED)
        return
    name = job.file.name
    try:
        with transaction.atomic():
            report = _run(job, user)
            ResultsImportJob.objects.filter(pk=job.pk).update(
                status=ImportStatus.DONE, report=report.as_dict(), file="",
                finished_at=timezone.now())
    except FileNotFoundError:
        fail_job(job, error=FILE_MISSING)
    except Exception:
        logger.exception("Competence results import job %s failed", job_id)
        fail_job(job, error=INTERNAL_ERROR)
    else:
        _discard(name)


def _run(job: ResultsImportJob, user: User) -> ImportReport:
    with job.file.open("rb") as upload:
        return import_file(SLUG, municipality=job.municipality, file=upload,
                           dry_run=job.dry_run, imported_by=user)


def job_report(job: ResultsImportJob) -> ImportReport | None:
    return ImportReport.from_dict(job.report) if job.report else None


def _discard(name: str) -> None:
    if name:
        try:
            default_storage.delete(name)
        except OSError:
            logger.warning("Could not remove the upload %s", name)
