import pytest

from demo.krymsky import load_demo
from internships.models import JournalEntry, Platform

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARTICIPANTS = [
    "МБОУ СОШ № 1 — подающая надежды", "МБОУ гимназия № 7 — подающая надежды",
    "МБОУ СОШ № 24 — подающая надежды", "МБОУ СОШ № 62 — подающая надежды",
    "МАОУ СОШ № 11 — подающая надежды", "МБОУ ООШ № 14 — подающая надежды",
    "МБОУ СОШ № 3 — скрытые резервы", "МБОУ СОШ № 20 — скрытые резервы",
    "МБОУ СОШ № 36 — скрытые резервы", "МБОУ ООШ № 5 — скрытые резервы",
]


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_a_curator_records_an_event_enters_results_and_sees_it_in_the_journal(
    live_server, page
):
    load_demo()
    platform = Platform.objects.get(direction__number=3)
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(
        message.text))

    log_in(page, live_server, "curator")
    page.goto(f"{live_server.url}/platforms/{platform.pk}/")
    page.click("text=Журнал площадки")
    page.wait_for_selector("h1:has-text('Журнал площадки «Стажировка 3»')")
    page.click("text=Записать мероприятие")

    page.fill("#id_held_on", "2022-02-15")
    page.select_option("#id_form", "session")
    page.fill("#id_topic", "Система выявления талантов: опыт СОШ № 4")
    page.locator("#div_id_hosts").get_by_label("МБОУ СОШ № 4 — лидер", exact=True).check()
    participants = page.locator("#div_id_participants")
    for label in PARTICIPANTS:
        participants.get_by_label(label, exact=True).check()
    page.select_option("#id_planned_event", index=1)
    page.fill("#id_description", "Стажировочная сессия по плану площадки.")
    with page.expect_navigation():
        page.click("input[type=submit]")

    assert "Внесите результаты команд" in page.text_content("main")
    rows = page.locator(".results-table tbody tr")
    assert rows.count() == 10
    for index in range(10):
        if index == 9:
            # A team that did not come: unticking clears and locks its numbers.
            page.uncheck(f"#id_form-{index}-attended")
            assert page.is_disabled(f"#id_form-{index}-managers")
            assert page.is_disabled(f"#id_form-{index}-teachers")
            continue
        page.fill(f"#id_form-{index}-managers", "1")
        page.fill(f"#id_form-{index}-teachers", str(index + 2))
        page.select_option(f"#id_form-{index}-outcome", "mastered" if index % 2 else "partial")
    with page.expect_navigation():
        page.click("text=Сохранить результаты")
    # A new event goes on to the deficits it addresses; none are named here.
    assert "Результаты команд сохранены." in page.text_content("main")
    assert "/deficits/" in page.url
    with page.expect_navigation():
        page.click("text=Вернуться без изменений")

    assert page.locator("#results tbody tr").count() == 10
    page.click("nav[aria-label='Навигационная цепочка'] >> text=Журнал")
    timeline = page.locator("#timeline")
    assert "Система выявления талантов: опыт СОШ № 4" in timeline.text_content()
    assert "10 команд, участвовали 9" in " ".join(timeline.text_content().split())

    entry = JournalEntry.objects.get()
    assert entry.results.filter(attended=True).count() == 9
    assert entry.planned_event.topic.startswith("Стажировочная сессия площадки")
    assert console_errors == []
