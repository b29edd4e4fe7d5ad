"""Reading the analysts' workbook back in tests."""

from reports.indicator_catalogue import INDICATORS, REGIONAL_MONITORING
from reports.network_indicators import NETWORK_INDICATORS


def rows_by_code(sheet) -> dict:
    """The «Показатели» rows by the indicator's code; the sheet names them as the
    programme numbers them (П1…П8, К1…К5, Д…)."""
    codes = {indicator.number: indicator.code
             for indicator in (*INDICATORS, REGIONAL_MONITORING, *NETWORK_INDICATORS)}
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


# LibreOffice keeps an .xlsx's stored results unless told to recalculate on load.
RECALCULATE_ON_LOAD = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def recalculated(path, folder):
    """``path`` opened, recalculated and saved again as .xlsx by LibreOffice Calc headless
    (a fresh profile that recalculates every formula on load); the new file's path."""
    import shutil
    import subprocess

    profile = folder / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALCULATE_ON_LOAD,
                                                                encoding="utf-8")
    out = folder / "recalculated"
    subprocess.run([shutil.which("soffice"), f"-env:UserInstallation={profile.as_uri()}",
                    "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=300)
    return out / path.name


def same_value(found, expected) -> bool:
    """Equal as a spreadsheet shows them: numbers to rounding, an empty text as no value."""
    if isinstance(found, (int, float)) and isinstance(expected, (int, float)):
        return abs(found - expected) <= 1e-9 * max(1, abs(expected))
    return (found or None) == (expected or None)
