"""A report job from the request to its file: queueing, claiming, building, failing."""

import datetime
from pathlib import Path

import pytest
from celery.exceptions import Retry, SoftTimeLimitExceeded
from django.conf import settings
from django.db import (
    DatabaseError,
    IntegrityError,
    OperationalError,
    ProgrammingError,
    connection,
    transaction,
)
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerOperationalError

from reports import builders, jobs, tasks
from reports.errors import BrokerUnavailable
from reports.models import JobStatus, ReportJob, ReportKind
from tests.reports.jobs_support import (
    CONTENT,
    FILENAME,
    crashing_builder,
    refusing_builder,
    report_files,
    writing_builder,
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def use_builder(monkeypatch):
    """``use_builder(build)`` makes the indicators report be built by ``build``."""

    def install(build):
        monkeypatch.setitem(builders.BUILDERS, ReportKind.INDICATORS, build)

    return install


@pytest.fixture
def order(world, django_capture_on_commit_callbacks):
    """``order()`` requests an indicators report as the analyst and lets it commit."""

    def request(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            job = tasks.request_report(
                municipality=world.municipality, kind=ReportKind.INDICATORS,
                period=world.period, requested_by=world.analyst, **fields,
            )
        job.refresh_from_db()
        return job

    return request


def queued_job(world) -> ReportJob:
    return ReportJob.objects.create(municipality=world.municipality,
                                    kind=ReportKind.INDICATORS, period=world.period)


def test_it_builds_a_requested_report_into_its_file(order, use_builder, media_root):
    use_builder(writing_builder)

    job = order()

    assert job.status == JobStatus.DONE
    assert job.progress == 100
    assert job.filename == FILENAME
    assert job.attempts == 1
    assert job.started_at <= job.finished_at
    assert Path(job.file.path).read_bytes() == CONTENT
    assert Path(job.file.path).stat().st_mode & 0o777 == settings.FILE_UPLOAD_PERMISSIONS
    assert job.file.name == jobs.final_name(job)
    assert job.file.name.endswith(".xlsx")
    assert report_files(media_root) == [Path(job.file.path)]


def test_it_queues_the_job_only_once_the_request_commits(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []
    monkeypatch.setattr(tasks.build_report, "apply_async",
                        lambda args, **options: queued.append(args))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = tasks.request_report(municipality=world.municipality, kind=ReportKind.INDICATORS,
                                  period=world.period, requested_by=world.analyst)
        assert queued == []

    assert job.status == JobStatus.QUEUED
    assert len(callbacks) == 1
    callbacks[0]()
    assert queued == [[job.pk]]


def test_it_queues_nothing_when_the_request_is_rolled_back(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []
    monkeypatch.setattr(tasks.build_report, "apply_async",
                        lambda args, **options: queued.append(args))

    with django_capture_on_commit_callbacks(execute=True) as callbacks, \
            pytest.raises(RuntimeError), transaction.atomic():
        tasks.request_report(municipality=world.municipality, kind=ReportKind.INDICATORS,
                            period=world.period, requested_by=world.analyst)
        raise RuntimeError("the request failed after ordering")

    assert callbacks == []
    assert queued == []
    assert not ReportJob.objects.exists()


def test_it_fails_the_job_with_a_clear_reason_when_the_queue_is_down(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    def broker_down(*args, **options):
        raise BrokerOperationalError("Error 111 connecting to 127.0.0.1:6399. Connection refused.")

    monkeypatch.setattr(tasks.build_report, "apply_async", broker_down)

    with pytest.raises(BrokerUnavailable) as raised, \
            django_capture_on_commit_callbacks(execute=True):
        tasks.request_report(municipality=world.municipality, kind=ReportKind.INDICATORS,
                            period=world.period, requested_by=world.analyst)

    assert raised.value.message == "Очередь фоновых задач недоступна, повторите запрос позже."
    job = ReportJob.objects.get()
    assert job.status == JobStatus.FAILED
    assert job.error == raised.value.message
    assert job.file.name == ""


def test_it_shows_the_builders_reason_and_leaves_no_file(order, use_builder, media_root):
    use_builder(refusing_builder)

    job = order()

    assert job.status == JobStatus.FAILED
    assert job.error == "Нет ни одной площадки: отчёт строить не из чего."
    assert job.file.name == ""
    assert job.finished_at is not None
    assert report_files(media_root) == []


def test_it_hides_an_unexpected_error_behind_a_russian_message(
    order, use_builder, media_root, caplog
):
    use_builder(crashing_builder)

    job = order()

    assert job.status == JobStatus.FAILED
    assert job.error.startswith("Внутренняя ошибка при формировании отчёта.")
    assert "a bug in a builder" not in job.error
    assert "a bug in a builder" in caplog.text
    assert report_files(media_root) == []


def test_it_says_when_the_build_ran_out_of_time(order, use_builder, media_root):
    def too_slow(*, output, **kwargs):
        output.write_bytes(b"half")
        raise SoftTimeLimitExceeded()

    use_builder(too_slow)

    job = order()

    assert job.status == JobStatus.FAILED
    assert job.error == "Превышено время формирования отчёта."
    assert report_files(media_root) == []


def test_it_builds_into_a_temporary_file_beside_the_final_one(order, use_builder):
    seen = {}

    def watching(*, output, **kwargs):
        seen["output"] = output
        output.write_bytes(CONTENT)
        return FILENAME

    use_builder(watching)

    job = order()

    final = Path(job.file.path)
    assert seen["output"].parent == final.parent
    assert seen["output"].name.endswith(".part")
    assert not seen["output"].exists()


def test_it_builds_a_job_once_however_often_it_is_run(world, use_builder, media_root):
    calls = []

    def counting(**kwargs):
        calls.append(1)
        return writing_builder(**kwargs)

    use_builder(counting)
    job = queued_job(world)

    jobs.run_report_job(job_id=job.pk)
    first = ReportJob.objects.get(pk=job.pk)
    jobs.run_report_job(job_id=job.pk)
    second = ReportJob.objects.get(pk=job.pk)

    assert len(calls) == 1
    assert second.file.name == first.file.name
    assert second.finished_at == first.finished_at
    assert report_files(media_root) == [Path(first.file.path)]


def test_it_leaves_a_job_another_worker_is_building_alone(world, use_builder):
    calls = []
    use_builder(lambda **kwargs: calls.append(1))
    job = queued_job(world)
    started = timezone.now() - datetime.timedelta(minutes=1)
    ReportJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, started_at=started,
                                               attempts=1)

    jobs.run_report_job(job_id=job.pk)

    job.refresh_from_db()
    assert calls == []
    assert job.status == JobStatus.RUNNING
    assert job.started_at == started


def test_it_takes_over_a_job_whose_worker_is_gone(world, use_builder, media_root):
    use_builder(writing_builder)
    job = queued_job(world)
    ReportJob.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, attempts=1,
        started_at=timezone.now() - jobs.stale_after() - datetime.timedelta(seconds=1),
    )

    jobs.run_report_job(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert job.attempts == 2
    assert report_files(media_root) == [Path(job.file.path)]


def test_it_puts_a_job_back_in_the_queue_after_a_transient_failure(world, use_builder,
                                                                   media_root):
    def disk_full(*, output, **kwargs):
        output.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    use_builder(disk_full)
    job = queued_job(world)

    with pytest.raises(jobs.RetryLater) as raised:
        jobs.run_report_job(job_id=job.pk, final_attempt=False)

    assert raised.value.attempt == 1
    assert isinstance(raised.value.__cause__, OSError)
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED
    assert job.stage == "Повтор после сбоя"
    assert report_files(media_root) == []


def test_it_fails_the_job_when_the_last_retry_fails_too(world, use_builder, media_root):
    def disk_full(**kwargs):
        raise OSError(28, "No space left on device")

    use_builder(disk_full)
    job = queued_job(world)

    jobs.run_report_job(job_id=job.pk, final_attempt=True)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == "Не удалось записать файл отчёта: хранилище файлов недоступно."
    assert report_files(media_root) == []


def test_the_task_has_time_limits_and_a_bounded_number_of_retries():
    task = tasks.build_report

    assert task.max_retries == 3
    assert task.acks_late
    assert task.ignore_result
    assert task.soft_time_limit < task.time_limit


def _break_the_database() -> None:
    """Make the database fail under the running build, as a restarted server would.

    On PostgreSQL the server ends this very connection; SQLite cannot be cut off, so
    a query the database refuses stands in for it.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        cursor.execute("SELECT * FROM a_table_that_is_not_there")


@pytest.mark.django_db(transaction=True)
def test_the_task_retries_when_the_database_fails_under_the_build(world, use_builder,
                                                                  media_root):
    attempts = []

    def database_goes_away(**kwargs):
        attempts.append(1)
        if len(attempts) == 1:
            _break_the_database()
        return writing_builder(**kwargs)

    use_builder(database_goes_away)
    job = queued_job(world)

    with pytest.raises(Retry) as retry:
        tasks.build_report.apply(args=[job.pk])

    # The job went back to the queue over a new connection; the retry knows the attempt.
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED
    assert isinstance(retry.value.exc, OperationalError)
    assert retry.value.sig.kwargs == {"retry_of": 1}
    assert 0 <= retry.value.when <= 1
    tasks.build_report.apply(args=[job.pk], kwargs=retry.value.sig.kwargs, retries=1)

    job.refresh_from_db()
    assert len(attempts) == 2
    assert job.status == JobStatus.DONE
    assert job.attempts == 2
    assert report_files(media_root) == [Path(job.file.path)]


def test_a_retry_takes_the_job_its_failed_attempt_could_not_put_back(world, use_builder,
                                                                     media_root):
    use_builder(writing_builder)
    job = queued_job(world)
    # The attempt failed while the database was down: the job still says «формируется».
    ReportJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, attempts=1,
                                               started_at=timezone.now())

    jobs.run_report_job(job_id=job.pk, retry_of=2)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.RUNNING, 1)

    jobs.run_report_job(job_id=job.pk, retry_of=1)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.DONE, 2)
    assert report_files(media_root) == [Path(job.file.path)]


def test_it_retries_when_the_database_is_down_before_the_job_is_taken(world, use_builder,
                                                                     monkeypatch):
    def database_down(job_id, *, retry_of=None):
        raise OperationalError("could not connect to server: Connection refused")

    use_builder(writing_builder)
    monkeypatch.setattr(jobs, "_claim", database_down)
    job = queued_job(world)

    with pytest.raises(jobs.RetryLater) as raised:
        jobs.run_report_job(job_id=job.pk, final_attempt=False, retry_of=1)
    assert raised.value.attempt == 1
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED

    jobs.run_report_job(job_id=job.pk, final_attempt=True, retry_of=1)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error.startswith("Не удалось сформировать отчёт: база данных портала недоступна.")


def test_it_says_the_database_was_down_when_the_last_retry_fails_on_it(world, use_builder,
                                                                       media_root):
    def database_down(**kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    use_builder(database_down)
    job = queued_job(world)

    jobs.run_report_job(job_id=job.pk, final_attempt=True)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == ("Не удалось сформировать отчёт: база данных портала недоступна. "
                         "Закажите отчёт ещё раз позже; если ошибка повторится, сообщите "
                         "администратору портала.")
    assert report_files(media_root) == []


@pytest.mark.parametrize("error", [
    IntegrityError("duplicate key value violates unique constraint"),
    ProgrammingError("column does not exist"),
    DatabaseError("no such thing"),
    FileNotFoundError(2, "No such file or directory"),
    PermissionError(13, "Permission denied"),
])
def test_an_error_that_will_not_pass_by_itself_fails_the_job_at_once(world, use_builder,
                                                                      media_root, error):
    def failing(**kwargs):
        raise error

    use_builder(failing)
    job = queued_job(world)

    jobs.run_report_job(job_id=job.pk, final_attempt=False)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.attempts == 1
    assert job.error == jobs.INTERNAL_ERROR
    assert report_files(media_root) == []


def test_it_leaves_no_file_when_recording_the_finished_job_fails(world, use_builder,
                                                                 media_root, monkeypatch):
    def database_gone(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    use_builder(writing_builder)
    monkeypatch.setattr(jobs, "_record_done", database_gone)
    job = queued_job(world)

    with pytest.raises(jobs.RetryLater):
        jobs.run_report_job(job_id=job.pk, final_attempt=False)

    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED
    assert report_files(media_root) == []


def test_the_task_queues_a_retry_after_a_transient_failure_and_then_builds(world,
                                                                         use_builder):
    attempts = []

    def flaky(**kwargs):
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError(5, "Input/output error")
        return writing_builder(**kwargs)

    use_builder(flaky)
    job = queued_job(world)

    # Run eagerly, the retry Celery would schedule is handed back instead.
    with pytest.raises(Retry):
        tasks.build_report.apply(args=[job.pk])
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED
    tasks.build_report.apply(args=[job.pk], retries=1)

    job.refresh_from_db()
    assert len(attempts) == 2
    assert job.status == JobStatus.DONE
    assert job.attempts == 2


def test_the_task_gives_up_on_its_last_retry(world, use_builder, media_root):
    def broken_disk(**kwargs):
        raise OSError(5, "Input/output error")

    use_builder(broken_disk)
    job = queued_job(world)

    tasks.build_report.apply(args=[job.pk], retries=tasks.build_report.max_retries)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == "Не удалось записать файл отчёта: хранилище файлов недоступно."
    assert report_files(media_root) == []


def test_an_interrupted_build_leaves_no_file_and_no_finished_job(world, use_builder,
                                                                 media_root):
    def interrupted(*, output, **kwargs):
        output.write_bytes(b"half")
        raise SystemExit(1)

    use_builder(interrupted)
    job = queued_job(world)

    with pytest.raises(SystemExit):
        jobs.run_report_job(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING
    assert job.file.name == ""
    assert report_files(media_root) == []


def test_progress_is_written_as_the_builder_goes_but_not_on_every_call(world, use_builder):
    seen = []

    def reporting(*, output, progress, **kwargs):
        for percent, stage in [(10, "Листы"), (12, "Листы"), (20, "Листы"), (21, "Графики")]:
            progress(percent, stage)
            seen.append(ReportJob.objects.values_list("progress", "stage").get())
        output.write_bytes(CONTENT)
        return FILENAME

    use_builder(reporting)
    job = queued_job(world)

    jobs.run_report_job(job_id=job.pk)

    # 12 % a moment after 10 % of the same stage is not worth a write; a new stage is.
    assert seen == [(10, "Листы"), (10, "Листы"), (20, "Листы"), (21, "Графики")]


def test_the_database_refuses_a_finished_looking_job_without_a_file(world):
    job = queued_job(world)

    with pytest.raises(IntegrityError), transaction.atomic():
        ReportJob.objects.filter(pk=job.pk).update(status=JobStatus.DONE)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportJob.objects.filter(pk=job.pk).update(status=JobStatus.FAILED,
                                                   file="reports/x.xlsx")
