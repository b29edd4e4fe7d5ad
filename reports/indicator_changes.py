"""How an indicator moved since the previous academic year: «↑ 3», «↓ 2,5 п. п.», and
the indicator table's rows by group."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from core.formatting import ru_number
from reports.indicator_catalogue import Group, Indicator, IndicatorValue


def comparable_cutoff(*, starts_on: datetime.date, ends_on: datetime.date,
                      as_of: datetime.date | None, earlier_starts_on: datetime.date,
                      earlier_ends_on: datetime.date) -> datetime.date | None:
    """The day an earlier academic year is counted to, so that it compares like with like
    with a year counted to ``as_of``.

    A whole year (no ``as_of``, or ``as_of`` on or after the year's end) compares with the
    whole earlier year (None). A part of a year — a control point in December is the first
    half-year — compares with the same part of the earlier year: as many days from its start,
    never past its end.
    """
    if as_of is None or as_of >= ends_on:
        return None
    elapsed = max(as_of - starts_on, datetime.timedelta(0))
    return min(earlier_starts_on + elapsed, earlier_ends_on)


@dataclass(frozen=True)
class IndicatorChange:
    """The change of a figure from the previous period."""

    delta: Decimal | int
    text: str
    # True when the change is for the better, None when nothing changed.
    improved: bool | None


def indicator_change(*, current: IndicatorValue,
                     previous: IndicatorValue | None) -> IndicatorChange | None:
    """«↑ 3», «↓ 2,5 п. п.», «без изменений»; None when either period has no figure."""
    if (previous is None or current.value is None or previous.value is None
            or isinstance(current.value, bool)):
        return None
    if current.indicator.is_share:
        delta = Decimal(current.value) - Decimal(previous.value)
        points = (delta * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
        shown = f"{ru_number(abs(points))} п. п."
        sign = points
    elif current.indicator.is_rate:
        delta = Decimal(current.value) - Decimal(previous.value)
        sign = delta.quantize(Decimal("0.01"), ROUND_HALF_UP)
        shown = ru_number(abs(sign), 2)
    else:
        delta = current.value - previous.value
        shown, sign = str(abs(delta)), delta
    if not sign:
        return IndicatorChange(delta=delta, text="без изменений", improved=None)
    rose = sign > 0
    return IndicatorChange(delta=delta, text=f"{'↑' if rose else '↓'} {shown}",
                           improved=rose != current.indicator.lower_is_better)


@dataclass(frozen=True)
class IndicatorRow:
    """A line of the indicator table: this period's figure beside the previous one."""

    current: IndicatorValue
    previous: IndicatorValue | None
    change: IndicatorChange | None

    @property
    def indicator(self) -> Indicator:
        return self.current.indicator


def grouped_rows(*, current: list[IndicatorValue],
                 previous: list[IndicatorValue] | None) -> list[tuple[Group, list[IndicatorRow]]]:
    """The period's figures by group (in Group order), each with its change."""
    before = {item.indicator.code: item for item in previous or []}
    groups: dict[Group, list[IndicatorRow]] = {group: [] for group in Group}
    for value in current:
        earlier = before.get(value.indicator.code)
        groups[value.indicator.group].append(IndicatorRow(
            current=value, previous=earlier,
            change=indicator_change(current=value, previous=earlier)))
    return [(group, rows) for group, rows in groups.items() if rows]
