"""The joint report pages at work: the list and its query count, creating a report from
the network page, a member's staff writing and submitting its own part, the coordinator
returning it, refusals of bad input, and who may see which page (member, non-member)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from networks.joint_reports import ReportCard, create_joint_report, save_part
from networks.memberships import create_network
from networks.models import JointReport, JointReportFile, PartStatus

D = datetime.date


@pytest.fixture
def report(net):
    return create_joint_report(network=net.network, card=ReportCard(
        title="Совместный отчёт за первое полугодие 2022 года", period_starts_on=D(2022, 1, 1),
        period_ends_on=D(2022, 6, 30), due_on=D(2022, 7, 10)),
        sections=["Мероприятия", "Результаты"], created_by=net.coordinator)


def _member_part(report, net):
    return report.parts.get(membership=net.membership)


def _form(report, first="Вебинар для пилотных школ", second="Сборник статей", **extra):
    sections = list(report.sections.all())
    return {f"section_{sections[0].pk}": first, f"section_{sections[1].pk}": second, **extra}


def test_it_lists_joint_reports_in_a_fixed_number_of_queries(net, report, client,
                                                             django_assert_num_queries):
    other = create_network(title="Вторая сеть", hub_municipality=net.hub,
                           starts_on=D(2021, 1, 1))
    for year in (2023, 2024):
        create_joint_report(network=other, sections=["Итоги"], card=ReportCard(
            title=f"Отчёт {year}", period_starts_on=D(year, 1, 1),
            period_ends_on=D(year, 6, 30), due_on=D(year, 7, 10)))
    save_part(part=_member_part(report, net), by=net.member_staff, submit=True,
              texts={s.pk: "Текст" for s in report.sections.all()})
    client.force_login(net.hub_staff)

    with django_assert_num_queries(4):
        response = client.get(reverse("network_joint_report_list"))

    rows = {row.title: row for row in response.context["reports"]}
    assert len(rows) == 3
    assert (rows[report.title].submitted_count, rows[report.title].member_count) == (1, 3)
    assert "просрочено" in response.content.decode()


def test_it_tells_a_non_member_what_to_expect_on_an_empty_list(net, report, client):
    client.force_login(net.outsider_staff)

    response = client.get(reverse("network_joint_report_list"))

    assert "Совместных отчётов пока нет" in response.content.decode()


def test_the_coordinator_creates_a_report_from_the_network_page(net, client):
    client.force_login(net.coordinator)

    response = client.post(reverse("network_joint_report_add", args=[net.network.pk]), {
        "title": "Отчёт за второе полугодие 2022 года", "period_starts_on": "2022-07-01",
        "period_ends_on": "2022-12-31", "due_on": "2023-01-15",
        "sections": "Мероприятия\n\nРезультаты\n", "instructions": ""})

    report = JointReport.objects.get()
    assert response.status_code == 302
    assert [s.title for s in report.sections.all()] == ["Мероприятия", "Результаты"]
    page = client.get(reverse("network_joint_report", args=[report.pk])).content.decode()
    assert "Срок прошёл, не сдали части" in page and "КубГУ" in page


def test_it_refuses_a_due_date_before_the_period_and_creates_nothing(net, client):
    client.force_login(net.coordinator)

    response = client.post(reverse("network_joint_report_add", args=[net.network.pk]), {
        "title": "Отчёт", "period_starts_on": "2022-07-01", "period_ends_on": "2022-12-31",
        "due_on": "2022-01-15", "sections": "Мероприятия"})

    assert response.status_code == 200
    assert "Срок сдачи раньше начала отчётного периода" in response.content.decode()
    assert not JointReport.objects.exists()


def test_a_member_s_staff_submits_its_own_part_with_a_file(net, report, client):
    part = _member_part(report, net)
    client.force_login(net.member_staff)
    upload = SimpleUploadedFile("programme.pdf", b"%PDF-1.4 programme",
                                content_type="application/pdf")

    response = client.post(reverse("network_joint_report_part_edit", args=[part.pk]), _form(
        report, file_title="Программа вебинара", file=upload, submit_part="Сдать часть"))

    part.refresh_from_db()
    assert response.status_code == 302
    assert part.status == PartStatus.SUBMITTED
    assert JointReportFile.objects.get(part=part).title == "Программа вебинара"
    page = client.get(reverse("network_joint_report_part", args=[part.pk])).content.decode()
    assert "Вебинар для пилотных школ" in page


def test_it_refuses_to_submit_an_empty_section_and_keeps_what_was_typed(net, report, client):
    part = _member_part(report, net)
    client.force_login(net.member_staff)

    response = client.post(reverse("network_joint_report_part_edit", args=[part.pk]),
                           _form(report, second="", submit_part="Сдать часть"))

    part.refresh_from_db()
    assert response.status_code == 200
    assert "заполните разделы: «Результаты»" in response.content.decode()
    assert "Вебинар для пилотных школ" in response.content.decode()
    assert part.status == PartStatus.DRAFT and not part.answers.exists()


def test_a_member_s_staff_cannot_write_another_member_s_part(net, report, client):
    school_part = report.parts.get(membership__organization=net.member_school)
    client.force_login(net.member_staff)

    response = client.get(reverse("network_joint_report_part_edit", args=[school_part.pk]))

    assert response.status_code == 403


def test_the_coordinator_returns_a_part_with_a_comment(net, report, client):
    part = _member_part(report, net)
    save_part(part=part, by=net.member_staff, submit=True,
              texts={s.pk: "Текст" for s in report.sections.all()})
    client.force_login(net.coordinator)

    empty = client.post(reverse("network_joint_report_part_return", args=[part.pk]),
                        {"comment": ""})
    client.post(reverse("network_joint_report_part_return", args=[part.pk]),
                {"comment": "Добавьте число участников."})

    part.refresh_from_db()
    assert empty.status_code == 200
    assert (part.status, part.return_comment) == (PartStatus.RETURNED,
                                                  "Добавьте число участников.")


def test_a_member_may_not_return_a_part(net, report, client):
    part = _member_part(report, net)
    save_part(part=part, by=net.member_staff, submit=True,
              texts={s.pk: "Текст" for s in report.sections.all()})
    client.force_login(net.member_staff)

    response = client.post(reverse("network_joint_report_part_return", args=[part.pk]),
                           {"comment": "Нет"})

    assert response.status_code == 403


def test_another_member_does_not_read_a_draft(net, report, client):
    part = _member_part(report, net)
    save_part(part=part, by=net.member_staff, texts={s.pk: "Секретный черновик"
                                                     for s in report.sections.all()})
    client.force_login(net.third_staff)

    page = client.get(reverse("network_joint_report_part", args=[part.pk])).content.decode()

    assert "Секретный черновик" not in page
    assert "ещё не сдал свою часть" in page


@pytest.mark.parametrize("name", ["network_joint_report", "joint_report_exports"])
def test_a_non_member_gets_404_and_a_member_200(net, report, client, name):
    client.force_login(net.outsider_staff)
    assert client.get(reverse(name, args=[report.pk])).status_code == 404
    client.force_login(net.member_analyst)
    assert client.get(reverse(name, args=[report.pk])).status_code == 200


def test_a_member_may_see_the_pdf_page_but_not_order_it(net, report, client):
    client.force_login(net.member_staff)

    response = client.post(reverse("joint_report_exports", args=[report.pk]))

    assert response.status_code == 403
