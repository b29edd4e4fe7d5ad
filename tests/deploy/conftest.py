"""nginx with the portal's site in front of the test's live server."""

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test.utils import override_settings
from kombu.transport.filesystem import Transport as FilesystemTransport

from config.celery import app as celery_app
from config.celery import make_queue_folders
from tests.deploy.nginx_support import HOST, require_nginx, start_nginx

PASSWORD = "Верный-пароль-2024"


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """Static files collected as in production (collectstatic), for nginx to serve."""
    folder = tmp_path_factory.mktemp("staticfiles")
    with override_settings(STATIC_ROOT=folder):
        call_command("collectstatic", interactive=False, verbosity=0)
    return folder


@pytest.fixture
def behind_nginx(settings):
    """What deploy/portal.env.example sets for one nginx: PORTAL_PROXY_COUNT=1 (the values
    config/settings.py derives from it) and PORTAL_X_ACCEL=1."""
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    settings.AXES_IPWARE_PROXY_ORDER = "right-most"
    settings.AXES_IPWARE_PROXY_COUNT = 0
    settings.PORTAL_X_ACCEL = True
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    return settings


@pytest.fixture
def nginx(live_server, behind_nginx, static_root, tmp_path):
    require_nginx()
    port = int(live_server.url.rsplit(":", 1)[1])
    server = start_nginx(tmp_path / "nginx", upstream_port=port, static_root=static_root,
                         media_root=django_settings.MEDIA_ROOT)
    yield server
    server.stop()


@pytest.fixture
def signed_in_password(world):
    for user in (world.staff, world.analyst):
        user.set_password(PASSWORD)
        user.save()
    return PASSWORD


def _reconfigure(values: dict) -> None:
    celery_app.conf.update(values)
    celery_app._pool = None
    celery_app.__dict__.pop("amqp", None)
    celery_app._backend_cache = None
    celery_app._local.__dict__.pop("backend", None)
    FilesystemTransport.global_state.clear()


@pytest.fixture
def queue_without_worker(monkeypatch, tmp_path):
    """Jobs are queued in a folder and nobody takes them, as with a busy worker: the page
    must answer without waiting for the job."""
    for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        monkeypatch.delenv(name, raising=False)
    values = {
        "broker_url": "filesystem://",
        "broker_transport_options": {
            "data_folder_in": str(tmp_path / "queue"),
            "data_folder_out": str(tmp_path / "queue"),
            "control_folder": str(tmp_path / "control"),
            "processed_folder": str(tmp_path / "processed"),
            "store_processed": False,
        },
        "result_backend": f"file://{tmp_path / 'results'}",
        "task_always_eager": False,
    }
    saved = {key: celery_app.conf[key] for key in values}
    _reconfigure(values)
    make_queue_folders(celery_app.conf)
    yield tmp_path / "queue"
    _reconfigure(saved)
