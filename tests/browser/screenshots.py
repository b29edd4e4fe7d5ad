"""Screenshots of every page type at 375 px and 1366 px for review: `make screenshots`.

Not a test of its own (the file name keeps it out of `make test`): it walks the same stops as
test_accessibility.py and writes var/screenshots/<role>/<width>/<page>.png.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.walk import ROLES, WIDTHS, build_world, sign_in, stops_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TARGET = Path(os.environ.get("SCREENSHOTS_DIR", settings.BASE_DIR / "var" / "screenshots"))


def test_it_writes_a_screenshot_of_every_page_type(live_server, browser):
    world = build_world()
    written = 0
    for role in ROLES:
        for width in WIDTHS:
            folder = TARGET / role / str(width)
            folder.mkdir(parents=True, exist_ok=True)
            context = browser.new_context(locale="ru-RU", viewport={"width": width,
                                                                    "height": 900})
            page = sign_in(context, live_server.url, role)
            for stop in stops_for(role):
                page.goto(live_server.url + stop.url(world))
                page.screenshot(path=str(folder / f"{stop.name}.png"), full_page=True)
                written += 1
            context.close()
    print(f"\nСнимков страниц: {written}, папка {TARGET}")
    assert written
