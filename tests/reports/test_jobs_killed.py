"""A build whose process is killed outright (SIGKILL, the OOM killer, a pulled plug).

Nothing of the job's code runs after such a kill, so what it leaves is what the design
leaves: a job still «формируется» and a temporary ``.part`` file, never a finished-looking
file or job. The cleanup schedule then gives the job up and sweeps the leftover away.
"""

import datetime
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.utils import timezone

from reports import jobs
from reports.models import JobStatus, ReportJob, ReportKind
from tests.reports.jobs_support import child_environment, database_url, report_files

CHILD = """
import django
django.setup()
from reports import builders
from reports.jobs import run_report_job
from reports.models import ReportKind
from tests.reports.jobs_support import slow_builder
builders.BUILDERS[ReportKind.INDICATORS] = slow_builder
run_report_job(job_id={job_id})
"""


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def wait_for(condition, *, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"не дождались: {what}")


@pytest.mark.django_db(transaction=True)
def test_a_killed_build_leaves_no_finished_looking_file_and_is_given_up(world, media_root):
    if database_url() is None:
        pytest.skip("Нужна PostgreSQL: другой процесс не видит тестовую базу SQLite в памяти.")
    job = ReportJob.objects.create(municipality=world.municipality,
                                   kind=ReportKind.INDICATORS, period=world.period)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(job_id=job.pk)],
        cwd=Path(__file__).resolve().parents[2],
        env=child_environment(media_root=media_root),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        wait_for(lambda: ReportJob.objects.filter(pk=job.pk, progress=50).exists()
                 or child.poll() is not None, seconds=60, what="половины отчёта")
        assert child.poll() is None, child.stdout.read().decode()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()

    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING
    assert job.file.name == ""
    leftovers = report_files(media_root)
    assert len(leftovers) == 1
    assert leftovers[0].name.startswith(".") and leftovers[0].name.endswith(".part")
    assert not Path(media_root, jobs.final_name(job)).exists()

    jobs.cleanup_reports(now=timezone.now() + datetime.timedelta(days=2))

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error.startswith("Формирование прервано")
    assert report_files(media_root) == []
