"""The largest Excel upload the form accepts, through nginx and gunicorn started with
deploy/gunicorn.conf.py, answered within 2 seconds: the request stores the file and queues
the job; the worker does the rest.

gunicorn is another process, so it needs the test database on PostgreSQL (CI's second
pass); on SQLite the test is skipped with the reason. The queue is a folder nobody serves,
as with a busy worker.
"""

import subprocess
import time

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from diagnostics.models import ImportJob, ImportStatus
from tests.deploy.nginx_support import (
    HOST,
    PROJECT,
    Browser,
    free_port,
    require_nginx,
    start_nginx,
    wait_for_port,
)
from tests.deploy.test_gunicorn import GUNICORN, wait_until_a_worker_answers
from tests.deploy.test_nginx import largest_import_workbook
from tests.reports.jobs_support import child_environment, database_url

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def web_node_on_test_database(tmp_path):
    if database_url() is None:
        pytest.skip("Нужна PostgreSQL: gunicorn — другой процесс и не видит тестовую базу "
                    "SQLite в памяти.")
    port = free_port()
    log = tmp_path / "gunicorn.log"
    environment = child_environment(
        media_root=settings.MEDIA_ROOT,
        DEBUG="1", ALLOWED_HOSTS=HOST, PORTAL_PROXY_COUNT="1", PORTAL_X_ACCEL="1",
        BEHIND_TLS_PROXY="1", CELERY_BROKER_URL="filesystem://",
        CELERY_QUEUE_DIR=str(tmp_path / "queue"),
        GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="2")
    with log.open("wb") as handle:
        process = subprocess.Popen(
            [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "config.wsgi"],
            cwd=PROJECT, env=environment, stdout=handle, stderr=subprocess.STDOUT)
        try:
            wait_for_port(port, process=process, log=log, seconds=30)
            wait_until_a_worker_answers(port, log)
            yield port, tmp_path / "queue", log
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def test_it_answers_the_largest_import_upload_through_gunicorn_within_two_seconds(
        web_node_on_test_database, world, static_root, tmp_path):
    require_nginx()
    port, queue, log = web_node_on_test_database
    password = "Верный-пароль-2024"
    # gunicorn checks passwords with the portal's own hashers, not the tests' fast one.
    world.staff.password = PBKDF2PasswordHasher().encode(password, "deploysalt",
                                                         iterations=1000)
    world.staff.save()
    content = largest_import_workbook()
    nginx = start_nginx(tmp_path / "nginx", upstream_port=port, static_root=static_root,
                        media_root=settings.MEDIA_ROOT)
    try:
        browser = Browser(nginx.https_port, source="127.0.0.2")
        assert browser.sign_in(world.staff.username, password).status == 302, log.read_text()
        token = browser.token("/imports/organizations/")
        started = time.monotonic()
        answer = browser.post("/imports/organizations/", {"load": "1"}, token=token,
                              files={"file": ("организации.xlsx", content)})
        answered_in = time.monotonic() - started
    finally:
        nginx.stop()

    assert answer.status == 302, log.read_text(errors="replace")[-3000:]
    job = ImportJob.objects.get()
    assert answer.headers["location"] == f"/imports/jobs/{job.pk}/"
    assert job.status == ImportStatus.QUEUED
    assert any((queue / "queue").iterdir()), "задача не поставлена в очередь"
    assert answered_in < 2, f"ответ на загрузку через nginx и gunicorn занял {answered_in:.1f} с"
