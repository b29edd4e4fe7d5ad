"""The «Отчёты» page: who may order and download, the list, the live status, bad input."""

import datetime
from pathlib import Path
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerOperationalError

from internships.models import ControlPoint, ControlPointKind
from reports import builders, tasks
from reports.jobs import final_name
from reports.models import JobStatus, ReportJob, ReportKind
from tests import factories
from tests.helpers import assert_redirects_to_login, messages_of
from tests.reports.jobs_support import CONTENT, FILENAME, writing_builder

PAGE = reverse("report_jobs")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def quick_builder(monkeypatch):
    monkeypatch.setitem(builders.BUILDERS, ReportKind.INDICATORS, writing_builder)


def done_job(world, *, municipality=None, period=None, requested_by=None) -> ReportJob:
    """A finished job with its file, as the task leaves it."""
    job = ReportJob.objects.create(
        municipality=municipality or world.municipality, kind=ReportKind.INDICATORS,
        period=period or world.period, requested_by=requested_by or world.analyst,
    )
    path = Path(job.file.storage.path(final_name(job)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(CONTENT)
    now = timezone.now()
    ReportJob.objects.filter(pk=job.pk).update(
        status=JobStatus.DONE, file=final_name(job), filename=FILENAME, progress=100,
        started_at=now - datetime.timedelta(seconds=75), finished_at=now,
    )
    job.refresh_from_db()
    return job


def running_job(world) -> ReportJob:
    job = ReportJob.objects.create(municipality=world.municipality,
                                   kind=ReportKind.MONITORING, period=world.period,
                                   requested_by=world.staff)
    ReportJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, progress=45,
                                               stage="Графики показателей",
                                               started_at=timezone.now())
    job.refresh_from_db()
    return job


# --- Who may open what -------------------------------------------------------------------

@pytest.mark.parametrize("role", ["staff", "analyst"])
def test_it_shows_the_page_to_staff_and_analysts(world, as_role, role):
    response = as_role(role).get(PAGE)

    assert response.status_code == 200
    assert "Заказать отчёт" in response.content.decode()


@pytest.mark.parametrize("role", ["curator", "school_user"])
def test_it_refuses_the_page_to_curators_and_school_teams(world, as_role, role):
    assert as_role(role).get(PAGE).status_code == 403


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, as_role):
    assert_redirects_to_login(as_role("anonymous").get(PAGE))


def test_it_lists_only_the_jobs_of_the_users_municipality(world, as_role):
    own = done_job(world)
    foreign = done_job(world, municipality=world.other_municipality,
                       period=world.other_platform.period, requested_by=world.outsider)

    assert list(as_role("outsider").get(PAGE).context["jobs"]) == [foreign]
    assert list(as_role("staff").get(PAGE).context["jobs"]) == [own]


