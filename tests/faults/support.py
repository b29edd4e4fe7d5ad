"""Helpers of the fault tests: watching a job on the page as its orderer does."""

import time

from django.urls import reverse

from reports.models import ReportJob, ReportKind


def order_on_the_page(client, world):
    """Order the indicators report on «Отчёты»; the response after its redirect."""
    return client.post(reverse("report_jobs"),
                       {"kind": ReportKind.INDICATORS, "period": world.period.pk}, follow=True)


def job_state(client, job: ReportJob) -> dict:
    response = client.get(reverse("report_job_status", args=[job.pk]))
    assert response.status_code == 200
    return response.json()


def wait_for_state(client, job: ReportJob, condition, *, what: str, worker,
                   seconds: float = 90) -> dict:
    """Poll the job's status as the page does until ``condition(state)`` holds."""
    deadline = time.monotonic() + seconds
    state = job_state(client, job)
    while not condition(state):
        if time.monotonic() > deadline:
            raise AssertionError(f"не дождались: {what}; состояние {state}\n"
                                 f"{worker.text()[-3000:]}")
        time.sleep(0.3)
        state = job_state(client, job)
    return state
