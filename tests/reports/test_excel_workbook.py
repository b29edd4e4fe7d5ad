"""The analysts' workbook, read back with openpyxl on a district whose figures are known."""

import datetime
import shutil
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from diagnostics.models import SchoolIndicator, Staffing
from internships.models import JournalEntry, Placement, TeamResult, Tier, WorkForm
from reports.errors import ReportError
from reports.excel import build_indicator_workbook
from reports.indicators import compute_indicators
from tests import factories
from tests.reports.indicator_support import deficit_history_of
from tests.reports.workbook_checks import (
    OWN_FORMULAS,
    column_width,
    formula_cells,
    recalculated,
    rows_by_code,
    same_value,
)

D = datetime.date
SHEETS = ["Показатели", "По направлениям", "Муниципальный мониторинг", "Распределение",
          "Показатели ОО", "Кадры", "Журналы", "Дефициты и мероприятия"]
INJECTED = '=HYPERLINK("http://example.com/steal","Открыть")'


@pytest.fixture
def district(world):
    """The test world with journals, monitoring and staffing whose sums are known.

    Journals of 2021–2022 (attended teams only count, each person once per platform):
        direction 1: two events; Гимназия № 2 sent 2+3 and 1+1 (at most 2 managers and
                     3 teachers), НШ № 4 sent 1+0, ООШ № 3 did not come → 3 managers,
                     3 teachers, 2 teams;
        direction 2: one event; СОШ № 1 sent 2+2 → 2 managers, 2 teachers, 1 team;
        direction 3: no events.
    """
    first = JournalEntry.objects.create(platform=world.own_platform, held_on=D(2021, 10, 5),
                                        form=WorkForm.SEMINAR, topic="Карта качества")
    second = JournalEntry.objects.create(platform=world.own_platform, held_on=D(2021, 11, 9),
                                         form=WorkForm.SESSION, topic="Внутренняя оценка")
    third = JournalEntry.objects.create(platform=world.foreign_platform,
                                        held_on=D(2021, 12, 1), form=WorkForm.MASTER_CLASS,
                                        topic="Наставничество")
    for entry, organization, attended, managers, teachers in [
        (first, world.school_b, True, 2, 3),
        (first, world.school_d, True, 1, 0),
        (first, world.school_c, False, 0, 0),
        (second, world.school_b, True, 1, 1),
        (third, world.school_a, True, 2, 2),
    ]:
        TeamResult.objects.create(entry=entry, team=organization.team, attended=attended,
                                  managers=managers, teachers=teachers)
    SchoolIndicator.objects.create(organization=world.school_a, period=world.period,
                                   low_results=False, students_total=200, olympiad_winners=10)
    SchoolIndicator.objects.create(organization=world.school_b, period=world.period,
                                   low_results=True)
    # The line of 01.05.2022 is the year's: the earlier one is older, the later one
    # belongs to the next year.
    for as_of, without in [(D(2021, 9, 1), 2), (D(2022, 5, 1), 6), (D(2022, 10, 1), 0)]:
        Staffing.objects.create(organization=world.school_a, as_of=as_of, teachers_total=10,
                                without_category=without, first_category=10 - without - 2,
                                highest_category=2, attested_for_position=min(without, 1),
                                not_subject_to_attestation=min(without, 1))
    factories.OrganizationFactory(municipality=world.municipality, short_name=INJECTED,
                                  number=40)
    return world


@pytest.fixture
def workbook_of(tmp_path):
    """``workbook_of(world, period)`` builds the workbook and opens it again."""

    def build(world, period):
        output = tmp_path / "report.xlsx"
        stages = []
        filename = build_indicator_workbook(
            municipality=world.municipality, period=period, parameters={}, output=output,
            progress=lambda percent, stage: stages.append(percent),
        )
        return load_workbook(output, data_only=True), filename, stages, output

    return build


def rows_by_first_cell(sheet) -> dict:
    return {row[0].value: row for row in sheet.iter_rows(min_row=2) if row[0].value}


def column(sheet, title: str) -> int:
    return [cell.value for cell in sheet[1]].index(title)


def test_it_writes_every_sheet_with_a_frozen_header(district, workbook_of):
    workbook, filename, stages, _ = workbook_of(district, district.period)

    assert workbook.sheetnames == SHEETS
    assert filename == "Показатели проекта 2021–2022.xlsx"
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert all(cell.font.bold for cell in sheet[1] if cell.value), sheet.title
    assert stages == sorted(stages) and stages[-1] < 100


