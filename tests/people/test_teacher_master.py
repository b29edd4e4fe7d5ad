"""The status «Педагог-мастер» on a person's record: the department grants and revokes it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.helpers import assert_redirects_to_login, messages_of

D = datetime.date


def grant_url(teacher) -> str:
    return reverse("teacher_master_grant", args=[teacher.pk])


def revoke_url(teacher) -> str:
    return reverse("teacher_master_revoke", args=[teacher.pk])


@pytest.fixture
def teacher(world):
    return factories.TeacherFactory(organization=world.school_a, full_name="Орлова Инна",
                                    teaching_since=D(2010, 9, 1))


def test_it_lets_the_department_grant_the_status_from_a_date(world, as_role, teacher):
    response = as_role("staff").post(grant_url(teacher), {"since": "2022-01-10"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("teacher_detail", args=[teacher.pk])
    assert messages_of(response) == ["Орлова Инна — педагог-мастер с 10.01.2022."]
    teacher.refresh_from_db()
    assert teacher.master_since == D(2022, 1, 10)


def test_it_offers_today_as_the_date_of_the_status(world, as_role, teacher):
    response = as_role("staff").get(reverse("teacher_detail", args=[teacher.pk]))

    assert response.context["master_form"]["since"].value() == timezone.localdate()


@pytest.mark.parametrize(("since", "message"), [
    ("", "Укажите дату присвоения статуса."),
    ("10 января", "Введите дату в формате ДД.ММ.ГГГГ."),
    ("2999-01-10", "Дата присвоения статуса не может быть позже сегодняшнего дня."),
    ("2009-01-10", "Статус нельзя присвоить раньше начала педагогического стажа (01.09.2010)."),
])
def test_it_refuses_a_bad_date_in_russian_and_grants_nothing(world, as_role, teacher, since,
                                                             message):
    response = as_role("staff").post(grant_url(teacher), {"since": since}, follow=True)

    assert messages_of(response) == [message]
    teacher.refresh_from_db()
    assert teacher.master_since is None


def test_it_lets_the_department_revoke_the_status(world, as_role, teacher):
    teacher.master_since = D(2020, 1, 1)
    teacher.save()

    response = as_role("staff").post(revoke_url(teacher), follow=True)

    assert messages_of(response) == ["Статус «Педагог-мастер» снят: Орлова Инна."]
    teacher.refresh_from_db()
    assert teacher.master_since is None


def test_it_refuses_to_revoke_while_the_person_is_in_a_working_group(world, as_role, teacher):
    teacher.master_since = D(2020, 1, 1)
    teacher.save()
    factories.TeacherPlatformFactory(host=world.school_b, title="Оценочные компетенции"
                                     ).masters.add(teacher)

    response = as_role("staff").post(revoke_url(teacher), follow=True)

    assert messages_of(response) == [
        "Орлова Инна входит в рабочую группу педагогов-мастеров площадки "
        "«Оценочные компетенции»: сначала исключите работника из рабочей группы."]
    teacher.refresh_from_db()
    assert teacher.master_since == D(2020, 1, 1)


@pytest.mark.parametrize(("role", "status"), [
    ("school_user", 403), ("curator", 403), ("school_b_user", 404), ("analyst", 404),
    ("outsider", 404),
])
def test_it_refuses_the_status_to_everyone_but_the_department(world, as_role, teacher, role,
                                                              status):
    teacher.master_since = D(2020, 1, 1)
    teacher.save()
    client = as_role(role)

    assert client.post(grant_url(teacher), {"since": "2022-01-10"}).status_code == status
    assert client.post(revoke_url(teacher)).status_code == status
    teacher.refresh_from_db()
    assert teacher.master_since == D(2020, 1, 1)


def test_it_takes_the_status_actions_by_post_only(world, as_role, teacher):
    client = as_role("staff")

    assert client.get(grant_url(teacher)).status_code == 405
    assert client.get(revoke_url(teacher)).status_code == 405


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client, teacher):
    assert_redirects_to_login(client.post(grant_url(teacher), {"since": "2022-01-10"}))
    assert_redirects_to_login(client.post(revoke_url(teacher)))
