"""Expansion of plan items into due occurrences, and the status of each: pure functions.

The rule, per term of an item:

- a date — one occurrence due on that date;
- a range (с — по, «Октябрь – декабрь 2020», «в течение года») — one occurrence due on the
  last day of the range;
- a periodicity over the item's range — the year is cut into equal periods counted from its
  first month (January, or September when the plan's years are school years); every period
  that overlaps the item's range gives one occurrence, due on the period's last day, or on
  the range's last day when the range ends inside the period:

  - «ежегодно» — periods of 12 months: a calendar year, or 1 September – 31 August;
  - «1 раз в полугодие» — 6 months: January–June and July–December, or September–February
    and March–August;
  - «1 раз в квартал» — 3 months: January–March, April–June, July–September,
    October–December, or September–November, December–February, March–May, June–August;
  - «3 раза в год» — 4 months: January–April, May–August, September–December (the same
    months in a school year, which starts with September–December);
  - «ежемесячно» — every calendar month;
  - «по мере запроса» — no due occurrences; occurrences are recorded as they are held;
- no term — no due occurrences.

The status of an occurrence on a given day: «проведено» when something is recorded for it,
else «предстоит» until its due date (inclusive), «просрочено» after it.
"""

import calendar
import datetime
from dataclasses import dataclass

MONTHS_IN_PERIOD = {"annual": 12, "semiannual": 6, "quarterly": 3, "thrice": 4, "monthly": 1}
SCHOOL_YEAR_FIRST_MONTH = 9

MONTH_NAMES = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
               "сентябрь", "октябрь", "ноябрь", "декабрь"]

DONE, DUE, OVERDUE = "done", "due", "overdue"
STATUS_LABELS = {DONE: "проведено", DUE: "предстоит", OVERDUE: "просрочено"}


@dataclass(frozen=True)
class Term:
    kind: str  # "date", "range", "periodic" or "none" (plans.models.TermKind)
    due_on: datetime.date | None = None
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    periodicity: str = ""


@dataclass(frozen=True)
class DueOccurrence:
    starts_on: datetime.date
    due_on: datetime.date
    label: str


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _last_day(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _period_label(start: datetime.date, months: int, school_years: bool) -> str:
    end = _add_months(start, months) - datetime.timedelta(days=1)
    if months == 1:
        return f"{MONTH_NAMES[start.month - 1]} {start.year}"
    if months == 12:
        return (f"{start.year}/{str(end.year)[-2:]} учебный год" if school_years
                else f"{start.year} год")
    first, last = MONTH_NAMES[start.month - 1], MONTH_NAMES[end.month - 1]
    years = str(start.year) if start.year == end.year else f"{start.year}/{str(end.year)[-2:]}"
    return f"{first} – {last} {years}"


def periods(*, months: int, starts_on: datetime.date, ends_on: datetime.date,
            school_years: bool) -> list[DueOccurrence]:
    """Periods of ``months`` months, counted from the year's first month, that overlap
    [starts_on, ends_on]; each due on its last day, or on ``ends_on`` if that comes first."""
    first_month = SCHOOL_YEAR_FIRST_MONTH if school_years else 1
    offset = (starts_on.month - first_month) % months
    start = _add_months(starts_on.replace(day=1), -offset)
    result = []
    while start <= ends_on:
        following = _add_months(start, months)
        last = following - datetime.timedelta(days=1)
        result.append(DueOccurrence(starts_on=start, due_on=min(last, ends_on),
                                    label=_period_label(start, months, school_years)))
        start = following
    return result


def expand(term: Term, *, school_years: bool = False) -> list[DueOccurrence]:
    """The due occurrences of one item's term (see the module's rule)."""
    if term.kind == "date" and term.due_on:
        return [DueOccurrence(starts_on=term.due_on, due_on=term.due_on,
                              label=term.due_on.strftime("%d.%m.%Y"))]
    if term.kind == "range" and term.starts_on and term.ends_on:
        label = f"{term.starts_on:%d.%m.%Y} – {term.ends_on:%d.%m.%Y}"
        return [DueOccurrence(starts_on=term.starts_on, due_on=term.ends_on, label=label)]
    months = MONTHS_IN_PERIOD.get(term.periodicity)
    if term.kind == "periodic" and months and term.starts_on and term.ends_on:
        return periods(months=months, starts_on=term.starts_on, ends_on=term.ends_on,
                       school_years=school_years)
    return []


def status(*, due_on: datetime.date, recorded: bool, today: datetime.date) -> str:
    if recorded:
        return DONE
    return DUE if due_on >= today else OVERDUE


def month_end(year: int, month: int) -> datetime.date:
    return _last_day(year, month)
