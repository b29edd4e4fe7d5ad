"""The school opens a teacher's account from the record; the teacher signs in with it and
changes the first password; closing the account stops the sign-in."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from people.models import Teacher
from teams.models import Role, UserProfile
from tests import factories
from tests.helpers import assert_redirects_to_login

GOOD = {"username": "ivanova.m", "password1": "Стажировка-2026", "password2": "Стажировка-2026"}


@pytest.fixture
def teacher(world):
    return factories.TeacherFactory(organization=world.school_a,
                                    full_name="Иванова Мария Петровна")


def open_url(teacher) -> str:
    return reverse("teacher_account_open", args=[teacher.pk])


@pytest.mark.parametrize("role", ["staff", "school_user"])
def test_it_opens_an_account_with_the_teacher_role(as_role, teacher, world, role):
    response = as_role(role).post(open_url(teacher), GOOD)

    assert response.status_code == 302
    teacher.refresh_from_db()
    user = teacher.user
    assert user.username == "ivanova.m"
    assert (user.last_name, user.first_name) == ("Иванова", "Мария Петровна")
    profile = UserProfile.objects.get(user=user)
    assert (profile.role, profile.organization, profile.municipality) == (
        Role.TEACHER, world.school_a, world.municipality)


def test_it_has_the_teacher_replace_the_first_password_then_land_on_their_page(
        as_role, teacher):
    as_role("school_user").post(open_url(teacher), GOOD)
    client = Client()

    response = client.post(reverse("login"), {"username": "ivanova.m",
                                              "password": "Стажировка-2026"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("password_change")
    assert client.get(reverse("my_page")).headers["Location"] == reverse("password_change")

    client.post(reverse("password_change"), {
        "old_password": "Стажировка-2026", "new_password1": "Мой-пароль-2027",
        "new_password2": "Мой-пароль-2027"})
    response = client.get(reverse("home"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("my_page")
    assert "Иванова Мария Петровна" in response.content.decode()
    assert not UserProfile.objects.get(user__username="ivanova.m").password_change_required


@pytest.mark.parametrize(("data", "message"), [
    ({**GOOD, "password1": "12345", "password2": "12345"}, "слишком короткий"),
    ({**GOOD, "password2": "Другой-пароль-1"}, "Пароли не совпадают."),
    ({**GOOD, "username": "иванова"}, "только латинские буквы"),
    ({**GOOD, "username": "TAKEN"}, "Такое имя для входа уже занято"),
])
def test_it_refuses_bad_input_in_russian_and_creates_nothing(as_role, teacher, world, data,
                                                            message):
    if data["username"] == "TAKEN":
        data = {**data, "username": world.staff.username.upper()}
    users_before = User.objects.count()

    response = as_role("school_user").post(open_url(teacher), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == users_before
    assert Teacher.objects.get(pk=teacher.pk).user is None


@pytest.mark.parametrize(("role", "status"), [("school_b_user", 404), ("curator", 403),
                                              ("analyst", 404)])
def test_it_lets_no_one_else_open_an_account(as_role, teacher, role, status):
    assert as_role(role).post(open_url(teacher), GOOD).status_code == status
    assert not User.objects.filter(username="ivanova.m").exists()


def test_it_sends_anonymous_users_to_sign_in(client, teacher):
    assert_redirects_to_login(client.get(open_url(teacher)))


def test_it_closes_the_account_so_it_no_longer_signs_in(as_role, teacher):
    user = factories.teacher_user(teacher, username="ivanova.m")
    user.set_password("Стажировка-2026")
    user.save()

    as_role("school_user").post(reverse("teacher_account_close", args=[teacher.pk]))

    teacher.refresh_from_db()
    user.refresh_from_db()
    assert teacher.user is None and not user.is_active
    response = Client().post(reverse("login"), {"username": "ivanova.m",
                                                "password": "Стажировка-2026"})
    assert response.status_code == 200  # the sign-in form again, with its error


def test_it_lets_a_teacher_change_their_password(teacher, login, client):
    user = factories.teacher_user(teacher, username="ivanova.m")
    user.set_password("Стажировка-2026")
    user.save()
    client.force_login(user)

    response = client.post(reverse("password_change"), {
        "old_password": "Стажировка-2026", "new_password1": "Новый-пароль-2027",
        "new_password2": "Новый-пароль-2027"})

    assert response.headers["Location"] == reverse("password_change_done")
    user.refresh_from_db()
    assert user.check_password("Новый-пароль-2027")
