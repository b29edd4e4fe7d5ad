"""The school year: it starts on 1 September and is named by the year it starts."""

import datetime


def school_year_of(day: datetime.date) -> int:
    """The school year ``day`` falls in, by the year it starts: 31.08.2021 → 2020,
    01.09.2021 → 2021."""
    return day.year if day.month >= 9 else day.year - 1
