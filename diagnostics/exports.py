"""Excel exports of the importable tables, and their empty templates.

An export has the columns of its import, in the same order and with the same
headings, so a downloaded file can be corrected and loaded back; derived
columns (staffing shares, КК, critical state) are added and ignored on import.
The staffing export is laid out as the district prints the table
(``diagnostics/staffing_workbook.py``); its import checks the headings and totals.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.http import HttpResponse
from openpyxl import Workbook

from core.sheet_headers import Column
from core.spreadsheets import add_sheet, workbook_bytes, xlsx_response
from diagnostics.imports import diagnoses, indicators, organizations, staffing, teachers
from diagnostics.models import Diagnosis, SchoolIndicator
from diagnostics.monitoring_rules import INDICATOR_COUNTS
from diagnostics.staffing_workbook import StaffingWorkbook, staffing_workbook
from people.access import organizations_with_people_for_user
from people.models import Teacher
from people.teachers import record_export
from teams.models import Municipality, Organization

TABLE_COLUMNS: dict[str, tuple[Column, ...]] = {
    "organizations": organizations.COLUMNS,
    "indicators": indicators.COLUMNS,
    "staffing": staffing.COLUMNS,
    "diagnoses": diagnoses.COLUMNS,
    "teachers": teachers.COLUMNS,
}
SHEET_TITLES = {
    "organizations": "Организации",
    "indicators": "Показатели",
    "staffing": "Кадровый состав",
    "diagnoses": "Диагностика",
    "teachers": "Педагоги",
}
FILE_NAMES = {
    "organizations": "organizacii",
    "indicators": "pokazateli",
    "staffing": "kadrovyj-sostav",
    "diagnoses": "diagnostika",
    "teachers": "pedagogi",
}
# How to fill the table in, on a second sheet (the import reads only the first one).
INSTRUCTIONS = {
    "teachers": teachers.INSTRUCTIONS,
}
INSTRUCTIONS_TITLE = "Как заполнить"


@dataclass(frozen=True)
class Sheet:
    filename: str
    title: str
    headers: list[str]
    rows: list[tuple]
    widths: list[int]
    instructions: tuple[str, ...] = ()

    def response(self) -> HttpResponse:
        return xlsx_response(self.content(), filename=self.filename)

    def content(self) -> bytes:
        workbook = Workbook(write_only=True)
        add_sheet(workbook, title=self.title,
                  columns=list(zip(self.headers, self.widths, strict=True)), rows=self.rows)
        if self.instructions:
            add_sheet(workbook, title=INSTRUCTIONS_TITLE, columns=[(INSTRUCTIONS_TITLE, 100)],
                      rows=[(line,) for line in self.instructions])
        return workbook_bytes(workbook)


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("да" if value else "нет")


def _sheet(table: str, rows: Iterable[tuple], *, template: bool = False) -> Sheet:
    columns = [c for c in TABLE_COLUMNS[table] if not (template and c.derived)]
    return Sheet(
        filename=f"{FILE_NAMES[table]}{'-shablon' if template else ''}.xlsx",
        title=SHEET_TITLES[table],
        headers=[column.title for column in columns],
        rows=list(rows),
        widths=[min(max(len(column.title), 12), 60) for column in columns],
        instructions=INSTRUCTIONS.get(table, ()),
    )


def template_sheet(table: str) -> Sheet:
    """The empty table with its Russian headings, ready to be filled in."""
    return _sheet(table, [], template=True)


def organizations_sheet(*, municipality: Municipality) -> Sheet:
    rows = (
        (o.name, o.short_name, o.get_kind_display(), o.get_level_display(), o.number,
         o.get_locality_display(), o.parent.short_name if o.parent else "")
        for o in Organization.objects.filter(municipality=municipality).select_related("parent")
    )
    return _sheet("organizations", rows)


def indicators_sheet(*, municipality: Municipality) -> Sheet:
    lines = SchoolIndicator.objects.filter(organization__municipality=municipality) \
        .select_related("organization", "period") \
        .order_by("-period__starts_on", "organization__sort_rank", "organization__number",
                  "organization__short_name")
    rows = (
        (line.organization.short_name, line.period.title, _yes_no(line.low_results),
         _yes_no(line.non_objective), *(getattr(line, key) for key in INDICATOR_COUNTS))
        for line in lines
    )
    return _sheet("indicators", rows)


def diagnoses_sheet(*, municipality: Municipality) -> Sheet:
    lines = Diagnosis.objects.filter(round__programme__municipality=municipality) \
        .select_related("team__organization", "round", "direction") \
        .prefetch_related("deficits") \
        .order_by("round__starts_on", "direction__number", "team__organization__sort_rank",
                  "team__organization__number", "team__organization__short_name", "source")
    rows = (
        (d.team.organization.short_name, d.round.title, d.direction.number,
         d.get_source_display(), d.score,
         "; ".join(sorted(deficit.code for deficit in d.deficits.all())), d.comment)
        for d in lines
    )
    return _sheet("diagnoses", rows)


def teachers_sheet(*, municipality: Municipality, viewer: User | None) -> Sheet:
    """The municipality's people whom ``viewer`` may see by name (None: the command line,
    every one of them). Taking names out in a file is audited like opening each record."""
    organizations = Organization.objects.filter(municipality=municipality)
    if viewer is not None:
        organizations = organizations.filter(
            pk__in=organizations_with_people_for_user(viewer).values("pk"))
    people = list(
        Teacher.objects.filter(organization__in=organizations).select_related("organization")
        .order_by("organization__sort_rank", "organization__number",
                  "organization__short_name", "full_name", "pk"))
    record_export(teachers=people, viewer=viewer)
    rows = (
        (t.organization.short_name, t.full_name, t.position, t.subjects,
         t.get_worker_category_display(), t.teaching_since, t.get_qualification_display(),
         t.qualified_on)
        for t in people
    )
    return _sheet("teachers", rows)


EXPORTS = {
    "organizations": organizations_sheet,
    "indicators": indicators_sheet,
    "staffing": staffing_workbook,
    "diagnoses": diagnoses_sheet,
}


def export_sheet(table: str, *, municipality: Municipality, viewer: User | None = None
                 ) -> Sheet | StaffingWorkbook:
    """The table as a file; ``viewer`` is who downloads it (None: the command line)."""
    if table == "teachers":
        return teachers_sheet(municipality=municipality, viewer=viewer)
    return EXPORTS[table](municipality=municipality)
