"""Scheduled monitoring: a report per control point once it is over, a link e-mailed to the
staff."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from internships.models import ControlPoint, ControlPointKind
from reports import schedule
from reports.models import JobStatus, ReportJob, ReportKind
from reports.schedule import notify_scheduled_report_done, run_due_monitoring
from reports.tasks import request_report
from reports.tasks import run_due_monitoring as run_due_monitoring_task
from tests import factories

D = datetime.date
# The May control point ends on 31.05.2022: its report is due from the next morning.
AFTER_MAY = D(2022, 6, 1)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def may_point(world):
    return ControlPoint.objects.create(
        programme=world.programme, kind=ControlPointKind.INTERMEDIATE_DIAGNOSTICS,
        title="Промежуточная диагностика деятельности стажировочных площадок",
        starts_on=D(2022, 5, 1), ends_on=D(2022, 5, 31))


@pytest.fixture
def staff_with_email(world):
    world.staff.email = "staff@uo.example"
    world.staff.save(update_fields=["email"])
    second = factories.staff_user(world.municipality, username="staff-2",
                                  email="second@uo.example")
    return [world.staff, second]


def _scheduled(point):
    return ReportJob.objects.filter(parameters__control_point=point.pk,
                                    parameters__scheduled=True)


def _done_job(world, point, **parameters) -> ReportJob:
    return ReportJob.objects.create(
        municipality=world.municipality, kind=ReportKind.MONITORING, period=world.period,
        parameters={"control_point": point.pk, "scheduled": True, **parameters},
        status=JobStatus.DONE, file="reports/2022/05/ready.pdf", progress=100,
        filename="Мониторинговый отчёт 2021–2022, 01.05.2022.pdf",
    )


def test_it_orders_the_monitoring_report_of_a_control_point_once_it_is_over(world, may_point):
    ordered = run_due_monitoring(today=AFTER_MAY, order=request_report)

    assert len(ordered) == 1
    job = ordered[0]
    assert job.kind == ReportKind.MONITORING
    assert job.municipality == world.municipality
    assert job.period == world.period
    assert job.requested_by is None
    assert job.parameters == {"control_point": may_point.pk, "scheduled": True}


def test_running_the_schedule_twice_orders_one_report(world, may_point):
    run_due_monitoring(today=AFTER_MAY, order=request_report)
    again = run_due_monitoring(today=D(2022, 6, 2), order=request_report)

    assert again == []
    assert _scheduled(may_point).count() == 1


def test_a_failed_scheduled_report_is_ordered_again(world, may_point):
    run_due_monitoring(today=AFTER_MAY, order=request_report)
    _scheduled(may_point).update(status=JobStatus.FAILED, error="Сбой")

    again = run_due_monitoring(today=D(2022, 6, 2), order=request_report)

    assert len(again) == 1
    assert _scheduled(may_point).count() == 2


def test_a_report_someone_ordered_by_hand_does_not_count_as_the_scheduled_one(world, may_point):
    ReportJob.objects.create(municipality=world.municipality, kind=ReportKind.MONITORING,
                             period=world.period, requested_by=world.analyst,
                             parameters={"control_point": may_point.pk})

    assert len(run_due_monitoring(today=AFTER_MAY, order=request_report)) == 1


@pytest.mark.parametrize("today", [D(2022, 4, 30), D(2022, 5, 1), D(2022, 5, 31)])
def test_it_orders_nothing_before_a_control_point_is_over(world, may_point, today):
    # Up to and on its last day the point's results are still coming in.
    assert run_due_monitoring(today=today, order=request_report) == []
    assert not ReportJob.objects.exists()


def test_it_makes_up_for_missed_days_within_the_catch_up_window(world, may_point):
    assert schedule.CATCH_UP_DAYS == 14

    assert len(run_due_monitoring(today=D(2022, 6, 14), order=request_report)) == 1


@pytest.mark.parametrize("today", [D(2022, 6, 15), D(2024, 9, 1)])
def test_it_does_not_order_reports_of_long_past_control_points(world, may_point, today):
    # A portal installed long after the point (or a worker down for weeks) does not
    # burst out old reports.
    assert run_due_monitoring(today=today, order=request_report) == []
    assert not ReportJob.objects.exists()


def test_it_orders_each_municipalitys_report_for_that_municipality(world, may_point):
    other_programme = world.other_platform.period.programme
    other_point = ControlPoint.objects.create(
        programme=other_programme, kind=ControlPointKind.CURRENT_MONITORING,
        title="Текущий мониторинг", starts_on=D(2022, 5, 5), ends_on=D(2022, 5, 20))

    ordered = run_due_monitoring(today=AFTER_MAY, order=request_report)

    assert {(job.municipality_id, job.parameters["control_point"]) for job in ordered} == {
        (world.municipality.pk, may_point.pk),
        (world.other_municipality.pk, other_point.pk),
    }


def test_it_skips_a_control_point_before_the_programmes_first_year(world):
    early = ControlPoint.objects.create(
        programme=world.programme, kind=ControlPointKind.START_DIAGNOSTICS,
        title="Раньше первого учебного года", starts_on=D(2021, 6, 1), ends_on=D(2021, 6, 30))

    assert run_due_monitoring(today=D(2021, 7, 1), order=request_report) == []
    assert not _scheduled(early).exists()


def test_it_skips_and_logs_a_control_point_no_year_covers(world, caplog):
    # The programme's only year ends on 31.08.2022; the next one is not entered yet.
    late = ControlPoint.objects.create(
        programme=world.programme, kind=ControlPointKind.CURRENT_MONITORING,
        title="Текущий мониторинг", starts_on=D(2022, 12, 1), ends_on=D(2022, 12, 20))

    with caplog.at_level("WARNING", logger="reports.schedule"):
        assert run_due_monitoring(today=D(2022, 12, 21), order=request_report) == []

    assert not _scheduled(late).exists()
    assert f"Control point {late.pk}" in caplog.text
    assert "no academic year" in caplog.text


def test_it_emails_the_staff_a_link_when_the_report_is_done(world, may_point, staff_with_email,
                                                             mailoutbox):
    world.analyst.email = "analyst@uo.example"
    world.analyst.save(update_fields=["email"])
    world.school_user.email = "school@school.example"
    world.school_user.save(update_fields=["email"])
    job = _done_job(world, may_point)

    sent = notify_scheduled_report_done(job_id=job.pk)

    assert sent == 2
    assert sorted(address for letter in mailoutbox for address in letter.to) == [
        "second@uo.example", "staff@uo.example"]
    assert all(len(letter.to) == 1 for letter in mailoutbox)
    letter = mailoutbox[0]
    assert letter.subject == "Мониторинговый отчёт готов: промежуточная диагностика, 01.05.2022"
    link = settings.PORTAL_BASE_URL.rstrip("/") + reverse("report_job_download",
                                                          kwargs={"pk": job.pk})
    assert link in letter.body
    assert settings.PORTAL_BASE_URL.rstrip("/") + reverse("report_jobs") in letter.body
    assert may_point.title in letter.body
    assert "2021–2022 учебный год" in letter.body


def test_it_announces_a_report_once(world, may_point, staff_with_email, mailoutbox):
    job = _done_job(world, may_point)

    notify_scheduled_report_done(job_id=job.pk)
    again = notify_scheduled_report_done(job_id=job.pk)

    assert again == 0
    assert len(mailoutbox) == 2
    job.refresh_from_db()
    assert job.parameters["notified"] is True


def test_it_does_not_email_about_a_report_someone_ordered(world, may_point, staff_with_email,
                                                           mailoutbox):
    job = _done_job(world, may_point)
    ReportJob.objects.filter(pk=job.pk).update(parameters={"control_point": may_point.pk})

    assert notify_scheduled_report_done(job_id=job.pk) == 0
    assert mailoutbox == []


def test_it_does_not_email_about_a_scheduled_report_that_failed(world, may_point,
                                                                staff_with_email, mailoutbox):
    job = ReportJob.objects.create(
        municipality=world.municipality, kind=ReportKind.MONITORING, period=world.period,
        parameters={"control_point": may_point.pk, "scheduled": True},
        status=JobStatus.FAILED, error="Сбой")

    assert notify_scheduled_report_done(job_id=job.pk) == 0
    assert mailoutbox == []


def test_it_writes_only_to_active_staff_of_the_municipality(world, may_point, staff_with_email,
                                                             mailoutbox):
    staff_with_email[1].is_active = False
    staff_with_email[1].save(update_fields=["is_active"])
    world.outsider.email = "outsider@other.example"
    world.outsider.save(update_fields=["email"])
    factories.staff_user(world.municipality, username="no-email", email="")
    job = _done_job(world, may_point)

    notify_scheduled_report_done(job_id=job.pk)

    assert [letter.to for letter in mailoutbox] == [["staff@uo.example"]]


def test_the_schedule_builds_the_report_and_then_writes_to_the_staff(
    world, may_point, staff_with_email, mailoutbox, django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        [job] = run_due_monitoring(today=AFTER_MAY, order=request_report)

    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    assert job.filename == "Мониторинговый отчёт 2021–2022, 01.05.2022.pdf"
    assert job.file.read(4) == b"%PDF"
    assert len(mailoutbox) == 2
    assert reverse("report_job_download", kwargs={"pk": job.pk}) in mailoutbox[0].body


def test_the_daily_task_orders_through_the_same_function(world, monkeypatch):
    seen = []
    monkeypatch.setattr(schedule, "run_due_monitoring",
                        lambda *, today, order: seen.append((today, order)) or ["job"])

    assert run_due_monitoring_task() == 1
    assert seen == [(timezone.localdate(), request_report)]


def test_celery_beat_runs_the_monitoring_schedule_every_day():
    entry = settings.CELERY_BEAT_SCHEDULE["reports-scheduled-monitoring"]

    assert entry["task"] == "reports.run_due_monitoring"
    assert entry["schedule"].hour == {7} and entry["schedule"].minute == {0}
