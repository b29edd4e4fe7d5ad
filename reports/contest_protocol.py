"""The results protocol of a contest, as PDF and as Excel, with every expert's scores.

Both are built in the background (``reports.jobs``) from ``contests.result_reads``, the same
read the results page shows, and both print the rule of the ranking (``contests.ranking``).
"""

from collections.abc import Callable
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from contests.models import CategoryMethod, Contest
from contests.ranking import TIE_RULE
from contests.result_reads import ContestResults, applicant_label, contest_results
from core.spreadsheets import add_sheet, number_cell, text_cell, workbook_bytes
from internships.models import Period
from reports.errors import ReportError
from reports.pdf.render import render_pdf
from teams.models import Municipality

TEMPLATE = "reports/pdf/contest_protocol.html"
NOT_FOUND = "Мероприятие не найдено в этом муниципальном образовании."


def protocol_contest(*, municipality: Municipality, parameters: dict) -> Contest:
    contest_id = parameters.get("contest")
    contest = Contest.objects.filter(pk=contest_id if isinstance(contest_id, int) else None,
                                     programme__municipality=municipality).select_related(
        "programme", "results_approved_by").first()
    if contest is None:
        raise ReportError(NOT_FOUND)
    return contest


def categories_text(contest: Contest) -> str:
    if contest.category_method == CategoryMethod.THRESHOLDS:
        return (f"Категории — по порогам среднего балла: победитель от {contest.winner_min}, "
                f"призёр от {contest.prize_min}, лауреат от {contest.laureate_min}; "
                f"ниже — участник.")
    return (f"Категории — по местам в номинации: победитель — {contest.winner_places}, "
            f"призёры — следующие {contest.prize_places}, лауреаты — следующие "
            f"{contest.laureate_places}, остальные — участники.")


def _labelled(results: ContestResults) -> ContestResults:
    """The protocol is the department's document: it names every applicant."""
    for group in results.nominations:
        for row in group.rows:
            row.label = applicant_label(row.application, with_names=True)
            row.totals = [row.expert_totals.get(e.pk) for e in group.experts]
            row.by_expert = [
                (expert, [results.score(row.application.pk, expert.pk, c.pk)
                          for c in results.criteria], row.expert_totals.get(expert.pk))
                for expert in group.experts]
    return results


def protocol_filename(contest: Contest, extension: str) -> str:
    return f"Протокол итогов — {contest.title}.{extension}"


def build_protocol_pdf(*, municipality: Municipality, period: Period | None, parameters: dict,
                       output: Path, progress: Callable[[int, str], None]) -> str:
    contest = protocol_contest(municipality=municipality, parameters=parameters)
    progress(10, "Сбор оценок экспертов")
    results = _labelled(contest_results(contest))
    html = render_to_string(TEMPLATE, {
        "municipality": municipality, "contest": contest, "results": results,
        "tie_rule": TIE_RULE, "categories": categories_text(contest),
        "generated_on": timezone.localdate(), "document_title": f"Протокол: {contest.title}",
        "running_title": f"Протокол итогов: {contest.title}",
    })
    progress(50, "Вёрстка PDF")
    render_pdf(html=html, output=output)
    progress(95, "PDF готов")
    return protocol_filename(contest, "pdf")


def _header(sheet, names: list[str]) -> list:
    cells = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cells.append(cell)
    return cells


def _nomination_sheet(workbook: Workbook, group, results: ContestResults, index: int) -> None:
    """One sheet per nomination: a row per application and expert with the criterion scores
    as numbers and the expert's total as a formula; then a row per application whose average
    is a formula over its experts' totals."""
    criteria = results.criteria
    sheet = workbook.create_sheet(title=f"Номинация {index}")
    widths = [40, 30, 24] + [12] * len(criteria) + [12]
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.append([text_cell(sheet, group.nomination.title)])
    sheet.append(_header(sheet, ["Заявитель", "Тема", "Эксперт",
                                 *[f"{c.number}. {c.title} (0–{c.maximum})" for c in criteria],
                                 "Итог эксперта"]))
    first_score = get_column_letter(4)
    last_score = get_column_letter(3 + len(criteria))
    total_column = get_column_letter(4 + len(criteria))
    row_number = 2
    summary = []
    for row in group.rows:
        rows_of_application = []
        for expert, values, total in row.by_expert:
            if total is None:
                continue
            row_number += 1
            rows_of_application.append(row_number)
            sheet.append([text_cell(sheet, row.label), text_cell(sheet, row.application.title),
                          text_cell(sheet, str(expert)),
                          *[number_cell(sheet, v, "0") for v in values],
                          number_cell(sheet, f"=SUM({first_score}{row_number}:"
                                             f"{last_score}{row_number})", "0")])
        summary.append((row, rows_of_application))
    sheet.append([])
    sheet.append(_header(sheet, ["Заявитель", "Тема", "Место", "Средний балл", "Категория"]))
    for row, rows_of_application in summary:
        cells = ",".join(f"{total_column}{n}" for n in rows_of_application)
        average = number_cell(sheet, f"=AVERAGE({cells})", "0.00") if cells else text_cell(
            sheet, "—")
        category = ("отозвана" if row.application.is_withdrawn
                    else row.ranked.category_label or "не оценена")
        sheet.append([text_cell(sheet, row.label), text_cell(sheet, row.application.title),
                      row.ranked.place, average, text_cell(sheet, category)])


def build_protocol_workbook(*, municipality: Municipality, period: Period | None,
                            parameters: dict, output: Path,
                            progress: Callable[[int, str], None]) -> str:
    contest = protocol_contest(municipality=municipality, parameters=parameters)
    progress(10, "Сбор оценок экспертов")
    results = _labelled(contest_results(contest))
    workbook = Workbook(write_only=True)
    approved = (f"утверждены {timezone.localtime(contest.results_approved_at):%d.%m.%Y}"
                if contest.results_approved else "не утверждены")
    add_sheet(workbook, title="Мероприятие", columns=[("Сведение", 30), ("Значение", 90)], rows=[
        ("Мероприятие", contest.title), ("Год", str(contest.year)),
        ("Положение", f"приказ № {contest.regulation_number} от "
                      f"{contest.regulation_date:%d.%m.%Y}" if contest.regulation_date else "—"),
        ("Итоги", approved), ("Правило подсчёта", TIE_RULE),
        ("Категории", categories_text(contest)),
        ("Примечание", "Номинации и критерии иллюстративные." if contest.illustrative else ""),
        *[(f"Критерий {c.number}", f"{c.title} (0–{c.maximum})") for c in results.criteria],
    ])
    for index, group in enumerate(results.nominations, start=1):
        _nomination_sheet(workbook, group, results, index)
        progress(10 + 80 * index // max(len(results.nominations), 1), "Листы номинаций")
    output.write_bytes(workbook_bytes(workbook))
    return protocol_filename(contest, "xlsx")
