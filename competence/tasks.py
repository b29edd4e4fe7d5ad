"""Background tasks of person diagnostics: a thin wrapper over competence/import_jobs.py, and
``request_results_import``, which stores an upload as a job and puts it on the queue."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerOperationalError

from competence import import_jobs
from competence.models import ResultsImportJob
from teams.models import Municipality


@shared_task(name="competence.run_results_import", ignore_result=True, acks_late=True,
             soft_time_limit=settings.IMPORT_SOFT_TIME_LIMIT,
             time_limit=settings.IMPORT_TIME_LIMIT)
def run_results_import(job_id: int) -> None:
    import_jobs.run_job(job_id=job_id)


def request_results_import(*, municipality: Municipality, user: User, upload: UploadedFile,
                           dry_run: bool) -> ResultsImportJob:
    """Store the upload as a queued job, handed to the queue once the row is committed; when
    the queue cannot take it the job fails at once with the reason its page shows."""
    with transaction.atomic():
        job = import_jobs.create_job(municipality=municipality, user=user, upload=upload,
                                     dry_run=dry_run)
        transaction.on_commit(lambda: _enqueue(job))
    return job


def _enqueue(job: ResultsImportJob) -> None:
    try:
        run_results_import.apply_async(
            args=[job.pk], retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.5,
                          "interval_max": 1})
    except (BrokerOperationalError, ConnectionError):
        import_jobs.fail_job(job, error=import_jobs.QUEUE_UNAVAILABLE)
