"""Assertions shared by the page tests."""

from urllib.parse import urlsplit

from django.urls import reverse


def assert_redirects_to_login(response) -> None:
    assert response.status_code == 302
    assert urlsplit(response.url).path == reverse("login")


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]
