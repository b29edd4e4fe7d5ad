"""The worker check against a real queue and a real worker, no eager shortcut."""

import pytest
from celery.contrib.testing.worker import start_worker
from django.urls import reverse


def _worker_check(response):
    return next(check for check in response.context["checks"] if check.key == "worker")


def _start_worker(app):
    # Celery's Django fix-up closes this thread's database connection while
    # the worker starts, which is why the tests that start one run outside a
    # test transaction: a connection closed there could not be reopened.
    return start_worker(
        app, pool="solo", perform_ping_check=False, loglevel="WARNING", shutdown_timeout=20
    )


@pytest.mark.django_db(transaction=True)
def test_it_gets_the_answer_of_a_worker_through_the_file_system_queue(
    staff_client, settings, filesystem_queue
):
    settings.HEALTH_WORKER_TIMEOUT = 15

    with _start_worker(filesystem_queue):
        response = staff_client.get(reverse("health"))

    assert response.status_code == 200, response.context["checks"]
    assert _worker_check(response).ok


@pytest.mark.django_db
def test_it_reports_a_silent_worker_on_the_file_system_queue(staff_client, settings,
                                                            filesystem_queue):
    settings.HEALTH_WORKER_TIMEOUT = 0.5

    response = staff_client.get(reverse("health"))

    assert response.status_code == 503
    assert _worker_check(response).failure == "не ответил за 0.5 с"
    assert staff_client.get(reverse("health_ready")).json()["worker"] == "failed"


@pytest.mark.django_db(transaction=True)
def test_it_gets_the_answer_of_a_worker_through_redis(staff_client, settings, redis_queue):
    settings.HEALTH_WORKER_TIMEOUT = 15

    with _start_worker(redis_queue):
        response = staff_client.get(reverse("health"))

    assert response.status_code == 200, response.context["checks"]
    assert _worker_check(response).ok


@pytest.mark.django_db
def test_it_reports_a_silent_worker_on_redis(staff_client, settings, redis_queue):
    settings.HEALTH_WORKER_TIMEOUT = 0.5

    response = staff_client.get(reverse("health"))

    assert response.status_code == 503
    assert _worker_check(response).failure == "не ответил за 0.5 с"
