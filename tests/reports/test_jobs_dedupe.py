"""The same report ordered again while it is still being built is not built twice; an
administrator without a role of their own orders reports for a municipality they choose."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reports import builders
from reports.jobs import stale_after
from reports.models import JobStatus, ReportJob, ReportKind
from reports.tasks import request_report
from tests.helpers import messages_of
from tests.reports.jobs_support import writing_builder

PAGE = reverse("report_jobs")


@pytest.fixture(autouse=True)
def quick_builder(monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setitem(builders.BUILDERS, ReportKind.INDICATORS, writing_builder)


def order(world, **overrides):
    values = {"municipality": world.municipality, "kind": ReportKind.INDICATORS,
              "period": world.period, "requested_by": world.analyst, "parameters": {}}
    return request_report(**{**values, **overrides})


@pytest.mark.parametrize("status", [JobStatus.QUEUED, JobStatus.RUNNING])
def test_it_returns_the_job_already_under_way(world, status):
    first = order(world)
    ReportJob.objects.filter(pk=first.pk).update(status=status, started_at=timezone.now())

    second = order(world, requested_by=world.staff)

    assert second.pk == first.pk and second.already_ordered
    assert ReportJob.objects.count() == 1


def test_it_builds_again_once_the_first_job_is_done(world):
    first = order(world)
    ReportJob.objects.filter(pk=first.pk).update(status=JobStatus.FAILED)

    second = order(world)

    assert second.pk != first.pk and not second.already_ordered


def test_it_builds_a_report_with_other_parameters(world):
    first = order(world, kind=ReportKind.MONITORING, parameters={"control_point": 1})

    second = order(world, kind=ReportKind.MONITORING, parameters={"control_point": 2})

    assert second.pk != first.pk


def test_it_does_not_count_on_a_job_stuck_in_the_queue(world):
    first = order(world)
    ReportJob.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - stale_after() - datetime.timedelta(minutes=1))

    assert order(world).pk != first.pk


def test_it_tells_the_person_that_the_report_is_already_being_built(world, as_role):
    client = as_role("analyst")
    data = {"kind": ReportKind.INDICATORS, "period": world.period.pk}
    client.post(PAGE, data)

    response = client.post(PAGE, data, follow=True)

    assert ReportJob.objects.count() == 1
    assert any("уже формируется" in message for message in messages_of(response))


def test_it_lets_an_administrator_without_a_role_choose_the_municipality(
        world, client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root"))

    response = client.get(PAGE, {"municipality": world.municipality.pk})

    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="municipality-choice"' in content and world.municipality.name in content

    client.post(f"{PAGE}?municipality={world.municipality.pk}",
                {"kind": ReportKind.INDICATORS, "period": world.period.pk})

    assert ReportJob.objects.get().municipality == world.municipality
