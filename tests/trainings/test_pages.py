"""Pages of sessions and attendance by role: who reads, who keeps, who is refused; names
shown only to those allowed; pinned query counts of the lists."""

import datetime

import pytest
from django.urls import reverse

from tests import factories
from tests.helpers import assert_redirects_to_login
from trainings.models import Attendance, PlatformSession

D = datetime.date
READERS = ["staff", "curator", "analyst", "school_user", "school_b_user"]


@pytest.fixture
def session(training):
    session = PlatformSession.objects.create(
        platform=training.platform, held_on=D(2024, 10, 3), topic="Современный урок",
        form="seminar", led_by=training.master)
    Attendance.objects.create(session=session, teacher=training.young)
    Attendance.objects.create(session=session, teacher=training.senior)
    return session


def sessions_of(platform, count):
    for day in range(count):
        session = PlatformSession.objects.create(
            platform=platform, held_on=D(2024, 10, 1 + day), topic=f"Занятие {day}",
            form="practicum")
        Attendance.objects.create(session=session, teacher=platform.head)


@pytest.mark.parametrize("role", READERS)
def test_it_lists_the_municipality_s_sessions_to_every_role(as_role, session, role):
    response = as_role(role).get(reverse("training_session_list"))

    assert response.status_code == 200
    assert "Современный урок" in response.content.decode()


def test_it_hides_the_sessions_from_another_municipality(world, login, session):
    response = login(world.outsider).get(reverse("training_session_list"))

    assert "Современный урок" not in response.content.decode()
    assert login(world.outsider).get(
        reverse("training_session_detail", args=[session.pk])).status_code == 404


def test_it_sends_anonymous_visitors_to_sign_in(client, session):
    assert_redirects_to_login(client.get(reverse("training_session_list")))


def test_it_filters_sessions_by_dates(as_role, session, training):
    PlatformSession.objects.create(platform=training.platform, held_on=D(2025, 3, 1),
                                   topic="Весеннее занятие", form="seminar")

    response = as_role("staff").get(reverse("training_session_list"),
                                    {"date_from": "2025-01-01"})

    text = response.content.decode()
    assert "Весеннее занятие" in text and "Современный урок" not in text


def test_it_says_what_to_do_when_there_are_no_sessions(as_role, training):
    response = as_role("staff").get(reverse("platform_session_list",
                                            args=[training.platform.pk]))

    assert "Нажмите «Добавить занятие»" in response.content.decode()


def test_it_pins_the_queries_of_the_municipality_s_list(as_role, training,
                                                        django_assert_num_queries):
    sessions_of(training.platform, 12)
    client = as_role("staff")
    client.get(reverse("training_session_list"))

    with django_assert_num_queries(6):
        response = client.get(reverse("training_session_list"))

    assert len(response.context["sessions"]) == 12


def test_it_shows_names_to_staff_and_a_count_to_analysts(as_role, session):
    url = reverse("training_session_detail", args=[session.pk])

    staff_page = as_role("staff").get(url).content.decode()
    analyst_page = as_role("analyst").get(url).content.decode()

    assert "Молодова Ирина" in staff_page
    assert "Молодова Ирина" not in analyst_page and "2 чел." in analyst_page


def test_it_shows_a_school_only_its_own_people(world, as_role, session):
    page = as_role("school_b_user").get(
        reverse("training_session_detail", args=[session.pk])).content.decode()

    assert "Молодова Ирина" in page and "Опытнова Вера" not in page
    assert "И ещё 1 чел." in page


@pytest.mark.parametrize("role", ["curator", "analyst", "school_user", "school_b_user"])
def test_it_refuses_keeping_sessions_to_other_roles(as_role, session, training, role):
    client = as_role(role)

    assert client.get(reverse("training_session_create",
                              args=[training.platform.pk])).status_code == 403
    assert client.get(reverse("training_session_edit", args=[session.pk])).status_code == 403
    assert client.get(reverse("training_attendance", args=[session.pk])).status_code == 403


def test_it_refuses_a_teacher_who_is_not_the_head(login, session, training):
    client = login(training.trainee_user)

    assert client.get(reverse("training_attendance", args=[session.pk])).status_code == 403


