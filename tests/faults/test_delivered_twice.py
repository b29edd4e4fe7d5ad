"""The same ``build_report`` message delivered more than once to a real worker.

Redis redelivers a message whose worker died before acknowledging it, and an operator may
publish a task again by hand: the job is built once, by whichever delivery claims it first.
"""

from pathlib import Path

import pytest

from reports import jobs
from reports.models import JobStatus, ReportJob, ReportKind
from reports.tasks import build_report
from tests.celery_worker import unacknowledged, waiting_messages
from tests.reports.jobs_support import report_files


@pytest.fixture
def worker_queue() -> str:
    return "faults-delivered-twice"


def snapshot(job: ReportJob) -> dict:
    job.refresh_from_db()
    path = Path(job.file.path)
    return {
        "row": {field.attname: getattr(job, field.attname) for field in job._meta.fields},
        "bytes": path.read_bytes(),
        "modified": path.stat().st_mtime_ns,
    }


@pytest.mark.django_db(transaction=True)
def test_a_job_delivered_twice_is_built_once_and_a_late_delivery_changes_nothing(
    world, real_workers, worker_queue
):
    # Two pool processes: both deliveries can run at the same time.
    worker = real_workers.start(concurrency=2)
    job = ReportJob.objects.create(municipality=world.municipality, kind=ReportKind.INDICATORS,
                                   period=world.period, requested_by=world.analyst)

    deliveries = [build_report.apply_async(args=[job.pk]) for _ in range(2)]
    for delivery in deliveries:
        worker.wait_for(f"Task reports.build_report[{delivery.id}] succeeded")

    job.refresh_from_db()
    assert job.status == JobStatus.DONE, worker.text()[-3000:]
    assert job.attempts == 1
    assert report_files(real_workers.media_root) == [Path(job.file.path)]
    assert job.file.name == jobs.final_name(job)
    built = snapshot(job)

    late = build_report.apply_async(args=[job.pk])
    worker.wait_for(f"Task reports.build_report[{late.id}] succeeded")

    assert snapshot(job) == built
    assert ReportJob.objects.count() == 1
    assert report_files(real_workers.media_root) == [Path(job.file.path)]
    assert waiting_messages(worker_queue) == 0
    assert unacknowledged(worker_queue) == []
