import os

import pytest
from kombu.transport.filesystem import Transport as FilesystemTransport

from config.celery import app as celery_app
from config.celery import make_queue_folders

# Celery lets these variables win over its configuration; a test that points
# the app elsewhere has to hide them.
CELERY_ENVIRONMENT = ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND")

REDIS_URL = os.environ.get("CELERY_BROKER_URL", "")
# A queue of its own, so that a worker serving the same Redis cannot answer
# for the test worker, and the pings a test leaves behind stay out of its way.
REDIS_TEST_QUEUE = "health-check-tests"


def _reconfigure(values: dict) -> None:
    celery_app.conf.update(values)
    # Connections, producers and the result backend are built from the
    # configuration once and then reused; drop them so the next use rebuilds.
    celery_app._pool = None
    celery_app.__dict__.pop("amqp", None)
    celery_app._backend_cache = None
    celery_app._local.__dict__.pop("backend", None)
    # The file-system transport remembers bindings process-wide and would not
    # write them into a new queue folder.
    FilesystemTransport.global_state.clear()


@pytest.fixture
def reconfigure_celery(monkeypatch):
    """Point the Celery app at another broker for the rest of a test, then restore it."""
    for name in CELERY_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    saved: list[dict] = []

    def reconfigure(**values):
        saved.append({key: celery_app.conf[key] for key in values})
        _reconfigure(values)
        make_queue_folders(celery_app.conf)
        return celery_app

    yield reconfigure
    for values in reversed(saved):
        _reconfigure(values)


@pytest.fixture
def filesystem_queue(reconfigure_celery, tmp_path):
    """A real, not eager, file-system queue and result store in a temporary folder."""
    queue = tmp_path / "queue"
    return reconfigure_celery(
        broker_url="filesystem://",
        broker_transport_options={
            "data_folder_in": str(queue),
            "data_folder_out": str(queue),
            "control_folder": str(tmp_path / "control"),
            "processed_folder": str(tmp_path / "processed"),
            "store_processed": False,
            "polling_interval": 0.2,
        },
        result_backend=f"file://{tmp_path / 'results'}",
        task_always_eager=False,
    )


@pytest.fixture
def redis_queue(reconfigure_celery):
    """A real, not eager, Redis queue and result store (the one CI points at)."""
    if not REDIS_URL.startswith("redis://"):
        pytest.skip("CELERY_BROKER_URL не указывает на Redis: проверка с Redis не запускалась")
    app = reconfigure_celery(
        broker_url=REDIS_URL,
        broker_transport_options={},
        result_backend=REDIS_URL,
        task_default_queue=REDIS_TEST_QUEUE,
        task_always_eager=False,
    )
    with app.connection_for_write() as connection:
        connection.default_channel.queue_purge(REDIS_TEST_QUEUE)
    return app


@pytest.fixture(autouse=True)
def fresh_ready_answer():
    """/health/ready/ keeps its answer for a few seconds; each test starts without it."""
    from django.core.cache import cache

    from config.health import READY_CACHE_KEY

    cache.delete(READY_CACHE_KEY)


@pytest.fixture
def staff_client(client, django_user_model):
    """The detailed /health/ page is for administrators and department staff."""
    client.force_login(django_user_model.objects.create_superuser("operator"))
    return client
