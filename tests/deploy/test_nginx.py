"""The portal behind a real nginx with the site of deploy/nginx/portal.conf.

nginx proxies to the test's live server (the portal with the test database) for the
behaviour the portal and nginx share: the client address reaching the sign-in lockout,
static files, the upload limit and its page, guarded files sent through X-Accel-Redirect,
the largest import upload. tests/deploy/test_gunicorn.py starts gunicorn with
deploy/gunicorn.conf.py behind the same site. Skipped, with the reason, where nginx is not
installed; CI installs it (.ci/run).
"""

import io
import os
import time
import urllib.request
import zipfile

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.files.base import ContentFile

from core.xlsx_safety import MAX_FILE_BYTES
from diagnostics.models import ImportJob, ImportStatus
from reports.models import JobStatus, ReportJob, ReportKind
from tests.deploy.nginx_support import Browser, ask
from tests.imports.workbooks import table_workbook

pytestmark = pytest.mark.django_db(transaction=True)

WRONG = "неверный-пароль"


def test_it_locks_the_address_of_the_client_nginx_saw_not_the_proxys(
        nginx, world, signed_in_password):
    intruder = Browser(nginx.https_port, source="127.0.0.2")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        intruder.sign_in(world.staff.username, WRONG)

    locked = intruder.sign_in(world.staff.username, signed_in_password)
    colleague = Browser(nginx.https_port, source="127.0.0.3").sign_in(
        world.staff.username, signed_in_password)

    assert locked.status == 429
    assert colleague.status == 302 and "sessionid" in colleague.cookies
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.2"}


def test_it_does_not_let_a_client_name_its_own_address_through_nginx(
        nginx, world, signed_in_password):
    # nginx writes X-Forwarded-For itself: what the client sends is not passed on, so the
    # failures count against the address nginx saw, whatever the client claims.
    for number in range(settings.AXES_FAILURE_LIMIT):
        Browser(nginx.https_port, source="127.0.0.2",
                headers={"X-Forwarded-For": f"203.0.113.{number}"}).sign_in(
            world.staff.username, WRONG)

    spoofing = Browser(nginx.https_port, source="127.0.0.2",
                       headers={"X-Forwarded-For": "198.51.100.77"})

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.2"}
    assert spoofing.sign_in(world.staff.username, signed_in_password).status == 429


def test_it_serves_static_files_from_static_root_without_the_portal(nginx, static_root):
    # A file only in the collected folder: the portal's own static finder cannot know it.
    marker = static_root / "css" / "only-in-static-root.css"
    marker.write_text("/* собрано collectstatic */", encoding="utf-8")
    stylesheet = ask(nginx.https_port, "GET", "/static/css/portal.css")
    collected = ask(nginx.https_port, "GET", "/static/css/only-in-static-root.css")
    marker.unlink()

    assert stylesheet.status == 200
    assert stylesheet.body == (static_root / "css" / "portal.css").read_bytes()
    assert stylesheet.headers["content-type"].startswith("text/css")
    assert collected.status == 200 and "collectstatic" in collected.text
    # The portal's answers carry its policy; nginx's static answers do not.
    assert "content-security-policy" not in stylesheet.headers


def test_it_refuses_an_upload_over_the_limit_with_the_portals_russian_page(
        nginx, world, signed_in_password):
    browser = Browser(nginx.https_port, source="127.0.0.2")
    browser.sign_in(world.staff.username, signed_in_password)
    before = ImportJob.objects.count()
    oversized = b"\0" * (settings.JOURNAL_ATTACHMENT_MAX_BYTES + 2 * 1024 * 1024)

    # nginx answers as soon as it reads the length, before the body is sent.
    answer = browser.post("/imports/organizations/", {"load": "1"},
                          files={"file": ("огромный.xlsx", oversized)}, send_body=False)

    assert answer.status == 413
    assert answer.headers["content-type"].startswith("text/html")
    assert "Файл слишком большой" in answer.text and "20 МБ" in answer.text
    assert "Ничего не сохранено" in answer.text
    assert ImportJob.objects.count() == before


def test_it_lets_an_upload_of_the_largest_attachment_through(nginx, world, signed_in_password):
    # The limit in nginx leaves room for the largest file the portal itself accepts; the
    # portal then answers with its own Russian refusal (not an .xlsx).
    browser = Browser(nginx.https_port, source="127.0.0.2")
    browser.sign_in(world.staff.username, signed_in_password)
    largest = b"x" * settings.JOURNAL_ATTACHMENT_MAX_BYTES

    answer = browser.post("/imports/organizations/", {"load": "1"},
                          files={"file": ("большой.xlsx", largest)})

    assert answer.status == 200
    assert "Файл больше 10 МБ" in answer.text
    assert not ImportJob.objects.exists()


