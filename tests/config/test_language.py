"""The portal answers in Russian whatever language the browser prefers."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_it_speaks_russian_to_a_browser_that_prefers_english(client):
    response = client.post(reverse("login"), {"username": "", "password": ""},
                           HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response.headers["Content-Language"] == "ru"
    assert "Обязательное поле." in response.content.decode()
