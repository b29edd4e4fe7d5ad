"""Writing .xlsx downloads safely: text never a formula, dates as dates, flat memory."""

import datetime
from collections.abc import Iterable
from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
_FORMULA_STARTS = ("=", "+", "-", "@")


def text_cell(sheet, value):
    """A cell whose text is never read as a formula, whatever it begins with."""
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        cell.data_type = "s"
    return cell


def number_cell(sheet, value, number_format: str):
    """A number shown in ``number_format`` (``0``, ``0.0%``…)."""
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell


def value_cell(sheet, value):
    """Dates and times as real Excel dates shown ДД.ММ.ГГГГ; everything else as ``text_cell``.

    A cell already built (``number_cell``) is kept as it is.
    """
    if isinstance(value, Cell):
        return value
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: the time is written as the department's local time.
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        cell = WriteOnlyCell(sheet, value=local.replace(tzinfo=None))
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return text_cell(sheet, value)


def add_sheet(workbook: Workbook, *, title: str, columns: list[tuple[str, int]],
              rows: Iterable[tuple]):
    """A sheet of a write-only workbook: bold frozen header row, set widths, safe cells.

    Returns the sheet, so more rows or a chart can follow.
    """
    sheet = workbook.create_sheet(title=title)
    sheet.freeze_panes = "A2"
    for index, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    header = []
    for name, _ in columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([value_cell(sheet, value) for value in row])
    return sheet


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(content: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def workbook_response(
    *, filename: str, title: str, headers: list[str], rows: Iterable[tuple],
    widths: list[int],
) -> HttpResponse:
    """A one-sheet workbook as a download."""
    workbook = Workbook(write_only=True)
    add_sheet(workbook, title=title, columns=list(zip(headers, widths, strict=True)), rows=rows)
    return xlsx_response(workbook_bytes(workbook), filename=filename)
