"""A report ordered on the page, built by a real Celery worker process through Redis.

Runs where CI runs its second pass (PostgreSQL and Redis): the worker is another process,
so it needs a database it can open and a queue it can reach. Everywhere else it is
skipped with the reason.
"""

import os
import signal
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from config.celery import app as celery_app
from reports.models import ReportJob, ReportKind
from tests.reports.jobs_support import child_environment, database_url

REDIS_URL = os.environ.get("CELERY_BROKER_URL", "")
# A queue of its own: a worker serving the same Redis for something else cannot take
# the test's job, and the test's worker takes nothing else.
QUEUE = "report-jobs-tests"
PROJECT = Path(__file__).resolve().parents[2]


def _redis_answers() -> bool:
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def _use_broker(values: dict) -> None:
    celery_app.conf.update(values)
    # Connections and producers are built from the configuration once; drop them.
    celery_app._pool = None
    celery_app.__dict__.pop("amqp", None)


@pytest.fixture
def redis_worker(settings, tmp_path):
    """A real ``celery worker`` on the test database and files, stopped whatever happens."""
    if database_url() is None:
        pytest.skip("Нужна PostgreSQL: процесс обработчика не видит тестовую базу SQLite в "
                    "памяти.")
    if not REDIS_URL.startswith("redis://") or not _redis_answers():
        pytest.skip("Redis недоступен (CELERY_BROKER_URL): проверка с настоящим обработчиком "
                    "не запускалась.")
    settings.MEDIA_ROOT = tmp_path / "media"
    saved = {key: celery_app.conf[key] for key in
             ("broker_url", "broker_transport_options", "task_always_eager",
              "task_default_queue")}
    _use_broker({"broker_url": REDIS_URL, "broker_transport_options": {},
                 "task_always_eager": False, "task_default_queue": QUEUE})
    with celery_app.connection_for_write() as connection:
        connection.default_channel.queue_purge(QUEUE)
    log = (tmp_path / "worker.log").open("wb")
    worker = subprocess.Popen(
        # The pool `make run` starts: a forked child, so the tasks' time limits apply.
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=prefork",
         "--concurrency=1", "--loglevel=INFO", "-Q", QUEUE, "--without-heartbeat",
         "--without-gossip", "--without-mingle"],
        cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env=child_environment(media_root=settings.MEDIA_ROOT, CELERY_BROKER_URL=REDIS_URL,
                              CELERY_RESULT_BACKEND=REDIS_URL),
    )
    try:
        yield tmp_path / "worker.log"
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
        log.close()
        _use_broker(saved)


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
