"""Services and passports in a real browser: every page of the specialists' list and of
the passports is accessible (axe-core, WCAG 2.1 AA) and fits a phone and a laptop; staff
tick an expected deliverable with its file."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from demo.krymsky import load_demo
from internships.models import Programme
from services.models import Deliverable
from tests.browser.test_accessibility import axe_problems, layout_problems, new_context
from tests.browser.walk import WIDTHS, _services, sign_in, stops_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _world() -> dict:
    load_demo()
    return _services(Programme.objects.get(), User.objects.get(username="staff"))


@pytest.mark.parametrize("role", ["staff", "school"])
def test_the_services_pages_are_accessible_on_a_phone_and_a_laptop(role, live_server,
                                                                   browser, settings,
                                                                   tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = _world()
    stops = [stop for stop in stops_for(role)
             if stop.name.startswith(("service_", "passport_"))]
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


def test_staff_tick_an_expected_deliverable_with_its_file(live_server, browser, settings,
                                                          tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = _world()
    upload = tmp_path / "plan.pdf"
    upload.write_bytes(b"%PDF-1.4 plan")
    context = new_context(browser, 375)
    page = sign_in(context, live_server.url, "staff")
    page.goto(live_server.url + reverse("passport_stages", args=[world["passport_programme"]]))

    page.get_by_role("link", name="Отметить полученным").click()
    page.get_by_label("Файл результата").set_input_files(str(upload))
    page.get_by_role("button", name="Отметить полученным").click()

    page.get_by_text("Результат отмечен полученным, файл прикреплён.").wait_for()
    assert page.get_by_role("link", name="plan.pdf").count() == 1
    assert Deliverable.objects.get(pk=world["passport_deliverable"]).done
    context.close()
