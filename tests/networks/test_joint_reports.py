"""The rules of joint reports: the coordinator sets a report for a half-year with its
sections; every member's part opens at once (and for a member who joins later); a part is
saved, submitted only with every section written, locked once submitted, returned with a
comment; the missing list and the overdue state follow the due date."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from networks.access import may_read_part, may_write_part
from networks.joint_report_reads import report_state
from networks.joint_reports import (
    ReportCard,
    add_part_file,
    create_joint_report,
    return_part,
    save_part,
    update_joint_report,
)
from networks.memberships import add_member
from networks.models import JointReportPart, PartStatus
from tests import factories
from tests.networks.conftest import pdf

D = datetime.date
CARD = ReportCard(title="Совместный отчёт за первое полугодие 2022 года",
                  period_starts_on=D(2022, 1, 1), period_ends_on=D(2022, 6, 30),
                  due_on=D(2022, 7, 10))
SECTIONS = ["Проведённые мероприятия", "Результаты и продукты"]


@pytest.fixture
def report(net):
    return create_joint_report(network=net.network, card=CARD, sections=SECTIONS,
                               created_by=net.coordinator)


def _part(report, side) -> JointReportPart:
    return report.parts.get(**{f"membership__{type(side).__name__.lower()}": side})


def _texts(report, *values) -> dict[int, str]:
    return {section.pk: value for section, value in zip(report.sections.all(), values,
                                                        strict=True)}


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


def test_it_opens_a_part_for_every_live_member_and_numbers_the_sections(report, net):
    assert report.parts.count() == 3
    assert [(s.number, s.title) for s in report.sections.all()] == [
        (1, "Проведённые мероприятия"), (2, "Результаты и продукты")]


def test_it_opens_a_part_for_a_member_who_joins_while_the_report_is_due(net):
    future = ReportCard(title="Отчёт", period_starts_on=D(2030, 1, 1),
                        period_ends_on=D(2030, 6, 30), due_on=D(2030, 7, 10))
    report = create_joint_report(network=net.network, card=future, sections=SECTIONS)

    add_member(network=net.network, side=net.outsider)

    assert report.parts.filter(membership__municipality=net.outsider).exists()


def test_it_refuses_a_period_that_ends_before_it_starts_and_changes_nothing(net):
    card = ReportCard(title="Отчёт", period_starts_on=D(2022, 6, 30),
                      period_ends_on=D(2022, 1, 1), due_on=D(2022, 7, 10))

    with pytest.raises(ValidationError) as refusal:
        create_joint_report(network=net.network, card=card, sections=SECTIONS)

    assert "кончается раньше" in str(refusal.value)
    assert not net.network.joint_reports.exists()


def test_it_refuses_a_second_report_for_the_same_period(report, net):
    with pytest.raises(ValidationError, match="уже есть совместный отчёт"):
        create_joint_report(network=net.network, card=CARD, sections=SECTIONS)


def test_the_database_holds_one_report_per_period(report, net):
    with pytest.raises(IntegrityError), transaction.atomic():
        type(report).objects.create(network=net.network, **CARD.__dict__)


def test_it_refuses_a_report_without_sections(net):
    with pytest.raises(ValidationError, match="хотя бы один раздел"):
        create_joint_report(network=net.network, card=CARD, sections=[])


def test_a_member_saves_a_draft_then_submits_its_part(report, net):
    part = _part(report, net.member)

    save_part(part=part, texts=_texts(report, "Вебинар", ""), by=net.member_staff)
    part.refresh_from_db()
    assert part.status == PartStatus.DRAFT

    save_part(part=part, texts=_texts(report, "Вебинар", "Сборник"), by=net.member_staff,
              submit=True)
    part.refresh_from_db()
    assert (part.status, part.submitted_by) == (PartStatus.SUBMITTED, net.member_staff)
    assert [a.text for a in part.answers.order_by("section__number")] == ["Вебинар", "Сборник"]


def test_it_refuses_to_submit_a_part_with_an_empty_section_and_keeps_the_old_text(report, net):
    part = _part(report, net.member)
    save_part(part=part, texts=_texts(report, "Вебинар", ""), by=net.member_staff)

    with pytest.raises(ValidationError, match="«Результаты и продукты»"):
        save_part(part=part, texts=_texts(report, "Другой текст", ""), by=net.member_staff,
                  submit=True)

    part.refresh_from_db()
    assert part.status == PartStatus.DRAFT
    assert part.answers.get(section__number=1).text == "Вебинар"


def test_a_submitted_part_is_locked_until_the_coordinator_returns_it(report, net):
    part = _part(report, net.member)
    save_part(part=part, texts=_texts(report, "А", "Б"), by=net.member_staff, submit=True)

    with pytest.raises(ValidationError, match="Часть уже сдана"):
        save_part(part=part, texts=_texts(report, "В", "Г"), by=net.member_staff)
    with pytest.raises(ValidationError, match="Часть уже сдана"):
        add_part_file(part=part, title="Приказ", upload=pdf(), uploaded_by=net.member_staff)

    return_part(part=part, comment="Добавьте число участников вебинара.")
    part.refresh_from_db()
    assert part.status == PartStatus.RETURNED
    save_part(part=part, texts=_texts(report, "В", "Г"), by=net.member_staff, submit=True)
    part.refresh_from_db()
    assert part.status == PartStatus.SUBMITTED


def test_it_returns_only_a_submitted_part_and_only_with_a_comment(report, net):
    part = _part(report, net.member)

    with pytest.raises(ValidationError, match="только сданную"):
        return_part(part=part, comment="Доработать")
    save_part(part=part, texts=_texts(report, "А", "Б"), by=net.member_staff, submit=True)
    with pytest.raises(ValidationError, match="что доработать"):
        return_part(part=part, comment="  ")


def test_it_lists_the_missing_members_and_marks_them_overdue_after_the_due_date(report, net):
    save_part(part=_part(report, net.member), texts=_texts(report, "А", "Б"),
              by=net.member_staff, submit=True, now=_at(D(2022, 7, 1)))
    save_part(part=_part(report, net.university), texts=_texts(report, "В", "Г"),
              by=net.coordinator, submit=True, now=_at(D(2022, 7, 15)))

    before = report_state(report, today=D(2022, 7, 10))
    after = report_state(report, today=D(2022, 7, 11))

    assert [row.membership.side_name for row in before.missing] == ["СОШ № 3 (Муниципальное "
                                                                    "образование Мостовской "
                                                                    "район)"]
    assert [row.state for row in before.missing] == ["missing"]
    assert [row.state for row in after.missing] == ["overdue"]
    assert after.overdue and not before.overdue
    assert {row.state for row in after.submitted} == {"submitted", "late"}


def test_a_returned_part_counts_as_missing(report, net):
    part = _part(report, net.member)
    save_part(part=part, texts=_texts(report, "А", "Б"), by=net.member_staff, submit=True)
    return_part(part=part, comment="Уточните даты.")

    state = report_state(report, today=D(2022, 7, 1))

    assert net.member.name in [row.membership.side_name for row in state.missing]


def test_it_keeps_the_texts_of_a_kept_section_and_refuses_to_drop_a_written_one(report, net):
    part = _part(report, net.member)
    save_part(part=part, texts=_texts(report, "Вебинар", ""), by=net.member_staff)

    update_joint_report(report=report, card=CARD,
                        sections=["Введение", "Проведённые мероприятия"])
    with pytest.raises(ValidationError, match="«Проведённые мероприятия»"):
        update_joint_report(report=report, card=CARD, sections=["Введение"])

    assert [(s.number, s.title) for s in report.sections.all()] == [
        (1, "Введение"), (2, "Проведённые мероприятия")]
    assert part.answers.get(section__title="Проведённые мероприятия").text == "Вебинар"


def test_who_writes_which_part(report, net):
    member_part, school_part = _part(report, net.member), _part(report, net.member_school)
    partner_part = _part(report, net.university)

    assert may_write_part(net.member_staff, member_part.membership)
    assert not may_write_part(net.member_staff, school_part.membership)
    assert may_write_part(net.third_staff, school_part.membership)
    assert may_write_part(net.member_school_user, school_part.membership)
    assert not may_write_part(net.other_school_user, school_part.membership)
    assert not may_write_part(net.member_analyst, member_part.membership)
    assert not may_write_part(net.member_staff, partner_part.membership)
    assert may_write_part(net.coordinator, partner_part.membership)
    assert may_write_part(net.hub_staff, member_part.membership)
    assert not may_write_part(net.outsider_staff, member_part.membership)


def test_a_draft_is_read_only_by_those_who_write_it(report, net):
    part = _part(report, net.member)
    save_part(part=part, texts=_texts(report, "А", ""), by=net.member_staff)

    assert may_read_part(net.member_staff, part)
    assert not may_read_part(net.third_staff, part)
    save_part(part=part, texts=_texts(report, "А", "Б"), by=net.member_staff, submit=True)
    part.refresh_from_db()
    assert may_read_part(net.third_staff, part)


def test_a_staff_user_of_a_municipality_that_left_writes_nothing(report, net):
    membership = net.membership
    membership.status, membership.ended_on = "ended", D(2022, 5, 1)
    membership.save()

    assert not may_write_part(factories.staff_user(net.member), membership)
