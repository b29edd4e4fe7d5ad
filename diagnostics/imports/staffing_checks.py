"""What a staffing table prints besides its rows — group subtotals, the district total, the
shares and КК of each line — checked against what the portal computes from the rows.

A district's own table prints those figures by hand, and they are sometimes wrong (seed 004
prints КК 35 % for 8 of 32 teachers). The rows are what the import keeps; a printed figure
that disagrees becomes a warning naming the row or group and both values, never a refusal.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from core.sheet_headers import normalise
from core.xlsx_safety import UNCOMPUTED_FORMULA
from diagnostics.imports.base import Row, as_integer
from diagnostics.monitoring_rules import STAFFING_FIELDS
from diagnostics.staffing import STAFFING_GROUPS, StaffingFigures, percent_text, sum_figures

COUNT_WORDS = {
    "teachers_total": "всего педагогов",
    "without_category": "без категории",
    "first_category": "с первой категорией",
    "highest_category": "с высшей категорией",
    "attested_for_position": "аттестованных на соответствие должности",
    "not_subject_to_attestation": "не проходящих аттестацию (п. 18)",
}
GROUP_LABELS = {normalise(label): (kind, label) for kind, label in STAFFING_GROUPS}
_DISTRICT_TOTAL = re.compile(r"(район|муниципал|округ|^всего)")
_PERCENT = re.compile(r"^(\d+)(?:[.,](\d+))?%?$")


@dataclass(frozen=True)
class Printed:
    """A percentage as the file prints it, with how many decimals it is rounded to."""

    value: Decimal
    places: int

    def agrees(self, *, part: int, whole: int) -> bool:
        """True when the exact share is less than one unit of the printed share's last
        decimal away from it: a table rounds up, down or to the nearest, so «24 %» and «23 %»
        for 14 of 59 (23,73 %) agree, «35 %» for 8 of 32 (25 %) does not."""
        exact = Decimal(100 * part) / Decimal(whole)
        return abs(exact - self.value) < Decimal(1) / Decimal(10) ** self.places

    @property
    def text(self) -> str:
        return f"{self.value:.{self.places}f}".replace(".", ",") + " %"


def printed_percent(value) -> Printed | None:
    """«39,30%», «24 %», 60.7 (a number in per cent, as the portal's export writes it) →
    the printed share; anything else (blank, «да», a formula without a value) → None."""
    if value is None or value is UNCOMPUTED_FORMULA or isinstance(value, bool):
        return None
    text = re.sub(r"\s+", "", str(value))
    match = _PERCENT.match(text)
    if not match:
        return None
    decimals = (match.group(2) or "").rstrip("0")
    return Printed(Decimal(f"{match.group(1)}.{decimals or '0'}"), len(decimals))


def printed_counts(row: Row) -> dict[str, int]:
    """The counts a subtotal row prints, read without complaint (a subtotal is never
    refused: what cannot be read as a whole number is not compared)."""
    counts = {}
    for key in STAFFING_FIELDS:
        value = row.raw(key) if row.has(key) else None
        number = as_integer(value) if value is not UNCOMPUTED_FORMULA else None
        if number is not None:
            counts[key] = number
    return counts


def percent_warnings(row: Row, figures: StaffingFigures, *, subject: str) -> list[str]:
    """A clause for each printed share, КК or critical mark of ``row`` that disagrees with
    ``figures``."""
    if not figures.teachers_total:
        return []
    shares = []
    share = printed_percent(row.raw("share")) if row.has("share") else None
    critical_cell = row.raw("critical") if row.has("critical") else None
    if share is None:
        # The district's table prints the share without a category in the column headed
        # «Критическое состояние (более 50%)».
        share = printed_percent(critical_cell)
    if share is not None:
        shares.append(("доля без категории", share, figures.without_category,
                       figures.without_category_share_text))
    quality = printed_percent(row.raw("quality")) if row.has("quality") else None
    if quality is not None:
        shares.append(("КК", quality, figures.first_category + figures.highest_category,
                       figures.quality_coefficient_text))
    warnings = [
        f"{subject}: {what} напечатана {printed.text}, по числам — {computed}"
        if what != "КК" else f"{subject}: КК напечатан {printed.text}, по числам — {computed}"
        for what, printed, part, computed in shares
        if not printed.agrees(part=part, whole=figures.teachers_total)
    ]
    mark = normalise(str(critical_cell)) if isinstance(critical_cell, str) else ""
    if mark in ("да", "нет") and (mark == "да") != figures.critical:
        computed = "да" if figures.critical else "нет"
        share = percent_text(figures.without_category_share)
        warnings.append(f"{subject}: критическое состояние напечатано «{mark}», по числам — "
                        f"«{computed}» (без категории {share})")
    return warnings


def count_warnings(printed: dict[str, int], figures: StaffingFigures, *, subject: str
                   ) -> list[str]:
    return [f"{subject}: {COUNT_WORDS[key]} напечатано {value}, по строкам — "
            f"{getattr(figures, key)}"
            for key, value in printed.items() if value != getattr(figures, key)]


@dataclass
class Block:
    """The rows since the last subtotal (a group) or since the last district total."""

    label: str = ""
    first_row: int | None = None
    kinds: set[str] = field(default_factory=set)
    lines: list[StaffingFigures] = field(default_factory=list)
    # A row of the block was refused: its sum would be wrong, so it is not compared.
    broken: bool = False

    def add(self, row: Row, figures: StaffingFigures, kind: str) -> None:
        self.first_row = self.first_row or row.number
        self.kinds.add(kind)
        self.lines.append(figures)

    def refuse(self, row: Row) -> None:
        self.first_row = self.first_row or row.number
        self.broken = True

    @property
    def total(self) -> StaffingFigures:
        return sum_figures(self.lines)

    def name(self, *, last_row: int) -> str:
        if self.label:
            return f"группа «{self.label}»"
        labels = dict(STAFFING_GROUPS)
        if len(self.kinds) == 1:
            return f"группа «{labels[next(iter(self.kinds))]}» (строки {self.first_row}–{last_row})"
        return f"группа строк {self.first_row}–{last_row}"


def is_district_total(name: str) -> bool:
    return bool(name) and bool(_DISTRICT_TOTAL.search(normalise(name)))
