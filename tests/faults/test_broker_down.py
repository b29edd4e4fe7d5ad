"""The queue is out of reach when a report is ordered, then comes back.

The web process publishes to a real closed port: the connection is refused as it is when
Redis is stopped. The page must answer at once with the reason, and the same order once the
queue is back is built by the real worker. A broker that takes the connection and then
never answers (a frozen server) must not hold the page either.
"""

import socket
import threading
import time
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

import pytest
from django.db import connections
from django.urls import reverse
from openpyxl import load_workbook

from reports import jobs
from reports.models import JobStatus, ReportJob
from tests.celery_worker import REDIS_URL, use_broker, waiting_messages
from tests.faults.support import order_on_the_page, wait_for_state
from tests.reports.jobs_support import report_files

# How long the person who ordered may wait for the page to say the queue is down.
ANSWER_SECONDS = 6


@pytest.fixture
def worker_queue() -> str:
    return "faults-broker-down"


def closed_port() -> int:
    """A local port nothing listens on: bound, then released."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def silent_server():
    """A local port that accepts connections and never answers on them."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield server.getsockname()[1]


def assert_refused_on_the_page(response, elapsed: float) -> ReportJob:
    assert elapsed < ANSWER_SECONDS
    assert response.status_code == 200
    assert response.redirect_chain == [(reverse("report_jobs"), 302)]
    assert "Очередь фоновых задач недоступна, повторите запрос позже." in \
        response.content.decode()
    refused = ReportJob.objects.get()
    assert (refused.status, refused.error, refused.file.name) == (
        JobStatus.FAILED, jobs.QUEUE_UNAVAILABLE, "")
    return refused


@pytest.mark.django_db(transaction=True)
def test_it_says_the_queue_is_down_at_once_and_builds_the_same_order_when_it_is_back(
    world, as_role, real_workers, worker_queue
):
    worker = real_workers.start()
    client = as_role("analyst")
    use_broker({"broker_write_url": f"redis://127.0.0.1:{closed_port()}/0"})

    started = time.monotonic()
    response = order_on_the_page(client, world)
    elapsed = time.monotonic() - started

    refused = assert_refused_on_the_page(response, elapsed)
    assert report_files(real_workers.media_root) == []

    use_broker({"broker_write_url": REDIS_URL})
    response = order_on_the_page(client, world)

    assert response.status_code == 200
    assert "Заказ принят" in response.content.decode()
    job = ReportJob.objects.exclude(pk=refused.pk).get()
    state = wait_for_state(client, job, lambda state: state["finished"],
                           what="готового отчёта", worker=worker)
    assert state["status"] == "done", worker.text()[-3000:]
    download = client.get(state["download_url"])
    assert download.status_code == 200
    workbook = load_workbook(BytesIO(b"".join(download.streaming_content)))
    assert workbook.sheetnames[0] == "Показатели"
    job.refresh_from_db()
    assert report_files(real_workers.media_root) == [Path(job.file.path)]
    refused.refresh_from_db()
    assert refused.status == JobStatus.FAILED
    assert waiting_messages(worker_queue) == 0


@pytest.mark.django_db(transaction=True)
def test_a_broker_that_never_answers_does_not_hold_the_page(world, as_role, real_workers):
    client = as_role("analyst")
    answered = {}

    def order() -> None:
        try:
            answered["response"] = order_on_the_page(client, world)
            answered["elapsed"] = time.monotonic() - started
        finally:
            connections.close_all()

    # In a thread, so that a page that hangs fails the test instead of holding it: closing
    # the server at the end of the block resets the connection the page waits on.
    ordering = threading.Thread(target=order, daemon=True)
    with silent_server() as port:
        use_broker({"broker_write_url": f"redis://127.0.0.1:{port}/0"})
        started = time.monotonic()
        ordering.start()
        ordering.join(ANSWER_SECONDS)
        still_waiting = ordering.is_alive()
    ordering.join(30)

    assert not still_waiting, f"страница не ответила за {ANSWER_SECONDS} с"
    assert_refused_on_the_page(answered["response"], answered["elapsed"])
    assert report_files(real_workers.media_root) == []
