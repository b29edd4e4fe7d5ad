import pytest
from django.urls import reverse

CHECK_TITLES = ("База данных", "Брокер очередей", "Фоновый обработчик")


@pytest.mark.django_db
def test_it_reports_every_check_ok_to_an_anonymous_visitor(client):
    response = client.get(reverse("health"))

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
def test_it_shows_no_data_of_the_portal(client, django_user_model):
    django_user_model.objects.create_user(username="director-secret", password="x" * 12)

    response = client.get(reverse("health"))

    assert response.status_code == 200
    assert "director-secret" not in response.content.decode()


@pytest.mark.django_db
def test_it_answers_json_when_asked(client):
    response = client.get(reverse("health"), {"format": "json"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"database": "ok", "broker": "ok", "worker": "ok"}


@pytest.mark.django_db
def test_it_answers_503_and_skips_the_worker_when_the_broker_is_unreachable(
    client, reconfigure_celery
):
    # Nothing listens on port 1: the connection is refused at once.
    reconfigure_celery(
        broker_url="redis://127.0.0.1:1/0",
        broker_transport_options={},
        task_always_eager=False,
    )

    response = client.get(reverse("health"))

    assert response.status_code == 503
    failures = {check.key: check.failure for check in response.context["checks"]}
    assert failures == {
        "database": None,
        "broker": "нет соединения с брокером очередей",
        "worker": "не проверен: брокер очередей недоступен",
    }
    assert "нет соединения с брокером очередей" in response.content.decode()
    assert client.get(reverse("health"), {"format": "json"}).json() == {
        "database": "ok",
        "broker": "failed",
        "worker": "failed",
    }


def test_its_template_carries_no_inline_script_or_style(client):
    from django.template.loader import get_template

    source = get_template("health.html").template.source

    assert "<script" not in source
    assert "<style" not in source
    assert "style=" not in source
