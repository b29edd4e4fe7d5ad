"""Reading the analysts' workbook back in tests."""

from reports.indicator_catalogue import INDICATORS


def rows_by_code(sheet) -> dict:
    """The «Показатели» rows by the indicator's code; the sheet names them as the
    programme numbers them (П1…П8, К1…К5, Д…)."""
    codes = {indicator.number: indicator.code for indicator in INDICATORS}
    return {codes[row[1].value]: row for row in sheet.iter_rows(min_row=2)
            if row[1].value in codes}
