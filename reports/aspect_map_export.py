"""The map of problems and effective solutions as Excel and as a one-page PDF, built in the
background (``reports.jobs``) from ``aspects.map_reads``, the read the map page shows.

The workbook's counts, participants, shares and average ranks are live formulas over its
sheets «Организации по аспектам» and «Участники», each with the result the portal computed.
"""

from collections.abc import Callable
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from aspects.map_reads import AspectMap, build_aspect_map
from aspects.models import Aspect, Statement
from core.workbook_writer import Book, Formula, Number
from diagnostics.models import NeedsOffer
from internships.models import Period
from reports.errors import ReportError
from reports.pdf.render import render_pdf
from teams.models import Municipality

TEMPLATE = "reports/pdf/aspect_map.html"
NO_YEAR = "Укажите учебный год карты."
# Rows tried for the one-page PDF, longest first; the rest is in the Excel export.
PDF_ROW_LIMITS = (None, 40, 30, 22, 16, 10, 6)


def _map_of(municipality: Municipality, parameters: dict) -> AspectMap:
    year = parameters.get("year")
    if not isinstance(year, int):
        raise ReportError(NO_YEAR)
    return build_aspect_map(municipality=municipality, statements=Statement.objects.all(),
                            needs_offers=NeedsOffer.objects.all(),
                            aspects=Aspect.objects.all(), school_year=year)


def _filename(the_map: AspectMap, extension: str) -> str:
    return f"Карта проблем и решений {the_map.school_year}-{the_map.school_year + 1}.{extension}"


def build_aspect_map_workbook(*, municipality: Municipality, period: Period | None,
                              parameters: dict, output: Path,
                              progress: Callable[[int, str], None]) -> str:
    the_map = _map_of(municipality, parameters)
    progress(20, "Чтение карты")
    rows = the_map.rows
    members = [(index, organization, best)
               for index, row in enumerate(rows, start=1)
               for organization, best in _best_ranks(row)]
    organizations = sorted({line.organization.short_name for row in rows for line in row.lines})
    last_member = len(members) + 1
    participants_cell = "'Участники'!$B$2"
    book = Book(output)
    sheet = book.sheet("Карта", [("№", 5), ("Аспект", 50), ("Процесс", 22), ("Сторона", 26),
                                 ("Направление", 16), ("Количество", 11), ("Доля", 9),
                                 ("Средний ранг", 10)])
    for index, row in enumerate(rows, start=1):
        line = index + 1
        where = f"'Организации по аспектам'!$A$2:$A${last_member}"
        ranks = f"'Организации по аспектам'!$D$2:$D${last_member}"
        average = row.average_rank
        sheet.append([
            index, row.label, row.process_label, row.side_label,
            row.direction.label if row.direction else "",
            Formula(f"=COUNTIF({where},A{line})", row.count, "0"),
            Formula(f"=IF({participants_cell}>0,F{line}/{participants_cell},0)", row.share,
                    "0.0%"),
            Formula(f'=IFERROR(AVERAGEIF({where},A{line},{ranks}),"—")',
                    average if average is not None else "—", "0.0"),
        ])
    sheet.skip()
    sheet.note(the_map.formula)
    sheet.finish(filtered_rows=len(rows) + 1)
    progress(60, "Организации по аспектам")
    detail = book.sheet("Организации по аспектам", [("№ строки карты", 8), ("Аспект", 50),
                                                     ("Организация", 40),
                                                     ("Лучшее место", 10)])
    for index, organization, best in members:
        detail.append([index, rows[index - 1].label, organization.short_name,
                       Number(best, "0") if best is not None else None])
    detail.finish()
    listed = book.sheet("Участники", [("Организация-участник", 50), ("Всего участников", 12)])
    listed.append([organizations[0] if organizations else "",
                   Formula(f"=COUNTA(A2:A{max(len(organizations), 1) + 1})",
                           the_map.participants, "0")])
    for name in organizations[1:]:
        listed.append([name])
    listed.finish()
    book.close()
    return _filename(the_map, "xlsx")


def _best_ranks(row):
    best: dict[int, tuple] = {}
    for line in row.lines:
        known = best.get(line.organization.pk)
        rank = line.rank
        if known is None or (rank is not None and (known[1] is None or rank < known[1])):
            best[line.organization.pk] = (line.organization, rank)
    return sorted(best.values(), key=lambda pair: pair[0].short_name)


def build_aspect_map_pdf(*, municipality: Municipality, period: Period | None,
                         parameters: dict, output: Path,
                         progress: Callable[[int, str], None]) -> str:
    """One A4 landscape page: the longest part of the map that fits, the rest counted."""
    the_map = _map_of(municipality, parameters)
    progress(10, "Чтение карты")
    for step, limit in enumerate(PDF_ROW_LIMITS):
        shown = the_map.rows if limit is None else the_map.rows[:limit]
        html = render_to_string(TEMPLATE, {
            "municipality": municipality, "map": the_map, "rows": shown,
            "left_out": len(the_map.rows) - len(shown), "generated_on": timezone.localdate(),
            "document_title": "Карта проблем и эффективных решений",
        })
        progress(20 + 10 * step, "Вёрстка PDF на одну страницу")
        if render_pdf(html=html, output=output) == 1:
            return _filename(the_map, "pdf")
    raise ReportError("Карта не уместилась на одну страницу.")