def test_every_sheet_filters_and_prints_its_table_under_a_repeated_header(district,
                                                                          workbook_of):
    workbook, *_ = workbook_of(district, district.period)

    for sheet in workbook.worksheets:
        assert sheet.auto_filter.ref.startswith("A1:"), sheet.title
        assert sheet.print_title_rows == "$1:$1", sheet.title
    indicators = workbook["Показатели"]
    # The table of indicators only: not the years' block under it.
    assert indicators.auto_filter.ref == f"A1:K{1 + len(rows_by_code(indicators))}"
    assert indicators.page_setup.orientation == "landscape"
    # One page wide (the default of fitToWidth), as many pages down as it takes.
    assert indicators.page_setup.fitToHeight == 0
    assert indicators.sheet_properties.pageSetUpPr.fitToPage


def test_columns_are_as_wide_as_their_content_up_to_a_cap(district, workbook_of):
    workbook, *_ = workbook_of(district, district.period)

    widths = workbook["Показатели"].column_dimensions
    # The indicators' names are longer than the cap of 60 characters; the codes are short.
    assert widths["C"].width == pytest.approx(60, abs=1)
    assert widths["B"].width < 9
    # The longest name of an organization is longer than the cap of 34.
    assert column_width(workbook["Показатели ОО"], "A") == pytest.approx(34, abs=1)
    # «№» holds one-digit numbers and «Итого».
    assert column_width(workbook["Журналы"], "A") < 11


def test_the_indicators_sheet_has_the_figures_formulas_and_formats(district, workbook_of):
    workbook, *_ = workbook_of(district, district.period)
    sheet = workbook["Показатели"]
    rows = rows_by_code(sheet)
    expected = {value.indicator.code: value for value in compute_indicators(
        municipality=district.municipality, period=district.period)}

    assert [cell.value for cell in sheet[1]][:8] == [
        "Группа", "Код", "Показатель", "Ед. изм.", "2021–2022", "Числитель", "Знаменатель",
        "Прошлый год"]
    assert set(expected) <= set(rows)
    assert [row[1].value for row in sheet.iter_rows(min_row=2, max_row=3)] == ["П1", "П2"]
    people = rows["people_trained"]
    assert people[4].value == 10 == expected["people_trained"].value
    assert people[4].number_format == "0"
    assert rows["events_held"][4].value == 3
    assert rows["platforms_open"][4].value == 3
    leading = rows["leading_teams_share"]
    assert leading[4].value == pytest.approx(0.6)
    assert leading[4].number_format == "0.0%"
    assert (leading[5].value, leading[6].value) == (3, 5)
    assert rows["olympiad_winners_share"][4].value == pytest.approx(0.05)
    assert rows["high_gia_share"][4].value == "нет данных"
    assert rows["people_trained"][10].value == expected["people_trained"].indicator.formula


def test_it_shows_the_change_from_the_previous_year(district, workbook_of):
    later = factories.PeriodFactory(programme=district.programme, starts_on=D(2022, 9, 1),
                                    ends_on=D(2023, 8, 31))
    platform = factories.PlatformFactory(direction=district.directions[0], period=later)
    Placement.objects.create(platform=platform, team=district.school_a.team, tier=Tier.LEADER)

    workbook, filename, *_ = workbook_of(district, later)

    sheet = workbook["Показатели"]
    rows = rows_by_code(sheet)
    assert filename == "Показатели проекта 2022–2023.xlsx"
    assert [cell.value for cell in sheet[1]][4:9] == [
        "2022–2023", "Числитель", "Знаменатель", "2021–2022", "Изменение"]
    platforms = rows["platforms_open"]
    assert (platforms[4].value, platforms[7].value, platforms[8].value) == (1, 3, -2)
    assert platforms[8].number_format == "+0;-0;0"
    # A share's change is in percentage points, as the page says it: 60 % → 100 %.
    leading = rows["leading_teams_share"]
    assert (leading[7].value, leading[4].value) == (pytest.approx(0.6), 1)
    assert leading[8].value == pytest.approx(40.0)
    assert leading[8].number_format == '+0.0" п. п.";-0.0" п. п.";0.0" п. п."'
    assert rows["olympiad_winners_share"][8].value == "нет данных"


def test_the_indicators_sheet_carries_a_chart_of_the_years(district, workbook_of):
    workbook, _, _, output = workbook_of(district, district.period)

    sheet = workbook["Показатели"]
    years = [row for row in sheet.iter_rows(values_only=True)
             if row and row[0] == "2021–2022"]
    assert years, "the table of the years under the indicators"
    with zipfile.ZipFile(output) as archive:
        names = archive.namelist()
        chart = archive.read("xl/charts/chart1.xml").decode()
    assert "xl/drawings/drawing1.xml" in names
    assert "barChart" in chart
    # The categories are the years' names, a text reference, carried with their values.
    categories = chart[chart.index("<c:cat>"):chart.index("</c:cat>")]
    assert "<c:strRef><c:f>Показатели!$A$" in categories
    assert "<c:v>2021–2022</c:v>" in categories
    assert "<c:numRef><c:f>Показатели!$B$" in chart


