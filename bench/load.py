"""Load test: the portal under gunicorn, browsed by locust's users of the four roles.

Needs the benchmark tools and synthetic data with users (PostgreSQL only):

    .venv/bin/python -m pip install -r requirements-bench.txt
    createdb -h 127.0.0.1 -U postgres bench_20k
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_20k
    .venv/bin/python manage.py migrate -v0
    .venv/bin/python manage.py generate_scale --municipalities 200 --orgs 20000 --password bench
    .venv/bin/python bench/load.py

Options: --users 50, --spawn-rate 10 (users started per second), --duration 60s,
--workers 4 (gunicorn processes), --password bench (the users' password from generate_scale).
The server runs with DEBUG=0 and production settings, except that cookies and redirects work
over plain http on 127.0.0.1; it is stopped whatever happens. Exit status 1 when any request
failed (an error, a 5xx, a refused sign-in or a timeout), 2 when the test could not run.
"""

import argparse
import csv
import importlib.util
import json
import os
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROLES = ("staff", "curator", "school", "analyst")
# The target: no errors, and 95 % of page requests served faster than this.
TARGET_P95_MS = 300
HEALTH_WAIT_SECONDS = 60
STOP_WAIT_SECONDS = 15


def _refuse(message: str) -> None:
    print(f"ОШИБКА: {message}", file=sys.stderr)
    sys.exit(2)


def _check_data(password: str) -> int:
    """The number of synthetic municipalities whose users can sign in with ``password``."""
    from axes.models import AccessAttempt
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.db import connection

    from teams.models import Municipality

    if connection.vendor != "postgresql":
        _refuse("нагрузочный замер проводится только на PostgreSQL: укажите DATABASE_URL.")
    municipalities = Municipality.objects.filter(is_synthetic=True).count()
    if not municipalities:
        _refuse("в базе нет синтетических данных: запустите generate_scale с --password.")
    usernames = [f"m{number:04d}-{role}" for number in range(1, municipalities + 1)
                 for role in ROLES]
    found = User.objects.filter(username__in=usernames).count()
    if found != len(usernames):
        _refuse(f"пользователей синтетических МО {found} из {len(usernames)}: "
                "пересоздайте данные командой generate_scale с --password.")
    # One sign-in with a wrong password would only lock the users out (django-axes).
    if not User.objects.get(username="m0001-staff").check_password(password):
        _refuse("пароль не подходит к m0001-staff: укажите --password, с которым "
                "запускали generate_scale.")
    locked = AccessAttempt.objects.filter(
        username__in=usernames, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    ).count()
    if locked:
        _refuse(f"заблокировано входов после неудачных попыток: {locked}; "
                "снимите блокировку командой manage.py axes_reset.")
    return municipalities


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(*, port: int, folder: Path) -> dict[str, str]:
    """Production settings for this run only; plain http on loopback must keep cookies."""
    environment = dict(os.environ)
    environment.update({
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "PORTAL_BASE_URL": f"http://127.0.0.1:{port}",
        # Secure cookies are never sent back over http, and the redirect would leave it.
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(folder / "static"),
        "HEALTH_WORKER_TIMEOUT": "1",
        "LOG_LEVEL": "WARNING",
    })
    environment.pop("BEHIND_TLS_PROXY", None)
    if not environment.get("CELERY_BROKER_URL"):
        # The /health/ probe's pings land in a throwaway queue folder, not the project's.
        environment["CELERY_QUEUE_DIR"] = str(folder / "celery")
    return environment


