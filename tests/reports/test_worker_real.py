"""A report ordered on the page, built by a real Celery worker process through Redis.

Runs where CI runs its second pass (PostgreSQL and Redis); everywhere else it is skipped
with the reason. The worker is started by the ``redis_worker`` fixture of
tests/celery_worker.py.
"""

import time
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports.models import ReportJob, ReportKind


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_builds_an_ordered_report_for_download(world, as_role, redis_worker):
    client = as_role("analyst")

    response = client.post(reverse("report_jobs"),
                           {"kind": ReportKind.INDICATORS, "period": world.period.pk})

    assert response.status_code == 302
    job = ReportJob.objects.get()
    status_url = reverse("report_job_status", args=[job.pk])
    deadline = time.monotonic() + 90
    state = client.get(status_url).json()
    while not state["finished"] and time.monotonic() < deadline:
        time.sleep(0.5)
        state = client.get(status_url).json()
    assert state["status"] == "done", (state, redis_worker.read_text()[-3000:])
    assert state["progress"] == 100
    download = client.get(state["download_url"])
    assert download.status_code == 200
    workbook = load_workbook(BytesIO(b"".join(download.streaming_content)))
    assert workbook.sheetnames[0] == "Показатели"
    assert "reports.build_report" in redis_worker.read_text()
