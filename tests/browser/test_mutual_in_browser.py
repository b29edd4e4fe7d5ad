"""Ermakovsky: the school names its responsible group, fills both parts of the technical
assignment and publishes its plan of events; a methodologist returns an answer, curates a
wording and reads the map; staff read the six-criterion monitoring dashboard with the
organizations' plans."""

import pytest

from aspects.models import Statement
from demo.ermakovsky import load_ermakovsky
from demo.ermakovsky_aspects import load_ermakovsky_aspects
from demo.ermakovsky_mutual import TITLE, load_ermakovsky_mutual
from internships.models import Programme
from mutual.models import Answer, PartStatus
from plans.models import Plan
from tests.browser.test_accessibility import axe_problems, layout_problems
from tests.browser.test_plans_in_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_school_names_its_group_and_fills_both_parts(live_server, page):
    load_ermakovsky()
    load_ermakovsky_mutual()
    answer = Answer.objects.get(organization__short_name="Ермаковская СШ № 1")
    Answer.objects.filter(pk=answer.pk).update(part1_status=PartStatus.DRAFT,
                                               part2_status=PartStatus.DRAFT)
    log_in(page, live_server, "erm-school")
    page.goto(f"{live_server.url}/mutual/groups/")
    problems = axe_problems(page, "группы") + layout_problems(page, "группы")
    with page.expect_navigation():
        page.click("a:has-text('Ермаковская СШ № 1')")
    page.get_by_label("ФИО (куратор от ОО)").fill("Кузнецова О. В.")
    page.get_by_label("Номер приказа руководителя").fill("45-од")
    page.get_by_label("Дата приказа").fill("2021-11-15")
    problems += axe_problems(page, "группа") + layout_problems(page, "группа")
    with page.expect_navigation():
        page.click("input[type=submit]")
    assert "Кузнецова О. В." in page.text_content("#groups")

    page.goto(f"{live_server.url}/mutual/answers/{answer.pk}/part1/")
    page.get_by_label("Анализ внутренних резервов").fill("Опытные наставники")
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.goto(f"{live_server.url}/mutual/answers/{answer.pk}/part2/")
    page.locator("#id_pedagogical_need").fill("Формирующее оценивание\nРабота с ОВЗ")
    with page.expect_navigation():
        page.click("input[type=submit]")
    assert "место 2: Работа с ОВЗ" in page.text_content("#part2")
    with page.expect_navigation():
        page.click("#part2 button:has-text('Сдать вторую часть')")
    problems += axe_problems(page, "ответ") + layout_problems(page, "ответ")
    answer.refresh_from_db()
    assert answer.part2_status == PartStatus.SUBMITTED
    assert answer.reserves == "Опытные наставники"

    page.goto(f"{live_server.url}/mutual/")
    with page.expect_navigation():
        page.locator("#programmes li", has_text=TITLE).get_by_role(
            "link", name="План мероприятий ОО").click()
    assert page.get_by_label("Название").input_value() == \
        "План мероприятий ОО: Ермаковская СШ № 1"
    problems += axe_problems(page, "новый план ОО") + layout_problems(page, "новый план ОО")
    with page.expect_navigation():
        page.click("input[type=submit]")
    with page.expect_navigation():
        page.click("a:has-text('Добавить пункт')")
    page.get_by_label("Форма").fill("практико-ориентированный семинар")
    page.get_by_label("Мероприятие (тема)").fill("Семинар ОО для ОО: формирующее оценивание")
    page.get_by_label("Целевая группа").fill("Педагоги ОО района")
    page.get_by_label("Ответственный").fill("Кузнецова О. В.")
    page.select_option("#id_term_kind", "date")
    page.fill("#id_due_on", "2022-03-16")
    page.get_by_label("Ожидаемый результат").fill("Приёмы оценивания в уроках ОО-участников")
    with page.expect_navigation():
        page.click("input[type=submit]")
    with page.expect_navigation():
        page.click("a:has-text('Опубликовать: ссылка на сайт ОО')")
    page.get_by_label("Ссылка на страницу сайта ОО с планом").fill(
        "https://ermakovskaia-ssh-1.example.ru/plan")
    problems += axe_problems(page, "публикация плана") + layout_problems(page, "публикация")
    with page.expect_navigation():
        page.click("input[type=submit]")
    assert "https://ermakovskaia-ssh-1.example.ru/plan" in page.text_content("#plan-publication")
    assert "Семинар ОО для ОО: формирующее оценивание" in page.text_content("main")
    problems += axe_problems(page, "план ОО") + layout_problems(page, "план ОО")
    plan = Plan.objects.get(organization=answer.organization)
    assert plan.published_on is not None and plan.items.get().due_on.isoformat() == "2022-03-16"
    assert problems == []


def test_staff_read_the_six_criteria(live_server, page):
    load_ermakovsky()
    load_ermakovsky_mutual()
    programme = Programme.objects.get(title=TITLE)
    log_in(page, live_server, "erm-staff")
    page.goto(f"{live_server.url}/mutual/programmes/{programme.pk}/monitoring/")
    table = page.text_content("#criteria")
    assert "24 из 29 организаций" in table
    assert "25 из 29 организаций" in table
    row = page.locator("#criteria tr", has_text="Оформлен план мероприятий").text_content()
    assert "5 из 29 организаций" in row and "25 из 29" not in row
    assert "https://" in page.text_content("#organization-plans")
    assert "нет данных" in table
    problems = axe_problems(page, "мониторинг") + layout_problems(page, "мониторинг")
    assert problems == []


def test_a_methodologist_returns_an_answer_curates_a_wording_and_reads_the_map(live_server,
                                                                              page):
    load_ermakovsky()
    load_ermakovsky_aspects()
    load_ermakovsky_mutual()
    answer = Answer.objects.filter(part2_status=PartStatus.SUBMITTED).order_by("pk").first()
    own_words = Statement.objects.get(text__startswith="Читательская грамотность (ФГ)")
    log_in(page, live_server, "erm-method")

    page.goto(f"{live_server.url}/mutual/answers/{answer.pk}/")
    problems = axe_problems(page, "ответ") + layout_problems(page, "ответ")
    page.get_by_label("Что доработать").last.fill("Поставьте на первое место главный аспект.")
    with page.expect_navigation():
        page.click("button:has-text('Вернуть на доработку') >> nth=-1")
    answer.refresh_from_db()
    assert answer.part2_status == PartStatus.RETURNED
    assert answer.part2_comment == "Поставьте на первое место главный аспект."

    page.goto(f"{live_server.url}/aspects/")
    page.get_by_label(f"Аспект для «{own_words.text}»").select_option(
        label="Развитие функциональной грамотности обучающихся")
    with page.expect_navigation():
        page.click(f"#unlinked-statements tr:has-text('{own_words.text}') button")
    problems += axe_problems(page, "каталог") + layout_problems(page, "каталог")
    own_words.refresh_from_db()
    assert own_words.aspect.wording == "Развитие функциональной грамотности обучающихся"

    page.goto(f"{live_server.url}/aspects/map/")
    assert "Развитие функциональной грамотности обучающихся" in page.text_content("main")
    problems += axe_problems(page, "карта") + layout_problems(page, "карта")
    assert problems == []