def _wait_for_health(server: subprocess.Popen, port: int) -> dict:
    """The /health/ answer once the database check passes (no worker runs in the test)."""
    deadline = time.monotonic() + HEALTH_WAIT_SECONDS
    url = f"http://127.0.0.1:{port}/health/ready/"
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn завершился с кодом {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                checks = json.load(response)
        except urllib.error.HTTPError as error:
            checks = json.load(error) if error.code == 503 else {}
        except (OSError, ValueError):
            checks = {}
        if checks.get("database") == "ok":
            return checks
        time.sleep(0.5)
    raise RuntimeError(f"/health/ не ответил за {HEALTH_WAIT_SECONDS} с")


def _warm_up(port: int, workers: int) -> None:
    """Every worker imports the URLs and views on its first request: not the load's cost."""
    def open_login_page(_number: int) -> None:
        url = f"http://127.0.0.1:{port}/accounts/login/"
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()

    with ThreadPoolExecutor(max_workers=workers * 2) as pool:
        list(pool.map(open_login_page, range(workers * 8)))


def _stop(server: subprocess.Popen) -> None:
    """Gunicorn and its workers, gracefully first."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=STOP_WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def _group_cpu_seconds(group: int) -> float:
    """CPU time the live processes of a process group have used so far (Linux /proc)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # After the command name: state, ppid, pgrp, …, utime, stime, cutime, cstime.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == group:
            total += sum(int(value) for value in fields[11:15])
    return total / os.sysconf("SC_CLK_TCK")


def _children_cpu_seconds() -> float:
    """CPU time of this script's finished (waited for) child processes and theirs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tail(path: Path, lines: int = 30) -> str:
    if not path.exists():
        return ""
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def read_stats(path: Path) -> list[dict]:
    """locust's --csv statistics: one row per request name, then «Aggregated»."""
    rows = []
    with path.open(encoding="utf-8", newline="") as stats:
        for row in csv.DictReader(stats):
            rows.append({
                "name": "итого" if row["Name"] == "Aggregated" else row["Name"],
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "requests_per_second": float(row["Requests/s"]),
                "p50_ms": row["50%"],
                "p95_ms": row["95%"],
                "p99_ms": row["99%"],
                "max_ms": row["Max Response Time"],
            })
    return rows


def _ms(value) -> str:
    if value in (None, "", "N/A"):
        return "—"
    return f"{float(value):,.0f}".replace(",", " ")


def print_stats(rows: list[dict]) -> None:
    table = [("Запрос", "Запросов", "Ошибок", "Запросов/с", "p50, мс", "p95, мс", "p99, мс",
              "Макс., мс")]
    for row in rows:
        table.append((row["name"], str(row["requests"]), str(row["failures"]),
                      f"{row['requests_per_second']:.2f}", _ms(row["p50_ms"]),
                      _ms(row["p95_ms"]), _ms(row["p99_ms"]), _ms(row["max_ms"])))
    widths = [max(len(line[column]) for line in table) for column in range(len(table[0]))]
    for index, line in enumerate(table):
        print("  ".join(cell.ljust(width) if column == 0 else cell.rjust(width)
                        for column, (cell, width) in enumerate(zip(line, widths, strict=True))))
        if index == 0:
            print("  ".join("-" * width for width in widths))


def _server_log_problems(path: Path, *, since: int) -> dict[str, int]:
    """Errors the server logged during the load (``since``: the log's size when it began)."""
    if not path.exists():
        return {}
    with path.open("rb") as log:
        log.seek(since)
        text = log.read().decode("utf-8", errors="replace")
    return {marker: text.count(marker)
            for marker in ("Traceback", "Internal Server Error", "WORKER TIMEOUT")}


def _versions() -> str:
    from importlib.metadata import version

    return f"gunicorn {version('gunicorn')}, locust {version('locust')}"


def main() -> None:
    sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50, help="simulated people at once")
    parser.add_argument("--spawn-rate", type=float, default=10, help="users started per second")
    parser.add_argument("--duration", default="60s", help="locust's run time, e.g. 60s or 5m")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--password", default=os.environ.get("BENCH_PASSWORD", "bench"),
                        help="the password generate_scale gave the users")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary folder with locust's CSV and the server log")
    arguments = parser.parse_args()
    if importlib.util.find_spec("locust") is None:
        _refuse("нет locust: .venv/bin/python -m pip install -r requirements-bench.txt")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from bench.run_info import (
        command_line,
        data_sizes,
        database_label,
        machine,
        print_header,
        started_at,
    )

    municipalities = _check_data(arguments.password)
    meta = {"date": started_at(), "command": command_line(), "machine": machine(),
            "database": database_label(), "sizes": data_sizes()}
    print_header("Нагрузочный замер: gunicorn + locust", meta)
    print(f"Сервер: {arguments.workers} процессов gunicorn (sync), DEBUG=0, "
          f"CONN_MAX_AGE={os.environ.get('CONN_MAX_AGE', '0')}; {_versions()}")
    print(f"Нагрузка: {arguments.users} пользователей, по {arguments.spawn_rate:g} в секунду, "
          f"{arguments.duration}; синтетических МО: {municipalities}; пауза между страницами "
          "1–3 с", flush=True)

    folder = Path(tempfile.mkdtemp(prefix="stazhirovki-load-"))
    # Stopping the script by a signal still stops the server (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(2))
    port = _free_port()
    environment = server_environment(port=port, folder=folder)
    server_log = folder / "gunicorn.log"
    locust_log = folder / "locust.log"
    failed_to_run = None
    server = None
    log_start = 0
    server_start_cpu = before_locust = after_locust = load_before = 0.0
    try:
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                       cwd=ROOT, env=environment, check=True)
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers",
             str(arguments.workers), "--bind", f"127.0.0.1:{port}",
             "--error-logfile", str(server_log), "--capture-output"],
            cwd=ROOT, env=environment, start_new_session=True,
        )
        checks = _wait_for_health(server, port)
        _warm_up(port, arguments.workers)
        # The probe's own complaint about the missing worker is not the load's.
        log_start = server_log.stat().st_size if server_log.exists() else 0
        server_start_cpu = _group_cpu_seconds(server.pid)
        load_before = os.getloadavg()[0]
        print("/health/: " + ", ".join(f"{key} {value}" for key, value in checks.items())
              + " (фоновый обработчик в замере не нужен)")
        locust_environment = dict(os.environ)
        locust_environment.update({
            "BENCH_MUNICIPALITIES": str(municipalities),
            "BENCH_PASSWORD": arguments.password,
            "BENCH_SUMMARY_JSON": str(folder / "pages.json"),
        })
        before_locust = _children_cpu_seconds()
        with locust_log.open("w", encoding="utf-8") as log:
            subprocess.run(
                [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"),
                 "--headless", "-u", str(arguments.users), "-r", f"{arguments.spawn_rate:g}",
                 "-t", arguments.duration, "--host", f"http://127.0.0.1:{port}",
                 "--csv", str(folder / "load"), "--only-summary", "--loglevel", "WARNING"],
                cwd=ROOT, env=locust_environment, stdout=log, stderr=subprocess.STDOUT,
                check=False,
            )
        after_locust = _children_cpu_seconds()
    except (subprocess.CalledProcessError, RuntimeError, OSError) as error:
        failed_to_run = str(error)
    finally:
        if server is not None:
            _stop(server)

    stats_path = folder / "load_stats.csv"
    if failed_to_run or not stats_path.exists():
        print(f"ОШИБКА: замер не состоялся: {failed_to_run or 'locust не записал статистику'}")
        for title, path in (("журнал gunicorn", server_log), ("журнал locust", locust_log)):
            tail = _tail(path)
            if tail:
                print(f"--- {title} ---\n{tail}")
        print(f"Файлы замера: {folder}")
        sys.exit(2)

    # Gunicorn has been waited for: its workers' time is now among the children's.
    server_cpu = _children_cpu_seconds() - after_locust - server_start_cpu
    rows = read_stats(stats_path)
    pages_path = folder / "pages.json"
    summary = json.loads(pages_path.read_text(encoding="utf-8")) if pages_path.exists() else []
    print()
    print_stats(rows + summary)
    total = rows[-1]
    failures_path = folder / "load_failures.csv"
    if total["failures"] and failures_path.exists():
        print("\nОшибки:")
        with failures_path.open(encoding="utf-8", newline="") as failures:
            for row in csv.DictReader(failures):
                print(f"  {row['Occurrences']} × {row['Method']} {row['Name']}: {row['Error']}")
    problems = {marker: count
                for marker, count in _server_log_problems(server_log, since=log_start).items()
                if count}
    if problems:
        print("\nВ журнале gunicorn: " + ", ".join(f"{marker} — {count}"
                                                    for marker, count in problems.items()))
        print(_tail(server_log))

    cores = os.cpu_count() or 1
    print(f"\nПроцессор за время нагрузки: gunicorn {server_cpu:.1f} с "
          f"({server_cpu / max(total['requests'], 1) * 1000:.0f} мс на запрос, без PostgreSQL), "
          f"locust {after_locust - before_locust:.1f} с; загрузка машины перед нагрузкой "
          f"(load average) {load_before:.2f}, ядер: {cores}")

    pages = summary[0] if summary else None
    p95 = float(pages["p95_ms"]) if pages and pages["p95_ms"] is not None else None
    target_met = total["failures"] == 0 and p95 is not None and p95 < TARGET_P95_MS
    print()
    print(f"Цель: ошибок 0 (есть {total['failures']}), p95 страниц без входа < "
          f"{TARGET_P95_MS} мс (есть {_ms(p95)} мс) — "
          + ("выполнена" if target_met else "НЕ выполнена"))
    if arguments.keep or total["failures"] or problems:
        print(f"Файлы замера (CSV locust, журналы): {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    sys.exit(1 if total["failures"] else 0)


if __name__ == "__main__":
    main()
