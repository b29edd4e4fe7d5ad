"""What a benchmark prints before its figures: the machine, the date, the command, the data.

Figures mean little without the machine and the data they were taken on, so every script that
runs against the database prints this header and keeps it in its JSON.
"""

import datetime
import math
import os
import platform
import shlex
import sys
from pathlib import Path

# The tables whose sizes say how big the data behind a figure was, in the order printed.
MAIN_TABLES = [
    ("teams.Municipality", "муниципальных образований"),
    ("teams.Organization", "организаций"),
    ("internships.Platform", "площадок"),
    ("internships.Placement", "распределений"),
    ("internships.Mentorship", "пар наставничества"),
    ("internships.Transfer", "переводов"),
    ("internships.JournalEntry", "мероприятий журналов"),
    ("internships.TeamResult", "результатов команд"),
    ("diagnostics.Diagnosis", "результатов диагностики"),
    ("diagnostics.SchoolIndicator", "показателей мониторинга"),
    ("diagnostics.Staffing", "записей о кадрах"),
    ("reports.ReportJob", "заказанных отчётов"),
    ("auth.User", "пользователей"),
]


def _first_line_with(path: str, prefix: str) -> str:
    try:
        for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def machine() -> dict:
    """The machine and the software versions, database server included (needs Django set up)."""
    import django
    from django.db import connection

    memory_kb = _first_line_with("/proc/meminfo", "MemTotal").split(" ")[0]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
    elif connection.vendor == "sqlite":
        database = f"SQLite {connection.Database.sqlite_version}"
    else:
        database = connection.vendor
    return {
        "cpu": _first_line_with("/proc/cpuinfo", "model name") or platform.processor()
        or platform.machine(),
        "cores": os.cpu_count(),
        "ram_gb": round(int(memory_kb) / 1024 / 1024, 1) if memory_kb.isdigit() else None,
        "system": platform.platform(),
        "python": platform.python_version(),
        "database": database,
        "django": django.get_version(),
    }


def database_label() -> str:
    """The database measured, without any password."""
    from django.db import connection

    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite {settings['NAME']}"
    host = settings.get("HOST") or "localhost"
    port = f":{settings['PORT']}" if settings.get("PORT") else ""
    return f"{connection.vendor} {settings['NAME']} на {host}{port}"


def data_sizes() -> dict[str, int]:
    """Row counts of the main tables, by model label."""
    from django.apps import apps

    return {label: apps.get_model(label).objects.count() for label, _ in MAIN_TABLES}


def started_at() -> str:
    return datetime.datetime.now().astimezone().isoformat(timespec="seconds")


def command_line() -> str:
    return shlex.join([sys.executable, *sys.argv])


def print_header(title: str, meta: dict) -> None:
    """The header every benchmark prints: what was measured, where, when and on what data."""
    box = meta["machine"]
    print(title)
    print(f"Дата: {meta['date']}")
    print(f"Команда: {meta['command']}")
    print(f"Машина: {box['cpu']}, ядер: {box['cores']}, ОЗУ: {box['ram_gb']} ГБ, {box['system']}")
    print(f"Python {box['python']}, Django {box['django']}, {box['database']}")
    print(f"База: {meta['database']}")
    names = dict(MAIN_TABLES)
    sizes = ", ".join(f"{names.get(label, label)} {count:,}".replace(",", " ")
                      for label, count in meta["sizes"].items())
    print(f"Данные: {sizes}")


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with ``share`` of the values at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]
