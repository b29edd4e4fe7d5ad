"""Background tasks of the reports app: thin wrappers over reports/jobs.py and
reports/schedule.py, and ``request_report``, which records a job and puts it on the queue.

The services never import this module: what orders reports from a task gets
``request_report`` passed in."""

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerOperationalError

from internships.models import Period
from reports import jobs, schedule
from reports.models import ReportJob
from teams.models import Municipality

# Backoff between retries of a transient failure: 1, 2, 4… seconds with jitter, at most
# five minutes, as Celery's own autoretry would wait.
RETRY_BACKOFF_MAX = 300


@shared_task(
    name="reports.build_report",
    bind=True,
    # The job's state lives in ReportJob; nothing waits on Celery's result store.
    ignore_result=True,
    # Acknowledged only once built: a worker that dies with the whole process leaves the
    # message to be delivered again, and the stale job is then taken over.
    acks_late=True,
    max_retries=3,
    soft_time_limit=settings.REPORT_SOFT_TIME_LIMIT,
    time_limit=settings.REPORT_TIME_LIMIT,
)
def build_report(self, job_id: int, retry_of: int | None = None) -> None:
    try:
        jobs.run_report_job(job_id=job_id, retry_of=retry_of,
                            final_attempt=self.request.retries >= self.max_retries)
    except jobs.RetryLater as retry:
        raise self.retry(
            kwargs={"retry_of": retry.attempt}, exc=retry.__cause__,
            countdown=get_exponential_backoff_interval(
                factor=1, retries=self.request.retries, maximum=RETRY_BACKOFF_MAX,
                full_jitter=True),
        ) from retry
    schedule.notify_scheduled_report_done(job_id=job_id)


@shared_task(name="reports.cleanup_reports", ignore_result=True)
def cleanup_reports() -> None:
    jobs.cleanup_reports()


@shared_task(name="reports.run_due_monitoring")
def run_due_monitoring() -> int:
    return len(schedule.run_due_monitoring(today=timezone.localdate(), order=request_report))


def request_report(*, municipality: Municipality, kind: str, period: Period | None,
                   requested_by: User | None, parameters: dict | None = None) -> ReportJob:
    """Record a queued job and hand it to the background queue once the row is committed.

    The same report (kind, year and parameters) already queued or being built is not built
    twice: that job is returned, marked ``already_ordered``.

    Raises ``BrokerUnavailable`` (the job is then marked failed) when the queue cannot
    take it; called inside an outer transaction, that happens when it commits.
    """
    with transaction.atomic():
        # Orders of one municipality take turns here, so two clicks cannot both miss
        # each other's job.
        Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
        pending = jobs.pending_same_job(municipality=municipality, kind=kind, period=period,
                                        parameters=parameters or {})
        if pending is not None:
            pending.already_ordered = True
            return pending
        job = jobs.create_job(municipality=municipality, kind=kind, period=period,
                              requested_by=requested_by, parameters=parameters)
        transaction.on_commit(lambda: _enqueue(job))
    job.refresh_from_db()
    job.already_ordered = False
    return job


def _enqueue(job: ReportJob) -> None:
    try:
        # A down broker should answer the person in seconds, not after Celery's default
        # publishing retries.
        build_report.apply_async(
            args=[job.pk], retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.5,
                          "interval_max": 1},
        )
    except (BrokerOperationalError, ConnectionError) as error:
        jobs.fail_unqueued(job, error)
