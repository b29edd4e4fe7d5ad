"""The chain's figures on the indicators page, in the workbook and in the handbook."""

import re

from django.template.loader import render_to_string
from django.urls import reverse
from openpyxl import load_workbook

from reports.excel import build_indicator_workbook
from reports.pdf.handbook import handbook_context


def test_it_shows_the_directions_figures_on_the_indicators_page(chain, world, as_role):
    page = as_role("analyst").get(reverse("project_indicators")).content.decode()
    assert "От дефицита к результату" in page
    # Direction 1: 0 of 1 attending pair lost a deficit, 2 of 4 of the others did.
    assert "0,0 % <span class=\"small text-muted\">(0 / 1)</span>" in page
    assert "50,0 % <span class=\"small text-muted\">(2 / 4)</span>" in page
    assert "−50,0 п. п." in page
    assert "не доказывает, что причиной стали мероприятия" in page


def test_it_says_what_is_missing_on_the_page_without_two_rounds(world, as_role):
    page = as_role("staff").get(reverse("project_indicators")).content.decode()
    assert "Для сравнения нужны две диагностики" in page


def test_it_writes_the_counts_and_formulas_that_recalculate_in_the_workbook(chain, world,
                                                                            tmp_path):
    output = tmp_path / "report.xlsx"
    build_indicator_workbook(municipality=world.municipality, period=world.period,
                             parameters={}, output=output, progress=lambda *args: None)
    sheet = load_workbook(output)["Дефициты и мероприятия"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2, max_row=4)]
    assert rows[0][1:7] == ["1.1", chain.d1.wording, 1, 0, 2, 1]
    assert rows[0][7:10] == ['=IF(D2>0,E2/D2,"")', '=IF(F2>0,G2/F2,"")',
                             '=IF(AND(D2>0,F2>0),(H2-I2)*100,"")']
    assert rows[1][1:7] == ["1.2", chain.d2.wording, 0, 0, 2, 1]
    assert rows[2][2].startswith("Итого:")
    assert rows[2][3:7] == ["=SUM(D2:D3)", "=SUM(E2:E3)", "=SUM(F2:F3)", "=SUM(G2:G3)"]
    assert rows[2][9] == '=IF(AND(D4>0,F4>0),(H4-I4)*100,"")'
    assert sheet["K2"].value == 1.0  # Fisher's p of [[0, 1], [1, 1]]


def test_it_writes_the_chain_chapter_of_the_handbook(chain, world):
    html = render_to_string("reports/pdf/handbook.html", handbook_context(
        municipality=world.municipality, period=world.period, progress=lambda *args: None))
    assert re.search(r"<h3>\d+\.3\. От дефицита к результату</h3>", html)
    assert "0,0 % (0 из 1)" in html and "50,0 % (2 из 4)" in html
    assert "1.2. Нет плана повышения качества по итогам ВСОКО" in html
    assert "не доказывает, что причиной стали мероприятия" in html
