"""The API's description pages in Chromium: Swagger UI and ReDoc load from the portal's own
files under its content policy, with no blocked script or style; the token pages fit a phone."""

import pytest

from teams.models import Role
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
REDOCLY_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


def _sign_in(page, live_server):
    municipality = factories.MunicipalityFactory()
    factories.make_user(Role.STAFF, municipality, username="api-staff")
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "api-staff")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.wait_for_load_state("networkidle")


def _watch_for_refusals(page) -> list[str]:
    refusals: list[str] = []
    page.on("console", lambda message: refusals.append(message.text)
            if "Content Security Policy" in message.text else None)
    # A load cut short by leaving the previous page (ERR_ABORTED) is no refusal.
    page.on("requestfailed", lambda request: refusals.append(f"не загружено: {request.url}")
            if "ERR_ABORTED" not in (request.failure or "") else None)
    return refusals


def test_it_shows_swagger_ui_under_the_content_policy(live_server, page):
    _sign_in(page, live_server)
    refusals = _watch_for_refusals(page)
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.locator(".swagger-ui .info .title").wait_for()
    assert "API портала «Стажировки»" in page.text_content(".swagger-ui .info .title")
    page.locator(".opblock-summary-path", has_text="/api/v1/organizations/").first.wait_for()
    assert not refusals


def test_it_shows_redoc_under_the_content_policy(live_server, page):
    _sign_in(page, live_server)
    refusals = _watch_for_refusals(page)
    page.goto(f"{live_server.url}/api/v1/redoc/")
    page.get_by_role("heading", name="API портала «Стажировки»").first.wait_for()
    # The menu lists the operations by their Russian summaries.
    assert page.get_by_text("Образовательные организации").count() > 0
    # ReDoc's «by Redocly» badge asks for its logo from the vendor's site and hides itself
    # when refused, as in a closed network; nothing else comes from elsewhere.
    assert [text for text in refusals if REDOCLY_LOGO not in text] == []


def test_it_fits_the_token_pages_on_a_phone(live_server, browser):
    context = browser.new_context(locale="ru-RU", viewport={"width": 375, "height": 800})
    page = context.new_page()
    _sign_in(page, live_server)
    page.goto(f"{live_server.url}/api-tokens/new/")
    page.fill("#id_name", "Региональная система мониторинга качества образования")
    page.click("main input[name=submit]")
    page.locator("#token-value").wait_for()
    assert page.input_value("#token-value").startswith("stz_")
    for path in ("/api-tokens/new/", "/api-tokens/"):
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    context.close()