@pytest.mark.parametrize("role", ["staff", "analyst"])
def test_it_lets_staff_and_analysts_download_a_finished_report(world, as_role, role):
    job = done_job(world)

    response = as_role(role).get(reverse("report_job_download", args=[job.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert response["Content-Disposition"] == (
        f"attachment; filename*=utf-8''{quote(FILENAME)}"
    )


@pytest.mark.parametrize("role", ["curator", "school_user", "outsider"])
def test_it_hides_a_report_from_everyone_else(world, as_role, role):
    job = done_job(world)

    assert as_role(role).get(reverse("report_job_download", args=[job.pk])).status_code == 404
    assert as_role(role).get(reverse("report_job_status", args=[job.pk])).status_code == 404


def test_it_has_nothing_to_download_before_the_report_is_done(world, as_role):
    job = running_job(world)

    assert as_role("analyst").get(reverse("report_job_download", args=[job.pk])).status_code \
        == 404


# --- The list ----------------------------------------------------------------------------

def test_it_says_what_to_do_when_there_are_no_reports(world, as_role):
    page = as_role("analyst").get(PAGE).content.decode()

    assert "Отчётов ещё нет. Выберите вид отчёта и учебный год и нажмите «Сформировать»." \
        in page


def test_it_shows_each_jobs_state_reason_and_link(world, as_role):
    done = done_job(world)
    running = running_job(world)
    failed = ReportJob.objects.create(municipality=world.municipality,
                                      kind=ReportKind.HANDBOOK, period=world.period,
                                      status=JobStatus.FAILED, finished_at=timezone.now(),
                                      error="Превышено время формирования отчёта.")
    ReportJob.objects.create(municipality=world.municipality, kind=ReportKind.MONITORING,
                             period=world.period, parameters={"scheduled": True})

    page = as_role("analyst").get(PAGE).content.decode()

    assert reverse("report_job_download", args=[done.pk]) in page
    assert FILENAME in page
    assert "1 мин 15 с" in page
    assert reverse("report_job_status", args=[running.pk]) in page
    assert reverse("report_job_status", args=[done.pk]) not in page
    assert "Графики показателей" in page
    assert "Превышено время формирования отчёта." in page
    assert reverse("report_job_download", args=[failed.pk]) not in page
    assert 'src="/static/js/report-jobs.js"' in page
    assert "по расписанию" in page


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_costs_the_same_queries_however_many_jobs(
    world, as_role, count, django_assert_num_queries
):
    users = [world.analyst, world.staff, factories.analyst_user(world.municipality)]
    for number in range(count):
        done_job(world, requested_by=users[number % 3])
    client = as_role("analyst")

    # Session, user, profile; the form's default period (one query, whichever case of
    # internships.periods.default_period applies), its list of periods (read twice while
    # rendering) and of control points, both once more for the note on the points each year
    # lacks; the page count and the page of jobs.
    with django_assert_num_queries(11):
        response = client.get(PAGE)

    assert response.status_code == 200
    assert len(response.context["jobs"]) == min(count, 20)


def test_the_status_answers_what_the_row_shows(world, as_role):
    job = running_job(world)

    state = as_role("staff").get(reverse("report_job_status", args=[job.pk])).json()

    assert state["status"] == "running"
    assert state["status_label"] == "формируется"
    assert state["progress"] == 45
    assert state["stage"] == "Графики показателей"
    assert state["finished"] is False
    assert state["download_url"] == ""


def test_the_status_of_a_finished_job_links_its_file(world, as_role):
    job = done_job(world)

    state = as_role("analyst").get(reverse("report_job_status", args=[job.pk])).json()

    assert state["finished"] is True
    assert state["download_url"] == reverse("report_job_download", args=[job.pk])
    assert state["filename"] == FILENAME
    assert state["duration"] == "1 мин 15 с"


# --- Ordering ----------------------------------------------------------------------------

def test_an_analyst_orders_a_report_and_it_is_built(world, as_role,
                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_role("analyst").post(PAGE, {"kind": ReportKind.INDICATORS,
                                                  "period": world.period.pk})

    assert response.status_code == 302
    job = ReportJob.objects.get()
    assert job.requested_by == world.analyst
    assert job.municipality == world.municipality
    assert job.status == JobStatus.DONE
    page = as_role("analyst").get(PAGE)
    assert "Заказ принят: «Показатели проекта (Excel)», 2021–2022. Ход формирования виден " \
        "в списке." in messages_of(page)
    assert reverse("report_job_download", args=[job.pk]) in page.content.decode()


def test_it_keeps_the_chosen_control_point_for_the_monitoring_report(
    world, as_role, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setitem(builders.BUILDERS, ReportKind.MONITORING, writing_builder)
    point = ControlPoint.objects.create(
        programme=world.programme, kind=ControlPointKind.INTERMEDIATE_DIAGNOSTICS,
        title="Промежуточная диагностика", starts_on=datetime.date(2022, 1, 10),
        ends_on=datetime.date(2022, 1, 31),
    )

    with django_capture_on_commit_callbacks(execute=True):
        as_role("staff").post(PAGE, {"kind": ReportKind.MONITORING, "period": world.period.pk,
                                     "control_point": point.pk})

    assert ReportJob.objects.get().parameters == {"control_point": point.pk}


def test_it_refuses_a_control_point_outside_the_chosen_year(world, as_role):
    # The programme's year 2021–2022 ends on 31.08.2022.
    point = ControlPoint.objects.create(
        programme=world.programme, kind=ControlPointKind.CURRENT_MONITORING,
        title="Текущий мониторинг", starts_on=datetime.date(2022, 12, 1),
        ends_on=datetime.date(2022, 12, 31),
    )

    response = as_role("staff").post(PAGE, {"kind": ReportKind.MONITORING,
                                            "period": world.period.pk,
                                            "control_point": point.pk})

    assert response.status_code == 400
    assert ("Контрольная точка «Текущий мониторинг» начинается 01.12.2022 — это не 2021–2022 "
            "учебный год (01.09.2021–31.08.2022). Выберите учебный год, в котором она "
            "проходит.") in response.content.decode()
    assert not ReportJob.objects.exists()


def test_it_refuses_a_period_of_another_municipality(world, as_role):
    response = as_role("analyst").post(PAGE, {"kind": ReportKind.INDICATORS,
                                              "period": world.other_platform.period.pk})

    assert response.status_code == 400
    assert "Такого учебного года нет в проекте: выберите из списка." in \
        response.content.decode()
    assert not ReportJob.objects.exists()


def test_it_refuses_a_control_point_for_a_workbook(world, as_role):
    point = ControlPoint.objects.create(
        programme=world.programme, kind=ControlPointKind.START_DIAGNOSTICS,
        title="Стартовая диагностика", starts_on=datetime.date(2021, 10, 1),
        ends_on=datetime.date(2021, 10, 20),
    )

    response = as_role("analyst").post(PAGE, {"kind": ReportKind.INDICATORS,
                                              "period": world.period.pk,
                                              "control_point": point.pk})

    assert response.status_code == 400
    assert "Контрольная точка выбирается только для мониторингового отчёта." in \
        response.content.decode()
    assert not ReportJob.objects.exists()


def test_it_refuses_an_unknown_kind_of_report(world, as_role):
    response = as_role("staff").post(PAGE, {"kind": "everything", "period": world.period.pk})

    assert response.status_code == 400
    assert "Такого вида отчёта нет: выберите из списка." in response.content.decode()
    assert not ReportJob.objects.exists()


# Committed for real, as in production: the job is queued the moment its row commits.
@pytest.mark.django_db(transaction=True)
def test_it_says_so_when_the_queue_is_down_instead_of_failing(world, as_role, monkeypatch):
    def broker_down(*args, **options):
        raise BrokerOperationalError("Error 111 connecting to 127.0.0.1:6399.")

    monkeypatch.setattr(tasks.build_report, "apply_async", broker_down)

    response = as_role("analyst").post(PAGE, {"kind": ReportKind.INDICATORS,
                                              "period": world.period.pk}, follow=True)

    assert response.status_code == 200
    assert "Очередь фоновых задач недоступна, повторите запрос позже." in messages_of(response)
    assert ReportJob.objects.get().status == JobStatus.FAILED


@pytest.mark.parametrize("role", ["curator", "school_user"])
def test_it_refuses_an_order_from_curators_and_school_teams(world, as_role, role):
    response = as_role(role).post(PAGE, {"kind": ReportKind.INDICATORS,
                                         "period": world.period.pk})

    assert response.status_code == 403
    assert not ReportJob.objects.exists()


def test_the_admin_shows_jobs_but_does_not_let_them_be_changed(world, client):
    job = done_job(world)
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))

    assert client.get(reverse("admin:reports_reportjob_changelist")).status_code == 200
    assert client.get(reverse("admin:reports_reportjob_change", args=[job.pk])).status_code \
        == 200
    assert client.get(reverse("admin:reports_reportjob_add")).status_code == 403
    response = client.post(reverse("admin:reports_reportjob_change", args=[job.pk]),
                           {"status": "queued"})
    assert response.status_code == 403
    job.refresh_from_db()
    assert job.status == JobStatus.DONE


def points_of_two_years(world):
    """2021–2022 (the world's year) and 2026–2027 (the current one): a point of each year
    that has begun, one of the current year still ahead, and one outside every year."""
    current = factories.PeriodFactory(programme=world.programme,
                                      starts_on=datetime.date(2026, 9, 1),
                                      ends_on=datetime.date(2027, 8, 31))
    make = ControlPoint.objects.create
    kind = ControlPointKind.CURRENT_MONITORING
    old = make(programme=world.programme, kind=kind, title="Мониторинг первого года",
               starts_on=datetime.date(2022, 5, 1), ends_on=datetime.date(2022, 5, 31))
    begun = make(programme=world.programme, kind=kind, title="Осенний мониторинг",
                 starts_on=datetime.date(2026, 10, 1), ends_on=datetime.date(2026, 10, 31))
    ahead = make(programme=world.programme, kind=kind, title="Весенний мониторинг",
                 starts_on=datetime.date(2027, 4, 1), ends_on=datetime.date(2027, 4, 30))
    outside = make(programme=world.programme, kind=kind, title="Итоги проекта",
                   starts_on=datetime.date(2030, 12, 1), ends_on=datetime.date(2030, 12, 20))
    return current, old, begun, ahead, outside


def test_it_tells_each_control_point_s_year_and_why_a_year_lacks_the_others(
    world, as_role, monkeypatch
):
    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2026, 12, 5))
    current, old, begun, ahead, outside = points_of_two_years(world)

    response = as_role("analyst").get(PAGE)

    page = response.content.decode()
    assert f'value="{old.pk}" data-period="{world.period.pk}"' in page
    assert f'value="{begun.pk}" data-period="{current.pk}"' in page
    assert f'value="{ahead.pk}" data-period="{current.pk}" data-future' in page
    assert f'value="{outside.pk}" data-period=""' in page
    notes = {note.period.pk: dict(note.missing) for note in response.context["form"].points_notes}
    assert notes[current.pk] == {
        "Мониторинг первого года": "проходит в 2021–2022 учебном году",
        "Весенний мониторинг": "ещё не началась — данные появятся с 01.04.2027",
        "Итоги проекта": "проходит вне учебных годов проекта",
    }
    assert "Осенний мониторинг" not in notes[current.pk]
    # The chosen year's note shows; the other years' wait for the year to be chosen.
    assert f'data-points-note="{current.pk}">' in page
    assert f'data-points-note="{world.period.pk}" hidden>' in page


def test_it_refuses_a_control_point_of_another_year_with_the_reason(world, as_role, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2026, 12, 5))
    current, old, *_ = points_of_two_years(world)

    response = as_role("analyst").post(PAGE, {"kind": ReportKind.MONITORING,
                                              "period": current.pk, "control_point": old.pk})

    assert response.status_code == 400
    assert "Выберите учебный год, в котором она проходит." in " ".join(
        response.context["form"].errors["control_point"])
    assert not ReportJob.objects.exists()
