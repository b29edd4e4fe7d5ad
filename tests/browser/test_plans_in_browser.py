"""Staff of Vyselki open the network roadmap, filter its overdue occurrences, and record
that a month's monitoring of activity was held, with a note and a report file."""

import datetime

import pytest

from demo.krymsky import _demo_user
from demo.plans_vyselki import TITLE, load_vyselki_plans
from internships.models import Programme
from plans.models import Occurrence, Plan
from teams.models import Municipality, Role
from tests.browser.test_accessibility import axe_problems, layout_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _narrow_fits(page) -> bool:
    page.set_viewport_size({"width": 375, "height": 800})
    fits = page.evaluate("document.documentElement.scrollWidth") <= 375
    page.set_viewport_size({"width": 1400, "height": 900})
    return fits


def test_staff_record_evidence_of_an_overdue_occurrence(live_server, page):
    municipality = Municipality.objects.create(name="Муниципальное образование Выселковский район")
    programme = Programme.objects.create(
        municipality=municipality, title="Внедрение инновационной деятельности",
        starts_on=datetime.date(2021, 9, 1), ends_on=datetime.date(2024, 8, 31))
    load_vyselki_plans(programme)
    _demo_user("vys-staff", "", "Иванова Н.А.", municipality, Role.STAFF)
    plan = Plan.objects.get(title=TITLE)
    monitoring = plan.items.get(number="3.2")
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(
        message.text))

    log_in(page, live_server, "vys-staff")
    page.goto(f"{live_server.url}/plans/")
    assert "Дорожная карта" in page.text_content("#plans")
    page.click(f"a:has-text('{TITLE[:40]}')")
    page.wait_for_selector("#plan-counts")
    problems = axe_problems(page, "план") + layout_problems(page, "план")
    assert _narrow_fits(page)

    page.select_option("#filter-status", "overdue")
    page.select_option("#filter-month", "2022-03")
    with page.expect_navigation():
        page.click("button:has-text('Показать')")
    item = page.locator(f"#item-{monitoring.pk}")
    assert "март 2022: просрочено" in item.text_content()
    with page.expect_navigation():
        item.get_by_text("март 2022: просрочено").click()
    assert "март 2022 (срок 31.03.2022)" in page.text_content("main")
    problems += axe_problems(page, "отметка проведения") + layout_problems(page, "отметка")
    assert _narrow_fits(page)

    # Nothing evidences it yet: the page says what is missing and records nothing.
    page.get_by_label("Когда проведено").fill("2022-03-28")
    with page.expect_navigation():
        page.click("input[type=submit][value='Отметить проведение']")
    assert "Подтвердите проведение" in page.text_content("main")
    assert not Occurrence.objects.filter(item=monitoring, due_on=datetime.date(2022, 3, 31)
                                         ).exists()

    page.get_by_label("Примечание").fill("Мониторинг активности: 5 муниципалитетов из 5")
    page.set_input_files("#id_report", files=[{
        "name": "monitoring-2022-03.pdf", "mimeType": "application/pdf",
        "buffer": b"%PDF-1.4 monitoring"}])
    with page.expect_navigation():
        page.click("input[type=submit][value='Отметить проведение']")
    assert "Проведение отмечено." in page.text_content("main")
    item = page.locator(f"#item-{monitoring.pk}")
    assert "март 2022: проведено" in item.text_content()
    assert item.locator("a:has-text('отчёт')").count() == 1
    occurrence = Occurrence.objects.get(item=monitoring, due_on=datetime.date(2022, 3, 31))
    assert occurrence.original_name == "monitoring-2022-03.pdf"
    assert not occurrence.illustrative
    assert problems == []
    assert console_errors == []
