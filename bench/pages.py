"""Server time of the portal's main pages, measured in-process on the database in DATABASE_URL.

The pages are requested through django.test.Client as the users of one synthetic municipality
(0001 by default, the reference one: N // M organizations), so the figures of two databases of
different sizes compare the same pages over the same 1,000 organizations:

    createdb -h 127.0.0.1 -U postgres bench_1k
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_1k
    .venv/bin/python manage.py migrate -v0
    .venv/bin/python manage.py generate_scale --municipalities 1 --orgs 1000 --password bench
    .venv/bin/python bench/pages.py --json pages-1k.json

    createdb -h 127.0.0.1 -U postgres bench_50k
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_50k
    .venv/bin/python manage.py migrate -v0
    .venv/bin/python manage.py generate_scale --municipalities 50 --orgs 50000 --password bench
    .venv/bin/python bench/pages.py --json pages-50k.json --compare pages-1k.json

Options: --repeat 30 (timed requests per page), --warmup 3, --municipality 1, --queries 0
(print that many slowest SQL statements of each page). The Django admin's list of placements,
opened by the superuser «bench-admin» (created when missing), is the baseline. Exit status 1
when a page answers other than 200 or, with --compare, when a page's query count differs.
"""

import argparse
import json
import os
import statistics
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

ADMIN_USERNAME = "bench-admin"
BASELINE = "admin_placements"
# Statements kept per page in the JSON, slowest first, for EXPLAIN ANALYZE afterwards.
KEPT_QUERIES = 3


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    role: str
    url: str


def _reference_objects(municipality: int) -> dict:
    """The users of the reference municipality and the objects its pages show."""
    from django.contrib.auth.models import User
    from django.utils import timezone

    from internships.models import JournalEntry, Platform
    from internships.periods import municipality_default_period

    prefix = f"m{municipality:04d}"
    users = {}
    for role in ("staff", "curator", "school", "analyst"):
        user = User.objects.select_related("profile").filter(username=f"{prefix}-{role}").first()
        if user is None:
            raise SystemExit(
                f"Нет пользователя {prefix}-{role}: создайте данные командой "
                "generate_scale с --password (см. bench/README.md)."
            )
        users[role] = user
    # The year the pages open on, so the platform page measured is one of that year.
    period = municipality_default_period(municipality=users["staff"].profile.municipality,
                                         today=timezone.localdate())
    platform = Platform.objects.get(period=period, direction__number=1)
    entry = JournalEntry.objects.filter(platform=platform).order_by("-held_on", "-pk").first()
    if entry is None:
        raise SystemExit(f"В журнале площадки {platform} нет мероприятий: данные неполные.")
    from diagnostics.models import Deficit

    deficit = Deficit.objects.filter(direction=platform.direction).order_by("code").first()
    return {"users": users, "period": period, "platform": platform, "entry": entry,
            "organization": users["school"].profile.organization_id, "deficit": deficit}


def reference_pages(objects: dict) -> list[Page]:
    from django.urls import reverse

    organization = reverse("organization_detail", args=[objects["organization"]])
    platform = objects["platform"].pk
    return [
        Page("home", "Главная", "staff", reverse("home")),
        Page("home_curator", "Главная", "curator", reverse("home")),
        Page("matrix", "Матрица распределения", "staff", reverse("matrix")),
        Page("organization_list", "Организации", "staff", reverse("organization_list")),
        Page("organization_own", "Своя организация", "school", organization),
        Page("organization_staff", "Организация", "staff", organization),
        Page("my_internships", "Мои стажировки", "school", reverse("my_internships")),
        Page("platform", "Площадка (направление 1)", "staff",
             reverse("platform_detail", args=[platform])),
        Page("journal", "Журнал площадки", "curator", reverse("journal", args=[platform])),
        Page("entry", "Мероприятие журнала", "curator",
             reverse("entry_detail", args=[objects["entry"].pk])),
        Page("deficit", "Дефицит: диагностики, мероприятия, изменение", "staff",
             reverse("deficit_detail", args=[objects["deficit"].pk])),
        Page("deficit_gaps", "Пробелы: дефициты без мероприятий", "staff",
             reverse("deficit_gaps")),
        Page("team_deficit_events", "Дефициты и мероприятия своей команды", "school",
             reverse("team_deficit_events", args=[objects["organization"]])),
        Page("project_indicators", "Показатели проекта", "analyst",
             reverse("project_indicators")),
        Page("report_jobs", "Отчёты", "analyst", reverse("report_jobs")),
        Page(BASELINE, "Админка: распределения", "admin",
             reverse("admin:internships_placement_changelist")),
    ]


def _bench_admin():
    """The superuser of the admin baseline; created once, without a usable password."""
    from django.contrib.auth.models import User

    user = User.objects.filter(username=ADMIN_USERNAME).first()
    if user is not None:
        return user, False
    return User.objects.create_superuser(ADMIN_USERNAME, email="", password=None), True