@pytest.fixture
def ready_report(world):
    job = ReportJob.objects.create(municipality=world.municipality, kind=ReportKind.INDICATORS,
                                   requested_by=world.staff, filename="Показатели проекта.xlsx")
    job.file.save("indicators.xlsx", ContentFile(b"PK\x03\x04 report bytes"), save=False)
    job.status, job.progress = JobStatus.DONE, 100
    job.save()
    return job


def test_it_sends_a_guarded_file_through_nginx_after_the_portals_check(
        nginx, world, signed_in_password, ready_report, live_server):
    path = f"/reports/{ready_report.pk}/download/"
    anonymous = ask(nginx.https_port, "GET", path)
    browser = Browser(nginx.https_port, source="127.0.0.2")
    browser.sign_in(world.staff.username, signed_in_password)
    download = browser.get(path)

    assert anonymous.status == 302 and "/accounts/login/" in anonymous.headers["location"]
    assert download.status == 200
    assert download.body == b"PK\x03\x04 report bytes"
    assert "x-accel-redirect" not in download.headers
    assert "attachment" in download.headers["content-disposition"]
    assert "sandbox" in download.headers["content-security-policy"]  # nginx's media location


def test_it_leaves_the_bytes_to_nginx_the_portal_answers_empty(
        nginx, world, signed_in_password, ready_report, live_server):
    # Straight to the portal, without nginx: an empty answer that names the stored file.
    browser = Browser(nginx.https_port, source="127.0.0.2")
    browser.sign_in(world.staff.username, signed_in_password)
    request = urllib.request.Request(
        f"{live_server.url}/reports/{ready_report.pk}/download/",
        headers={"Cookie": f"sessionid={browser.cookies['sessionid']}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
        accel = response.headers["X-Accel-Redirect"]

    assert body == b""
    assert accel == f"/protected-media/{ready_report.file.name}"


def test_it_does_not_open_the_internal_media_location_from_outside(nginx, ready_report):
    answer = ask(nginx.https_port, "GET", f"/protected-media/{ready_report.file.name}")

    assert answer.status == 404
    assert b"report bytes" not in answer.body


def test_it_redirects_plain_http_to_https(nginx):
    answer = ask(nginx.http_port, "GET", "/accounts/login/?next=/", tls=False)

    assert answer.status == 301
    assert answer.headers["location"] == "https://portal.example.org/accounts/login/?next=/"
    assert answer.headers["server"] == "nginx"  # without its version


def largest_import_workbook() -> bytes:
    """10,000 organizations, padded with a stored part up to the 10 MB the form accepts."""
    rows = [(f"МБОУ «Школа № {n}»", f"Школа № {n}") for n in range(100, 100 + 9_999)]
    buffer = io.BytesIO(table_workbook(["Полное наименование", "Краткое наименование"],
                                       rows).getvalue())
    padding = MAX_FILE_BYTES - len(buffer.getvalue()) - 4096
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(zipfile.ZipInfo("xl/media/padding.bin"), os.urandom(padding))
    content = buffer.getvalue()
    assert MAX_FILE_BYTES - 8192 < len(content) <= MAX_FILE_BYTES
    return content


def test_it_answers_the_largest_import_upload_within_two_seconds(
        nginx, world, signed_in_password, queue_without_worker):
    content = largest_import_workbook()
    browser = Browser(nginx.https_port, source="127.0.0.2")
    browser.sign_in(world.staff.username, signed_in_password)
    token = browser.token("/imports/organizations/")

    started = time.monotonic()
    answer = browser.post("/imports/organizations/", {"load": "1"}, token=token,
                          files={"file": ("организации.xlsx", content)})
    answered_in = time.monotonic() - started

    assert answer.status == 302, answer.text[-2000:]
    job = ImportJob.objects.get()
    assert answer.headers["location"] == f"/imports/jobs/{job.pk}/"
    assert job.status == ImportStatus.QUEUED
    assert any(queue_without_worker.iterdir()), "задача не поставлена в очередь"
    assert answered_in < 2, f"ответ на загрузку через nginx занял {answered_in:.1f} с"
