"""Excel uploads in a browser: a school loads its people from the register on a phone, and a
job's page follows the worker's progress, then shows the row report without a click."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import timezone
from openpyxl import Workbook

from diagnostics.imports.jobs import progress_recorder
from diagnostics.models import ImportJob, ImportStatus, ImportTable
from people.models import Teacher

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}


def log_in(page, live_server, user):
    user.set_password("demo")
    user.save()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def assert_fits_the_screen(page):
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url}: страница шире экрана на {overflow} px"


def test_a_school_loads_its_people_from_excel_on_a_phone(live_server, page, world, settings,
                                                         tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    workbook = Workbook()
    workbook.active.append(["ФИО", "Должность", "Категория работника",
                            "Педагогический стаж с"])
    workbook.active.append(["Иванова Мария Петровна", "учитель математики", "Учитель",
                            "01.09.2023"])
    workbook.active.append(["Петров Илья Сергеевич", "педагог-психолог", "Учитель", None])
    path = tmp_path / "pedagogi.xlsx"
    workbook.save(path)
    page.set_viewport_size(PHONE)
    log_in(page, live_server, world.school_user)

    page.goto(f"{live_server.url}/people/")
    assert_fits_the_screen(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Загрузить из Excel").first.click()
    assert_fits_the_screen(page)
    page.get_by_label("Файл Excel (.xlsx)").set_input_files(str(path))
    with page.expect_navigation():
        page.click("input[name=load]")

    assert "/imports/jobs/" in page.url
    page.get_by_text("Загружено: новых — 2, обновлено — 0, пропущено строк — 0.").wait_for()
    assert_fits_the_screen(page)
    assert set(Teacher.objects.values_list("organization", flat=True)) == {world.school_a.pk}
    page.get_by_role("link", name="Все загрузки").click()
    page.wait_for_url(lambda url: url.endswith("/imports/jobs/"))
    assert_fits_the_screen(page)
    assert "Записано строк: 2." in page.text_content("main")


def test_a_jobs_page_follows_the_worker_then_shows_the_report(live_server, page, world,
                                                              settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    upload = Path(django_settings.MEDIA_ROOT) / "imports" / "2024" / "01" / "kadry.xlsx"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"PK")
    job = ImportJob.objects.create(
        municipality=world.municipality, table=ImportTable.STAFFING, requested_by=world.staff,
        filename="kadry.xlsx", file="imports/2024/01/kadry.xlsx", status=ImportStatus.RUNNING,
        started_at=timezone.now())
    record = progress_recorder(job)
    record(40, 40, 100)
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(
        message.text))
    log_in(page, live_server, world.staff)
    page.goto(f"{live_server.url}/imports/jobs/{job.pk}/")
    bar = page.locator("[data-role=bar]")
    assert bar.evaluate("bar => bar.style.width") == "40%"
    assert page.text_content("[data-role=stage]").startswith("Проверено строк: 40 из 100.")

    record(80, 80, 100)
    page.wait_for_function("() => document.querySelector('[data-role=bar]').style.width "
                           "=== '80%'")
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.DONE, file="", rows_total=100, rows_checked=100, rows_written=100,
        finished_at=timezone.now() + datetime.timedelta(seconds=1),
        report={"title": "Кадровый состав", "dry_run": False, "created": 100, "rows": 100})
    page.get_by_text("Загружено: новых — 100, обновлено — 0, пропущено строк — 0.").wait_for()
    assert page.locator("[data-role=bar]").count() == 0
    assert console_errors == []
