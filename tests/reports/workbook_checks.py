"""Reading the analysts' workbook back in tests."""

from reports.indicator_catalogue import INDICATORS


def rows_by_code(sheet) -> dict:
    """The «Показатели» rows by the indicator's code; the sheet names them as the
    programme numbers them (П1…П8, К1…К5, Д…)."""
    codes = {indicator.number: indicator.code for indicator in INDICATORS}
    return {codes[row[1].value]: row for row in sheet.iter_rows(min_row=2)
            if row[1].value in codes}


def column_width(sheet, letter: str) -> float | None:
    """The width of column ``letter``: a file may give neighbouring columns of one width
    as one range, which openpyxl keys by its first letter only."""
    from openpyxl.utils import column_index_from_string

    index = column_index_from_string(letter)
    for dimension in sheet.column_dimensions.values():
        if dimension.min and dimension.max and dimension.min <= index <= dimension.max:
            return dimension.width
    return None


# How the portal's own formulas begin: no user text ever becomes one of them.
OWN_FORMULAS = ("=IF(", "=SUM(", "=COUNTIF(", '="в критическом состоянии: "&COUNTIF(')


def formula_cells(path) -> list:
    """Every formula cell of the workbook at ``path`` as (sheet, cell, formula)."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    return [(sheet.title, cell.coordinate, cell.value)
            for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
            if cell.data_type == "f"]
