"""Person indicators in the project's figures: the indicators page, the workbook and the
PDF reports' data; Krymsky's «прошедших стажировки» from distinct people when named
attendance exists for the year, the journals' estimate otherwise — each saying which."""

import datetime
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from reports.excel import build_indicator_workbook
from reports.indicator_catalogue import Group
from reports.indicators import compute_indicators
from reports.pdf.data import read_indicators
from tests import factories
from tests.reports.workbook_checks import rows_by_code
from trainings.models import Attendance, Completion, CoverageTarget, PlatformSession

D = datetime.date


def came(platform, day, *people):
    session = PlatformSession.objects.create(platform=platform, held_on=day, topic="Занятие",
                                             form="seminar")
    for person in people:
        Attendance.objects.create(session=session, teacher=person)


def figures(world) -> dict:
    return {item.indicator.code: item
            for item in compute_indicators(municipality=world.municipality,
                                           period=world.period)}


def test_it_counts_people_trained_as_distinct_persons_when_attendance_is_named(world,
                                                                               training):
    second = factories.TeacherPlatformFactory(host=world.school_b)
    came(training.platform, D(2021, 10, 5), training.young, training.senior)
    came(second, D(2022, 3, 5), training.young)

    people = figures(world)["people_trained"]

    assert people.value == 2
    assert "поимённой посещаемости" in people.note


def test_it_keeps_the_journal_estimate_without_person_data_and_says_so(world, training):
    came(training.platform, D(2020, 10, 5), training.young)  # another academic year

    found = figures(world)

    assert found["people_trained"].value is None
    assert "поимённых данных за год нет" in found["people_trained"].note
    assert found["persons_trained"].value is None


def test_it_shows_the_coverage_beside_its_target(world, training):
    came(training.platform, D(2021, 10, 5), training.young)
    Completion.objects.create(teacher=training.young, programme=training.programme,
                              completed_on=D(2022, 5, 20), document="№ 1")
    CoverageTarget.objects.create(municipality=world.municipality,
                                  teachers_percent=Decimal("41"),
                                  specialists_percent=Decimal("20"))

    coverage = figures(world)["pd_coverage_teachers"]

    # School B: the young teacher and the master; the young one completed.
    assert (coverage.numerator, coverage.denominator) == (1, 2)
    assert "цель — не менее 41" in coverage.note and "достигнута" in coverage.note


def test_it_puts_the_person_indicators_on_the_page_with_their_formula(world, training,
                                                                     as_role):
    came(training.platform, D(2021, 10, 5), training.young, training.master)

    page = as_role("staff").get(reverse("project_indicators")).content.decode()

    assert "Показатели по педагогическим работникам" in page
    assert 'id="indicator-persons_trained"' in page
    assert "считается один раз" in page


def test_it_writes_the_person_indicators_into_the_workbook(world, training, tmp_path):
    came(training.platform, D(2021, 10, 5), training.young, training.master)
    output = tmp_path / "book.xlsx"

    build_indicator_workbook(municipality=world.municipality, period=world.period,
                             parameters={}, output=output, progress=lambda *args: None)

    sheet = load_workbook(output, data_only=True)["Показатели"]
    rows = {code: [cell.value for cell in row] for code, row in rows_by_code(sheet).items()}
    assert rows["persons_trained"][4] == 2
    assert rows["young_persons_trained"][4] == 1
    assert "один раз" in rows["persons_trained"][10]


def test_it_gives_the_pdf_reports_a_section_of_person_indicators(world, training):
    came(training.platform, D(2021, 10, 5), training.young)

    indicators = read_indicators(municipality=world.municipality, period=world.period)

    section = next(item for item in indicators.sections if item.group == Group.PERSONS)
    assert [row.indicator.code for row in section.rows][:2] == [
        "persons_trained", "young_persons_trained"]
