"""Sign-in lockout behind proxies: the client address comes from django-ipware and trusts
X-Forwarded-For only behind configured proxies; an account has a cap across all addresses;
department staff see and lift locks."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from teams.lockouts import locked_accounts, username_failures
from tests import factories
from tests.helpers import assert_redirects_to_login

PASSWORD = "Верный-пароль-2024"
PROXY = "10.0.0.1"


def log_in(username, password, *, remote=PROXY, forwarded=None):
    client = Client()
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    response = client.post(reverse("login"), {"username": username, "password": password},
                           REMOTE_ADDR=remote, **headers)
    return response, "_auth_user_id" in client.session


@pytest.fixture
def behind_one_proxy(settings):
    """The settings PORTAL_PROXY_COUNT=1 produces (config/settings.py)."""
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    settings.AXES_IPWARE_PROXY_ORDER = "right-most"
    settings.AXES_IPWARE_PROXY_COUNT = 0


@pytest.fixture
def staff(world):
    world.staff.set_password(PASSWORD)
    world.staff.save()
    return world.staff


def test_it_ignores_a_forwarded_address_when_no_proxy_is_configured(staff):
    # Without configured proxies every failure counts against REMOTE_ADDR, whatever the
    # client writes into X-Forwarded-For.
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(staff.username, "неверный", remote="198.51.100.7",
               forwarded=f"203.0.113.{number}")

    response, signed_in = log_in(staff.username, PASSWORD, remote="198.51.100.7",
                                 forwarded="203.0.113.200")

    assert response.status_code == 429 and not signed_in


def test_it_keeps_two_users_behind_one_proxy_apart(staff, behind_one_proxy):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(staff.username, "неверный", forwarded="203.0.113.9")

    attacker, _ = log_in(staff.username, PASSWORD, forwarded="203.0.113.9")
    colleague, signed_in = log_in(staff.username, PASSWORD, forwarded="198.51.100.2")

    assert attacker.status_code == 429
    assert colleague.status_code == 302 and signed_in


def test_it_does_not_let_a_spoofed_header_pick_another_address(staff, behind_one_proxy):
    # Behind the proxy a client that writes its own X-Forwarded-For lands on the proxy's
    # address, not on the address it wrote, so it cannot lock out a colleague's address.
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(staff.username, "неверный", forwarded="198.51.100.2, 203.0.113.9")

    colleague, signed_in = log_in(staff.username, PASSWORD, forwarded="198.51.100.2")

    assert colleague.status_code == 302 and signed_in


def test_it_locks_an_account_guessed_from_many_addresses(staff, behind_one_proxy):
    for number in range(settings.AXES_USERNAME_FAILURE_LIMIT):
        log_in(staff.username, "неверный", forwarded=f"203.0.113.{number + 1}")
    assert username_failures(staff.username) == settings.AXES_USERNAME_FAILURE_LIMIT

    response, signed_in = log_in(staff.username, PASSWORD, forwarded="198.51.100.50")

    assert response.status_code == 429 and not signed_in
    assert "обратитесь к специалисту управления образования" in response.content.decode()


def test_it_allows_one_failure_less_than_the_account_cap(staff, behind_one_proxy):
    for number in range(settings.AXES_USERNAME_FAILURE_LIMIT - 1):
        log_in(staff.username, "неверный", forwarded=f"203.0.113.{number + 1}")

    _, signed_in = log_in(staff.username, PASSWORD, forwarded="198.51.100.50")

    assert signed_in


def test_it_shows_staff_the_locked_accounts_of_their_municipality(world, login, staff):
    teacher_account = factories.school_user(world.school_a, username="school-lock")
    foreign = factories.staff_user(factories.MunicipalityFactory(), username="elsewhere")
    for user in (teacher_account, foreign):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            log_in(user.username, "неверный")

    response = login(staff).get(reverse("lockout_list"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "school-lock" in content and "elsewhere" not in content
    assert {lockout.username for lockout in locked_accounts(users=User.objects.all())} == {
        "elsewhere", "school-lock"}


def test_it_lets_staff_lift_a_lock(world, login, staff):
    school = factories.school_user(world.school_a, username="school-lock")
    school.set_password(PASSWORD)
    school.save()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in("school-lock", "неверный")

    response = login(staff).post(reverse("lockout_lift"), {"username": "school-lock"})

    assert response.status_code == 302
    assert log_in("school-lock", PASSWORD)[1]


def test_it_does_not_let_staff_lift_a_lock_in_another_municipality(world, login, staff):
    factories.staff_user(factories.MunicipalityFactory(), username="elsewhere")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in("elsewhere", "неверный")

    response = login(staff).post(reverse("lockout_lift"), {"username": "elsewhere"})

    assert response.status_code == 404
    assert username_failures("elsewhere") == settings.AXES_FAILURE_LIMIT


@pytest.mark.parametrize("role", ["curator", "school_user", "analyst"])
def test_it_keeps_the_lockout_page_for_staff(as_role, role):
    assert as_role(role).get(reverse("lockout_list")).status_code == 403


def test_it_sends_anonymous_users_to_sign_in(client):
    assert_redirects_to_login(client.get(reverse("lockout_list")))
