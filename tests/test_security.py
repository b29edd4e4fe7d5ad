"""Login throttling, passwords, security headers, CSRF and the strict-CSP templates."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from demo.krymsky import load_demo
from internships.models import Placement, Transfer

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"
PASSWORD = "Верный-пароль-2024"
FIRST_IP = "10.0.0.1"
SECOND_IP = "10.0.0.2"


def _log_in(client: Client, username: str, password: str, ip: str):
    return client.post(reverse("login"), {"username": username, "password": password},
                       REMOTE_ADDR=ip)


def _is_logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def users(db):
    return {name: User.objects.create_user(name, password=PASSWORD)
            for name in ("staff", "analyst")}


@pytest.fixture
def staff_locked_out_from_first_ip(users):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt = Client()
        _log_in(attempt, "staff", "неверный пароль", FIRST_IP)
        assert not _is_logged_in(attempt)


def test_it_logs_in_with_the_right_password(users, client):
    response = _log_in(client, "staff", PASSWORD, FIRST_IP)

    assert response.status_code == 302
    assert _is_logged_in(client)


def test_it_refuses_the_right_password_after_too_many_wrong_ones(
    staff_locked_out_from_first_ip, client
):
    response = _log_in(client, "staff", PASSWORD, FIRST_IP)

    assert response.status_code == 429
    assert "Вход временно заблокирован" in response.content.decode()
    assert not _is_logged_in(client)


def test_it_allows_one_wrong_password_less_than_the_limit(users, client):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _log_in(Client(), "staff", "неверный пароль", FIRST_IP)

    response = _log_in(client, "staff", PASSWORD, FIRST_IP)

    assert response.status_code == 302
    assert _is_logged_in(client)


def test_the_lock_does_not_keep_the_same_user_out_from_another_address(
    staff_locked_out_from_first_ip, client
):
    response = _log_in(client, "staff", PASSWORD, SECOND_IP)

    assert response.status_code == 302
    assert _is_logged_in(client)


def test_the_lock_does_not_keep_another_user_out_from_the_same_address(
    staff_locked_out_from_first_ip, client
):
    response = _log_in(client, "analyst", PASSWORD, FIRST_IP)

    assert response.status_code == 302
    assert _is_logged_in(client)


def test_password_validation_refuses_a_nine_character_password():
    with pytest.raises(ValidationError) as refusal:
        validate_password("Kq7#mZ2!w")

    assert any("слишком короткий" in message for message in refusal.value.messages)


def test_password_validation_accepts_a_strong_password_of_ten_or_more_characters():
    assert validate_password("Kq7#mZ2!wR") is None
    assert validate_password("Стажировка-площадка-2024") is None


def test_password_validation_refuses_common_and_numeric_passwords():
    for password in ("password123", "1234567890123"):
        with pytest.raises(ValidationError):
            validate_password(password)


def _policy(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["login", "health"])
def test_pages_carry_a_strict_content_security_policy(client, url_name):
    response = client.get(reverse(url_name))

    header = response.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in header
    assert "'unsafe-eval'" not in header
    policy = _policy(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_signed_in_pages_carry_the_same_policy(users, client):
    client.force_login(users["staff"])

    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert _policy(response)["script-src"] == ["'self'"]


def _templates() -> list[Path]:
    return sorted(TEMPLATES_DIR.rglob("*.html"))


def _tags(text: str) -> list[str]:
    """Opening tags; template tags inside them contain no angle brackets."""
    return re.findall(r"<[a-zA-Z][^<>]*>", text)


INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def test_the_templates_are_found():
    assert len(_templates()) >= 5


@pytest.mark.parametrize("template", _templates(), ids=lambda path: str(path.relative_to(
    TEMPLATES_DIR)))
def test_a_template_has_no_inline_script_style_or_event_handler(template):
    text = template.read_text(encoding="utf-8")

    inline_scripts = [body for body in INLINE_SCRIPT.findall(text) if body.strip()]
    assert not inline_scripts, f"встроенный <script> в {template.name}"
    for tag in _tags(text):
        assert not STYLE_ATTRIBUTE.search(tag), f"атрибут style= в {template.name}: {tag}"
        assert not EVENT_HANDLER.search(tag), f"обработчик on…= в {template.name}: {tag}"


def test_the_scanner_catches_what_it_looks_for():
    sample = '<div style="color:red"><a href="#" onclick="go()">x</a><script>go()</script>'

    assert INLINE_SCRIPT.findall(sample) == ["go()"]
    assert [tag for tag in _tags(sample) if STYLE_ATTRIBUTE.search(tag)]
    assert [tag for tag in _tags(sample) if EVENT_HANDLER.search(tag)]
    assert not EVENT_HANDLER.search('<button data-bs-toggle="collapse" aria-controls="nav">')


def test_the_login_form_refuses_a_post_without_csrf_token(users):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("login"), {"username": "staff", "password": PASSWORD})

    assert response.status_code == 403
    assert not _is_logged_in(client)


def test_the_login_form_accepts_a_post_with_its_csrf_token(users):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("login"))

    response = client.post(reverse("login"), {
        "username": "staff", "password": PASSWORD,
        "csrfmiddlewaretoken": client.cookies[settings.CSRF_COOKIE_NAME].value,
    })

    assert response.status_code == 302
    assert _is_logged_in(client)


@pytest.mark.django_db
def test_the_transfer_form_refuses_a_post_without_csrf_token():
    load_demo()
    placement = Placement.objects.get(platform__direction__number=1,
                                      team__organization__short_name="МБОУ СОШ № 4")
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username="staff"))
    url = reverse("transfer_create", kwargs={"pk": placement.pk})
    data = {"to_tier": "leader", "transferred_on": "2022-03-01", "reason": "Итоги диагностики"}

    refused = client.post(url, data)

    assert refused.status_code == 403
    assert not Transfer.objects.exists()

    client.get(url)
    accepted = client.post(
        url, {**data, "csrfmiddlewaretoken": client.cookies[settings.CSRF_COOKIE_NAME].value}
    )

    assert accepted.status_code == 302
    assert Transfer.objects.count() == 1


@pytest.mark.django_db
def test_the_login_page_is_in_russian(client):
    response = client.get(reverse("login"))

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "ru"
    page = response.content.decode()
    assert '<html lang="ru">' in page
    assert "Вход в портал" in page
    assert "Имя пользователя" in page
    assert "Пароль" in page
    assert "Войти" in page


def test_a_wrong_password_is_explained_in_russian(users, client):
    response = _log_in(client, "staff", "неверный пароль", FIRST_IP)

    assert response.status_code == 200
    assert "Неверное имя пользователя или пароль" in response.content.decode()
