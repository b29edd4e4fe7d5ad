"""Is the portal alive: three answers for three kinds of callers.

- ``/health/live/`` — for load balancers: the process answers; no I/O, milliseconds.
- ``/health/ready/`` — for monitoring: database, queue and worker, as JSON, 200 or 503. The
  checks run at most once per ``HEALTH_READY_CACHE_SECONDS`` per process, so a flood of
  probes costs nothing (the worker check alone waits up to ``HEALTH_WORKER_TIMEOUT``).
- ``/health/`` — the page with the reasons, for the department's staff and administrators.

None shows data of the portal. Failure reasons are short and generic; details go to the log.
"""

import logging
import os
from dataclasses import dataclass

from celery.result import EagerResult
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from config.celery import app as celery_app
from config.celery import ping
from teams.access import has_role
from teams.models import Role

logger = logging.getLogger(__name__)

BROKER_TIMEOUT = 2.0


@dataclass(frozen=True)
class Check:
    key: str
    title: str
    failure: str | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None


def check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Проверка состояния: база данных недоступна")
        return "нет соединения с базой данных"
    return None


def check_broker() -> str | None:
    try:
        with celery_app.connection_for_write(
            connect_timeout=BROKER_TIMEOUT,
            transport_options={
                "socket_connect_timeout": BROKER_TIMEOUT,
                "socket_timeout": BROKER_TIMEOUT,
            },
        ) as conn:
            conn.ensure_connection(
                max_retries=1, interval_start=0, interval_step=0.2, timeout=BROKER_TIMEOUT
            )
            if conn.transport.driver_type == "filesystem":
                return _check_queue_folders(conn.transport_options)
    except Exception:
        logger.exception("Проверка состояния: брокер очередей недоступен")
        return "нет соединения с брокером очередей"
    return None


def _check_queue_folders(options: dict) -> str | None:
    # A file-system "connection" never fails; the folders are what can.
    for key in ("data_folder_in", "data_folder_out"):
        folder = options.get(key)
        if folder and not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
            logger.error("Проверка состояния: папка очереди %s недоступна", folder)
            return "папка очереди недоступна"
    return None


def check_worker(timeout: float) -> str | None:
    try:
        # The ping expires so that a worker started later does not work
        # through the pings sent while it was down.
        result = ping.apply_async(expires=timeout)
        answer = result.get(timeout=timeout)
    except Exception:
        logger.exception("Проверка состояния: фоновый обработчик не ответил")
        return f"не ответил за {timeout:g} с"
    if not isinstance(result, EagerResult):
        result.forget()
    if answer != "pong":
        return "неожиданный ответ"
    return None


def run_checks() -> list[Check]:
    database = check_database()
    broker = check_broker()
    if broker is None:
        worker = check_worker(settings.HEALTH_WORKER_TIMEOUT)
    else:
        worker = "не проверен: брокер очередей недоступен"
    return [
        Check("database", "База данных", database),
        Check("broker", "Брокер очередей", broker),
        Check("worker", "Фоновый обработчик", worker),
    ]


READY_CACHE_KEY = "health:ready"


@never_cache
def health_live(request):
    return JsonResponse({"status": "ok"})


@never_cache
def health_ready(request):
    answers = cache.get(READY_CACHE_KEY)
    if answers is None:
        answers = {check.key: "ok" if check.ok else "failed" for check in run_checks()}
        cache.set(READY_CACHE_KEY, answers, settings.HEALTH_READY_CACHE_SECONDS)
    status = 200 if all(answer == "ok" for answer in answers.values()) else 503
    return JsonResponse(answers, status=status)


@never_cache
@login_required
def health(request):
    if not has_role(request.user, Role.STAFF):
        raise PermissionDenied
    checks = run_checks()
    status = 200 if all(check.ok for check in checks) else 503
    return render(
        request,
        "health.html",
        {"checks": checks, "all_ok": status == 200},
        status=status,
    )
