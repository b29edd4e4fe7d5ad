"""Joint reports of networks through the API: seen by whoever sees the network and by no one
else (404), each member's part with its state and dates, its texts and files only where the
part's page shows them to the same caller, the assembled PDF's page, filters, changed-since
by the history of the report and its parts, in a number of queries that does not grow."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from networks.joint_reports import (
    ReportCard,
    add_part_file,
    create_joint_report,
    open_parts,
    return_part,
    save_part,
)
from networks.memberships import add_member, create_network
from networks.models import JointReport, JointReportPart, Membership, MembershipStatus
from reports.models import JobStatus, ReportJob, ReportKind
from tests import factories
from tests.api.conftest import listed_ids

pytestmark = pytest.mark.django_db
D = datetime.date
URL = "/api/v1/joint-reports/"


def _card(year: int = 2022, title: str = "Совместный отчёт за первое полугодие") -> ReportCard:
    return ReportCard(title=f"{title} {year} года", period_starts_on=D(year, 1, 1),
                      period_ends_on=D(year, 6, 30), due_on=D(year, 7, 10))


@pytest.fixture
def report(net):
    return create_joint_report(network=net.network, card=_card(),
                               sections=["Мероприятия", "Результаты"],
                               created_by=net.coordinator)


def _texts(report: JointReport, text: str) -> dict[int, str]:
    return {section.pk: f"{text}: {section.title}" for section in report.sections.all()}


def _part(report: JointReport, **side) -> JointReportPart:
    return report.parts.get(**{f"membership__{name}": value for name, value in side.items()})


def _pdf(name: str = "plan.pdf") -> ContentFile:
    upload = ContentFile(b"%PDF-1.4 part", name=name)
    upload.size = 13
    return upload


def _parts(row: dict) -> dict[str, dict]:
    return {part["member"]: part for part in row["parts"]}


def _written(net, report):
    """The member district submitted on time, the partner's part was returned, the school
    of the third district keeps a draft with a file."""
    save_part(part=_part(report, municipality=net.member), by=net.member_staff, submit=True,
              texts=_texts(report, "Динской"),
              now=timezone.make_aware(datetime.datetime(2022, 7, 5, 12)))
    partner = _part(report, partner=net.university)
    save_part(part=partner, by=net.coordinator, submit=True, texts=_texts(report, "КубГУ"),
              now=timezone.make_aware(datetime.datetime(2022, 7, 6, 12)))
    return_part(part=partner, comment="Добавьте число слушателей.",
                now=timezone.make_aware(datetime.datetime(2022, 7, 8, 12)))
    school = _part(report, organization=net.member_school)
    add_part_file(part=school, title="Программа семинара", upload=_pdf(),
                  uploaded_by=net.member_school_user)
    save_part(part=school, by=net.member_school_user, texts=_texts(report, "Черновик школы"))


def test_it_serves_a_member_municipality_the_report_of_its_network(net, report, issue,
                                                                   bearer):
    client = bearer(issue(net.member))

    assert listed_ids(client.get(URL)) == {report.pk}
    row = client.get(f"{URL}{report.pk}/").json()

    assert (row["network"], row["title"], row["due_on"]) == (
        net.network.pk, "Совместный отчёт за первое полугодие 2022 года", "2022-07-10")
    assert [(section["number"], section["title"]) for section in row["sections"]] == [
        (1, "Мероприятия"), (2, "Результаты")]
    assert (row["member_count"], row["submitted_count"], row["pdf_url"]) == (3, 0, None)


def test_it_hides_the_report_from_a_municipality_outside_the_network(net, report, issue,
                                                                     bearer):
    client = bearer(issue(net.outsider))

    assert listed_ids(client.get(URL)) == set()
    response = client.get(f"{URL}{report.pk}/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_it_hides_the_report_from_a_non_member_signed_in(net, report, client):
    client.force_login(net.outsider_staff)

    assert listed_ids(client.get(URL)) == set()
    assert client.get(f"{URL}{report.pk}/").status_code == 404


def test_it_serves_a_regional_token_every_report(net, report, issue, bearer):
    assert report.pk in listed_ids(bearer(issue(None)).get(URL))


def test_it_gives_each_part_its_state_and_dates(net, report, issue, bearer):
    _written(net, report)

    row = bearer(issue(net.hub)).get(URL).json()["results"][0]

    parts = _parts(row)
    member = parts["Муниципальное образование Динской район"]
    assert (member["status"], member["state"], member["state_label"], member["role"]) == (
        "submitted", "submitted", "сдана 05.07.2022", "member")
    assert member["submitted_at"].startswith("2022-07-05")
    assert member["membership"] == net.membership.pk
    partner = parts["КубГУ"]
    assert (partner["status"], partner["state"], partner["return_comment"]) == (
        "returned", "overdue", "Добавьте число слушателей.")
    assert partner["returned_at"].startswith("2022-07-08")
    school = parts[f"СОШ № 3 ({net.third.name})"]
    assert (school["status"], school["state"], school["submitted_at"]) == (
        "draft", "overdue", None)
    assert (row["overdue"], row["submitted_count"]) == (True, 1)
    assert "answers" not in member and "Динской:" not in str(row)


def test_it_shows_texts_only_where_the_part_page_shows_them(net, report, issue, bearer):
    _written(net, report)

    row = bearer(issue(net.member)).get(f"{URL}{report.pk}/").json()

    parts = _parts(row)
    member = parts["Муниципальное образование Динской район"]
    assert member["texts_shown"] is True
    assert [answer["text"] for answer in member["answers"]] == [
        "Динской: Мероприятия", "Динской: Результаты"]
    school = parts[f"СОШ № 3 ({net.third.name})"]
    assert (school["texts_shown"], school["answers"], school["files"]) == (False, [], [])
    assert "Черновик школы" not in str(row) and "КубГУ: " not in str(row)


def test_it_shows_a_draft_to_those_who_write_it(net, report, issue, bearer, client):
    _written(net, report)
    school_part = _part(report, organization=net.member_school)
    client.force_login(net.member_school_user)

    row = client.get(f"{URL}{report.pk}/").json()

    school = _parts(row)[f"СОШ № 3 ({net.third.name})"]
    assert school["texts_shown"] is True
    assert school["answers"][0]["text"] == "Черновик школы: Мероприятия"
    file_url = school["files"][0]["url"]
    assert file_url.startswith("http://testserver/networks/joint-report-files/")
    assert client.get(file_url).status_code == 200
    third = bearer(issue(net.third)).get(f"{URL}{report.pk}/").json()
    assert _parts(third)[f"СОШ № 3 ({net.third.name})"]["texts_shown"] is True
    assert school["id"] == school_part.pk


def test_it_leaves_out_a_former_member_s_unsubmitted_part(net, report, issue, bearer):
    Membership.objects.filter(pk=net.membership.pk).update(status=MembershipStatus.ENDED,
                                                           ended_on=D(2022, 3, 1))

    row = bearer(issue(net.hub)).get(f"{URL}{report.pk}/").json()

    assert "Муниципальное образование Динской район" not in _parts(row)
    assert len(row["parts"]) == 2


def test_it_links_the_latest_assembled_pdf(net, report, issue, bearer):
    ReportJob.objects.create(municipality=net.hub, kind=ReportKind.JOINT_REPORT,
                             joint_report=report, status=JobStatus.FAILED, error="сбой")
    done = ReportJob.objects.create(municipality=net.hub, kind=ReportKind.JOINT_REPORT,
                                    joint_report=report, status=JobStatus.DONE,
                                    file="reports/joint.pdf", finished_at=timezone.now())

    row = bearer(issue(net.member)).get(f"{URL}{report.pk}/").json()

    assert row["pdf_url"] == f"http://testserver/reports/{done.pk}/download/"


def test_it_filters_by_network_period_and_due_date(net, report, issue, bearer):
    other = create_network(title="Вторая сеть", hub_municipality=net.hub,
                           starts_on=D(2021, 1, 1))
    later = create_joint_report(network=other, card=_card(2023), sections=["Итоги"])
    client = bearer(issue(net.hub))

    assert listed_ids(client.get(URL, {"network": other.pk})) == {later.pk}
    assert listed_ids(client.get(URL, {"period_from": "2023-01-01"})) == {later.pk}
    assert listed_ids(client.get(URL, {"period_to": "2022-12-31"})) == {report.pk}
    assert listed_ids(client.get(URL, {"due_to": "2022-07-10"})) == {report.pk}
    refused = client.get(URL, {"period_from": "первое полугодие"})
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "period_from"


def test_it_brings_a_report_back_when_a_part_changes(net, report, issue, bearer):
    other = create_joint_report(network=net.network, card=_card(2023), sections=["Итоги"])
    since = timezone.now() + datetime.timedelta(seconds=1)
    client = bearer(issue(net.hub))
    changed = {"updated_since": since.isoformat()}
    assert listed_ids(client.get(URL, changed)) == set()

    part = _part(report, municipality=net.member)
    save_part(part=part, by=net.member_staff, texts=_texts(report, "Динской"))
    JointReportPart.history.filter(id=part.pk).update(
        history_date=since + datetime.timedelta(seconds=1))

    assert listed_ids(client.get(URL, changed)) == {report.pk}
    assert other.pk in listed_ids(client.get(URL, {"updated_since": "2000-01-01T00:00:00Z"}))


def test_it_brings_a_report_back_when_its_pdf_is_assembled(net, report, issue, bearer):
    since = timezone.now() + datetime.timedelta(seconds=1)
    ReportJob.objects.create(municipality=net.hub, kind=ReportKind.JOINT_REPORT,
                             joint_report=report, status=JobStatus.DONE,
                             file="reports/joint.pdf",
                             finished_at=since + datetime.timedelta(seconds=1))

    response = bearer(issue(net.member)).get(URL, {"updated_since": since.isoformat()})

    assert listed_ids(response) == {report.pk}


def _grow(net, count: int) -> None:
    """More networks shared with the member district, each with a report whose parts are
    submitted, returned or drafts, so an N+1 would show."""
    for number in range(count):
        network = create_network(title=f"Сеть {number}", hub_municipality=net.hub,
                                 starts_on=D(2021, 1, 1))
        add_member(network=network, side=net.member, joined_on=D(2021, 1, 1))
        school = factories.OrganizationFactory(municipality=net.third,
                                               short_name=f"Школа {number}")
        add_member(network=network, side=school)
        add_member(network=network, side=net.university, role="partner")
        grown = create_joint_report(network=network, card=_card(), sections=["Итоги"])
        save_part(part=_part(grown, municipality=net.member), by=net.member_staff,
                  submit=True, texts=_texts(grown, "Текст"))
        ReportJob.objects.create(municipality=net.hub, kind=ReportKind.JOINT_REPORT,
                                 joint_report=grown, status=JobStatus.DONE,
                                 file="reports/joint.pdf", finished_at=timezone.now())


def _more_members(net, report, count: int) -> None:
    for number in range(count):
        school = factories.OrganizationFactory(municipality=net.member,
                                               short_name=f"Школа {number}")
        add_member(network=net.network, side=school, joined_on=D(2021, 1, 1))
    open_parts(report)
    for part in report.parts.all()[:5]:
        save_part(part=part, by=net.coordinator, submit=True, texts=_texts(report, "Текст"))


def test_it_lists_in_a_constant_number_of_queries(net, report, issue, bearer,
                                                  django_assert_num_queries):
    _grow(net, 15)
    client = bearer(issue(net.member))
    client.get("/api/v1/municipalities/")

    # The token, the page with its counts and PDF, the sections, the parts.
    with django_assert_num_queries(4):
        response = client.get(URL, {"page_size": 1000})

    assert len(response.json()["results"]) == 16


def test_it_serves_a_report_in_a_constant_number_of_queries(net, report, issue, bearer,
                                                            django_assert_num_queries):
    _more_members(net, report, 15)
    client = bearer(issue(net.member))
    client.get("/api/v1/municipalities/")

    # The token, the report, its sections, parts, texts and files; whether the caller
    # manages the network and is one of its members' staff, asked once.
    with django_assert_num_queries(8):
        response = client.get(f"{URL}{report.pk}/")

    assert len(response.json()["parts"]) == 18
