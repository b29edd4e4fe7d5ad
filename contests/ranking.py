"""Totals, places and result categories of a nomination: pure functions, no database.

The rule is stated once here (``TIE_RULE``) and printed on the results page and in the
protocol, so what the portal computes and what the protocol says cannot drift apart.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

WINNER, PRIZE, LAUREATE, PARTICIPANT = "winner", "prize", "laureate", "participant"
CATEGORY_LABELS = {
    WINNER: "победитель",
    PRIZE: "призёр",
    LAUREATE: "лауреат",
    PARTICIPANT: "участник",
}

TIE_RULE = (
    "Итоговый балл эксперта — сумма его баллов по всем критериям; учитываются эксперты, "
    "оценившие заявку по всем критериям. Место в номинации определяет средний балл — "
    "среднее арифметическое итоговых баллов экспертов. При равном среднем балле выше "
    "заявка с большим наименьшим итоговым баллом эксперта (более согласованная оценка). "
    "Если равны и они, заявки делят место и получают одну категорию; следующее место "
    "пропускается (1, 1, 3). Отозванные заявки и заявки без полной оценки в рейтинг "
    "не входят."
)


@dataclass(frozen=True)
class Entry:
    """One application of a nomination: the totals of the experts who scored it fully."""

    application_id: int
    expert_totals: tuple[int, ...]
    withdrawn: bool = False


@dataclass(frozen=True)
class Ranked:
    application_id: int
    average: Decimal | None  # rounded to hundredths, for display
    lowest: int | None
    place: int | None
    category: str  # "" when the application is not ranked

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS.get(self.category, "")


@dataclass(frozen=True)
class Places:
    """How many places of a nomination each category takes (method «по местам»)."""

    winner: int = 1
    prize: int = 2
    laureate: int = 3


@dataclass(frozen=True)
class Thresholds:
    """The lowest average each category needs (method «по порогам»)."""

    winner: Decimal
    prize: Decimal
    laureate: Decimal


def average_of(totals: Sequence[int]) -> Fraction:
    return Fraction(sum(totals), len(totals))


def shown(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP)


def _sort_key(entry: Entry) -> tuple[Fraction, int]:
    return average_of(entry.expert_totals), min(entry.expert_totals)


def category_by_place(place: int, places: Places) -> str:
    if place <= places.winner:
        return WINNER
    if place <= places.winner + places.prize:
        return PRIZE
    if place <= places.winner + places.prize + places.laureate:
        return LAUREATE
    return PARTICIPANT


def category_by_average(average: Fraction, thresholds: Thresholds) -> str:
    for category, lowest in ((WINNER, thresholds.winner), (PRIZE, thresholds.prize),
                             (LAUREATE, thresholds.laureate)):
        if average >= Fraction(lowest):
            return category
    return PARTICIPANT


def rank_nomination(entries: Iterable[Entry], *, places: Places | None = None,
                    thresholds: Thresholds | None = None) -> list[Ranked]:
    """Ranked applications first (best first, shared places for full ties), then the ones
    left out of the ranking (withdrawn or not fully scored) in the order given.

    Categories come from ``thresholds`` when given, otherwise from ``places``.
    """
    entries = list(entries)
    ranked = sorted((e for e in entries if not e.withdrawn and e.expert_totals),
                    key=_sort_key, reverse=True)
    places = places or Places()
    result: list[Ranked] = []
    previous_key = None
    place = 0
    for position, entry in enumerate(ranked, start=1):
        key = _sort_key(entry)
        if key != previous_key:
            place = position
            previous_key = key
        average = key[0]
        category = (category_by_average(average, thresholds) if thresholds is not None
                    else category_by_place(place, places))
        result.append(Ranked(entry.application_id, shown(average), key[1], place, category))
    result.extend(Ranked(e.application_id, None, None, None, "")
                  for e in entries if e.withdrawn or not e.expert_totals)
    return result
