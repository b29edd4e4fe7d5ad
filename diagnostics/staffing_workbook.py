"""The staffing table as a workbook laid out the way the district prints it (seed 004).

For every date, newest first: a date heading, then each kind of organization under its
heading — schools with their branches right under them, kindergartens, additional
education — with the group's subtotal, and the total of the municipality. A second sheet
sums first- and highest-category teachers by kind with the municipality's КК.

Subtotals, totals, shares, КК and the critical mark are live formulas that carry their
results (XlsxWriter writes both), so a reader that does not recalculate shows the same
figures as the page, and an analyst who corrects a count gets correct totals. User text is
always written as text, never as a formula. The first sheet has the columns of the import,
so a downloaded file loads back: headings and totals are recognised and checked.
"""

import datetime
import io
from dataclasses import dataclass

import xlsxwriter
from django.http import HttpResponse
from xlsxwriter.utility import xl_rowcol_to_cell

from core.spreadsheets import xlsx_response
from diagnostics.imports.staffing import COLUMNS
from diagnostics.models import Staffing
from diagnostics.monitoring_rules import STAFFING_FIELDS
from diagnostics.staffing import StaffingFigures, StaffingGroup, StaffingTable, group_staffing
from teams.models import Municipality, Organization

SHEET = "Кадровый состав"
CATEGORIES_SHEET = "Категории по типам"
DISTRICT = "Итого по муниципалитету"
NO_DATA = "нет данных"
FIRST_COUNT = 2  # column C: «Всего педагогических работников (Поб)»
SHARE, QUALITY, CRITICAL = 8, 9, 10
WIDTHS = [46, 12, 14, 14, 14, 14, 16, 18, 14, 14, 14]


def _number(value) -> float | str:
    return float(value) if value is not None else ""