def test_the_placement_sheet_is_the_matrix_of_the_year(district, workbook_of):
    workbook, *_ = workbook_of(district, district.period)
    sheet = workbook["Распределение"]
    rows = rows_by_first_cell(sheet)

    assert [cell.value for cell in sheet[1]] == [
        "Образовательная организация", "Стажировка 1", "Стажировка 2", "Стажировка 3",
        "Лидер в направлениях"]
    assert [cell.value for cell in rows["СОШ № 1"]] == [
        "СОШ № 1", "лидер", "подающая надежды", "скрытые резервы", 1]
    assert [cell.value for cell in rows["НШ № 4"]] == [
        "НШ № 4", "подающая надежды", "скрытые резервы", None, 0]
    assert [cell.value for cell in rows["Итого: лидер"]][1:4] == [1, 1, 1]
    assert [cell.value for cell in rows["Итого: скрытые резервы"]][1:4] == [1, 1, 1]
    assert "СОШ № 7" not in rows


@pytest.mark.parametrize("name", [
    "+7 (861) 31-2-34",
    "-1+CMD|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
])
def test_text_that_looks_like_a_formula_is_stored_as_text(district, workbook_of, name):
    factories.OrganizationFactory(municipality=district.municipality, short_name=name,
                                  number=41)

    workbook, _, _, output = workbook_of(district, district.period)

    for title in ("Распределение", "Показатели ОО"):
        rows = rows_by_first_cell(workbook[title])
        for text in (INJECTED, name):
            cell = rows[text][0]
            assert cell.data_type == "s", (title, text)
            assert cell.value == text
    formulas = formula_cells(output)
    assert formulas, "totals and shares are formulas"
    assert all(text.startswith(OWN_FORMULAS) for _, _, text in formulas), formulas
    assert not any(name in text or INJECTED in text for _, _, text in formulas)


def test_the_organizations_sheet_keeps_unknown_figures_unknown(district, workbook_of):
    workbook, *_ = workbook_of(district, district.period)
    sheet = workbook["Показатели ОО"]
    rows = rows_by_first_cell(sheet)
    share = column(sheet, "Доля победителей и призёров")

    school_a = rows["СОШ № 1"]
    assert school_a[column(sheet, "ШНОР")].value == "нет"
    assert school_a[share].value == pytest.approx(0.05)
    assert school_a[share].number_format == "0.0%"
    assert rows["Гимназия № 2"][column(sheet, "ШНОР")].value == "да"
    assert rows["Гимназия № 2"][share].value == "нет данных"
    assert rows["НШ № 4"][column(sheet, "Обучающихся")].value == "нет данных"


def test_the_staffing_sheet_takes_the_latest_line_of_the_year(district, workbook_of):
    workbook, *_ = workbook_of(district, district.period)
    sheet = workbook["Кадры"]
    rows = rows_by_first_cell(sheet)

    line = rows["СОШ № 1"]
    as_of = line[column(sheet, "На дату")]
    assert as_of.is_date
    assert as_of.value.date() == D(2022, 5, 1)
    assert as_of.number_format == "DD.MM.YYYY"
    assert line[column(sheet, "Без категории")].value == 6
    assert line[column(sheet, "Доля без категории")].value == pytest.approx(0.6)
    assert line[column(sheet, "КК")].value == pytest.approx(0.4)
    assert line[column(sheet, "КК")].number_format == "0.0%"
    assert line[column(sheet, "Критическое состояние")].value == "да"
    assert rows["Итого"][column(sheet, "Критическое состояние")].value == \
        "в критическом состоянии: 1"


