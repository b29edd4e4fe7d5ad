"""Forgotten passwords are reset by e-mail; a first password someone else set is replaced at
the first sign-in."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests import factories

PASSWORD = "Старый-пароль-2024"
NEW_PASSWORD = "Новый-пароль-2027"


@pytest.fixture
def person(world):
    user = factories.staff_user(world.municipality, username="methodist",
                                email="methodist@example.org")
    user.set_password(PASSWORD)
    user.save()
    return user


def test_it_mails_a_reset_link_that_names_the_portal_not_the_request_host(person, settings):
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    settings.ALLOWED_HOSTS = ["portal.example.org", "intruder.example.net"]

    response = Client(HTTP_HOST="intruder.example.net").post(
        reverse("password_reset"), {"email": "methodist@example.org"})

    assert response.headers["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.subject == "Стажировки: новый пароль" and letter.to == ["methodist@example.org"]
    assert "https://portal.example.org/accounts/password/reset/" in letter.body
    assert "intruder" not in letter.body


def test_it_sets_a_new_password_through_the_link(person):
    client = Client()
    client.post(reverse("password_reset"), {"email": "methodist@example.org"})
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+)", mail.outbox[0].body)[1]

    form_page = client.get(link, follow=True)
    client.post(form_page.redirect_chain[-1][0],
                {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert "Ссылка недействительна" in client.get(link, follow=True).content.decode()


def test_it_answers_the_same_for_an_unknown_address_and_sends_nothing(person):
    response = Client().post(reverse("password_reset"), {"email": "nobody@example.org"})

    assert response.headers["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_it_links_the_reset_from_the_sign_in_page(client):
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()


def test_it_sends_a_person_with_a_handed_over_password_to_change_it(world, person):
    person.profile.password_change_required = True
    person.profile.save()
    client = Client()
    client.post(reverse("login"), {"username": "methodist", "password": PASSWORD})

    assert client.get(reverse("matrix")).headers["Location"] == reverse("password_change")

    client.post(reverse("password_change"), {"old_password": PASSWORD,
                                             "new_password1": NEW_PASSWORD,
                                             "new_password2": NEW_PASSWORD})

    assert client.get(reverse("matrix")).status_code == 200
    person.profile.refresh_from_db()
    assert not person.profile.password_change_required


def test_it_does_not_bother_a_person_who_chose_their_own_password(person):
    client = Client()
    client.post(reverse("login"), {"username": "methodist", "password": PASSWORD})

    assert client.get(reverse("matrix")).status_code == 200