class _Writer:
    def __init__(self, workbook: xlsxwriter.Workbook, municipality: Municipality):
        self.workbook = workbook
        self.sheet = workbook.add_worksheet(SHEET)
        self.categories = workbook.add_worksheet(CATEGORIES_SHEET)
        self.bold = workbook.add_format({"bold": True})
        self.heading = workbook.add_format({"bold": True, "bg_color": "#E9ECEF"})
        self.header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top",
                                           "border": 1})
        self.branch = workbook.add_format({"indent": 1})
        self.date = workbook.add_format({"num_format": "DD.MM.YYYY"})
        self.share = workbook.add_format({"num_format": "0.0"})
        self.bold_share = workbook.add_format({"num_format": "0.0", "bold": True})
        self.row = 0
        self.categories_row = 0
        self._start(municipality)

    def _start(self, municipality: Municipality) -> None:
        title = f"Информация о педагогических работниках ОО: {municipality.name}"
        self.sheet.write_string(0, 0, title, self.bold)
        for column, (heading, width) in enumerate(zip((c.title for c in COLUMNS), WIDTHS,
                                                      strict=True)):
            self.sheet.write_string(1, column, heading, self.header)
            self.sheet.set_column(column, column, width)
        self.sheet.freeze_panes(2, 1)
        self.row = 2
        self.categories.write_string(0, 0, "Педагоги с первой и высшей категорией по типам "
                                           f"организаций: {municipality.name}", self.bold)
        for column, (heading, width) in enumerate([
                ("Организации", 40), ("Первая категория (Пп)", 14),
                ("Высшая категория (Пв)", 14), ("Всего педагогов (Поб)", 14),
                ("КК = (Пп + Пв) / Поб, %", 14)]):
            self.categories.write_string(1, column, heading, self.header)
            self.categories.set_column(column, column, width)
        self.categories_row = 2

    # --- the first sheet ------------------------------------------------------------------

    def table(self, table: StaffingTable, as_of: datetime.date) -> None:
        self.sheet.write_string(self.row, 0, f"На {as_of:%d.%m.%Y}", self.heading)
        self.row += 1
        subtotals = [self._group(group, as_of) for group in table.groups]
        self._total(DISTRICT, table.total, subtotals, self.bold)
        self._categories(table, subtotals, as_of)
        self.row += 1

    def _group(self, group: StaffingGroup, as_of: datetime.date) -> int:
        self.sheet.write_string(self.row, 0, group.label, self.heading)
        self.row += 1
        lines = []
        for line in group.rows:
            name_format = self.branch if line.is_branch else None
            self.sheet.write_string(self.row, 0, line.organization.short_name, name_format)
            self.sheet.write_datetime(self.row, 1, datetime.datetime.combine(
                as_of, datetime.time()), self.date)
            if line.figures is None:
                self.sheet.write_string(self.row, SHARE, NO_DATA)
            else:
                for offset, key in enumerate(STAFFING_FIELDS):
                    self.sheet.write_number(self.row, FIRST_COUNT + offset,
                                            getattr(line.figures, key))
                self._derived(line.figures, self.share, None)
                lines.append(self.row)
            self.row += 1
        return self._total(f"Итого: {group.label.lower()}", group.total, lines, self.bold)

    def _total(self, name: str, figures: StaffingFigures, rows: list[int], cell_format) -> int:
        """A total row: each count sums ``rows`` (0-based); returns the row written."""
        self.sheet.write_string(self.row, 0, name, cell_format)
        for offset, key in enumerate(STAFFING_FIELDS):
            column = FIRST_COUNT + offset
            cells = ",".join(xl_rowcol_to_cell(row, column) for row in rows) or "0"
            self.sheet.write_formula(self.row, column, f"=SUM({cells})", cell_format,
                                     getattr(figures, key))
        self._derived(figures, self.bold_share, cell_format)
        total_row = self.row
        self.row += 1
        return total_row

    def _derived(self, figures: StaffingFigures, share_format, mark_format) -> None:
        """Share without a category, КК and the critical mark of the current row."""
        total = xl_rowcol_to_cell(self.row, FIRST_COUNT)
        without = xl_rowcol_to_cell(self.row, FIRST_COUNT + 1)
        first = xl_rowcol_to_cell(self.row, FIRST_COUNT + 2)
        highest = xl_rowcol_to_cell(self.row, FIRST_COUNT + 3)
        self.sheet.write_formula(
            self.row, SHARE, f'=IF({total}=0,"",ROUND({without}/{total}*100,1))', share_format,
            _number(figures.without_category_share))
        self.sheet.write_formula(
            self.row, QUALITY, f'=IF({total}=0,"",ROUND(({first}+{highest})/{total}*100,1))',
            share_format, _number(figures.quality_coefficient))
        self.sheet.write_formula(
            self.row, CRITICAL, f'=IF(2*{without}>{total},"да","нет")', mark_format,
            "да" if figures.critical else "нет")

    # --- the second sheet -----------------------------------------------------------------

    def _categories(self, table: StaffingTable, subtotals: list[int],
                    as_of: datetime.date) -> None:
        sheet = self.categories
        sheet.write_string(self.categories_row, 0, f"На {as_of:%d.%m.%Y}", self.heading)
        self.categories_row += 1
        first_row = self.categories_row
        for (label, figures), subtotal in zip(table.categories, subtotals, strict=True):
            sheet.write_string(self.categories_row, 0, label)
            for column, key, offset in ((1, "first_category", 2), (2, "highest_category", 3),
                                        (3, "teachers_total", 0)):
                source = xl_rowcol_to_cell(subtotal, FIRST_COUNT + offset)
                sheet.write_formula(self.categories_row, column, f"='{SHEET}'!{source}", None,
                                    getattr(figures, key))
            self._categories_quality(figures, self.share)
        last_row = self.categories_row - 1
        sheet.write_string(self.categories_row, 0, "По муниципалитету", self.bold)
        for column, key in ((1, "first_category"), (2, "highest_category"),
                            (3, "teachers_total")):
            cells = f"{xl_rowcol_to_cell(first_row, column)}:{xl_rowcol_to_cell(last_row, column)}"
            sheet.write_formula(self.categories_row, column, f"=SUM({cells})", self.bold,
                                getattr(table.total, key))
        self._categories_quality(table.total, self.bold_share)
        self.categories_row += 1

    def _categories_quality(self, figures: StaffingFigures, share_format) -> None:
        row = self.categories_row
        first, highest, total = (xl_rowcol_to_cell(row, column) for column in (1, 2, 3))
        self.categories.write_formula(
            row, 4, f'=IF({total}=0,"",ROUND(({first}+{highest})/{total}*100,1))', share_format,
            _number(figures.quality_coefficient))
        self.categories_row += 1


@dataclass(frozen=True)
class StaffingWorkbook:
    filename: str
    tables: list[tuple[datetime.date, StaffingTable]]
    municipality: Municipality

    def content(self) -> bytes:
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True,
                                                "strings_to_formulas": False,
                                                "strings_to_numbers": False})
        writer = _Writer(workbook, self.municipality)
        for as_of, table in self.tables:
            writer.table(table, as_of)
        workbook.close()
        return buffer.getvalue()

    def response(self) -> HttpResponse:
        return xlsx_response(self.content(), filename=self.filename)

    @property
    def rows(self) -> list[Staffing]:
        """The staffing lines in the file (what the export command counts)."""
        return [row.staffing for _, table in self.tables for group in table.groups
                for row in group.rows if row.staffing is not None]


def staffing_workbook(*, municipality: Municipality) -> StaffingWorkbook:
    """Every date's table of the municipality, newest first (two queries)."""
    organizations = list(Organization.objects.filter(municipality=municipality)
                         .order_by("sort_rank", "number", "short_name"))
    by_date: dict[datetime.date, list[Staffing]] = {}
    for line in (Staffing.objects.filter(organization__municipality=municipality)
                 .select_related("organization")
                 .order_by("-as_of", "organization__sort_rank", "organization__number",
                           "organization__short_name")):
        by_date.setdefault(line.as_of, []).append(line)
    return StaffingWorkbook(
        filename="kadrovyj-sostav.xlsx", municipality=municipality,
        tables=[(as_of, group_staffing(lines, organizations))
                for as_of, lines in by_date.items()])
