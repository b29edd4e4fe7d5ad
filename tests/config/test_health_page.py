import time

import pytest
from django.urls import reverse

from config import health
from tests.helpers import assert_redirects_to_login

CHECK_TITLES = ("База данных", "Брокер очередей", "Фоновый обработчик")


@pytest.mark.django_db
def test_it_reports_every_check_ok_to_an_administrator(staff_client):
    response = staff_client.get(reverse("health"))

    assert response.status_code == 200
    assert [(check.title, check.ok) for check in response.context["checks"]] == [
        (title, True) for title in CHECK_TITLES
    ]
    page = response.content.decode()
    for title in CHECK_TITLES:
        assert title in page
    assert "Все службы работают" in page
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_it_keeps_the_detailed_page_from_anonymous_visitors(client):
    assert_redirects_to_login(client.get(reverse("health")))


@pytest.mark.django_db
def test_it_keeps_the_detailed_page_from_users_who_are_not_staff(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("someone"))

    assert client.get(reverse("health")).status_code == 403


@pytest.mark.django_db
def test_it_answers_liveness_without_touching_anything(client, django_assert_num_queries,
                                                       monkeypatch):
    monkeypatch.setattr(health, "run_checks", lambda: pytest.fail("liveness ran the checks"))

    with django_assert_num_queries(0):
        started = time.perf_counter()
        response = client.get(reverse("health_live"))
        elapsed = time.perf_counter() - started

    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert elapsed < 0.1


@pytest.mark.django_db
def test_it_answers_readiness_as_json_to_anyone(client):
    response = client.get(reverse("health_ready"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"database": "ok", "broker": "ok", "worker": "ok"}


@pytest.mark.django_db
def test_it_runs_the_readiness_checks_once_for_a_flood_of_probes(client, monkeypatch):
    runs = []
    real_checks = health.run_checks
    monkeypatch.setattr(health, "run_checks", lambda: runs.append(1) or real_checks())

    answers = [client.get(reverse("health_ready")).status_code for _ in range(20)]

    assert answers == [200] * 20
    assert len(runs) == 1


@pytest.mark.django_db
def test_it_shows_no_data_of_the_portal(staff_client, django_user_model):
    django_user_model.objects.create_user(username="director-secret", password="x" * 12)

    response = staff_client.get(reverse("health"))

    assert response.status_code == 200
    assert "director-secret" not in response.content.decode()


@pytest.mark.django_db
def test_it_answers_503_and_skips_the_worker_when_the_broker_is_unreachable(
    staff_client, reconfigure_celery
):
    # Nothing listens on port 1: the connection is refused at once.
    reconfigure_celery(
        broker_url="redis://127.0.0.1:1/0",
        broker_transport_options={},
        task_always_eager=False,
    )

    response = staff_client.get(reverse("health"))

    assert response.status_code == 503
    failures = {check.key: check.failure for check in response.context["checks"]}
    assert failures == {
        "database": None,
        "broker": "нет соединения с брокером очередей",
        "worker": "не проверен: брокер очередей недоступен",
    }
    assert "нет соединения с брокером очередей" in response.content.decode()
    ready = staff_client.get(reverse("health_ready"))
    assert ready.status_code == 503
    assert ready.json() == {"database": "ok", "broker": "failed", "worker": "failed"}


def test_its_template_carries_no_inline_script_or_style(client):
    from django.template.loader import get_template

    source = get_template("health.html").template.source

    assert "<script" not in source
    assert "<style" not in source
    assert "style=" not in source
