"""The staffing export laid out as the district prints it, read back with openpyxl: groups,
branches under their school, subtotals and the municipality's total as live formulas with
their results, and the sheet of categories by kind.

Figures by hand (rows of seed 004): СШ № 2 59 / 14 / 31 / 14, its branch 16 / 8 / 6 / 2,
Араданская ОШ 11 / 11 / 0 / 0 → schools 86 / 33 / 37 / 16, share 33 / 86 = 38,4 %,
КК 53 / 86 = 61,6 %; the kindergarten 7 / 5 / 2 / 0 (critical); municipality 93 / 38 / 39 /
16, КК 55 / 93 = 59,1 %.
"""

import datetime
import io

import pytest
from openpyxl import load_workbook

from diagnostics.exports import export_sheet
from diagnostics.models import Staffing
from teams.models import OrganizationKind, SchoolLevel
from tests import factories

AS_OF = datetime.date(2021, 6, 30)


def _line(organization, total, without, first, highest, attested, exempt):
    Staffing.objects.create(organization=organization, as_of=AS_OF, teachers_total=total,
                            without_category=without, first_category=first,
                            highest_category=highest, attested_for_position=attested,
                            not_subject_to_attestation=exempt)


@pytest.fixture
def district(db):
    municipality = factories.MunicipalityFactory(name="Ермаковский район")
    head = factories.OrganizationFactory(municipality=municipality, short_name="СШ № 2",
                                         number=2, level=SchoolLevel.SECONDARY)
    aradan = factories.OrganizationFactory(municipality=municipality, short_name="Араданская ОШ",
                                           number=17, level=SchoolLevel.BASIC)
    branch = factories.OrganizationFactory(municipality=municipality, number=3,
                                           short_name="Новоозёрновская ОШ",
                                           level=SchoolLevel.BASIC, parent=head)
    factories.OrganizationFactory(municipality=municipality, short_name="Нижнеусинская НШ",
                                  number=18, level=SchoolLevel.PRIMARY)
    kindergarten = factories.OrganizationFactory(
        municipality=municipality, short_name="Танзыбейский детский сад",
        kind=OrganizationKind.PRESCHOOL, level="", number=None)
    _line(head, 59, 14, 31, 14, 10, 4)
    _line(branch, 16, 8, 6, 2, 3, 5)
    _line(aradan, 11, 11, 0, 0, 9, 2)
    _line(kindergarten, 7, 5, 2, 0, 4, 1)
    return municipality


def _sheets(municipality, *, data_only: bool):
    content = export_sheet("staffing", municipality=municipality).content()
    return load_workbook(io.BytesIO(content), data_only=data_only)


def test_it_lays_the_table_out_by_kind_with_branches_subtotals_and_the_total(district):
    sheet = _sheets(district, data_only=True)["Кадровый состав"]
    rows = list(sheet.iter_rows(values_only=True))

    assert rows[0][0] == "Информация о педагогических работниках ОО: Ермаковский район"
    assert rows[1][:3] == ("Организация", "На дату", "Всего педагогических работников (Поб)")
    assert [row[0] for row in rows[2:]] == [
        "На 30.06.2021",
        "Общеобразовательные организации", "СШ № 2", "Новоозёрновская ОШ", "Араданская ОШ",
        "Нижнеусинская НШ", "Итого: общеобразовательные организации",
        "Дошкольные организации", "Танзыбейский детский сад",
        "Итого: дошкольные организации",
        "Итого по муниципалитету",
    ]
    assert sheet["A6"].alignment.indent == 1  # the branch, under its school
    assert rows[4][1] == datetime.datetime(2021, 6, 30)
    assert rows[7][2:] == (None,) * 6 + ("нет данных", None, None)
    assert rows[8][2:] == (86, 33, 37, 16, 22, 11, 38.4, 61.6, "нет")
    assert rows[10][2:] == (7, 5, 2, 0, 4, 1, 71.4, 28.6, "да")
    assert rows[12][2:] == (93, 38, 39, 16, 26, 12, 40.9, 59.1, "нет")


def test_totals_shares_and_marks_are_live_formulas(district):
    sheet = _sheets(district, data_only=False)["Кадровый состав"]

    assert sheet["C9"].value == "=SUM(C5,C6,C7)"  # the school rows, not the «нет данных» one
    assert sheet["C12"].value == "=SUM(C11)"
    assert sheet["C13"].value == "=SUM(C9,C12)"  # the subtotals
    assert sheet["I5"].value == '=IF(C5=0,"",ROUND(D5/C5*100,1))'
    assert sheet["J5"].value == '=IF(C5=0,"",ROUND((E5+F5)/C5*100,1))'
    assert sheet["K9"].value == '=IF(2*D9>C9,"да","нет")'
    assert sheet["C5"].value == 59  # counts are plain numbers


def test_it_sums_first_and_highest_category_by_kind_with_the_district_kk(district):
    values = _sheets(district, data_only=True)["Категории по типам"]
    formulas = _sheets(district, data_only=False)["Категории по типам"]

    rows = list(values.iter_rows(values_only=True))
    assert rows[1] == ("Организации", "Первая категория (Пп)", "Высшая категория (Пв)",
                       "Всего педагогов (Поб)", "КК = (Пп + Пв) / Поб, %")
    assert rows[2:] == [
        ("На 30.06.2021", None, None, None, None),
        ("Общеобразовательные организации", 37, 16, 86, 61.6),
        ("Дошкольные организации", 2, 0, 7, 28.6),
        ("По муниципалитету", 39, 16, 93, 59.1),
    ]
    assert formulas["B4"].value == "='Кадровый состав'!E9"
    assert formulas["B6"].value == "=SUM(B4:B5)"


def test_a_text_that_looks_like_a_formula_is_written_as_text(district):
    factories.OrganizationFactory(municipality=district, short_name="=HYPERLINK(1)", number=99)

    sheet = _sheets(district, data_only=False)["Кадровый состав"]

    assert "=HYPERLINK(1)" in [cell.value for cell in sheet["A"]]
    assert all(cell.data_type == "s" for cell in sheet["A"] if cell.value == "=HYPERLINK(1)")
