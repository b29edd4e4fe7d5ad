"""The workbook's sheet «Дефициты и мероприятия»: for each deficit of the last two rounds, the
two groups' counts as numbers and every share and difference as a formula over them, so a
corrected count recalculates; each direction's totals add up its deficits' rows by formula.
Every formula carries the result the portal computed for it."""

from core.workbook_writer import Book, Formula, Label, Number
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


def _derived(row: int, counts: list[int]) -> list[Formula]:
    """The shares and the difference of row ``row`` from its four counts (D–G)."""
    attended, attended_lost, other, other_lost = counts
    first = attended_lost / attended if attended > 0 else ""
    second = other_lost / other if other > 0 else ""
    difference = (first - second) * 100 if attended > 0 and other > 0 else ""
    return [
        Formula(f'=IF(D{row}>0,E{row}/D{row},"")', first, SHARE),
        Formula(f'=IF(F{row}>0,G{row}/F{row},"")', second, SHARE),
        Formula(f'=IF(AND(D{row}>0,F{row}>0),(H{row}-I{row})*100,"")', difference, POINTS),
    ]


def _p_value(change):
    return None if change.p_value is None else Number(change.p_value, P_VALUE)


def chain_sheet(book: Book, *, figures: ChainFigures) -> None:
    sheet = book.sheet("Дефициты и мероприятия", COLUMNS)
    if not figures.ready:
        sheet.note("Для сравнения нужны две диагностики с экспертными результатами до "
                   "конца учебного года.")
        sheet.finish()
        return
    changes = dict(figures.by_direction)
    for direction, _change in figures.by_direction:
        first = sheet.row + 1
        sums = [0, 0, 0, 0]
        for deficit, change in figures.by_deficit:
            if deficit.direction_id != direction.pk:
                continue
            counts = [change.attended.size, change.attended.lost,
                      change.not_attended.size, change.not_attended.lost]
            sums = [total + count for total, count in zip(sums, counts, strict=True)]
            row = sheet.row + 1
            sheet.append([
                direction.label, deficit.code, deficit.wording,
                *[Number(count, INTEGER) for count in counts],
                *_derived(row, counts), _p_value(change), change.caution,
            ])
        row = sheet.row + 1
        total = changes[direction]
        sheet.append([
            Label(direction.label), None, Label(f"Итого: {direction.title}"),
            *[Formula(f"=SUM({column}{first}:{column}{row - 1})", number, INTEGER)
              for column, number in zip("DEFG", sums, strict=True)],
            *_derived(row, sums), _p_value(total), total.caution,
        ])
    rows = sheet.row - 1
    sheet.skip()
    sheet.note(f"Сравниваются «{figures.first.title}» и «{figures.second.title}». "
               f"{FORMULA} Сравнение не доказывает, что причиной стали мероприятия.")
    sheet.finish(filtered_rows=rows)