def test_the_staffing_sheet_says_when_there_is_nothing_to_show(world, workbook_of):
    workbook, *_ = workbook_of(world, world.period)

    rows = list(workbook["Кадры"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1
    assert rows[0][0].startswith("Сведений о кадровом составе на конец учебного года нет")


def test_the_journals_sheet_counts_events_and_people_per_platform(district, workbook_of):
    workbook, *_ = workbook_of(district, district.period)
    sheet = workbook["Журналы"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]

    # People as the indicator counts them; a journal without results has no data on them.
    assert [row[:1] + row[3:] for row in values] == [
        [1, 2, 3, 3, 6, 2],
        [2, 1, 2, 2, 4, 1],
        [3, 0, "нет данных", "нет данных", "нет данных", "нет данных"],
        ["Итого", 3, 5, 5, 10, None],
    ]
    indicators = {code: row[4].value
                  for code, row in rows_by_code(workbook["Показатели"]).items()}
    assert values[-1][6] == indicators["people_trained"]
    assert [row[2].value for row in workbook["По направлениям"].iter_rows(min_row=2)] == [
        6, 4, "нет данных"]


def test_the_journals_sheet_says_no_data_when_no_journal_has_results(world, workbook_of):
    workbook, *_ = workbook_of(world, world.period)

    total = [cell.value for cell in list(workbook["Журналы"].iter_rows())[-1]]
    assert total[:7] == ["Итого", None, None, 0, "нет данных", "нет данных", "нет данных"]


def test_the_directions_sheet_wraps_its_long_headings(district, workbook_of):
    workbook, *_ = workbook_of(district, district.period)
    sheet = workbook["По направлениям"]

    headings = [cell for cell in sheet[1] if cell.value]
    assert headings[2].value.startswith("Количество педагогических работников, прошедших")
    assert all(cell.alignment.wrap_text for cell in headings)
    # The indicators' columns; the numerator and denominator of the share follow, narrower.
    for cell in headings[2:-2]:
        assert column_width(sheet, cell.column_letter) >= 24
    for cell in headings[-2:]:
        assert column_width(sheet, cell.column_letter) >= 16
    # The longest heading (about 110 characters) needs five or more lines of 15 points.
    assert sheet.row_dimensions[1].height >= 5 * 15


def test_the_directions_sheet_divides_each_share_by_its_own_cells(world, workbook_of):
    deficit_history_of(world)
    workbook, _, _, output = workbook_of(world, world.period)
    sheet = workbook["По направлениям"]
    header = [cell.value for cell in sheet[1]]
    assert header[-2:] == ["Команды с уменьшением дефицитов: числитель",
                           "Команды с уменьшением дефицитов: знаменатель"]
    share = header.index(next(name for name in header if name.startswith("Доля управленческих")))
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]

    # Direction 1: 1 of 2 teams diagnosed twice; direction 2: 0 of 1; direction 3: none.
    assert [(row[share], row[-2], row[-1]) for row in rows] == [
        (0.5, 1, 2), (0, 0, 1), ("нет данных", None, None)]
    formulas = {cell: text for title, cell, text in formula_cells(output)
                if title == "По направлениям"}
    letter = sheet.cell(row=1, column=share + 1).column_letter
    assert formulas == {f"{letter}2": '=IF(H2=0,"нет данных",G2/H2)',
                        f"{letter}3": '=IF(H3=0,"нет данных",G3/H3)'}


def test_it_refuses_a_period_of_another_municipality(district, tmp_path):
    with pytest.raises(ReportError):
        build_indicator_workbook(municipality=district.municipality,
                                 period=district.other_platform.period, parameters={},
                                 output=tmp_path / "x.xlsx", progress=lambda *args: None)


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) не установлен: пересчёт книги проверяет CI, "
                           "где .ci/run ставит libreoffice-calc-nogui")
def test_libreoffice_recalculates_every_formula_to_the_portal_and_page_figures(
        district, workbook_of, tmp_path, as_role):
    later = factories.PeriodFactory(programme=district.programme, starts_on=D(2022, 9, 1),
                                    ends_on=D(2023, 8, 31))
    platform = factories.PlatformFactory(direction=district.directions[0], period=later)
    Placement.objects.create(platform=platform, team=district.school_a.team, tier=Tier.LEADER)
    Staffing.objects.create(organization=district.school_b, as_of=D(2023, 5, 1),
                            teachers_total=0, without_category=0, first_category=0,
                            highest_category=0, attested_for_position=0,
                            not_subject_to_attestation=0)
    portal, _, _, output = workbook_of(district, later)
    formulas = formula_cells(output)
    # Saved again by openpyxl, the formulas lose their stored results: whatever LibreOffice
    # shows afterwards it has calculated itself.
    stripped = tmp_path / "stripped.xlsx"
    load_workbook(output).save(stripped)
    assert all(load_workbook(stripped, data_only=True)[title][cell].value is None
               for title, cell, _ in formulas)

    calculated = load_workbook(recalculated(stripped, tmp_path), data_only=True)

    assert len(formulas) > 20
    wrong = [(title, cell, formula, calculated[title][cell].value, portal[title][cell].value)
             for title, cell, formula in formulas
             if not same_value(calculated[title][cell].value, portal[title][cell].value)]
    assert wrong == []
    # The indicators' figures and changes are the page's.
    response = as_role("staff").get(reverse("project_indicators"), {"period": later.pk})
    rows = rows_by_code(calculated["Показатели"])
    compared = 0
    for _, lines in response.context["groups"]:
        for line in lines:
            row = rows[line.indicator.code]
            if row[4].data_type == "n" and line.current.value is not None:
                assert same_value(row[4].value, float(line.current.value)), line.indicator.code
                compared += 1
            if line.change is not None:
                delta = float(line.change.delta) * (100 if line.indicator.is_share else 1)
                assert same_value(row[8].value, delta), line.indicator.code
                compared += 1
    assert compared > 5
