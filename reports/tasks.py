"""Background tasks of the reports app: thin wrappers over reports/jobs.py."""

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from reports import jobs, schedule


@shared_task(
    name="reports.build_report",
    bind=True,
    # The job's state lives in ReportJob; nothing waits on Celery's result store.
    ignore_result=True,
    # Acknowledged only once built: a worker that dies with the whole process leaves the
    # message to be delivered again, and the stale job is then taken over.
    acks_late=True,
    autoretry_for=jobs.TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=3,
    soft_time_limit=settings.REPORT_SOFT_TIME_LIMIT,
    time_limit=settings.REPORT_TIME_LIMIT,
)
def build_report(self, job_id: int) -> None:
    jobs.run_report_job(job_id=job_id, final_attempt=self.request.retries >= self.max_retries)
    schedule.notify_scheduled_report_done(job_id=job_id)


@shared_task(name="reports.cleanup_reports", ignore_result=True)
def cleanup_reports() -> None:
    jobs.cleanup_reports()


@shared_task(name="reports.run_due_monitoring")
def run_due_monitoring() -> int:
    return len(schedule.run_due_monitoring(today=timezone.localdate()))
