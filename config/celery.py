import os
from pathlib import Path

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("stazhirovki")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def make_queue_folders(conf) -> None:
    """Create the folders of the file-system queue and result store.

    Neither kombu nor Celery creates them, and a fresh clone has no var/ yet.
    """
    folders = []
    if conf.broker_url.startswith("filesystem://"):
        options = conf.broker_transport_options or {}
        folders += [
            options.get(key)
            for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder")
        ]
    backend = conf.result_backend or ""
    if backend.startswith("file://"):
        folders.append(backend.removeprefix("file://").removeprefix("localhost"))
    for folder in filter(None, folders):
        Path(folder).mkdir(parents=True, exist_ok=True)


@app.on_after_configure.connect
def _make_queue_folders_on_start(sender, source, **kwargs) -> None:
    make_queue_folders(source)


@app.task(name="health.ping")
def ping() -> str:
    return "pong"
