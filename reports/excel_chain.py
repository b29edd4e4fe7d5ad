"""The workbook's sheet «Дефициты и мероприятия»: for each deficit of the last two rounds, the
two groups' counts as numbers and every share and difference as a formula over them, so a
corrected count recalculates; each direction's totals add up its deficits' rows by formula."""

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from core.spreadsheets import number_cell, text_cell
from outcomes.change import FORMULA
from outcomes.period_figures import ChainFigures

INTEGER = "0"
SHARE = "0.0%"
POINTS = '+0.0" п. п.";-0.0" п. п.";0.0" п. п."'
P_VALUE = "0.000"
COLUMNS = [("Направление", 14), ("Код", 8), ("Дефицит", 50),
           ("Посещали: пар «команда — дефицит»", 14), ("из них дефицит ушёл", 12),
           ("Не посещали: пар", 12), ("из них дефицит ушёл", 12),
           ("Доля ушедших у посещавших", 13), ("Доля ушедших у не посещавших", 13),
           ("Разница", 13), ("p (точный критерий Фишера)", 12), ("Оговорка", 60)]
FIRST_DATA_ROW = 2


def _formula(sheet, text: str, number_format: str):
    cell = WriteOnlyCell(sheet, value=text)
    cell.number_format = number_format
    return cell


def _derived(sheet, row: int) -> list:
    """The shares and the difference of row ``row`` from its four counts (D–G)."""
    return [
        _formula(sheet, f'=IF(D{row}>0,E{row}/D{row},"")', SHARE),
        _formula(sheet, f'=IF(F{row}>0,G{row}/F{row},"")', SHARE),
        _formula(sheet, f'=IF(AND(D{row}>0,F{row}>0),(H{row}-I{row})*100,"")', POINTS),
    ]


def _bold(sheet, value):
    cell = text_cell(sheet, value)
    cell.font = Font(bold=True)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def chain_sheet(workbook, *, figures: ChainFigures) -> None:
    sheet = workbook.create_sheet(title="Дефициты и мероприятия")
    sheet.freeze_panes = "A2"
    for index, (_, width) in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.append([_bold(sheet, name) for name, _ in COLUMNS])
    if not figures.ready:
        sheet.append([text_cell(sheet, "Для сравнения нужны две диагностики с экспертными "
                                       "результатами до конца учебного года.")])
        return
    row = FIRST_DATA_ROW
    changes = dict(figures.by_direction)
    for direction, _change in figures.by_direction:
        first = row
        for deficit, change in figures.by_deficit:
            if deficit.direction_id != direction.pk:
                continue
            sheet.append([
                text_cell(sheet, direction.label), text_cell(sheet, deficit.code),
                text_cell(sheet, deficit.wording),
                number_cell(sheet, change.attended.size, INTEGER),
                number_cell(sheet, change.attended.lost, INTEGER),
                number_cell(sheet, change.not_attended.size, INTEGER),
                number_cell(sheet, change.not_attended.lost, INTEGER),
                *_derived(sheet, row),
                None if change.p_value is None else number_cell(sheet, change.p_value, P_VALUE),
                text_cell(sheet, change.caution),
            ])
            row += 1
        total = changes[direction]
        sheet.append([
            _bold(sheet, direction.label), None, _bold(sheet, f"Итого: {direction.title}"),
            *[_formula(sheet, f"=SUM({column}{first}:{column}{row - 1})", INTEGER)
              for column in "DEFG"],
            *_derived(sheet, row),
            None if total.p_value is None else number_cell(sheet, total.p_value, P_VALUE),
            text_cell(sheet, total.caution),
        ])
        row += 1
    sheet.append([])
    sheet.append([text_cell(sheet, f"Сравниваются «{figures.first.title}» и "
                                   f"«{figures.second.title}». {FORMULA} Сравнение не "
                                   "доказывает, что причиной стали мероприятия.")])