def test_it_lets_the_head_create_a_session(login, training):
    response = login(training.head_user).post(
        reverse("training_session_create", args=[training.platform.pk]),
        {"held_on": "2024-11-14", "topic": "Мастер-класс по ИКТ", "form": "master_class",
         "programme": training.programme.pk, "led_by": training.master.pk})

    session = PlatformSession.objects.get()
    assert response.status_code == 302
    assert (session.topic, session.led_by) == ("Мастер-класс по ИКТ", training.master)


def test_it_shows_the_russian_message_and_saves_nothing_on_bad_input(as_role, training):
    response = as_role("staff").post(
        reverse("training_session_create", args=[training.platform.pk]),
        {"held_on": "14.13.2024", "topic": "", "form": "seminar",
         "module": training.module.pk})

    text = response.content.decode()
    assert response.status_code == 200
    assert "Введите дату в формате ДД.ММ.ГГГГ." in text and "Укажите тему занятия." in text
    assert not PlatformSession.objects.exists()


def test_it_lists_participants_first_on_the_attendance_page(login, session, training):
    response = login(training.head_user).get(reverse("training_attendance", args=[session.pk]))

    people = [person.full_name for person in response.context["candidates"]]
    assert people[:2] == ["Молодова Ирина", "Опытнова Вера"]
    assert "Чужова Ольга" not in people
    assert 'type="checkbox"' in response.content.decode()
    assert "attendance-search" in response.content.decode()


def test_it_marks_attendance_from_the_checkbox_list(as_role, session, training):
    response = as_role("staff").post(reverse("training_attendance", args=[session.pk]),
                                     {"teachers": [training.young.pk, training.master.pk]})

    assert response.status_code == 302
    assert set(session.attendances.values_list("teacher", flat=True)) == {
        training.young.pk, training.master.pk}


def test_it_refuses_marking_a_person_of_another_municipality(as_role, session, training):
    response = as_role("staff").post(reverse("training_attendance", args=[session.pk]),
                                     {"teachers": [training.stranger.pk]})

    assert response.status_code == 200
    assert "Выберите корректный вариант" in response.content.decode()
    assert session.attendances.count() == 2


def test_it_deletes_a_session_with_its_attendance(as_role, session):
    response = as_role("staff").post(reverse("training_session_delete", args=[session.pk]))

    assert response.status_code == 302
    assert not PlatformSession.objects.exists() and not Attendance.objects.exists()


def test_it_shows_the_teacher_their_sessions(login, session, training):
    page = login(training.trainee_user).get(reverse("my_sessions")).content.decode()

    assert "Современный урок" in page


def test_it_refuses_my_sessions_to_other_roles(as_role, session):
    assert as_role("staff").get(reverse("my_sessions")).status_code == 403


def test_it_links_my_sessions_from_the_teacher_s_page(login, training):
    page = login(training.trainee_user).get(reverse("my_page")).content.decode()

    assert reverse("my_sessions") in page


def test_it_pins_the_queries_of_my_sessions(login, training, django_assert_num_queries):
    for day in range(10):
        session = PlatformSession.objects.create(
            platform=factories.TeacherPlatformFactory(host=training.platform.host),
            held_on=D(2024, 10, 1 + day), topic=f"Занятие {day}", form="seminar",
            led_by=training.head)
        Attendance.objects.create(session=session, teacher=training.young)
    client = login(training.trainee_user)
    client.get(reverse("my_sessions"))

    with django_assert_num_queries(5):
        response = client.get(reverse("my_sessions"))

    assert len(response.context["sessions"]) == 10


def test_it_pins_the_queries_of_the_attendance_page(as_role, session, training, world,
                                                    django_assert_num_queries):
    for _ in range(15):
        factories.TeacherFactory(organization=world.school_d)
    client = as_role("staff")
    client.get(reverse("training_attendance", args=[session.pk]))

    with django_assert_num_queries(7):
        response = client.get(reverse("training_attendance", args=[session.pk]))

    assert len(response.context["candidates"]) == 19


def test_it_opens_the_edit_form_with_the_session_s_values_and_saves_a_change(as_role, session,
                                                                             training):
    url = reverse("training_session_edit", args=[session.pk])
    client = as_role("staff")

    form = client.get(url).context["form"]
    response = client.post(url, {"held_on": "2024-10-04", "topic": "Урок-исследование",
                                 "form": "open_lesson", "led_by": training.head.pk})

    assert form["topic"].value() == "Современный урок"
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.topic, session.form, session.led_by) == ("Урок-исследование", "open_lesson",
                                                             training.head)
