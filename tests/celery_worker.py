"""Real Celery worker processes for tests that run against the real services.

Where CI runs its second pass (PostgreSQL and Redis) a test can order a report on the page
and have it built by a real ``celery worker`` through Redis. The worker is another process,
so it needs a database it can open and a queue it can reach; everywhere else such tests
are skipped with the reason.

Each test module serves its own queue (override the ``worker_queue`` fixture): a worker
serving the same Redis for something else cannot take a test's job, and a test's worker
takes nothing else.
"""

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from config.celery import app as celery_app
from tests.reports.jobs_support import child_environment, database_url

REDIS_URL = os.environ.get("CELERY_BROKER_URL", "")
PROJECT = Path(__file__).resolve().parents[1]
# Seconds a worker gets to finish its task and put back what it took when asked to stop.
STOP_SECONDS = 20


def redis_answers() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def require_real_services() -> None:
    """Skip the test, with the reason, unless PostgreSQL and Redis are there."""
    if database_url() is None:
        pytest.skip("Нужна PostgreSQL: процесс обработчика не видит тестовую базу SQLite в "
                    "памяти.")
    if not REDIS_URL.startswith("redis://") or not redis_answers():
        pytest.skip("Redis недоступен (CELERY_BROKER_URL): проверка с настоящим обработчиком "
                    "не запускалась.")


def use_broker(values: dict) -> None:
    """Change this process's Celery configuration: where and how it publishes tasks.

    Celery reads CELERY_BROKER_URL from the environment before its ``broker_url``; to
    publish somewhere else, set ``broker_write_url``.
    """
    celery_app.conf.update(values)
    # Connections and producers are built from the configuration once; drop them.
    celery_app._pool = None
    celery_app.__dict__.pop("amqp", None)


def broker_client() -> redis.Redis:
    return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2, socket_timeout=5)


def waiting_messages(queue: str) -> int:
    """How many messages wait in the queue (kombu keeps a queue as a Redis list)."""
    return broker_client().llen(queue)


def unacknowledged(queue: str) -> list[dict]:
    """Messages of the queue taken by a worker and not yet acknowledged, as kombu keeps them
    for a redelivery: the task message with its headers."""
    taken = []
    for raw in broker_client().hvals("unacked"):
        message, _exchange, routing_key = json.loads(raw)
        if routing_key == queue:
            taken.append(message)
    return taken


def forget_queue(queue: str) -> None:
    """Remove every message of the queue: waiting ones and those a killed worker held."""
    client = broker_client()
    client.delete(queue)
    for tag, raw in client.hgetall("unacked").items():
        if json.loads(raw)[2] == queue:
            client.hdel("unacked", tag)
            client.zrem("unacked_index", tag)


class Worker:
    """One worker process (with its pool children in the same process group) and its log."""

    def __init__(self, process: subprocess.Popen, log: Path, handle):
        self.process = process
        self.log = log
        self._handle = handle

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for(self, text: str, *, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while text not in self.text():
            if self.process.poll() is not None:
                raise AssertionError(f"обработчик завершился, не дождавшись «{text}»:\n"
                                     f"{self.text()[-3000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"не дождались «{text}» в журнале обработчика:\n"
                                     f"{self.text()[-3000:]}")
            time.sleep(0.2)

    def wait_until_ready(self) -> None:
        self.wait_for(" ready.")

    def kill(self) -> None:
        """SIGKILL to the whole group: the main process and its pool children die at once,
        as with the OOM killer or a pulled plug. Nothing of theirs runs after it."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=STOP_SECONDS)
        self._handle.close()

    def stop(self) -> None:
        """Ask for a warm shutdown; kill the group if it does not come in time."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.kill()
        # Pool children outlive a main process that died by itself.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self._handle.close()


class Workers:
    """Starts workers on the test database, files and queue; stops every one of them."""

    def __init__(self, *, queue: str, media_root: Path, folder: Path):
        self.queue = queue
        self.media_root = media_root
        self.folder = folder
        self.started: list[Worker] = []

    def start(self, *, concurrency: int = 1, slow_builder: bool = False,
              visibility_timeout: float | None = None) -> Worker:
        """A worker as ``make run`` starts it: a prefork pool, so time limits apply.

        ``slow_builder`` and ``visibility_timeout`` start it through tests/worker_launcher.py
        (see there); otherwise it is the ``celery`` command itself.
        """
        options = [f"--concurrency={concurrency}", "--pool=prefork", "--loglevel=INFO",
                   "-Q", self.queue, "--without-heartbeat", "--without-gossip",
                   "--without-mingle"]
        if slow_builder or visibility_timeout is not None:
            launcher = ["--slow-builder"] if slow_builder else []
            if visibility_timeout is not None:
                launcher += ["--visibility-timeout", str(visibility_timeout)]
            command = [sys.executable, "-m", "tests.worker_launcher", *launcher, *options]
        else:
            command = [sys.executable, "-m", "celery", "-A", "config", "worker", *options]
        log = self.folder / f"worker-{len(self.started) + 1}.log"
        handle = log.open("wb")
        process = subprocess.Popen(
            command, cwd=PROJECT, stdout=handle, stderr=subprocess.STDOUT,
            start_new_session=True,
            env=child_environment(media_root=self.media_root, CELERY_BROKER_URL=REDIS_URL,
                                  CELERY_RESULT_BACKEND=REDIS_URL),
        )
        worker = Worker(process, log, handle)
        self.started.append(worker)
        return worker

    def stop_all(self) -> None:
        for worker in self.started:
            worker.stop()


@pytest.fixture
def worker_queue() -> str:
    return "report-jobs-tests"


@pytest.fixture
def real_workers(settings, tmp_path, worker_queue):
    """This process publishes to Redis on the module's queue, emptied before and after;
    ``real_workers.start()`` starts a worker on it. Skipped without PostgreSQL and Redis."""
    require_real_services()
    settings.MEDIA_ROOT = tmp_path / "media"
    saved = {key: celery_app.conf[key] for key in
             ("broker_write_url", "task_always_eager", "task_default_queue")}
    use_broker({"broker_write_url": None, "task_always_eager": False,
                "task_default_queue": worker_queue})
    forget_queue(worker_queue)
    workers = Workers(queue=worker_queue, media_root=settings.MEDIA_ROOT, folder=tmp_path)
    try:
        yield workers
    finally:
        workers.stop_all()
        forget_queue(worker_queue)
        use_broker(saved)


@pytest.fixture
def redis_worker(real_workers) -> Path:
    """One real worker; its log file."""
    return real_workers.start().log
