"""A real worker killed outright (SIGKILL to its whole process group) while it builds a report.

What the design does then: ``build_report`` is acknowledged only once it has run
(acks_late), so Redis keeps the message and gives it to a worker again once its visibility
timeout (Celery's default, an hour) has passed. The cleanup schedule (every 15 minutes) gives
the job up first, as soon as it has been «формируется» longer than any build may run
(REPORT_TIME_LIMIT + REPORT_STALE_MARGIN_MINUTES): it fails with «Формирование прервано…»
and the redelivered message finds nothing to do. Only a job still running past that limit
when the message comes back, with no cleanup in between, is taken over and built again.
"""

import base64
import datetime
import json
from io import BytesIO
from pathlib import Path

import pytest
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from reports import jobs
from reports.models import JobStatus, ReportJob
from tests.celery_worker import unacknowledged, waiting_messages
from tests.faults.support import job_state, order_on_the_page, wait_for_state
from tests.reports.jobs_support import report_files


@pytest.fixture
def worker_queue() -> str:
    return "faults-worker-killed"


def kill_mid_build(client, world, real_workers, worker_queue):
    """Order on the page, let a slow worker get halfway, SIGKILL its group.

    Returns the job and the id of the task message the dead worker left unacknowledged.
    """
    worker = real_workers.start(slow_builder=True)
    response = order_on_the_page(client, world)
    assert response.status_code == 200
    job = ReportJob.objects.get()
    wait_for_state(client, job, lambda state: state["progress"] == 50,
                   what="половины отчёта", worker=worker)

    worker.kill()

    job.refresh_from_db()
    assert (job.status, job.attempts, job.file.name) == (JobStatus.RUNNING, 1, "")
    # Nothing acknowledged the message: it waits in Redis for a redelivery.
    assert waiting_messages(worker_queue) == 0
    [message] = unacknowledged(worker_queue)
    assert message["headers"]["task"] == "reports.build_report"
    args, _kwargs, _embed = json.loads(base64.b64decode(message["body"]))
    assert args == [job.pk]
    [leftover] = report_files(real_workers.media_root)
    assert leftover.name.startswith(".") and leftover.name.endswith(jobs.PART_SUFFIX)
    assert not Path(real_workers.media_root, jobs.final_name(job)).exists()
    return job, message["headers"]["id"]


@pytest.mark.django_db(transaction=True)
def test_it_gives_up_a_report_whose_worker_was_killed_and_leaves_no_file(
    world, as_role, real_workers, worker_queue
):
    client = as_role("analyst")
    job, task_id = kill_mid_build(client, world, real_workers, worker_queue)
    started = timezone.now()

    # The cleanup schedule's first run after the stall limit.
    jobs.cleanup_reports(now=started + jobs.stale_after() + datetime.timedelta(minutes=15))

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == jobs.INTERRUPTED
    assert job.file.name == ""
    # The temporary file is younger than a day: a build in progress might still own it.
    [leftover] = report_files(real_workers.media_root)
    assert leftover.name.endswith(jobs.PART_SUFFIX)

    # The message comes back (an hour later in production) to a fresh worker.
    fresh = real_workers.start(visibility_timeout=1)
    fresh.wait_for(f"Task reports.build_report[{task_id}] succeeded")
    assert unacknowledged(worker_queue) == []
    assert waiting_messages(worker_queue) == 0
    job.refresh_from_db()
    assert (job.status, job.error, job.attempts, job.file.name) == (
        JobStatus.FAILED, jobs.INTERRUPTED, 1, "")

    jobs.cleanup_reports(now=started + datetime.timedelta(days=2))

    assert report_files(real_workers.media_root) == []
    assert ReportJob.objects.count() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    page = client.get(reverse("report_jobs"))
    assert page.status_code == 200
    assert "Формирование прервано: фоновый обработчик остановился." in page.content.decode()
    state = job_state(client, job)
    assert (state["status"], state["error"], state["download_url"]) == (
        "failed", jobs.INTERRUPTED, "")
    assert client.get(reverse("report_job_download", args=[job.pk])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_killed_report_still_running_past_the_limit_is_built_again_by_the_redelivery(
    world, as_role, real_workers, worker_queue
):
    client = as_role("analyst")
    job, task_id = kill_mid_build(client, world, real_workers, worker_queue)
    # The stall limit passes with no cleanup run (no `celery beat`, say).
    ReportJob.objects.filter(pk=job.pk).update(
        started_at=F("started_at") - jobs.stale_after() - datetime.timedelta(minutes=1))

    fresh = real_workers.start(visibility_timeout=1)
    state = wait_for_state(client, job, lambda state: state["finished"],
                           what="повторного формирования", worker=fresh)

    assert state["status"] == "done", fresh.text()[-3000:]
    assert f"Task reports.build_report[{task_id}] received" in fresh.text()
    assert ReportJob.objects.count() == 1
    job.refresh_from_db()
    assert job.attempts == 2
    assert job.file.name == jobs.final_name(job)
    download = client.get(state["download_url"])
    assert download.status_code == 200
    assert load_workbook(BytesIO(b"".join(download.streaming_content))).sheetnames[0] == \
        "Показатели"
    # The killed attempt's temporary file stays until the cleanup finds it a day old.
    [leftover] = [path for path in report_files(real_workers.media_root)
                  if path != Path(job.file.path)]
    assert leftover.name.endswith(jobs.PART_SUFFIX)

    jobs.cleanup_reports(now=timezone.now() + datetime.timedelta(days=2))

    assert report_files(real_workers.media_root) == [Path(job.file.path)]
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert client.get(reverse("report_jobs")).status_code == 200
