import pytest

from competence.models import PersonResult, PersonRound
from demo.timashevsk import load_timashevsk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_a_methodologist_enters_expert_levels_and_opens_the_dynamics(live_server, page):
    load_timashevsk()
    start, repeat = PersonRound.objects.order_by("starts_on")
    result = PersonResult.objects.filter(round=repeat, area__number=5).select_related(
        "teacher__organization", "level").first()
    teacher = result.teacher
    wanted = repeat.levels.exclude(pk=result.level_id).order_by("rank").first()
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(
        message.text))

    log_in(page, live_server, "tim-staff")
    page.goto(f"{live_server.url}/competence/")
    page.click(f"text={repeat.title}")
    page.wait_for_selector(f"h1:has-text('{repeat.title}')")
    assert "демонстрационная шкала" in page.text_content("main")
    page.click("text=Внести экспертную оценку")
    page.select_option("#id_organization", label=teacher.organization.short_name)
    with page.expect_navigation():
        page.click("button:has-text('Показать')")
    page.get_by_label(f"{teacher.full_name} — Компетенции в области ИКТ и цифровых технологий",
                      exact=True).select_option(label=wanted.title)
    with page.expect_navigation():
        page.click("button:has-text('Сохранить результаты')")
    assert "Результаты сохранены: внесено — 0, изменено — 1" in page.text_content("main")
    result.refresh_from_db()
    assert result.level == wanted

    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.set_viewport_size({"width": 1400, "height": 900})

    page.goto(f"{live_server.url}/competence/dynamics/")
    page.select_option("#id_first", label=start.title)
    page.select_option("#id_second", label=repeat.title)
    with page.expect_navigation():
        page.click("button:has-text('Сравнить')")
    shares = page.text_content("#shares")
    assert "из 80" in shares and "вырос уровень компетенций" in shares
    assert page.locator("#changes tbody tr").count() == 80
    assert teacher.full_name in page.text_content("#changes")
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.goto(f"{live_server.url}/competence/{repeat.pk}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert console_errors == []
