"""A network's joint report assembled as one PDF in the background: a title page with the
network and the period, a chapter per member that submitted, and the members who did not."""

import datetime

import pytest
from django.urls import reverse

from networks.joint_reports import ReportCard, create_joint_report, save_part
from reports.errors import ReportError
from reports.models import JobStatus, ReportJob, ReportKind
from reports.pdf.joint_report import build_joint_report_pdf
from tests.networks.conftest import net  # noqa: F401 - the network fixture
from tests.reports.pdf_checks import page_count, pdf_text

D = datetime.date
LONG = "\n".join(f"- Вебинар № {number} для руководителей пилотных школ"
                 for number in range(1, 61))


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def report(net):  # noqa: F811
    report = create_joint_report(network=net.network, card=ReportCard(
        title="Совместный отчёт за первое полугодие 2022 года", period_starts_on=D(2022, 1, 1),
        period_ends_on=D(2022, 6, 30), due_on=D(2022, 7, 10)),
        sections=["Мероприятия", "Результаты"])
    first, second = report.sections.all()
    save_part(part=report.parts.get(membership=net.membership), by=net.member_staff,
              submit=True, texts={first.pk: LONG, second.pk: "Сборник методических продуктов"})
    save_part(part=report.parts.get(membership__partner=net.university), by=net.coordinator,
              submit=True, texts={first.pk: "Лекция КубГУ", second.pk: "Статья"})
    return report


def test_it_lays_out_every_submitted_part_and_names_the_missing_member(net, report,  # noqa: F811
                                                                       tmp_path):
    output = tmp_path / "joint.pdf"

    filename = build_joint_report_pdf(municipality=net.hub, period=None,
                                      parameters={"joint_report": report.pk}, output=output,
                                      progress=lambda percent, stage: None)

    data = output.read_bytes()
    text = pdf_text(data)
    assert filename == "Совместный отчёт за первое полугодие 2022 года.pdf"
    assert "Сеть пяти районов" in text and "01.01.2022 по 30.06.2022" in text
    assert "Вебинар № 60 для руководителей пилотных школ" in text
    assert "Сборник методических продуктов" in text and "Лекция КубГУ" in text
    assert "Участники, не сдавшие части" in text and "СОШ № 3" in text
    assert page_count(data) >= 4


def test_it_refuses_a_report_of_another_hub(net, report, tmp_path):  # noqa: F811
    with pytest.raises(ReportError):
        build_joint_report_pdf(municipality=net.member, period=None,
                               parameters={"joint_report": report.pk},
                               output=tmp_path / "x.pdf", progress=lambda p, s: None)


def test_the_coordinator_orders_the_pdf_and_a_member_downloads_it(
        net, report, client, django_capture_on_commit_callbacks):  # noqa: F811
    client.force_login(net.coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("joint_report_exports", args=[report.pk]))

    job = ReportJob.objects.get()
    assert response.status_code == 302
    assert (job.kind, job.status, job.joint_report) == (ReportKind.JOINT_REPORT,
                                                        JobStatus.DONE, report)
    client.force_login(net.member_staff)
    page = client.get(reverse("joint_report_exports", args=[report.pk])).content.decode()
    assert job.filename in page
    download = client.get(reverse("report_job_download", args=[job.pk]))
    assert download.status_code == 200
    assert "Лекция КубГУ" in pdf_text(b"".join(download.streaming_content))
    client.force_login(net.outsider_staff)
    assert client.get(reverse("report_job_download", args=[job.pk])).status_code == 404
