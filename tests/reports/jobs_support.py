"""Builders and helpers for the report-job tests.

The builders stand in for the real ones through ``reports.builders.BUILDERS``, so the job
machinery is tested apart from what a report contains. ``slow_builder`` is also imported
by the child process of the kill test.
"""

import os
import time
from pathlib import Path

from django.db import connection

from reports.errors import ReportError

CONTENT = b"PK\x03\x04 a finished report"
FILENAME = "Показатели проекта 2021–2022.xlsx"


def writing_builder(*, municipality, period, parameters, output: Path, progress) -> str:
    progress(40, "Пишем отчёт")
    output.write_bytes(CONTENT)
    return FILENAME


def refusing_builder(*, municipality, period, parameters, output: Path, progress) -> str:
    output.write_bytes(b"half of a report")
    raise ReportError("Нет ни одной площадки: отчёт строить не из чего.")


def crashing_builder(*, municipality, period, parameters, output: Path, progress) -> str:
    output.write_bytes(b"half of a report")
    raise ValueError("a bug in a builder")


def slow_builder(*, municipality, period, parameters, output: Path, progress) -> str:
    """Writes half a file, says so, then takes its time: the moment to kill it."""
    output.write_bytes(b"half of a report")
    progress(50, "Половина готова")
    time.sleep(120)
    output.write_bytes(CONTENT)
    return FILENAME


def report_files(media_root: Path) -> list[Path]:
    """Every file under the reports folder, temporary ones included."""
    folder = Path(media_root) / "reports"
    return sorted(path for path in folder.rglob("*") if path.is_file()) if folder.exists() \
        else []


def database_url() -> str | None:
    """The test database as a DATABASE_URL another process can open; None on SQLite,
    whose test database lives in this process's memory."""
    if connection.vendor != "postgresql":
        return None
    settings = connection.settings_dict
    credentials = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    return (f"postgres://{credentials}@{settings['HOST'] or '127.0.0.1'}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}")


def child_environment(*, media_root, **extra) -> dict:
    """The environment of a process that works on the test database and files."""
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("CELERY_", "DJANGO_", "PYTEST_"))}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", DATABASE_URL=database_url(),
                       MEDIA_ROOT=str(media_root), PYTHONUNBUFFERED="1", **extra)
    return environment
