"""Staff walk from a common deficit to the events on it and to the teams that still have it."""

import pytest

from demo.diagnostics import load_demo_diagnostics
from demo.krymsky import load_demo
from demo.krymsky_chain import load_demo_chain

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_it_walks_from_a_common_deficit_to_its_events_and_the_teams_that_keep_it(
        live_server, page):
    load_demo()
    load_demo_diagnostics()
    load_demo_chain()
    log_in(page, live_server, "staff")

    page.goto(f"{live_server.url}/deficits/")
    page.get_by_role("link", name="Пробелы: дефициты без мероприятий").click()
    page.wait_for_url("**/deficits/gaps/**")
    assert page.locator("#unaddressed-title").is_visible()

    page.goto(f"{live_server.url}/deficits/")
    page.get_by_role("link", name="1.1", exact=True).click()
    page.wait_for_selector("#events-title")
    events = page.locator("section[aria-labelledby=events-title] li")
    assert events.count() == 3
    assert "Посещали мероприятия на этот дефицит" in page.text_content(
        "section[aria-labelledby=change-title]")

    events.first.get_by_role("link").click()
    page.wait_for_url("**/entries/**")
    page.get_by_role("link", name="На какие дефициты").click()
    page.wait_for_selector("input[name=deficits]:checked")
    assert page.locator("input[name=deficits]:checked").count() == 2

    page.go_back()
    page.go_back()
    still = page.locator("section[aria-labelledby=still-title] a")
    assert still.count() >= 1
    still.first.click()
    page.wait_for_url("**/diagnostics/")
    page.get_by_role("link", name="Дефициты и мероприятия").click()
    page.wait_for_selector("text=Посещённые мероприятия на него")
    width = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert width
