"""What the distribution engine takes and gives back: the teams and directions, the rules it
follows (``Parameters``) and their check, and the proposal it makes. Plain frozen data, so the
database side and the benchmarks build it alike."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

LEADER, PROMISING, RESERVE = "leader", "promising", "reserve"

# Strength assumed from the current tier where a team has no diagnosis in a direction. With the
# default thresholds the current promising/reserve split is reproduced exactly.
TIER_STRENGTH = {LEADER: 1.0, PROMISING: 0.6, RESERVE: 0.3}

# The words of internships.models.TIER_SHORT (the engine stays free of Django models;
# tests/test_vocabulary.py keeps the two alike).
TIER_TITLES = {LEADER: "лидер", PROMISING: "подающая надежды", RESERVE: "скрытые резервы"}


@dataclass(frozen=True)
class TeamInput:
    """One management team. ``strength`` (0–1) lists exactly the directions it takes part in;
    ``from_diagnosis`` names those whose strength a diagnosis gave (the rest come from
    TIER_STRENGTH of the current tier). ``kind``, ``level`` and ``locality`` are "" when unknown.
    """

    key: int
    label: str
    kind: str
    level: str
    locality: str
    strength: Mapping[int, float]
    from_diagnosis: frozenset[int]
    current_tier: Mapping[int, str]
    narrow: bool = False
    needs: frozenset[int] = frozenset()
    offers: frozenset[int] = frozenset()
    current_mentor: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class DirectionInput:
    key: int
    number: int


@dataclass(frozen=True)
class Parameters:
    """Leader bounds are per direction; ``mentees_per_leader`` is per leader team over all
    directions; non-leaders with strength >= ``promising_threshold`` are promising."""

    leaders_min: int = 1
    leaders_max: int = 6
    max_directions_led: int = 2
    mentees_per_leader: int = 3
    change_cost: float = 0.05
    leader_floor: float = 0.7
    promising_threshold: float = 0.5
    keep_narrow: bool = True
    weight_kind: float = 1.0
    weight_level: float = 1.0
    weight_locality: float = 1.0
    weight_offer: float = 2.0
    keep_mentor_bonus: float = 0.5


@dataclass(frozen=True)
class TierDecision:
    team: int
    direction: int
    tier: str
    current: str | None
    explanation: str

    @property
    def changed(self) -> bool:
        return self.current != self.tier


@dataclass(frozen=True)
class PairDecision:
    direction: int
    mentor: int
    mentee: int
    kept: bool
    explanation: str


@dataclass(frozen=True)
class Unmatched:
    team: int
    direction: int
    reason: str


@dataclass(frozen=True)
class PhaseStats:
    """Size and time of one solved model, for benchmarks and the job log."""

    name: str
    variables: int
    constraints: int
    seconds: float


@dataclass(frozen=True)
class Proposal:
    """One tier decision per (team, direction) it takes part in; coverage counts the teams that
    lead at least one direction; ``leader_load`` has every proposed leader team, 0 included."""

    tiers: tuple[TierDecision, ...]
    pairs: tuple[PairDecision, ...]
    unmatched: tuple[Unmatched, ...]
    leading_before: int
    leading_after: int
    teams_total: int
    changes: int
    leader_load: Mapping[int, int]
    notes: tuple[str, ...]
    seconds: float
    phases: tuple[PhaseStats, ...] = ()


Progress = Callable[[int, str], None]


# Parameter names as the review page calls them, for the messages about invalid values.
PARAMETER_TITLES = {
    "leaders_min": "минимум лидеров на направление",
    "leaders_max": "максимум лидеров на направление",
    "max_directions_led": "наибольшее число направлений, которые ведёт одна команда",
    "mentees_per_leader": "число подопечных на лидера",
    "change_cost": "цена изменения",
    "leader_floor": "порог лидера",
    "promising_threshold": "порог «подающих надежды»",
    "weight_kind": "вес типа ОО",
    "weight_level": "вес уровня ОО",
    "weight_locality": "вес местности",
    "weight_offer": "вес предложения практики",
    "keep_mentor_bonus": "бонус за сохранение наставника",
}
_NON_NEGATIVE = ["change_cost", "weight_kind", "weight_level", "weight_locality",
                 "weight_offer", "keep_mentor_bonus"]


def validate_parameters(parameters: Parameters) -> None:
    p = parameters
    not_numbers = [
        f"{PARAMETER_TITLES[name]}: нужно число"
        for name in PARAMETER_TITLES
        if not math.isfinite(getattr(p, name))
    ]
    if not_numbers:
        raise ValueError("; ".join(not_numbers))
    problems = []
    if p.leaders_min < 0:
        problems.append("минимум лидеров на направление не может быть отрицательным")
    if p.leaders_max < 1:
        problems.append("максимум лидеров на направление должен быть не меньше 1")
    # Only when both bounds are valid on their own, so one mistake gives one message.
    if p.leaders_min >= 0 and 1 <= p.leaders_max < p.leaders_min:
        problems.append(
            f"минимум лидеров на направление ({p.leaders_min}) больше максимума ({p.leaders_max})"
        )
    if p.max_directions_led < 1:
        problems.append("команда должна иметь право вести хотя бы одно направление")
    if p.mentees_per_leader < 0:
        problems.append("число подопечных на лидера не может быть отрицательным")
    for name in _NON_NEGATIVE:
        if getattr(p, name) < 0:
            problems.append(f"{PARAMETER_TITLES[name]} не может быть отрицательной величиной")
    for name in ("leader_floor", "promising_threshold"):
        if not 0 <= getattr(p, name) <= 1:
            problems.append(f"{PARAMETER_TITLES[name]} должен быть от 0 до 1")
    if problems:
        raise ValueError("; ".join(problems))


def validate_input(teams: Sequence[TeamInput], directions: Sequence[DirectionInput]) -> None:
    direction_keys = {direction.key for direction in directions}
    if len(direction_keys) != len(directions):
        raise ValueError("направления повторяются")
    if len({team.key for team in teams}) != len(teams):
        raise ValueError("команды повторяются")
    for team in teams:
        unknown = set(team.strength) - direction_keys
        if unknown:
            raise ValueError(f"{team.label}: направления нет в программе")
        for value in team.strength.values():
            if not (math.isfinite(value) and 0 <= value <= 1):
                raise ValueError(f"{team.label}: оценка должна быть от 0 до 1")
        for tier in team.current_tier.values():
            if tier not in TIER_TITLES:
                raise ValueError(f"{team.label}: неизвестный уровень «{tier}»")
        # A placement without a strength would get no decision and silently vanish.
        if set(team.current_tier) - set(team.strength):
            raise ValueError(f"{team.label}: уровень указан в направлении, для которого нет оценки")
