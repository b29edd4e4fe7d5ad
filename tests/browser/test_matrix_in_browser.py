import openpyxl
import pytest

from demo.krymsky import load_demo
from internships.models import Direction

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_it_lets_staff_filter_the_matrix_and_download_it(live_server, page, tmp_path):
    load_demo()
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(
        message.text))

    log_in(page, live_server, "staff")
    page.click("nav >> text=Распределение")
    page.click("nav >> text=Матрица распределения")
    page.wait_for_selector("#matrix")
    assert page.locator("#matrix tbody tr").count() == 7
    assert "92 распределения" in page.text_content("main")

    direction = Direction.objects.get(number=6)
    # Choosing a direction applies the filter by itself (no button press).
    with page.expect_navigation():
        page.select_option("#id_direction", str(direction.pk))
    assert page.locator("#matrix tbody tr").count() == 1
    assert "Стажировка 6" in page.text_content("#matrix")

    with page.expect_navigation():
        page.select_option("#id_tier", "leader")
    assert "2 распределения" in page.text_content("main")

    with page.expect_download() as download_info:
        page.click("text=Скачать Excel")
    path = tmp_path / "matrix.xlsx"
    download_info.value.save_as(path)
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("№ направления", "Направление", "Организация", "Уровень", "Кураторы")
    assert rows[1:] == [
        (6, direction.title, "МАОУ СОШ № 11", "Команды-лидеры", "Володина З.А., Пацюк А.А."),
        (6, direction.title, "МБОУ СОШ № 56", "Команды-лидеры", "Володина З.А., Пацюк А.А."),
    ]
    assert console_errors == []


def test_it_shows_a_school_team_its_own_organization(live_server, page):
    load_demo()
    log_in(page, live_server, "school")
    page.goto(f"{live_server.url}/")
    assert page.text_content("h1") == "МБОУ СОШ № 4"
    assert page.locator("#tiers tbody tr").count() == 7
    response = page.goto(f"{live_server.url}/matrix/")
    assert response.status == 403
