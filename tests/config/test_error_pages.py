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
