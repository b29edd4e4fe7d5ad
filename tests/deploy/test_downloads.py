"""Guarded files: sent by the portal itself, or handed to nginx with X-Accel-Redirect once
the view has checked who may have them (core/downloads.py, PORTAL_X_ACCEL)."""

from types import SimpleNamespace
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from core.downloads import file_download
from core.management.commands.render_error_pages import error_page, static_folder
from internships import journal
from reports.models import JobStatus, ReportJob, ReportKind
from tests.helpers import assert_redirects_to_login
from tests.journal.conftest import pdf_file, record

pytestmark = pytest.mark.django_db

CONTENT = b"PK\x03\x04 report bytes"


@pytest.fixture
def ready_report(world):
    job = ReportJob.objects.create(municipality=world.municipality, kind=ReportKind.INDICATORS,
                                   requested_by=world.staff, filename="Показатели проекта.xlsx")
    job.file.save("indicators.xlsx", ContentFile(CONTENT), save=False)
    job.status, job.progress = JobStatus.DONE, 100
    job.save()
    return job


def _download(client, job):
    return client.get(reverse("report_job_download", args=[job.pk]))


def test_it_sends_the_bytes_itself_without_x_accel(as_role, ready_report, settings):
    settings.PORTAL_X_ACCEL = False

    response = _download(as_role("staff"), ready_report)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert "X-Accel-Redirect" not in response


def test_it_hands_the_file_to_nginx_with_x_accel(as_role, ready_report, settings):
    settings.PORTAL_X_ACCEL = True

    response = _download(as_role("staff"), ready_report)

    assert response.status_code == 200
    assert response.content == b""
    assert response["X-Accel-Redirect"] == f"/protected-media/{ready_report.file.name}"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%D0%9F%D0%BE%D0%BA" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_it_checks_access_before_handing_a_file_to_nginx(client, as_role, ready_report,
                                                         settings):
    settings.PORTAL_X_ACCEL = True

    anonymous = _download(client, ready_report)
    stranger = _download(as_role("outsider"), ready_report)

    assert_redirects_to_login(anonymous)
    assert stranger.status_code == 404 and "X-Accel-Redirect" not in stranger


def test_it_answers_404_for_a_file_missing_from_storage_with_x_accel(as_role, ready_report,
                                                                      settings):
    settings.PORTAL_X_ACCEL = True
    ready_report.file.storage.delete(ready_report.file.name)

    response = _download(as_role("staff"), ready_report)

    assert response.status_code == 404 and "X-Accel-Redirect" not in response


def test_it_quotes_the_stored_name_in_the_internal_address(settings):
    settings.PORTAL_X_ACCEL = True
    settings.PORTAL_X_ACCEL_LOCATION = "/files"
    name = default_storage.save("reports/отчёт 1.pdf", ContentFile(b"%PDF-"))
    stored = SimpleNamespace(name=name, storage=default_storage)

    response = file_download(stored, filename="отчёт.pdf")

    assert response["X-Accel-Redirect"] == "/files/" + quote(name)
    assert " " not in response["X-Accel-Redirect"]
    assert response["Content-Type"] == "application/pdf"


def test_it_answers_health_checks_over_plain_http_when_redirecting_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/health/live/").status_code == 200
    assert client.get("/accounts/login/").status_code == 301


def test_it_keeps_the_static_413_page_as_its_template_renders():
    page = (static_folder() / "errors" / "413.html").read_text(encoding="utf-8")

    assert page == error_page("413.html"), "обновите: python manage.py render_error_pages"
    assert '<html lang="ru">' in page and "Файл слишком большой" in page
    assert "/static/vendor/bootstrap/bootstrap.min.css" in page


def test_it_checks_the_static_error_pages_from_the_command_line():
    call_command("render_error_pages", "--check")


def test_it_refuses_to_render_error_pages_with_hashed_static_names(settings):
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}

    with pytest.raises(CommandError, match="режиме разработки"):
        call_command("render_error_pages", "--check")


@pytest.fixture
def journal_attachment(world):
    entry = record(world, participants=[world.school_d.team])
    entry.hosts.set([world.school_b.team])
    attachment, = journal.add_attachments(entry=entry, files=[pdf_file("Программа.pdf")],
                                          uploaded_by=world.curator)
    return attachment


@pytest.mark.parametrize("role", ["staff", "curator", "school_b_user"])
def test_it_hands_a_journal_file_to_nginx_for_its_readers(as_role, journal_attachment, role,
                                                          settings):
    settings.PORTAL_X_ACCEL = True

    response = as_role(role).get(reverse("attachment_download", args=[journal_attachment.pk]))

    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/protected-media/{journal_attachment.file.name}"
    assert response["Content-Type"] == "application/pdf"
    assert "filename*=utf-8''%D0%9F%D1%80%D0%BE" in response["Content-Disposition"]


@pytest.mark.parametrize("role", ["school_user", "outsider"])
def test_it_hands_nothing_to_nginx_for_who_may_not_read_the_journal(
        as_role, journal_attachment, role, settings):
    settings.PORTAL_X_ACCEL = True

    response = as_role(role).get(reverse("attachment_download", args=[journal_attachment.pk]))

    assert response.status_code == 404 and "X-Accel-Redirect" not in response
