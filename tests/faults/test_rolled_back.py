"""A report ordered inside a transaction that rolls back: nothing reaches the real queue.

The job is handed to the queue only once its row is committed (``transaction.on_commit``),
so a worker never gets a task for a job that does not exist.
"""

import time

import pytest
from django.db import transaction

from reports import tasks
from reports.models import JobStatus, ReportJob, ReportKind
from tests.celery_worker import waiting_messages

# How long a message published by mistake would take at most to reach a waiting worker.
DELIVERY_SECONDS = 3


@pytest.fixture
def worker_queue() -> str:
    return "faults-rolled-back"


def order(world) -> ReportJob:
    return tasks.request_report(municipality=world.municipality, kind=ReportKind.INDICATORS,
                               period=world.period, requested_by=world.analyst)


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_order_queues_nothing_and_the_worker_gets_nothing(
    world, real_workers, worker_queue
):
    worker = real_workers.start()
    worker.wait_until_ready()

    with pytest.raises(RuntimeError), transaction.atomic():
        order(world)
        raise RuntimeError("the request failed after ordering")

    assert not ReportJob.objects.exists()
    assert waiting_messages(worker_queue) == 0
    time.sleep(DELIVERY_SECONDS)
    assert "Task reports.build_report[" not in worker.text()

    # The same worker takes a committed order at once: it was listening all along.
    job = order(world)
    worker.wait_for("Task reports.build_report[", seconds=DELIVERY_SECONDS)
    worker.wait_for("] succeeded")
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert ReportJob.objects.count() == 1
