"""Writing a large .xlsx with live formulas: XlsxWriter in constant-memory mode.

Rows are written in order and leave memory as soon as the next row starts. Text is
always written as text, never read as a formula, whatever it begins with. A formula
carries its result, so a viewer that does not recalculate still shows the number.
Each sheet has a bold wrapped header row, frozen under the top, repeated on every
printed page and filtered; its columns are as wide as their content (up to a cap).
"""

import datetime
import math
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import xlsxwriter

DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
# Points per line of the default 11 pt font.
LINE_HEIGHT = 15
# A header may wrap to this many lines before its column is widened for it.
HEADER_LINES = 3
# Printed on one page across when the columns add up to more than a portrait page holds.
PORTRAIT_WIDTH = 100
# Characters taken by a number shown in a format, for fitting the column.
FORMAT_WIDTHS = {"0": 7, "0.0%": 7, "+0;-0;0": 7, DATE_FORMAT: 11, DATETIME_FORMAT: 17}
POINTS_WIDTH = 12


@dataclass(frozen=True, slots=True)
class Number:
    """A number shown in ``format`` (``0``, ``0.0%``…)."""

    value: int | float | Decimal
    format: str


@dataclass(frozen=True, slots=True)
class Formula:
    """A formula (``=SUM(D2:D9)``) with the result the portal computed for it."""

    text: str
    result: int | float | str
    format: str = ""


@dataclass(frozen=True, slots=True)
class Label:
    """Bold text: a totals row's name or a block's title."""

    text: str


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a column ``width`` characters wide (bold text is
    about a tenth wider than the width unit)."""
    return len(textwrap.wrap(text, max(1, int(width * 0.9) - 1))) or 1


def _header_width(text: str, cap: int) -> int:
    """The narrowest width (at most ``cap``) that shows ``text`` in HEADER_LINES lines
    without breaking a word."""
    longest_word = max((len(word) for word in text.split()), default=0)
    return min(cap, max(longest_word + 2, math.ceil(len(text) / HEADER_LINES / 0.9) + 2))


def _value_width(value) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (Number, Formula)):
        if isinstance(value.result if isinstance(value, Formula) else None, str):
            return len(value.result)
        return FORMAT_WIDTHS.get(value.format, POINTS_WIDTH)
    if isinstance(value, Label):
        return len(value.text) + 1
    if isinstance(value, datetime.datetime):
        return FORMAT_WIDTHS[DATETIME_FORMAT]
    if isinstance(value, datetime.date):
        return FORMAT_WIDTHS[DATE_FORMAT]
    return len(str(value))


class Book:
    """An .xlsx being written to ``output``; ``close()`` finishes the file."""

    def __init__(self, output: Path):
        self.workbook = xlsxwriter.Workbook(str(output), {
            "constant_memory": True,
            # Text stays text: no formulas, numbers or links guessed from strings.
            "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False,
        })
        self._formats: dict[tuple, object] = {}

    def format(self, *, number: str = "", bold: bool = False, wrap: bool = False):
        key = (number, bold, wrap)
        found = self._formats.get(key)
        if found is None:
            properties = {"num_format": number} if number else {}
            if bold:
                properties["bold"] = True
            if wrap:
                properties.update(text_wrap=True, valign="top")
            found = self._formats[key] = self.workbook.add_format(properties)
        return found

    def sheet(self, title: str, columns: list[tuple[str, int]]) -> "Sheet":
        """A new sheet whose first row is the header of ``columns`` (name, widest width)."""
        return Sheet(self, title, columns)

    def close(self) -> None:
        self.workbook.close()


class Sheet:
    """A sheet written row after row; ``finish()`` sets widths, filter and printing."""

    def __init__(self, book: Book, title: str, columns: list[tuple[str, int]]):
        self.book = book
        self.worksheet = book.workbook.add_worksheet(title)
        self.row = 0
        self.caps = [cap for _, cap in columns]
        self.widths = [0] * len(columns)
        self._date = book.format(number=DATE_FORMAT)
        self._datetime = book.format(number=DATETIME_FORMAT)
        self._bold = book.format(bold=True)
        self._wrap = book.format(wrap=True)
        self.worksheet.freeze_panes(1, 0)
        self.worksheet.repeat_rows(0)
        self.header([name for name, _ in columns])

    def header(self, names: list[str]) -> None:
        """A bold header row, as tall as its longest name needs in its column."""
        lines = 1
        for column, name in enumerate(names):
            cap = self.caps[column] if column < len(self.caps) else len(name)
            width = _header_width(name, cap)
            if column < len(self.widths):
                self.widths[column] = max(self.widths[column], width)
            lines = max(lines, wrapped_lines(name, width))
        header = self.book.format(bold=True, wrap=True)
        # In constant-memory mode a row's height goes before its cells.
        self.worksheet.set_row(self.row, lines * LINE_HEIGHT if lines > 1 else None)
        for column, name in enumerate(names):
            self.worksheet.write_string(self.row, column, name, header)
        self.row += 1

    def append(self, values) -> int:
        """Write ``values`` as the next row; the row's zero-based number."""
        row = self.row
        worksheet = self.worksheet
        widths = self.widths
        for column, value in enumerate(values):
            if value is None or value == "":
                continue
            kind = type(value)
            if kind is str:
                wrap = column < len(self.caps) and len(value) > self.caps[column]
                worksheet.write_string(row, column, value, self._wrap if wrap else None)
            elif kind is Number:
                worksheet.write_number(row, column, value.value,
                                       self.book.format(number=value.format))
            elif kind is Formula:
                worksheet.write_formula(row, column, value.text,
                                        self.book.format(number=value.format),
                                        value.result)
            elif kind is Label:
                worksheet.write_string(row, column, value.text, self._bold)
            elif kind is datetime.datetime:
                worksheet.write_datetime(row, column, value, self._datetime)
            elif kind is datetime.date:
                worksheet.write_datetime(row, column, value, self._date)
            else:
                worksheet.write_number(row, column, value)
            if column < len(widths):
                width = _value_width(value)
                if width > widths[column]:
                    widths[column] = width
        self.row += 1
        return row

    def skip(self) -> None:
        self.row += 1

    def note(self, text: str) -> None:
        """A line of text under the table, running across the columns: it neither wraps
        nor widens the first column."""
        self.worksheet.write_string(self.row, 0, text)
        self.row += 1

    def finish(self, *, filtered_rows: int | None = None) -> None:
        """Column widths fitted to the content (each at most its cap), an autofilter over
        the header and ``filtered_rows`` rows under it (all written rows by default), and
        landscape printing one page wide when the columns are wide."""
        widths = [min(cap, width + 2) if cap else width + 2
                  for cap, width in zip(self.caps, self.widths, strict=True)]
        for column, width in enumerate(widths):
            self.worksheet.set_column(column, column, width)
        last = self.row - 1 if filtered_rows is None else filtered_rows
        self.worksheet.autofilter(0, 0, max(last, 1), len(widths) - 1)
        if sum(widths) > PORTRAIT_WIDTH:
            self.worksheet.set_landscape()
            self.worksheet.fit_to_pages(1, 0)
        self.worksheet.set_paper(9)  # A4


def column_letter(column: int) -> str:
    """``B`` for the zero-based ``column`` 1."""
    return xlsxwriter.utility.xl_col_to_name(column)
