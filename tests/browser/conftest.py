import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Браузерные тесты пропущены: Chromium не найден ({CHROMIUM}).")
    from playwright.sync_api import sync_playwright

    # Playwright runs an event loop in this thread; the test's own database
    # calls are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, locale="ru-RU",
                                  viewport={"width": 1400, "height": 900})
    page = context.new_page()
    yield page
    context.close()
