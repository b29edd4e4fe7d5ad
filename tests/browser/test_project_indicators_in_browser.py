import pytest

from demo.krymsky import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_it_draws_the_indicator_chart_under_the_strict_policy(live_server, page):
    load_demo()
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(
        message.text))

    log_in(page, live_server, "analyst")
    page.goto(f"{live_server.url}/indicators/project/")

    page.wait_for_selector("#indicators-chart")
    legend = page.evaluate(
        "() => Chart.getChart(document.getElementById('indicators-chart'))"
        ".data.datasets.map(set => set.label)")
    # A series with no figure in any year is not drawn as an empty axis: the page names it
    # under the chart with where its data is entered.
    missing = page.locator("#indicators-chart-missing li").all_text_contents()
    named = [text.split("»")[0].lstrip("«") for text in missing]
    assert sorted(legend + named) == sorted(["Прошли стажировки, чел.", "Проведено мероприятий",
                                             "Команды с уменьшением дефицитов"])
    assert "Проведено мероприятий" in legend
    assert all("(" in text and ")." in text for text in missing)
    assert "7 из 7 площадок с командой-лидером" in page.text_content("#indicator-platforms_open")
    assert page.locator("#direction-indicators tbody tr").count() == 7
    assert console_errors == []