def _client_for(user):
    from django.conf import settings
    from django.test import Client

    # A host the settings accept; 500s come back as responses, so they are counted, not raised.
    host = next((name for name in settings.ALLOWED_HOSTS if "*" not in name), "127.0.0.1")
    client = Client(SERVER_NAME=host.lstrip("."), raise_request_exception=False)
    client.force_login(user)
    return client


def prepare_page(client, page: Page, *, warmup: int) -> dict:
    """Warm-up requests and one request with its queries logged; the timings come later."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    statuses = []
    for _ in range(warmup):
        statuses.append(client.get(page.url, secure=True).status_code)
    # Queries are counted on a request of their own: the log costs time the timed ones must not.
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page.url, secure=True)
    statuses.append(response.status_code)
    # Read now: the next request empties the connection's query log.
    queries = [{"ms": round(float(query["time"]) * 1000, 2), "sql": query["sql"]}
               for query in captured.captured_queries]
    return {
        "key": page.key,
        "title": page.title,
        "role": page.role,
        "url": page.url,
        "statuses": statuses,
        "queries": len(queries),
        "sql_ms": round(sum(query["ms"] for query in queries), 2),
        "bytes": len(response.content),
        "slowest_queries": sorted(queries, key=lambda query: -query["ms"])[:KEPT_QUERIES],
        "timings": [],
        "cpu": [],
    }


def time_request(client, page: Page, result: dict) -> None:
    """One timed request: wall time and this process's CPU time (the application's work,
    without PostgreSQL's and without waiting for a busy processor)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result["statuses"].append(client.get(page.url, secure=True).status_code)
    result["cpu"].append((time.process_time() - cpu) * 1000)
    result["timings"].append((time.perf_counter() - wall) * 1000)


def finish_page(result: dict) -> dict:
    from bench.run_info import percentile

    timings, cpu = result.pop("timings"), result.pop("cpu")
    bad = [code for code in result.pop("statuses") if code != 200]
    result["status"] = bad[0] if bad else 200
    result.update({
        "median_ms": round(statistics.median(timings), 2) if timings else None,
        "p95_ms": round(percentile(timings, 0.95), 2) if timings else None,
        "min_ms": round(min(timings), 2) if timings else None,
        "max_ms": round(max(timings), 2) if timings else None,
        "cpu_median_ms": round(statistics.median(cpu), 2) if cpu else None,
    })
    return result


def run_meta(*, municipality: int, repeat: int, warmup: int) -> dict:
    """What the run measured and where: printed as the header, kept in the JSON."""
    from bench.run_info import command_line, data_sizes, database_label, machine, started_at

    return {
        "date": started_at(),
        "command": command_line(),
        "machine": machine(),
        "database": database_label(),
        "sizes": data_sizes(),
        "municipality": municipality,
        "repeat": repeat,
        "warmup": warmup,
    }


def measure_pages(*, municipality: int = 1, repeat: int = 30, warmup: int = 3,
                  meta: dict | None = None, progress=None) -> dict:
    """Every page measured; the result is what ``--json`` saves (Django must be set up)."""
    if meta is None:
        meta = run_meta(municipality=municipality, repeat=repeat, warmup=warmup)
    objects = _reference_objects(municipality)
    admin, created = _bench_admin()
    meta["admin_created"] = created
    meta["reference_organizations"] = (
        objects["users"]["staff"].profile.municipality.organizations.count()
    )
    users = {**objects["users"], "admin": admin}
    clients = {role: _client_for(user) for role, user in users.items()}
    measured = [(page, prepare_page(clients[page.role], page, warmup=warmup))
                for page in reference_pages(objects)]
    # Round by round, every page once a round: on a machine shared with other work, each
    # page and the baseline then meet the same changes of load.
    for _ in range(repeat):
        for page, result in measured:
            time_request(clients[page.role], page, result)
    pages = []
    for page, result in measured:
        result = finish_page(result)
        result["user"] = users[page.role].get_username()
        pages.append(result)
        if progress is not None:
            progress(result)
    return {"meta": meta, "pages": pages}


def _number(value, digits: int = 1) -> str:
    from core.formatting import ru_number

    return "—" if value is None else ru_number(value, digits, grouped=True)


def print_results(results: dict, *, queries: int = 0) -> None:
    rows = [("Страница", "Пользователь", "Код", "Запросов", "SQL, мс", "КБ", "Медиана, мс",
             "p95, мс", "ЦП, мс", "Медиана / эталон")]
    baseline = next(page for page in results["pages"] if page["key"] == BASELINE)
    for page in results["pages"]:
        rows.append((page["title"], page["user"], str(page["status"]), str(page["queries"]),
                     _number(page["sql_ms"]), _number(page["bytes"] / 1024),
                     _number(page["median_ms"]), _number(page["p95_ms"]),
                     _number(page.get("cpu_median_ms")),
                     _ratio(page["median_ms"], baseline["median_ms"])))
    _print_table(rows)
    if queries:
        for page in results["pages"]:
            print(f"\n{page['title']} ({page['user']}), самые долгие запросы:")
            for query in page["slowest_queries"][:queries]:
                print(f"  {query['ms']:.2f} мс: {query['sql']}")


def _ratio(value, baseline) -> str:
    if value is None or not baseline:
        return "—"
    return _number(value / baseline, 2)


