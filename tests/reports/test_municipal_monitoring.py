"""The municipal quality monitoring at each control point (section 10 of the programme): the
schools' yearly indicators of the point's academic year and each organization's latest
staffing by the point's last day, on hand-made data (tests/reports/pdf_world.py)."""

import datetime
import shutil

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from openpyxl import load_workbook

from reports.excel import build_indicator_workbook
from reports.municipal_monitoring import municipal_monitoring
from reports.pdf import monitoring
from tests.reports.pdf_world import enrich
from tests.reports.workbook_checks import formula_cells, recalculated, same_value

D = datetime.date


@pytest.fixture
def district(world):
    enrich(world)
    return world


def _table(world, **bounds):
    found = municipal_monitoring(municipality=world.municipality, programme=world.programme,
                                 **bounds)
    return found, {indicator.code: [item.text for item in values]
                   for indicator, values in found.rows}


def test_it_shows_the_district_figures_at_each_control_point(district):
    found, rows = _table(district, until=D(2023, 8, 31))

    assert [item.as_of for item in found.points] == [D(2021, 11, 30), D(2022, 5, 31),
                                                     D(2022, 12, 31)]
    assert [item.period.title for item in found.points] == ["2021–2022", "2021–2022",
                                                            "2022–2023"]
    # The schools' yearly figures: 5,0 % of pupils in 2021–2022, 8,0 % in 2022–2023.
    assert rows["olympiad_winners_share"] == ["5,0 %", "5,0 %", "8,0 %"]
    # Staffing lines are dated 01.06.2022 and 01.10.2022: none by the first two points; on
    # 31.12.2022 СОШ № 1 has 5 + 4 of 10 and Гимназия № 2 10 + 6 of 20: 25 / 30 = 83,3 %.
    assert rows["quality_coefficient"] == ["нет данных", "нет данных", "83,3 %"]
    assert rows["critical_staffing"] == ["нет данных", "нет данных", "0"]
    assert [indicator.number for indicator in found.indicators] == ["К1", "К2", "К3", "К4",
                                                                    "К5", "Д1", "Д2"]


def test_it_leaves_out_points_after_the_day_asked_for(district):
    found, _ = _table(district, until=D(2022, 8, 31), since=D(2021, 9, 1))

    assert [item.point.kind for item in found.points] == ["start_diagnostics",
                                                          "intermediate_diagnostics"]


def test_the_indicators_page_and_the_report_print_the_table(district, login):
    page = login(district.analyst).get(reverse("project_indicators")).content.decode()
    assert "Муниципальный мониторинг оценки качества по контрольным точкам" in page
    assert 'id="municipal-olympiad_winners_share"' in page

    context = monitoring.monitoring_context(municipality=district.municipality,
                                            period=district.period, control_point=None,
                                            progress=lambda *args: None)
    html = render_to_string(monitoring.TEMPLATE, context)
    assert "Муниципальный мониторинг оценки качества по контрольным точкам" in html
    assert "Стартовая диагностика, на 30.11.2021" in html


def test_the_workbook_lists_every_indicator_at_every_point_with_shares_by_formula(
        district, tmp_path):
    output = tmp_path / "book.xlsx"
    build_indicator_workbook(municipality=district.municipality, period=district.period,
                             parameters={}, output=output, progress=lambda *args: None)
    sheet = load_workbook(output, data_only=True)["Муниципальный мониторинг"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]

    # 2021–2022 has two control points: 7 indicators × 2 points, as on the page.
    assert len(rows) == 14
    assert [row[0] for row in rows[:4]] == ["К1", "К1", "К2", "К2"]
    by_code = {}
    for row in rows:
        by_code.setdefault(row[0], []).append(row)
    olympiad = "К3"
    assert by_code[olympiad][0][1] == ("Доля обучающихся — победителей и призёров "
                                       "олимпиадного движения")
    assert [(line[3], line[5].date(), line[7]) for line in by_code[olympiad]] == [
        ("Стартовая диагностика", D(2021, 11, 30), 0.05),
        ("Промежуточная диагностика", D(2022, 5, 31), 0.05)]
    assert [line[7] for line in by_code["Д1"]] == ["нет данных", "нет данных"]
    formulas = load_workbook(output)["Муниципальный мониторинг"]
    row = 2 + rows.index(by_code[olympiad][0])
    assert formulas[f"H{row}"].value == f'=IF(J{row}=0,"нет данных",I{row}/J{row})'


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) не установлен: пересчёт книги проверяет CI, "
                           "где .ci/run ставит libreoffice-calc-nogui")
def test_libreoffice_recalculates_the_monitoring_shares_to_the_portal_figures(district,
                                                                              tmp_path):
    output = tmp_path / "book.xlsx"
    build_indicator_workbook(municipality=district.municipality, period=district.period,
                             parameters={}, output=output, progress=lambda *args: None)
    stripped = tmp_path / "stripped.xlsx"
    load_workbook(output).save(stripped)
    calculated = load_workbook(recalculated(stripped, tmp_path), data_only=True)
    portal = load_workbook(output, data_only=True)
    formulas = [cell for title, cell, _ in formula_cells(output)
                if title == "Муниципальный мониторинг"]

    assert len(formulas) >= 2
    assert [cell for cell in formulas
            if not same_value(calculated["Муниципальный мониторинг"][cell].value,
                              portal["Муниципальный мониторинг"][cell].value)] == []


def test_a_programme_without_control_points_says_what_is_missing(world, login):
    context = monitoring.monitoring_context(municipality=world.municipality, period=world.period,
                                            control_point=None, progress=lambda *args: None)

    html = render_to_string(monitoring.TEMPLATE, context)
    assert ("В плане проекта нет контрольных точек 2021–2022 учебного года: значений "
            "муниципального мониторинга по контрольным точкам нет.") in html
