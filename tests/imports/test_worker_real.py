"""A file of 10,000 rows uploaded on the page, loaded by a real Celery worker process
through Redis, while the page answered at once.

Runs where CI runs its second pass (PostgreSQL and Redis); everywhere else it is skipped
with the reason. The worker is started by the ``redis_worker`` fixture of
tests/celery_worker.py.
"""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from diagnostics.models import ImportJob
from teams.models import Organization
from tests.imports.workbooks import table_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.django_db(transaction=True)
def test_it_has_a_real_worker_load_a_ten_thousand_row_upload(world, as_role, redis_worker):
    rows = [(f"МБОУ «Школа № {n}»", f"Школа № {n}") for n in range(100, 100 + 9_999)]
    upload = SimpleUploadedFile("organizacii.xlsx", table_workbook(
        ["Полное наименование", "Краткое наименование"], rows).getvalue(), content_type=XLSX)
    client = as_role("staff")
    before = Organization.objects.count()

    started = time.monotonic()
    response = client.post(reverse("import_organizations"), {"file": upload, "load": "1"})
    answered_in = time.monotonic() - started

    assert response.status_code == 302
    assert answered_in < 2, f"ответ на загрузку занял {answered_in:.1f} с"
    job = ImportJob.objects.get()
    status_url = reverse("import_job_status", args=[job.pk])
    deadline = time.monotonic() + 180
    state = client.get(status_url).json()
    while not state["finished"] and time.monotonic() < deadline:
        time.sleep(0.5)
        state = client.get(status_url).json()
    assert state["status"] == "done", (state, redis_worker.read_text()[-3000:])
    assert (state["rows_checked"], state["rows_written"]) == (9_999, 9_999)
    assert Organization.objects.count() == before + 9_999
    assert "diagnostics.run_import" in redis_worker.read_text()