def _print_table(rows) -> None:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for index, row in enumerate(rows):
        cells = [cell.ljust(width) if column < 2 else cell.rjust(width)
                 for column, (cell, width) in enumerate(zip(row, widths, strict=True))]
        print("  ".join(cells))
        if index == 0:
            print("  ".join("-" * width for width in widths))


def slower_than_baseline(results: dict) -> list[dict]:
    baseline = next(page for page in results["pages"] if page["key"] == BASELINE)
    return [page for page in results["pages"]
            if page["key"] != BASELINE and page["median_ms"] is not None
            and baseline["median_ms"] is not None and page["median_ms"] > baseline["median_ms"]]


def _size_label(results: dict) -> str:
    from core.formatting import ru_number

    organizations = results["meta"]["sizes"].get("teams.Organization", 0)
    return f"{ru_number(organizations, 0, grouped=True)} ОО"


def compare(before: dict, after: dict) -> list[str]:
    """Prints the two runs side by side; returns the keys whose query counts differ."""
    left, right = _size_label(before), _size_label(after)
    if left == right:
        left, right = f"{left} (файл)", f"{right} (сейчас)"
    rows = [("Страница", "Пользователь", f"Медиана, мс: {left}", right, f"p95, мс: {left}",
             right, f"Запросов: {left}", right, "Запросы совпадают")]
    earlier = {page["key"]: page for page in before["pages"]}
    differing = []
    for page in after["pages"]:
        other = earlier.get(page["key"])
        if other is None:
            rows.append((page["title"], page["user"], "—", _number(page["median_ms"]), "—",
                         _number(page["p95_ms"]), "—", str(page["queries"]), "нет в файле"))
            continue
        same = other["queries"] == page["queries"]
        if not same:
            differing.append(page["key"])
        rows.append((page["title"], page["user"], _number(other["median_ms"]),
                     _number(page["median_ms"]), _number(other["p95_ms"]),
                     _number(page["p95_ms"]), str(other["queries"]), str(page["queries"]),
                     "да" if same else "НЕТ"))
    _print_table(rows)
    return differing


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests before them")
    parser.add_argument("--municipality", type=int, default=1,
                        help="number of the synthetic municipality whose users open the pages")
    parser.add_argument("--json", type=Path, help="save the results to this file")
    parser.add_argument("--compare", type=Path, help="results of another size to print beside")
    parser.add_argument("--queries", type=int, default=0,
                        help="print this many slowest SQL statements of each page")
    arguments = parser.parse_args()
    if arguments.repeat < 1 or arguments.warmup < 0:
        parser.error("--repeat must be at least 1, --warmup at least 0")
    before = json.loads(arguments.compare.read_text(encoding="utf-8")) \
        if arguments.compare else None

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # The collected-static folder exists only after collectstatic; no page here needs it.
    warnings.filterwarnings("ignore", message="No directory at")
    import django
    from django.conf import settings

    django.setup()
    # Measured as the portal runs in production: no query log kept, no template debug data.
    settings.DEBUG = False

    from bench.run_info import print_header

    meta = run_meta(municipality=arguments.municipality, repeat=arguments.repeat,
                    warmup=arguments.warmup)
    print_header("Время ответа страниц на сервере (в процессе, django.test.Client)", meta)
    print(f"Запросов на страницу: {meta['repeat']} после {meta['warmup']} пробных", flush=True)
    results = measure_pages(
        municipality=arguments.municipality, repeat=arguments.repeat, warmup=arguments.warmup,
        meta=meta,
        progress=lambda page: print(f"  {page['title']} ({page['user']}): "
                                    f"медиана {_number(page['median_ms'])} мс", file=sys.stderr),
    )
    print(f"Эталонное МО: {arguments.municipality:04d}, организаций в нём: "
          f"{meta['reference_organizations']}")
    if meta["admin_created"]:
        print(f"Создан суперпользователь {ADMIN_USERNAME} (без пароля) для эталона — "
              "списка распределений в админке.")
    print()
    print_results(results, queries=arguments.queries)

    failed = [page for page in results["pages"] if page["status"] != 200]
    slower = slower_than_baseline(results)
    print()
    if slower:
        print("Медленнее эталона (медиана выше, чем у списка распределений в админке): "
              + ", ".join(f"{page['title']} ({page['user']})" for page in slower))
    else:
        print("Медленнее эталона нет ни одной страницы.")
    if arguments.json:
        arguments.json.write_text(json.dumps(results, ensure_ascii=False, indent=1),
                                  encoding="utf-8")
        print(f"Результаты сохранены: {arguments.json}")
    differing = []
    if before is not None:
        print()
        print(f"Сравнение с {arguments.compare} ({before['meta']['date']}):")
        differing = compare(before, results)
    if failed:
        print("ОШИБКА: ответ не 200 — " + ", ".join(
            f"{page['title']} ({page['user']}): {page['status']}" for page in failed))
    if differing:
        print("ОШИБКА: число запросов зависит от размера базы — " + ", ".join(differing))
    sys.exit(1 if failed or differing else 0)


if __name__ == "__main__":
    main()
