"""Background tasks of the diagnostics app: thin wrappers over diagnostics/imports/jobs.py,
and ``request_import``, which stores an upload as a job and puts it on the queue."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerOperationalError

from diagnostics.imports import jobs
from diagnostics.models import ImportJob
from teams.models import Municipality


@shared_task(
    name="diagnostics.run_import",
    # The job's state lives in ImportJob; nothing waits on Celery's result store.
    ignore_result=True,
    # Acknowledged only once done: a worker that dies with the whole process leaves the
    # message to be delivered again, and a job past its limit is then taken over.
    acks_late=True,
    soft_time_limit=settings.IMPORT_SOFT_TIME_LIMIT,
    time_limit=settings.IMPORT_TIME_LIMIT,
)
def run_import(job_id: int) -> None:
    jobs.run_import_job(job_id=job_id)


@shared_task(name="diagnostics.cleanup_imports", ignore_result=True)
def cleanup_imports() -> None:
    jobs.cleanup_import_jobs()


def request_import(*, table: str, municipality: Municipality, user: User,
                   upload: UploadedFile, dry_run: bool, options: dict) -> ImportJob:
    """Store the upload as a queued job and hand it to the queue once the row is committed.

    When the queue cannot take it the job fails at once with the reason, which its page
    shows.
    """
    with transaction.atomic():
        job = jobs.create_job(table=table, municipality=municipality, user=user,
                              upload=upload, dry_run=dry_run, options=options)
        transaction.on_commit(lambda: _enqueue(job))
    return job


def _enqueue(job: ImportJob) -> None:
    try:
        # A down broker should answer the person in seconds, not after Celery's default
        # publishing retries.
        run_import.apply_async(
            args=[job.pk], retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.5,
                          "interval_max": 1},
        )
    except (BrokerOperationalError, ConnectionError) as error:
        jobs.fail_unqueued(job, error)
