"""Platform sessions in a browser: the platform's head adds a session on a phone and marks
who came with the searchable checkbox list; the teacher who came finds it in «Мои занятия»."""

import datetime

import pytest

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}
D = datetime.date


def log_in(page, live_server, user):
    user.set_password("demo")
    user.save()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def assert_fits_the_screen(page):
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url}: страница шире экрана на {overflow} px"


def test_the_head_marks_attendance_and_the_teacher_sees_the_session(live_server, browser,
                                                                    world):
    head = factories.TeacherFactory(organization=world.school_a, full_name="Руководова Анна",
                                    master_since=D(2019, 9, 1))
    platform = factories.TeacherPlatformFactory(host=world.school_a, head=head,
                                                title="Методическая компетентность")
    platform.masters.add(head)
    young = factories.TeacherFactory(organization=world.school_a,
                                     full_name="Молодова Ирина Сергеевна")
    for number in range(6):
        factories.TeacherFactory(organization=world.school_a, full_name=f"Коллегова {number}")
    head_user = factories.teacher_user(head, username="head")
    young_user = factories.teacher_user(young, username="young")

    head_page = browser.new_context(locale="ru-RU", viewport=PHONE).new_page()
    log_in(head_page, live_server, head_user)
    head_page.goto(f"{live_server.url}/teacher-platforms/{platform.pk}/sessions/")
    assert_fits_the_screen(head_page)
    with head_page.expect_navigation():
        head_page.click("#new-session")
    head_page.get_by_label("Дата").fill("2024-10-17")
    head_page.get_by_label("Тема").fill("Современный урок по ФГОС")
    head_page.get_by_label("Форма").select_option(label="Мастер-класс")
    with head_page.expect_navigation():
        head_page.click("input[type=submit]")
    assert_fits_the_screen(head_page)
    with head_page.expect_navigation():
        head_page.click("#mark-attendance")
    assert_fits_the_screen(head_page)
    head_page.fill("#attendance-search", "молодова")
    assert head_page.locator("[data-search]:visible").count() == 1
    head_page.get_by_label("Молодова Ирина Сергеевна").check()
    with head_page.expect_navigation():
        head_page.get_by_role("button", name="Сохранить посещаемость").click()
    assert "Молодова Ирина Сергеевна" in head_page.locator("#attendees").inner_text()

    teacher_page = browser.new_context(locale="ru-RU", viewport=PHONE).new_page()
    log_in(teacher_page, live_server, young_user)
    teacher_page.goto(f"{live_server.url}/my/")
    with teacher_page.expect_navigation():
        teacher_page.click("#my-sessions-link")
    assert_fits_the_screen(teacher_page)
    row = teacher_page.locator("#my-sessions tbody tr").first
    assert "Современный урок по ФГОС" in row.inner_text()
    assert "17.10.2024" in row.inner_text()
    with teacher_page.expect_navigation():
        teacher_page.get_by_role("link", name="Моя карта эффективности").click()
    assert_fits_the_screen(teacher_page)
    assert "Карта эффективности профессиональной деятельности" in teacher_page.inner_text("h1")
