"""The portal's own pages for refusals, missing pages, stale forms and server errors."""

import pytest
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from demo.krymsky import load_demo


@pytest.fixture
def demo(db):
    load_demo()


def _signed_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_it_explains_a_refusal_in_russian_inside_the_portal_layout(demo):
    response = _signed_in("school").get(reverse("matrix"))

    assert response.status_code == 403
    page = response.content.decode()
    assert "Нет доступа" in page
    assert "недоступны для вашей роли" in page
    assert 'class="navbar' in page  # the portal's own layout, not a bare «403 Forbidden»


def test_it_says_a_page_is_not_found_without_telling_whether_it_exists(demo):
    response = _signed_in("school").get(reverse("platform_detail", kwargs={"pk": 999999}))

    assert response.status_code == 404
    page = response.content.decode()
    assert "Страница не найдена" in page
    assert "данным, которые вам не видны" in page


def test_it_asks_to_reload_a_form_sent_without_its_token(demo):
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username="staff"))

    response = client.post(reverse("logout"))

    assert response.status_code == 403
    assert "Форма устарела" in response.content.decode()


def test_a_server_error_page_needs_neither_the_request_context_nor_the_database():
    # No database fixture: any query while rendering would raise here.
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "Ошибка на сервере" in response.content.decode()


def test_it_explains_a_file_name_too_long_to_read_in_russian_and_keeps_nothing(demo):
    # Django refuses a form part whose headers pass 1 KB; a browser sends a 600-character
    # Cyrillic file name as 1.2 KB of UTF-8 in one header.
    from internships.models import EntryAttachment, Platform

    boundary = "portal-boundary"
    name = ("Программа стажировочной сессии " * 20)[:600] + ".pdf"
    body = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="files"; filename="{name}"\r\n'
        f"Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n"
        f"--{boundary}--\r\n"
    ).encode()
    client = _signed_in("curator")

    response = client.generic(
        "POST", reverse("entry_add", kwargs={"pk": Platform.objects.filter(
            curators__user__username="curator").first().pk}), body,
        content_type=f"multipart/form-data; boundary={boundary}")

    assert response.status_code == 400
    page = response.content.decode()
    assert "Запрос не принят" in page and "слишком длинное имя" in page
    assert not EntryAttachment.objects.exists()
