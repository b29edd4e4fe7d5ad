"""A staffing table built like the district's own (seed 004): its printed subtotals and
percentages are checked against the rows; each disagreement is a warning naming the row or
group and both values, and the rows are written all the same.

The expected figures are summed by hand from the seed's rows (with «Ойская СШ» corrected to
7 without a category, see test_staffing_table_acceptance):
- kindergartens, without a category: 9 + 8 + 0 + 3 + 4 + 2 + 3 + 5 = 34 (printed 41);
  first: 8 + 3 + 7 + 3 + 4 + 5 + 7 + 2 = 39 (36); highest: 1 + 1 + 0 + 0 + 0 + 9 + 4 + 0 = 15
  (11); attested: 5 + 1 + 0 + 2 + 4 + 2 + 1 + 4 = 19 (26); п. 18: 12 and total 88 agree;
- schools: 199 of 399 without a category is 49,87 % (printed 49,60 %); КК 200 / 399 =
  50,1 % is printed «51%», within one printed unit, so it agrees;
- «Верхнеусинская СШ» prints КК 35 % for (6 + 2) / 32 = 25,0 %; the kindergarten № 5 prints
  29 % / 71 % for 3 / 14 = 21,4 % and 11 / 14 = 78,6 %; the ЦДО prints 46 % for 10 / 28 =
  35,7 %;
- additional education: 44, 18, 20, 6, 8, 10 all agree.
"""

import datetime
import io

import pytest
from openpyxl import Workbook

from diagnostics.imports.staffing_checks import printed_percent
from diagnostics.models import Staffing
from tests import factories
from tests.imports.test_staffing_table_acceptance import _corrected_rows
from tests.imports.workbooks import SEED_ROWS, save, seed_staffing_workbook

AS_OF = datetime.date(2021, 6, 30)
SCHOOLS = "итог: группа «Общеобразовательные организации» (строки 4–21)"
KINDERGARTENS = "итог: группа «Дошкольные организации» (строки 23–30)"
KINDERGARTEN_5 = "«Ермаковский детский сад комбинированн ого вида № 5»"


@pytest.fixture
def municipality(db, run):
    municipality = factories.MunicipalityFactory(name="Ермаковский район")
    run("organizations", seed_staffing_workbook(), municipality)
    return municipality


def _warnings(report) -> list[tuple[int, str]]:
    return [(warning.row, warning.reason) for warning in report.warnings]


def test_it_writes_the_rows_and_warns_of_every_printed_figure_that_disagrees(
        municipality, run):
    report = run("staffing", seed_staffing_workbook(_corrected_rows()), municipality,
                 as_of=AS_OF)

    assert report.ok, report.as_text()
    assert report.created == 28 and Staffing.objects.count() == 28
    assert _warnings(report) == [
        (17, "«Верхнеусинская СШ»: КК напечатан 35 %, по числам — 25,0 %"),
        (22, f"{SCHOOLS}: доля без категории напечатана 49,6 %, по числам — 49,9 %"),
        (29, f"{KINDERGARTEN_5}: доля без категории напечатана 29 %, по числам — 21,4 %"),
        (29, f"{KINDERGARTEN_5}: КК напечатан 71 %, по числам — 78,6 %"),
        (31, f"{KINDERGARTENS}: без категории напечатано 41, по строкам — 34"),
        (31, f"{KINDERGARTENS}: с первой категорией напечатано 36, по строкам — 39"),
        (31, f"{KINDERGARTENS}: с высшей категорией напечатано 11, по строкам — 15"),
        (31, f"{KINDERGARTENS}: аттестованных на соответствие должности напечатано 26, "
             "по строкам — 19"),
        (34, "«Ермаковская ЦДО»: доля без категории напечатана 46 %, по числам — 35,7 %"),
    ]
    assert "Предупреждений — 9" in report.summary()
    assert "Строка 17, предупреждение: «Верхнеусинская СШ»: КК напечатан 35 %" in \
        report.as_text()
    # The rows are kept as the file gives them, not as the printed percentages suggest.
    line = Staffing.objects.get(organization__short_name="Верхнеусинская СШ")
    assert (line.first_category, line.highest_category) == (6, 2)


def test_a_dry_run_reports_the_same_warnings_and_writes_nothing(municipality, run):
    report = run("staffing", seed_staffing_workbook(_corrected_rows()), municipality,
                 as_of=AS_OF, dry_run=True)

    assert report.ok and len(report.warnings) == 9
    assert Staffing.objects.count() == 0


