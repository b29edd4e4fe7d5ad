"""bench/excel.py and bench/pdf.py compare like with like on a tiny generated municipality:
the floor writes our workbook's very cells and lays out our report's very HTML."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from bench import excel, pdf
from internships.periods import municipality_default_period
from teams.models import Municipality
from tests import factories
from tests.reports.pdf_checks import page_count

SHEETS = ["Показатели", "По направлениям", "Муниципальный мониторинг", "Распределение",
          "Показатели ОО", "Кадры", "Журналы", "Дефициты и мероприятия"]
FORMULA_TEXT = '=HYPERLINK("http://example.com","Открыть")'


@pytest.fixture
def synthetic(db):
    call_command("generate_scale", municipalities=1, orgs=30, stdout=StringIO())
    municipality = Municipality.objects.get(name="Синтетическое МО 0001")
    return municipality, municipality_default_period(municipality=municipality,
                                                     today=timezone.localdate())


def _values(path):
    """Sheet titles and rows of values of a workbook, trailing empty cells dropped."""
    book = load_workbook(path, read_only=True)
    try:
        return {sheet.title: [tuple(_trimmed(row)) for row in sheet.iter_rows(values_only=True)]
                for sheet in book.worksheets}, book.sheetnames
    finally:
        book.close()


def _trimmed(row):
    row = list(row)
    while row and row[-1] is None:
        row.pop()
    return row


def _floor_of(municipality, period, tmp_path):
    ours, floor = tmp_path / "ours.xlsx", tmp_path / "floor.xlsx"
    excel.build_ours(municipality=municipality, period=period, output=ours)
    manifest = excel.dump_lines(workbook=ours, folder=tmp_path / "lines")
    excel.write_floor(folder=tmp_path / "lines", output=floor)
    return ours, floor, manifest


def test_it_writes_the_floor_workbook_with_our_sheet_names_and_cell_values(synthetic,
                                                                            tmp_path):
    ours, floor, manifest = _floor_of(*synthetic, tmp_path)

    our_values, our_sheets = _values(ours)
    floor_values, floor_sheets = _values(floor)
    assert our_sheets == floor_sheets == SHEETS
    assert floor_values == our_values
    # Every organization is a row of «Распределение» and «Показатели ОО».
    rows = {sheet["title"]: sheet["rows"] for sheet in manifest}
    assert rows["Показатели ОО"] == 31
    assert rows["Распределение"] == 31 + 3
    assert excel.differences(folder=tmp_path / "lines", workbook=floor) == []
    # Bare XlsxWriter writes the same cells, and the formulas with the portal's results.
    excel.write_floor_xlsxwriter(folder=tmp_path / "lines", output=tmp_path / "writer.xlsx")
    assert excel.differences(folder=tmp_path / "lines", workbook=tmp_path / "writer.xlsx") == []
    assert load_workbook(tmp_path / "writer.xlsx", data_only=True)["Показатели"]["E2"].value \
        == load_workbook(ours, data_only=True)["Показатели"]["E2"].value


def test_it_keeps_a_text_that_looks_like_a_formula_a_text_in_the_floor(synthetic, tmp_path):
    municipality, period = synthetic
    factories.OrganizationFactory(municipality=municipality, short_name=FORMULA_TEXT,
                                  number=999)

    _, floor, _ = _floor_of(municipality, period, tmp_path)

    sheet = load_workbook(floor)["Показатели ОО"]
    cells = [row[0] for row in sheet.iter_rows() if row[0].value == FORMULA_TEXT]
    assert len(cells) == 1
    assert cells[0].data_type == "s"


def test_it_finds_a_cell_the_floor_wrote_differently(synthetic, tmp_path):
    _, _, manifest = _floor_of(*synthetic, tmp_path)
    lines = tmp_path / "lines"
    changed = tmp_path / "changed.xlsx"
    book = load_workbook(tmp_path / "floor.xlsx")
    book["Кадры"]["A2"] = "Другая организация"
    book.save(changed)

    found = excel.differences(folder=lines, workbook=changed)

    assert len(found) == 1
    assert found[0].startswith("«Кадры», строка 2:")
    assert [sheet["title"] for sheet in manifest] == SHEETS


def test_it_lays_out_our_final_html_to_as_many_pages_as_our_pdf(synthetic, tmp_path):
    municipality, period = synthetic
    ours, floor = tmp_path / "ours.pdf", tmp_path / "floor.pdf"

    seconds = pdf.build_ours("monitoring", municipality=municipality, period=period,
                             output=ours)
    html = pdf.document_html("monitoring", municipality=municipality, period=period)
    pages = pdf.render_floor(html, output=floor)

    assert set(seconds) == {"total", "data", "layout"}
    assert 0 < seconds["data"] < seconds["total"]
    assert pages > 1
    assert page_count(ours.read_bytes()) == page_count(floor.read_bytes()) == pages
    assert pdf.check_pdf(ours) == (pages, ours.stat().st_size, "")
