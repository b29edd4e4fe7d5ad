"""The registers in a real browser: every register page is accessible (axe-core, WCAG 2.1
AA) and fits a phone and a laptop; staff find a programme in the bank by a word and record
a review; a school team reads the bank."""

import pytest
from django.urls import reverse

from demo.krymsky import load_demo
from demo.krymsky_registers import load_krymsky_registers
from internships.models import Programme
from registers.models import BankEntry, NormativeDocument, Product
from tests.browser.test_accessibility import axe_problems, layout_problems, new_context
from tests.browser.walk import WIDTHS, sign_in, stops_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _world() -> dict:
    load_demo()
    load_krymsky_registers()
    return {"register_bank_entry": BankEntry.objects.order_by("pk").first().pk,
            "register_product": Product.objects.order_by("pk").first().pk,
            "register_document": NormativeDocument.objects.order_by("pk").first().pk,
            "innovation_programme": Programme.objects.get().pk}


@pytest.mark.parametrize("role", ["staff", "school"])
def test_the_register_pages_are_accessible_on_a_phone_and_a_laptop(role, live_server,
                                                                   browser):
    world = _world()
    stops = [stop for stop in stops_for(role) if stop.name.startswith("register_")]
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


def test_staff_find_a_programme_by_a_word_and_record_a_review(live_server, browser):
    _world()
    context = new_context(browser, 1366)
    page = sign_in(context, live_server.url, "staff")
    page.goto(live_server.url + reverse("register_bank_list"))
    page.get_by_role("searchbox", name="Поиск").fill("ШНОР")
    page.get_by_role("button", name="Найти").click()
    rows = page.locator("#bank-entries tbody tr")
    assert rows.count() == 1
    rows.first.get_by_role("link").click()

    page.get_by_role("link", name="Записать рецензию").click()
    page.get_by_label("Рецензент").fill("Сидоренко О. В., методист МКУ ИМЦ")
    page.get_by_label("Дата рецензии").fill("2021-10-01")
    page.get_by_label("Заключение").select_option(label="отклонено")
    page.get_by_role("button", name="Записать рецензию").click()
    assert "напишите замечания рецензента" in page.content()

    page.get_by_label("Замечания").fill("Нет диагностического блока.")
    page.get_by_role("button", name="Записать рецензию").click()
    assert page.locator("#reviews").get_by_text("отклонено").is_visible()
    assert BankEntry.objects.get(title__contains="ШНОР").reviews.get().comment == (
        "Нет диагностического блока.")
    context.close()