def test_a_row_that_does_not_add_up_is_refused_and_nothing_is_written(municipality, run):
    report = run("staffing", seed_staffing_workbook(), municipality, as_of=AS_OF)

    assert not report.ok
    assert {problem.row for problem in report.problems} == {7}  # «Ойская СШ»: 6 + 11 + 4 ≠ 22
    assert Staffing.objects.count() == 0
    # The schools' subtotal is not compared with a sum that lacks a refused row.
    assert not any(warning.row == 22 for warning in report.warnings)


def test_a_subtotal_that_agrees_gives_no_warning(municipality, run):
    rows = [row for row in _corrected_rows() if row[1] is None or "ЦДО" not in row[1]]
    rows = [(None, None, 16, 8, 6, 2, 4, 4, None, None, None) if row[1] is None and row[2] == 44
            else row for row in rows]

    report = run("staffing", seed_staffing_workbook(rows), municipality, as_of=AS_OF)

    assert report.ok, report.as_text()
    assert not [w for w in report.warnings if w.row >= 32]


def _district_workbook() -> io.BytesIO:
    """A one-row-header table with a group heading, group subtotals and a district total
    named as the portal's own export names them."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Кадровый состав Ермаковского района"])
    sheet.append(["Организация", "Всего педагогических работников (Поб)",
                  "Не имеют квалификационной категории", "Имеют первую квалификационную "
                  "категорию (Пп)", "Имеют высшую квалификационную категорию (Пв)",
                  "КК = (Пп + Пв) / Поб, %", "Критическое состояние (более 50 %)"])
    sheet.append(["Общеобразовательные организации"])
    sheet.append(["Ермаковская СШ № 1", 56, 22, 25, 9, 60.7, "нет"])
    sheet.append(["Араданская ОШ", 11, 11, 0, 0, 0, "нет"])
    sheet.append(["Итого: общеобразовательные организации", 67, 33, 25, 9, 50.7, "нет"])
    sheet.append(["Дошкольные организации"])
    sheet.append(["Танзыбейский детский сад", 7, 5, 2, 0, 28.6, "да"])
    sheet.append(["Итого: дошкольные организации", 7, 5, 2, 0, 28.6, "да"])
    sheet.append(["Итого по муниципалитету", 75, 38, 27, 9, 47.3, "да"])
    return save(workbook)


def test_it_recognises_group_headings_and_names_the_group_and_the_district_total(
        municipality, run):
    report = run("staffing", _district_workbook(), municipality, as_of=AS_OF)

    assert report.ok, report.as_text()
    assert report.created == 3
    assert [(s.row, s.reason) for s in report.skipped] == [
        (3, "заголовок группы «Общеобразовательные организации»"),
        (6, "итоговая строка «Итого: общеобразовательные организации»"),
        (7, "заголовок группы «Дошкольные организации»"),
        (9, "итоговая строка «Итого: дошкольные организации»"),
        (10, "итоговая строка «Итого по муниципалитету»"),
    ]
    # 56 + 11 + 7 = 74 teachers, КК (25 + 2 + 9) / 74 = 48,6 %; the groups agree (КК of the
    # schools 34 / 67 = 50,75 %, printed 50,7 %).
    assert _warnings(report) == [
        (5, "«Араданская ОШ»: критическое состояние напечатано «нет», по числам — «да» "
            "(без категории 100,0 %)"),
        (10, "итог по муниципалитету (строка 10): всего педагогов напечатано 75, по строкам "
             "— 74"),
        (10, "итог по муниципалитету (строка 10): КК напечатан 47,3 %, по числам — 48,6 %"),
    ]


@pytest.mark.parametrize("printed, part, whole, agrees", [
    ("24%", 14, 59, True), ("23 %", 14, 59, True), ("39,30%", 22, 56, True),
    ("35%", 8, 32, False), ("49,60%", 199, 399, False), (60.7, 34, 56, True),
])
def test_a_printed_percentage_agrees_within_one_unit_of_its_last_digit(
        printed, part, whole, agrees):
    assert printed_percent(printed).agrees(part=part, whole=whole) is agrees


@pytest.mark.parametrize("cell", [None, "", "да", "нет данных", True])
def test_a_cell_that_is_not_a_percentage_is_not_compared(cell):
    assert printed_percent(cell) is None


def test_the_seed_rows_are_the_ones_the_document_prints():
    assert len([row for row in SEED_ROWS if row[1]]) == 29
