"""The «Отчёты» page in a browser: a job's row follows its progress without a reload."""

from pathlib import Path

import openpyxl
import pytest
from django.utils import timezone

from demo.krymsky import load_demo
from internships.models import Period
from reports.jobs import final_name
from reports.models import JobStatus, ReportJob, ReportKind
from teams.models import Municipality

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_an_analyst_orders_a_workbook_and_downloads_it(live_server, page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()
    log_in(page, live_server, "analyst")
    page.goto(f"{live_server.url}/reports/")
    assert "Отчётов ещё нет" in page.text_content("main")

    page.check("input[name=kind][value=indicators]")
    with page.expect_navigation():
        page.click("#report-request-form button[type=submit]")

    row = page.locator("[data-report-job]").first
    row.locator("[data-role=download]:not(.d-none)").wait_for()
    with page.expect_download() as download_info:
        row.locator("[data-role=download]").click()
    assert download_info.value.suggested_filename == "Показатели проекта 2021–2022.xlsx"
    path = tmp_path / "workbook.xlsx"
    download_info.value.save_as(path)
    assert openpyxl.load_workbook(path).sheetnames[0] == "Показатели"


def test_a_running_job_is_followed_until_its_file_is_ready(live_server, page, settings,
                                                           tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()
    municipality = Municipality.objects.get(name__contains="Крымский")
    job = ReportJob.objects.create(
        municipality=municipality, kind=ReportKind.MONITORING,
        period=Period.objects.get(programme__municipality=municipality),
        status=JobStatus.RUNNING, progress=20, stage="Показатели", started_at=timezone.now(),
    )
    doomed = ReportJob.objects.create(
        municipality=municipality, kind=ReportKind.HANDBOOK, period=job.period,
        status=JobStatus.QUEUED,
    )
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(
        message.text))
    log_in(page, live_server, "analyst")
    page.goto(f"{live_server.url}/reports/")
    row = page.locator(f"[data-report-job='{job.pk}']")
    assert row.locator("[data-role=badge]").text_content() == "формируется"
    assert row.locator("[data-role=bar]").evaluate("bar => bar.style.width") == "20%"

    ReportJob.objects.filter(pk=job.pk).update(progress=65, stage="Вёрстка PDF")
    page.wait_for_function(
        "row => row.querySelector('[data-role=bar]').style.width === '65%'",
        arg=row.element_handle(),
    )
    assert row.locator("[data-role=stage]").text_content() == "Вёрстка PDF"

    name = final_name(job)
    Path(settings.MEDIA_ROOT, name).parent.mkdir(parents=True, exist_ok=True)
    Path(settings.MEDIA_ROOT, name).write_bytes(b"%PDF-1.7\n")
    ReportJob.objects.filter(pk=job.pk).update(
        status=JobStatus.DONE, progress=100, file=name, finished_at=timezone.now(),
        filename="Мониторинговый отчёт 2021–2022.pdf",
    )
    row.locator("[data-role=download]:not(.d-none)").wait_for()
    assert row.locator("[data-role=badge]").text_content() == "готов"
    assert row.locator("[data-role=progress]").is_hidden()
    assert row.locator("[data-role=filename]").text_content() == \
        "Мониторинговый отчёт 2021–2022.pdf"

    ReportJob.objects.filter(pk=doomed.pk).update(
        status=JobStatus.FAILED, finished_at=timezone.now(),
        error="Превышено время формирования отчёта.",
    )
    failed = page.locator(f"[data-report-job='{doomed.pk}']")
    failed.locator("[data-role=error]:not(.d-none)").wait_for()
    assert failed.locator("[data-role=error]").text_content() == \
        "Превышено время формирования отчёта."
    assert failed.locator("[data-role=badge]").text_content() == "ошибка"
    assert failed.locator("[data-role=download]").is_hidden()
    assert console_errors == []
