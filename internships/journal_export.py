"""A platform's journal as an Excel workbook: entries, results, transfers and the team list."""

import datetime
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from config.spreadsheets import text_cell
from internships.models import JournalEntry, Transfer

DATE_FORMAT = "DD.MM.YYYY"


def _cell(sheet, value):
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return text_cell(sheet, value)


def _sheet(workbook, title: str, columns: list[tuple[str, int]], rows) -> None:
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
        sheet.append([_cell(sheet, value) for value in row])


def _names(teams) -> str:
    return ", ".join(team.organization.short_name for team in teams)


def journal_workbook(
    *,
    entries: list[JournalEntry],
    transfers: list[Transfer],
    teams: list[tuple[str, str, list]],
) -> bytes:
    """Entries with prefetched hosts and results (see journal_reads.journal_entries)."""
    workbook = Workbook(write_only=True)
    _sheet(workbook, "Мероприятия", [
        ("Дата", 12), ("Дата окончания", 12), ("Форма работы", 26), ("Тема", 60),
        ("Место проведения", 24), ("Проводящие команды", 30), ("Команд-участниц", 12),
        ("Участвовали", 12), ("Руководителей", 12), ("Педагогов", 12), ("Описание", 60),
    ], (
        (entry.held_on, entry.ends_on, entry.form_name, entry.topic,
         entry.venue.short_name if entry.venue else "", _names(entry.hosts.all()),
         len(entry.results.all()),
         sum(r.attended for r in entry.results.all()),
         sum(r.managers for r in entry.results.all()),
         sum(r.teachers for r in entry.results.all()),
         entry.description)
        for entry in entries
    ))
    _sheet(workbook, "Результаты", [
        ("Дата", 12), ("Тема", 50), ("Команда", 24), ("Участвовала", 12),
        ("Руководителей", 12), ("Педагогов", 12), ("Результат", 20), ("Комментарий", 50),
    ], (
        (entry.held_on, entry.topic, result.team.organization.short_name,
         "да" if result.attended else "нет", result.managers, result.teachers,
         result.get_outcome_display(), result.comment)
        for entry in entries for result in entry.results.all()
    ))
    _sheet(workbook, "Переводы", [
        ("Дата перевода", 14), ("Команда", 24), ("Прежний уровень", 30),
        ("Новый уровень", 30), ("Основание", 60),
    ], (
        (t.transferred_on, t.placement.team.organization.short_name, t.get_from_tier_display(),
         t.get_to_tier_display(), t.reason)
        for t in transfers
    ))
    _sheet(workbook, "Команды", [
        ("Уровень", 30), ("Команда", 24), ("Мероприятий", 14), ("Проводила", 12),
        ("Последнее участие", 18),
    ], (
        (label, placement.team.organization.short_name, placement.entry_count,
         placement.hosted_count, placement.last_participation)
        for _, label, placements in teams for placement in placements
    ))
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
