"""A platform's journal as an Excel workbook: entries, results, transfers and the team list."""

from openpyxl import Workbook
from openpyxl.styles import Font

from core.spreadsheets import add_sheet, value_cell, workbook_bytes
from internships.journal_reads import entry_summary
from internships.models import JournalEntry, Transfer


def _names(teams) -> str:
    return ", ".join(team.organization.short_name for team in teams)


def _append_totals(sheet, values: list) -> None:
    """A bold last row of sums; its cells as safe as the rows above it."""
    cells = [value_cell(sheet, value) for value in values]
    for cell in cells:
        cell.font = Font(bold=True)
    sheet.append(cells)


def journal_workbook(
    *,
    entries: list[JournalEntry],
    transfers: list[Transfer],
    teams: list[tuple[str, str, list]],
) -> bytes:
    """Entries with prefetched hosts and results (see journal_reads.journal_entries)."""
    workbook = Workbook(write_only=True)
    summaries = [entry_summary(entry) for entry in entries]
    add_sheet(workbook, title="Мероприятия", columns=[
        ("Дата", 12), ("Дата окончания", 12), ("Форма работы", 26), ("Тема", 60),
        ("Место проведения", 24), ("Проводящие команды", 30), ("Команд-участниц", 12),
        ("Участвовали", 12), ("Руководителей", 12), ("Педагогов", 12), ("Описание", 60),
    ], rows=(
        (entry.held_on, entry.ends_on, entry.form_name, entry.topic,
         entry.venue.short_name if entry.venue else "", _names(entry.hosts.all()),
         summary["teams"], summary["attended"], summary["managers"], summary["teachers"],
         entry.description)
        for entry, summary in zip(entries, summaries, strict=True)
    ))
    _append_totals(workbook["Мероприятия"], [
        "Итого", None, None, None, None, None,
        *(sum(summary[key] for summary in summaries)
          for key in ("teams", "attended", "managers", "teachers")),
        None,
    ])
    add_sheet(workbook, title="Результаты", columns=[
        ("Дата", 12), ("Тема", 50), ("Команда", 24), ("Участвовала", 12),
        ("Руководителей", 12), ("Педагогов", 12), ("Результат", 20), ("Комментарий", 50),
    ], rows=(
        (entry.held_on, entry.topic, result.team.organization.short_name,
         "да" if result.attended else "нет", result.managers, result.teachers,
         result.get_outcome_display(), result.comment)
        for entry in entries for result in entry.results.all()
    ))
    add_sheet(workbook, title="Переводы", columns=[
        ("Дата перевода", 14), ("Команда", 24), ("Прежний уровень", 30),
        ("Новый уровень", 30), ("Основание", 60),
    ], rows=(
        (t.transferred_on, t.placement.team.organization.short_name, t.get_from_tier_display(),
         t.get_to_tier_display(), t.reason)
        for t in transfers
    ))
    add_sheet(workbook, title="Команды", columns=[
        ("Уровень", 30), ("Команда", 24), ("Мероприятий", 14), ("Проводила", 12),
        ("Последнее участие", 18),
    ], rows=(
        (label, placement.team.organization.short_name, placement.entry_count,
         placement.hosted_count, placement.last_participation)
        for _, label, placements in teams for placement in placements
    ))
    return workbook_bytes(workbook)
