"""Users of the four roles browsing the portal, for locust; started by bench/load.py:

    .venv/bin/python bench/load.py [--users 50] [--spawn-rate 10] [--duration 60s] [--workers 4]

Each simulated person takes a random synthetic municipality (1 … BENCH_MUNICIPALITIES), signs in
through the login form as that municipality's user of its role (password BENCH_PASSWORD,
«bench» by default), and then opens what that role opens, waiting 1–3 s between pages.
Requests are named by page; signing in is named «вход» (it pays for password hashing).
With BENCH_SUMMARY_JSON set, the figures of all pages together, sign-in left out, and of the
pages requested after the last sign-in are written there at the end.

Imports nothing but locust and the standard library: it runs with locust alone.
"""

import json
import math
import os
import random
import re
import time

from locust import HttpUser, between, events, task
from locust.exception import StopUser

LOGIN_URL = "/accounts/login/"
LOGIN = "вход"
LOGIN_FORM = "вход: форма"
PASSWORD = os.environ.get("BENCH_PASSWORD", "bench")
MUNICIPALITIES = int(os.environ.get("BENCH_MUNICIPALITIES", "1"))
SUMMARY_PATH = os.environ.get("BENCH_SUMMARY_JSON", "")
PAGES_SUMMARY = "страницы (без входа)"
SETTLED_SUMMARY = "страницы после всех входов"

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ORGANIZATION_LINK = re.compile(r'href="(/organizations/\d+/)"')
PLATFORM_LINK = re.compile(r'href="(/platforms/\d+/)"')
ENTRY_LINK = re.compile(r'href="(/entries/\d+/)"')


def _links(pattern: re.Pattern, html: str) -> list[str]:
    return sorted(set(pattern.findall(html)))


class PortalUser(HttpUser):
    abstract = True
    # People read a page before opening the next one.
    wait_time = between(1, 3)
    role = ""

    def on_start(self) -> None:
        self.municipality = random.randint(1, MUNICIPALITIES)
        self.username = f"m{self.municipality:04d}-{self.role}"
        self.log_in()

    def log_in(self) -> None:
        with self.client.get(LOGIN_URL, name=LOGIN_FORM, catch_response=True) as form:
            token = CSRF_FIELD.search(form.text)
            if token is None:
                form.failure(f"в форме входа нет CSRF-токена: ответ {form.status_code}")
        if token is None:
            raise StopUser()
        with self.client.post(
            LOGIN_URL,
            data={"username": self.username, "password": PASSWORD,
                  "csrfmiddlewaretoken": token.group(1), "next": ""},
            name=LOGIN,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            signed_in = (response.status_code == 302
                         and LOGIN_URL not in response.headers.get("Location", ""))
            if not signed_in:
                response.failure(f"{self.username} не вошёл: ответ {response.status_code}")
        if not signed_in:
            # Retrying would only count failures towards the login lock-out.
            raise StopUser()

    def page(self, url: str, name: str) -> str:
        return self.client.get(url, name=name).text


class StaffUser(PortalUser):
    """Department staff: the dashboard, the matrix, the organizations and platforms."""

    weight = 3
    role = "staff"

    def on_start(self) -> None:
        super().on_start()
        matrix = self.page("/matrix/", "матрица")
        self.organizations = _links(ORGANIZATION_LINK, matrix)
        self.platforms = _links(PLATFORM_LINK, matrix)

    @task(2)
    def home(self) -> None:
        self.page("/", "главная")

    @task
    def matrix(self) -> None:
        self.page("/matrix/", "матрица")

    @task
    def organization_list(self) -> None:
        self.page("/organizations/", "организации")

    @task(3)
    def organization(self) -> None:
        if self.organizations:
            self.page(random.choice(self.organizations), "организация")

    @task(2)
    def platform(self) -> None:
        if self.platforms:
            self.page(random.choice(self.platforms), "площадка")


class CuratorUser(PortalUser):
    """A curator: the dashboard, the journals of the platforms they curate, their entries."""

    weight = 3
    role = "curator"

    def on_start(self) -> None:
        super().on_start()
        # The dashboard lists the curator's own platforms, newest year first.
        self.platforms = _links(PLATFORM_LINK, self.page("/", "главная"))
        self.entries = []

    @task
    def home(self) -> None:
        self.page("/", "главная")

    @task(3)
    def journal(self) -> None:
        if self.platforms:
            platform = random.choice(self.platforms)
            self.entries = _links(ENTRY_LINK, self.page(f"{platform}journal/", "журнал"))

    @task(3)
    def entry(self) -> None:
        if self.entries:
            self.page(random.choice(self.entries), "мероприятие")


class SchoolUser(PortalUser):
    """A school's management team: its own organization and «Мои стажировки»."""

    weight = 3
    role = "school"

    def on_start(self) -> None:
        super().on_start()
        # A school team's home is its organization's page: the portal redirects there.
        response = self.client.get("/", name="главная (переход)", allow_redirects=False)
        self.organization = response.headers.get("Location", "/")

    @task(2)
    def organization(self) -> None:
        self.page(self.organization, "своя организация")

    @task
    def my_internships(self) -> None:
        self.page("/my/internships/", "мои стажировки")


class AnalystUser(PortalUser):
    """An analyst: the project's indicators, the reports page, the matrix."""

    weight = 1
    role = "analyst"

    @task(2)
    def indicators(self) -> None:
        self.page("/indicators/project/", "показатели проекта")

    @task
    def reports(self) -> None:
        self.page("/reports/", "отчёты")

    @task
    def matrix(self) -> None:
        self.page("/matrix/", "матрица")


# What the summary needs: each page request (start, milliseconds, failed) and when the last
# sign-in ended, so that the pages served after the wave of sign-ins can be told apart.
_seen = {"pages": [], "last_login_end": 0.0}


@events.request.add_listener
def remember_request(name, response_time, exception=None, start_time=None, **_kwargs) -> None:
    started = start_time if start_time is not None else time.time() - response_time / 1000
    if name == LOGIN:
        _seen["last_login_end"] = max(_seen["last_login_end"], started + response_time / 1000)
    elif not name.startswith(LOGIN):
        _seen["pages"].append((started, response_time, exception is not None))


def _percentile(ordered: list[float], share: float) -> float:
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summary_row(name: str, requests: list[tuple[float, float, bool]]) -> dict:
    times = sorted(milliseconds for _, milliseconds, _ in requests)
    starts = [started for started, _, _ in requests]
    span = max(starts) - min(starts) if len(starts) > 1 else 0
    return {
        "name": name,
        "requests": len(requests),
        "failures": sum(failed for _, _, failed in requests),
        "requests_per_second": len(requests) / span if span else 0.0,
        "p50_ms": _percentile(times, 0.50) if times else None,
        "p95_ms": _percentile(times, 0.95) if times else None,
        "p99_ms": _percentile(times, 0.99) if times else None,
        "max_ms": times[-1] if times else None,
    }


@events.quitting.add_listener
def write_pages_summary(**_kwargs) -> None:
    """The pages together, sign-in left out (its password hashing is not a page's cost), and
    the pages requested after the last sign-in, when no hashing competes with them."""
    if not SUMMARY_PATH:
        return
    pages = _seen["pages"]
    settled = [request for request in pages if request[0] >= _seen["last_login_end"]]
    with open(SUMMARY_PATH, "w", encoding="utf-8") as summary_file:
        json.dump([summary_row(PAGES_SUMMARY, pages), summary_row(SETTLED_SUMMARY, settled)],
                  summary_file, ensure_ascii=False)
