"""School innovation projects in the browser: a school leader registers a project and fills
the application, the department assigns a curator who logs help and moves the stage; and
the pages of projects pass the accessibility and layout checks for every role that sees
them."""

import pytest

from demo.krymsky import load_demo
from demo.vyselki import PROGRAMME, load_vyselki
from innovation.models import ApplicationVersion, Consultation, InnovationProject, StageMove
from reports.models import JobStatus, ReportJob
from tests.browser.test_accessibility import axe_problems, layout_problems, new_context
from tests.browser.test_journal_in_browser import log_in
from tests.browser.walk import ROLES, WIDTHS, build_world, sign_in, stops_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

THEME = "Школьная служба медиации"


def _open_the_board(page):
    page.get_by_role("button", name="Организации").click()
    page.get_by_role("link", name="Инновационные проекты школ").click()


def _school_registers_and_fills(page, live_server):
    log_in(page, live_server, "vys-school")
    page.get_by_role("link", name="Проект школы").click()
    page.get_by_role("link", name="Зарегистрировать проект").first.click()
    page.get_by_label("Учебный год").select_option(label=f"{PROGRAMME} — 2023–2024")
    page.get_by_label("Тема проекта").fill(THEME)
    page.get_by_label("Ключевая проблема").fill("Конфликты между обучающимися")
    with page.expect_navigation():
        page.get_by_role("button", name="Сохранить").click()
    assert "зарегистрирован на этапе I" in page.text_content("main")

    page.get_by_role("link", name="Заполнить заявку").click()
    page.get_by_label("1. Тема инновационного проекта").fill(THEME)
    page.get_by_label("5. Цель инновационного проекта").fill("Снизить число конфликтов")
    with page.expect_navigation():
        page.get_by_role("button", name="Сохранить новую версию").click()
    assert "Заявка сохранена: версия 1." in page.text_content("main")
    assert "Снизить число конфликтов" in page.text_content("#sections")

    page.get_by_role("link", name="Выгрузить в PDF и .docx").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Word (.docx)").click()
    assert "заказ принят" in page.text_content("main")
    page.locator("#report-jobs [data-role=download]:visible").wait_for()


def _staff_assigns_the_curator(page, live_server, project):
    log_in(page, live_server, "vys-staff")
    _open_the_board(page)
    assert THEME in page.text_content("#board")
    page.goto(f"{live_server.url}/innovation/projects/{project.pk}/people/")
    page.get_by_label("Назначить как").select_option("curator")
    page.get_by_label("Пользователь").select_option(label="Ремель О.Л.")
    with page.expect_navigation():
        page.get_by_role("button", name="Назначить").click()
    assert "Куратор назначен: Ремель О.Л." in page.text_content("main")


def _curator_consults_and_moves(page, live_server, project):
    log_in(page, live_server, "vys-curator")
    _open_the_board(page)
    page.get_by_role("link", name="Мои проекты").click()
    page.get_by_role("link", name=THEME).click()
    page.get_by_role("link", name="Записать помощь").click()
    page.locator("#id_form").select_option("consultation")
    page.locator("#id_topic").fill("Проблемный анализ школы")
    page.get_by_label("Итог").fill("Рабочая группа готовит проблемное поле")
    with page.expect_navigation():
        page.get_by_role("button", name="Сохранить").click()
    assert "Проблемный анализ школы" in page.text_content("#consultations")

    page.get_by_role("link", name="Перевести на этап").click()
    page.get_by_label("Новый этап").select_option(label="II этап. Формирование команды")
    page.get_by_label("Чем подтверждён переход").fill("Приказ о рабочей группе № 12")
    with page.expect_navigation():
        page.get_by_role("button", name="Перевести").click()
    assert "Приказ о рабочей группе № 12" in page.text_content("#moves")


def test_a_school_registers_and_applies_and_a_curator_consults_and_moves_the_stage(
        live_server, page):
    load_demo()
    load_vyselki()

    _school_registers_and_fills(page, live_server)
    project = InnovationProject.objects.get(theme=THEME)
    page.context.clear_cookies()
    _staff_assigns_the_curator(page, live_server, project)
    page.context.clear_cookies()
    _curator_consults_and_moves(page, live_server, project)

    project.refresh_from_db()
    assert project.stage.number == 2
    assert StageMove.objects.get(project=project).moved_by.username == "vys-curator"
    assert Consultation.objects.get(project=project).advisers == "Ремель О.Л."
    version = ApplicationVersion.objects.get(application__project=project)
    assert ReportJob.objects.get(application_version=version).status == JobStatus.DONE


@pytest.mark.parametrize("role", ROLES)
def test_it_finds_no_serious_violation_on_the_project_pages_for(role, live_server, browser):
    world = build_world()
    problems = []
    for width in WIDTHS:
        context = new_context(browser, width)
        page = sign_in(context, live_server.url, role)
        for stop in stops_for(role):
            if not stop.name.startswith(("innovation_", "application_exports")):
                continue
            where = f"{role} {width}px {stop.name}"
            response = page.goto(live_server.url + stop.url(world))
            if response.status != 200:
                problems.append(f"{where}: ответ {response.status}")
                continue
            problems += axe_problems(page, where) + layout_problems(page, where, stop, width)
        context.close()
    assert not problems, f"{len(problems)} нарушений:\n" + "\n".join(problems)
