"""The map of problems and solutions in a real browser: its pages are accessible (axe-core,
WCAG 2.1 AA) and fit a phone and a laptop; a methodologist merges two duplicate aspects and
reads the map."""

import pytest
from django.urls import reverse

from aspects.models import Aspect
from demo.krymsky import load_demo
from teams.models import Organization
from tests.browser.test_accessibility import axe_problems, layout_problems, new_context
from tests.browser.walk import WIDTHS, aspects_world, sign_in, stops_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _world() -> dict:
    load_demo()
    own_school = Organization.objects.get(short_name="МБОУ СОШ № 4")
    others = list(Organization.objects.filter(municipality=own_school.municipality)
                  .exclude(pk=own_school.pk).order_by("pk"))
    return {**aspects_world(own_school.municipality, [own_school, *others]),
            "organization": own_school.pk}


@pytest.mark.parametrize("role", ["curator", "school"])
def test_the_map_pages_are_accessible_on_a_phone_and_a_laptop(role, live_server, browser):
    world = _world()
    stops = [stop for stop in stops_for(role) if "aspect" in stop.name]
    assert stops
    problems = []
    for width in WIDTHS:
        context = new_context(browser, width)
        page = sign_in(context, live_server.url, role)
        for stop in stops:
            where = f"{role} {width}px {stop.name}"
            response = page.goto(live_server.url + stop.url(world))
            if response.status != 200:
                problems.append(f"{where}: ответ {response.status}")
                continue
            problems += axe_problems(page, where)
            problems += layout_problems(page, where, stop, width)
        context.close()
    assert not problems, f"{len(problems)} нарушений:\n" + "\n".join(problems)


def test_a_methodologist_merges_two_aspects_and_reads_the_map(live_server, browser):
    _world()
    duplicate = Aspect.objects.get(wording="Смысловое чтение на уроках")
    context = new_context(browser, 1366)
    page = sign_in(context, live_server.url, "curator")
    page.goto(live_server.url + reverse("aspect_catalogue"))
    page.get_by_role("link", name="Смысловое чтение на уроках").click()
    page.get_by_label("Объединить с аспектом").select_option(label="Смысловое чтение")
    page.get_by_role("button", name="Объединить").click()
    assert "формулировки организаций сохранены" in page.content()
    assert Aspect.objects.get(pk=duplicate.pk).merged_into.wording == "Смысловое чтение"

    page.goto(live_server.url + reverse("aspect_map"))
    first = page.locator("#aspect-map tbody tr").first
    assert "Смысловое чтение" in first.inner_text()
    assert page.locator("#aspect-help").get_by_text("МБОУ СОШ № 4").first.is_visible()
    context.close()
