"""Suggesting a distribution of teams: who leads each direction, and who mentors whom.

Plain data in, plain data out: the database side builds the input from placements and
diagnoses and applies what staff accept. Both steps are solved exactly with HiGHS
(``scipy.optimize.milp``); their constraint matrices are network-like, which keeps thousands of
teams within seconds.

Tiers. x[t,d] = 1 when team t leads direction d. Lexicographically:
  0. meet every direction's minimum of leaders as far as the teams allow (shortfall s[d]);
  1. maximise the number of teams that lead at least one direction (y[t] <= sum_d x[t,d]);
  2. with both fixed, maximise sum x[t,d] * (strength - leader_floor) - change_cost * changes;
  3. with that fixed too, leave the fewest promising and reserve teams without a mentor, then
     make the most pairs: f[t,d] mentees of direction d for leader t, within its capacity.
The floor keeps weak teams out of leadership unless coverage needs them; the change cost keeps
the proposal close to the current distribution; the last step settles the ties between equally
good leader sets by the mentor places they give. Non-leaders are promising or reserve by their
strength alone. The models are built in the order of team keys and direction numbers, so the
same data gives the same proposal in whatever order it comes.

Mentor pairs. A min-cost flow: every promising/reserve (team, direction) needs a leader of the
same direction, each leader team takes at most ``mentees_per_leader`` over all directions.
First the largest number of pairs, then the cheapest ones (similar organizations, a mentor that
offers what the mentee needs, current pairs kept). Mentees that look alike to every mentor
are pooled, which keeps the model small.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_array

from core.plurals import ru_plural

LEADER, PROMISING, RESERVE = "leader", "promising", "reserve"

# Strength assumed from the current tier where a team has no diagnosis in a direction. With the
# default thresholds the current promising/reserve split is reproduced exactly.
TIER_STRENGTH = {LEADER: 1.0, PROMISING: 0.6, RESERVE: 0.3}

TIER_TITLES = {LEADER: "лидер", PROMISING: "подаёт надежды", RESERVE: "скрытый резерв"}


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


def propose(
    *,
    teams: Sequence[TeamInput],
    directions: Sequence[DirectionInput],
    parameters: Parameters = Parameters(),
    progress: Progress | None = None,
) -> Proposal:
    """The optimal distribution for these teams; raises ValueError on invalid input."""
    started = time.perf_counter()
    report = progress or (lambda percent, stage: None)
    validate_parameters(parameters)
    _validate_input(teams, directions)
    # Several distributions are often equally good; HiGHS picks among them by the order of the
    # columns, so the models are built in one canonical order and the same data gives the same
    # proposal however the caller listed it.
    teams = sorted(teams, key=lambda team: team.key)
    directions = sorted(directions, key=lambda direction: (direction.number, direction.key))

    report(10, "Подбор лидеров")
    leaders, tier_phases, notes = _choose_leaders(teams, directions, parameters)

    report(60, "Подбор наставников")
    pairs, unmatched, load, pair_phases = _choose_mentors(teams, directions, parameters, leaders)
    tiers = _tier_decisions(teams, directions, parameters, leaders, load)

    report(100, "Готово")
    return Proposal(
        tiers=tiers,
        pairs=pairs,
        unmatched=unmatched,
        leading_before=sum(1 for team in teams if LEADER in team.current_tier.values()),
        leading_after=len({team for team, _ in leaders.leaders}),
        teams_total=len(teams),
        changes=sum(1 for decision in tiers if decision.changed),
        leader_load=load,
        notes=tuple(notes),
        seconds=time.perf_counter() - started,
        phases=tier_phases + pair_phases,
    )


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


def _validate_input(teams: Sequence[TeamInput], directions: Sequence[DirectionInput]) -> None:
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


def _number(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def _numbers(numbers: Sequence[int]) -> str:
    return ", ".join(str(number) for number in sorted(numbers))


def _teams(count: int) -> str:
    return f"{count} {ru_plural(count, 'команда', 'команды', 'команд')}"


def _leaders(count: int) -> str:
    return f"{count} {ru_plural(count, 'лидер', 'лидера', 'лидеров')}"


def _mentees(count: int) -> str:
    return f"{count} {ru_plural(count, 'подопечный', 'подопечных', 'подопечных')}"


# Two values of the objective closer than this are one value: sums of floats such as
# 0.75 − 0.7 − 0.05 leave traces of 1e-17 that must not decide anything, while real differences
# of strengths and costs are far larger.
TIE = 1e-6


def _solve(name: str, cost, matrix, lower, upper, bounds: Bounds, phases: list) -> np.ndarray:
    started = time.perf_counter()
    result = milp(
        cost,
        integrality=np.ones(len(cost)),
        bounds=bounds,
        constraints=LinearConstraint(matrix, lower, upper),
        # HiGHS stops at a 0.01 % gap by default; the next phase fixes this optimum, so it must
        # be the optimum itself.
        options={"mip_rel_gap": 0.0},
    )
    if result.status != 0:
        # Every model here has a feasible point by construction (no leaders beyond the forced
        # ones, nobody paired); failing means a bug, not bad data.
        raise RuntimeError(f"{name}: {result.message}")
    phases.append(PhaseStats(name, len(cost), matrix.shape[0], time.perf_counter() - started))
    return np.round(result.x).astype(int)


class _Rows:
    """A sparse constraint matrix built row by row."""

    def __init__(self) -> None:
        self.data: list[float] = []
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.lower: list[float] = []
        self.upper: list[float] = []

    def add(self, columns: Sequence[int], coefficients: Sequence[float], lower, upper) -> None:
        row = len(self.lower)
        self.rows.extend([row] * len(columns))
        self.cols.extend(columns)
        self.data.extend(coefficients)
        self.lower.append(lower)
        self.upper.append(upper)

    def matrix(self, width: int):
        return csr_array((self.data, (self.rows, self.cols)), shape=(len(self.lower), width))


# --- Tiers -----------------------------------------------------------------------------------


@dataclass
class _TierModel:
    """What the tier step decided, with the bounds it worked under (for the explanations)."""

    leaders: set[tuple[int, int]]
    direction_max: dict[int, int]
    direction_min: dict[int, int]
    team_max: dict[int, int]
    forced: set[tuple[int, int]]


def _non_leader_tier(strength: float, parameters: Parameters) -> str:
    return PROMISING if strength >= parameters.promising_threshold else RESERVE


def _extra_changes(team: TeamInput, direction: int, parameters: Parameters) -> int:
    """How many more tier changes leading the direction makes than not leading it: −1, 0, 1."""
    current = team.current_tier.get(direction)
    otherwise = _non_leader_tier(team.strength[direction], parameters)
    return int(current != LEADER) - int(current != otherwise)


def _leader_gain(team: TeamInput, direction: int, parameters: Parameters) -> float:
    """What making the team a leader in the direction adds to the objective, versus not."""
    return (
        team.strength[direction]
        - parameters.leader_floor
        - parameters.change_cost * _extra_changes(team, direction, parameters)
    )


def _is_forced(team: TeamInput, direction: int, parameters: Parameters) -> bool:
    return parameters.keep_narrow and team.narrow and team.current_tier.get(direction) == LEADER


@dataclass
class _Limits:
    """Leader bounds per direction and team, widened where narrow specialisation exceeds them."""

    direction_min: dict[int, int]
    direction_max: dict[int, int]
    team_max: dict[int, int]
    notes: list[str]


def _limits(teams, ordered_directions, p: Parameters) -> _Limits:
    notes = [
        f"{team.label} не участвует ни в одном направлении — вести ей нечего."
        for team in teams
        if not team.strength
    ]
    direction_min, direction_max = {}, {}
    for direction in ordered_directions:
        taking_part = sum(1 for team in teams if direction.key in team.strength)
        kept = sum(1 for team in teams if _is_forced(team, direction.key, p))
        direction_min[direction.key] = min(p.leaders_min, taking_part)
        direction_max[direction.key] = max(p.leaders_max, kept)
        if not taking_part:
            notes.append(f"Направление {direction.number}: в нём не участвует ни одна команда.")
        elif taking_part < p.leaders_min:
            verb = ru_plural(taking_part, "участвует", "участвуют", "участвуют")
            notes.append(
                f"Направление {direction.number}: {verb} {_teams(taking_part)} — "
                f"меньше минимума лидеров ({p.leaders_min})."
            )
        if kept > p.leaders_max:
            notes.append(
                f"Направление {direction.number}: узкую специализацию сохраняют "
                f"{_leaders(kept)} — больше максимума ({p.leaders_max})."
            )
    team_max = {}
    for team in teams:
        kept = sum(1 for d in team.strength if _is_forced(team, d, p))
        team_max[team.key] = max(p.max_directions_led, kept)
        if kept > p.max_directions_led:
            notes.append(
                f"{team.label}: узкая специализация сохраняет лидерство в {kept} направлениях — "
                f"больше предела ({p.max_directions_led})."
            )
    return _Limits(direction_min, direction_max, team_max, notes)


def _choose_leaders(teams, directions, p: Parameters):
    numbers = {direction.key: direction.number for direction in directions}
    ordered_directions = sorted(directions, key=lambda item: item.number)
    limits = _limits(teams, ordered_directions, p)
    candidates = [(team, d) for team in teams for d in sorted(team.strength, key=numbers.get)]
    phases: list[PhaseStats] = []
    leaders = (
        _solve_leaders(candidates, teams, ordered_directions, limits, p, phases)
        if candidates else set()
    )
    notes = limits.notes
    notes.extend(_shortfall_notes(ordered_directions, leaders, limits.direction_min, p))
    notes.extend(_coverage_notes(teams, numbers, leaders, limits.direction_max))
    model = _TierModel(
        leaders=leaders,
        direction_max=limits.direction_max,
        direction_min=limits.direction_min,
        team_max=limits.team_max,
        forced={(team.key, d) for team, d in candidates if _is_forced(team, d, p)},
    )
    return model, tuple(phases), notes


def _solve_leaders(candidates, teams, ordered_directions, limits: _Limits, p: Parameters,
                   phases: list) -> set[tuple[int, int]]:
    # Columns: x per candidate (team, direction), then y per team that takes part somewhere
    # (it leads at least one direction), then s per direction (leaders missing to the minimum).
    by_direction: dict[int, list[int]] = defaultdict(list)
    by_team: dict[int, list[int]] = defaultdict(list)
    for column, (team, d) in enumerate(candidates):
        by_direction[d].append(column)
        by_team[team.key].append(column)
    eligible = [team.key for team in teams if team.strength]
    y_column = {key: len(candidates) + index for index, key in enumerate(eligible)}
    s_column = {
        direction.key: len(candidates) + len(eligible) + index
        for index, direction in enumerate(ordered_directions)
    }
    width = len(candidates) + len(eligible) + len(ordered_directions)

    rows = _Rows()
    for direction in ordered_directions:
        key = direction.key
        columns = by_direction[key]
        rows.add(columns + [s_column[key]], [1.0] * (len(columns) + 1),
                 limits.direction_min[key], np.inf)
        rows.add(columns, [1.0] * len(columns), -np.inf, limits.direction_max[key])
    for key in eligible:
        columns = by_team[key]
        rows.add(columns, [1.0] * len(columns), -np.inf, limits.team_max[key])
        rows.add(columns + [y_column[key]], [-1.0] * len(columns) + [1.0], -np.inf, 0)

    lower, upper = np.zeros(width), np.ones(width)
    for column, (team, d) in enumerate(candidates):
        if _is_forced(team, d, p):
            lower[column] = 1
    for direction in ordered_directions:
        upper[s_column[direction.key]] = limits.direction_min[direction.key]
    bounds = Bounds(lower, upper)
    y_columns, s_columns = list(y_column.values()), list(s_column.values())

    coverage_cost = np.zeros(width)
    coverage_cost[y_columns] = -1.0
    # One missing leader weighs more than every team's coverage together: bounds come first.
    coverage_cost[s_columns] = len(eligible) + 1
    solution = _solve("Лидеры: охват", coverage_cost, rows.matrix(width), rows.lower, rows.upper,
                      bounds, phases)
    shortfall = int(solution[s_columns].sum())
    coverage = int(solution[y_columns].sum())

    rows.add(s_columns, [1.0] * len(s_columns), -np.inf, shortfall)
    rows.add(y_columns, [1.0] * len(y_columns), coverage, np.inf)
    strength_cost = np.zeros(width)
    for column, (team, d) in enumerate(candidates):
        strength_cost[column] = -_leader_gain(team, d, p)
    solution = _solve("Лидеры: сила и стабильность", strength_cost, rows.matrix(width),
                      rows.lower, rows.upper, bounds, phases)
    best = float(strength_cost @ solution)

    solution = _solve_mentor_room(candidates, by_direction, by_team, ordered_directions, rows,
                                  bounds, strength_cost, best, p, phases)
    return {(team.key, d) for column, (team, d) in enumerate(candidates) if solution[column]}


def _solve_mentor_room(candidates, by_direction, by_team, ordered_directions, rows: _Rows,
                       bounds: Bounds, strength_cost, best: float, p: Parameters, phases: list):
    """Among the leader sets as good as the best one in bounds, coverage and strength, the one
    that leaves the fewest promising and reserve teams without a mentor, and then makes the
    most pairs (so that nobody is made a leader only to have one mentee fewer).

    Mentees of one direction are interchangeable for their number, so the pairs need no
    variable each: f[t,d] counts the mentees leader t takes in direction d. The mentees of d
    are the teams taking part in d that do not lead it, and each leader team has
    ``mentees_per_leader`` places over all its directions.
    """
    width = bounds.lb.size
    f_column = {column: width + column for column in range(len(candidates))}
    capacity = p.mentees_per_leader
    for column, f in f_column.items():
        rows.add([f, column], [1.0, -float(capacity)], -np.inf, 0)
    for columns in by_team.values():
        rows.add([f_column[column] for column in columns], [1.0] * len(columns), -np.inf,
                 capacity)
    for direction in ordered_directions:
        columns = by_direction[direction.key]
        rows.add(columns + [f_column[column] for column in columns],
                 [1.0] * (2 * len(columns)), -np.inf, len(columns))
    # The strength-and-stability optimum stays, up to the traces of rounding.
    rows.add(list(range(width)), list(strength_cost), -np.inf, best + TIE)

    total = width + len(candidates)
    room_bounds = Bounds(np.concatenate([bounds.lb, np.zeros(len(candidates))]),
                         np.concatenate([bounds.ub, np.full(len(candidates), capacity)]))
    # Without a mentor: the candidates that are not leaders, less the pairs. One more of them
    # outweighs every possible pair, so the two goals stay in order with integer costs.
    heavy = len(candidates) + 1
    room_cost = np.zeros(total)
    room_cost[:len(candidates)] = -heavy
    room_cost[width:] = -(heavy + 1)
    solution = _solve("Лидеры: места наставников", room_cost, rows.matrix(total), rows.lower,
                      rows.upper, room_bounds, phases)
    return solution[:width]


def _shortfall_notes(ordered_directions, leaders, direction_min, p) -> list[str]:
    notes = []
    counts = _leader_counts(leaders)
    for direction in ordered_directions:
        have, need = counts[direction.key], direction_min[direction.key]
        if have < need:
            notes.append(
                f"Направление {direction.number}: {_leaders(have)} при минимуме {need} — "
                f"остальные участники уже ведут предельное число направлений "
                f"({p.max_directions_led})."
            )
    return notes


def _coverage_notes(teams, numbers, leaders, direction_max) -> list[str]:
    leading = {team for team, _ in leaders}
    notes = []
    for team in teams:
        if team.strength and team.key not in leading:
            own = [numbers[d] for d in team.strength]
            limits = sorted({direction_max[d] for d in team.strength})
            limit = ", ".join(str(value) for value in limits)
            notes.append(
                f"{team.label} не ведёт ни одного направления: в её направлениях ({_numbers(own)}) "
                f"все места лидеров заняты (предел — {limit}); чтобы вели все команды, "
                f"поднимите максимум лидеров на направление."
            )
    return notes


def _leader_counts(leaders) -> dict[int, int]:
    counts: dict[int, int] = defaultdict(int)
    for _, d in leaders:
        counts[d] += 1
    return counts


def _strength_words(team: TeamInput, direction: int) -> str:
    if direction in team.from_diagnosis:
        return f"результат диагностики {_number(team.strength[direction])}"
    return "сила — по текущему уровню, диагностики нет"


def _tier_decisions(teams, directions, p, model: _TierModel,
                    load: Mapping[int, int]) -> tuple[TierDecision, ...]:
    numbers = {direction.key: direction.number for direction in directions}
    facts = _Facts(
        by_key={team.key: team for team in teams},
        numbers=numbers,
        leaders_of=defaultdict(list),
        led_by_team=defaultdict(list),
        idle=defaultdict(list),
        counts=_leader_counts(model.leaders),
        load=load,
    )
    for team_key, d in sorted(model.leaders, key=lambda item: (numbers[item[1]], item[0])):
        facts.leaders_of[d].append(team_key)
        facts.led_by_team[team_key].append(d)
    for team in teams:
        if LEADER not in team.current_tier.values():
            for d in team.strength:
                facts.idle[d].append(team)
    decisions = []
    for team in teams:
        for d in sorted(team.strength, key=numbers.get):
            current = team.current_tier.get(d)
            context = _Context(team, d, p, model, facts)
            if (team.key, d) in model.leaders:
                tier, explanation = LEADER, context.leader()
            else:
                tier = _non_leader_tier(team.strength[d], p)
                explanation = context.non_leader(tier)
            decisions.append(TierDecision(team.key, d, tier, current, explanation))
    return tuple(decisions)


@dataclass
class _Facts:
    """The whole proposal, for explanations that compare a team with the others."""

    by_key: dict[int, TeamInput]
    numbers: dict[int, int]
    leaders_of: dict[int, list[int]]       # direction -> its proposed leader teams
    led_by_team: dict[int, list[int]]      # team -> directions it leads in the proposal
    idle: dict[int, list[TeamInput]]       # direction -> its teams that lead nowhere now
    counts: dict[int, int]                 # direction -> number of proposed leaders
    load: Mapping[int, int]


def _phrase(title: str, parts) -> str:
    return f"{title}: " + "; ".join(part for part in parts if part)


@dataclass
class _Context:
    """Explains one (team, direction) decision. Every claim is checked against the proposal:
    an optimal proposal leaves a profitable leader out only for a limit, and keeps a weaker
    leader instead of a stronger team only for its narrow specialisation, its own coverage or
    the cost of changes."""

    team: TeamInput
    direction: int
    parameters: Parameters
    model: _TierModel
    facts: _Facts

    @property
    def number(self) -> int:
        return self.facts.numbers[self.direction]

    @property
    def strength(self) -> float:
        return self.team.strength[self.direction]

    @property
    def led_after(self) -> list[int]:
        return self.facts.led_by_team[self.team.key]

    def leader(self) -> str:
        p, d, number = self.parameters, self.direction, self.number
        if (self.team.key, d) in self.model.forced:
            return f"остаётся лидером по направлению {number}: узкая специализация"
        sole = self.led_after == [d]
        if self.team.current_tier.get(d) == LEADER:
            if self.strength >= p.leader_floor:
                reason = None
            elif sole:
                reason = "иначе команда не вела бы ни одного направления"
            elif self._at_minimum():
                reason = self._minimum_words()
            else:
                reason = "результат чуть ниже порога лидера, смена уровня не окупается"
            return _phrase(f"остаётся лидером по направлению {number}",
                           [reason, _strength_words(self.team, d)])
        title = f"лидер по направлению {number}"
        among_idle = self._best_among_idle()
        if _leader_gain(self.team, d, p) > TIE:
            # Strong enough to pay for the change on its own, whatever the coverage needs.
            merit = (
                f"результат диагностики {_number(self.strength)} не ниже порога лидера "
                f"{_number(p.leader_floor)}"
                if d in self.team.from_diagnosis else _strength_words(self.team, d)
            )
            return _phrase(title, [among_idle, merit])
        if sole:
            reason = "так команда ведёт хотя бы одно направление"
        elif self._at_minimum():
            reason = self._minimum_words()
        else:
            # Leading here and not weigh the same for strength and stability; such ties go to
            # the choice that leaves fewer teams without a mentor.
            reason = self._on_the_floor_words()
            load = self.facts.load.get(self.team.key, 0)
            if load:
                reason += f"; берёт подопечных: {load}"
        return _phrase(title, [reason, among_idle, _strength_words(self.team, d)])

    def _on_the_floor_words(self) -> str:
        p = self.parameters
        if p.change_cost and _extra_changes(self.team, self.direction, p) > 0:
            return (
                f"запас над порогом лидера {_number(p.leader_floor)} равен цене изменения "
                f"{_number(p.change_cost)}"
            )
        return f"результат на пороге лидера {_number(p.leader_floor)}"

    def _best_among_idle(self) -> str | None:
        """Whether no other team of the direction that leads nowhere now has a better result."""
        if LEADER in self.team.current_tier.values():
            return None
        others = [
            other.strength[self.direction] for other in self.facts.idle[self.direction]
            if other.key != self.team.key
        ]
        if not others or max(others) > self.strength + TIE:
            return None
        best = "один из лучших результатов" if max(others) >= self.strength - TIE else (
            "лучший результат")
        return f"{best} среди команд, не лидирующих ни в одном направлении"

    def _at_minimum(self) -> bool:
        return self.facts.counts[self.direction] <= self.model.direction_min[self.direction]

    def _minimum_words(self) -> str:
        minimum = self.model.direction_min[self.direction]
        return f"нужен для минимума лидеров направления ({minimum})"

    def non_leader(self, tier: str) -> str:
        p, d = self.parameters, self.direction
        if d in self.team.from_diagnosis:
            relation = "не ниже" if tier == PROMISING else "ниже"
            text = (
                f"{TIER_TITLES[tier]}: результат диагностики {_number(self.strength)} "
                f"{relation} порога {_number(p.promising_threshold)}"
            )
        else:
            text = f"{TIER_TITLES[tier]}: уровень по текущему распределению, диагностики нет"
        gain = _leader_gain(self.team, d, p)
        if self.team.current_tier.get(d) == LEADER:
            if gain > TIE:
                why = self._limits_words()
            elif self.strength < p.leader_floor - TIE:
                why = f"результат ниже порога лидера {_number(p.leader_floor)}"
            else:
                why = f"результат не выше порога лидера {_number(p.leader_floor)}"
            return f"перестаёт быть лидером: {why}; {text}"
        if gain > TIE:
            return f"{text}; в лидеры не выбрана: {self._limits_words()}"
        if self.strength > p.leader_floor + TIE:
            # Above the floor, yet the gain is nil: the change of tier costs as much.
            return (
                f"{text}; в лидеры не выбрана: запас над порогом лидера "
                f"{_number(p.leader_floor)} не больше цены изменения {_number(p.change_cost)}"
            )
        return text

    def _limits_words(self) -> str:
        """Why a team that would pay as a leader here is not one: the limits that bind."""
        d, count = self.direction, self.facts.counts[self.direction]
        limit = self.model.team_max[self.team.key]
        if len(self.led_after) >= limit:
            led = _numbers([self.facts.numbers[other] for other in self.led_after])
            reasons = [f"команда уже ведёт направления {led} — это предел ({limit})"]
            if count >= self.model.direction_max[d]:
                reasons.append(f"в направлении {self.number} уже {_leaders(count)} — это предел")
            return "; ".join(reasons)
        # The team has room, so the direction is full: say who holds its places.
        reasons = []
        if count >= self.model.direction_max[d]:
            reasons.append(f"в направлении {self.number} уже {_leaders(count)} — это предел")
        reasons.append(self._compare_with_leaders())
        return "; ".join(reasons)

    def _compare_with_leaders(self) -> str:
        d, by_key = self.direction, self.facts.by_key
        weaker = [
            by_key[key] for key in self.facts.leaders_of[d]
            if by_key[key].strength[d] < self.strength - TIE
        ]
        if not weaker:
            return "у выбранных лидеров результат не ниже"
        weaker.sort(key=lambda other: (other.strength[d], other.key))
        return "слабее неё в лидерах: " + ", ".join(
            f"{other.label} ({_number(other.strength[d])}) — {self._why_kept(other)}"
            for other in weaker
        )

    def _why_kept(self, other: TeamInput) -> str:
        """Why a weaker leader holds the place: swapping it for this team, which has room to
        lead, would cost a narrow specialisation, the other's coverage, or more changes."""
        d = self.direction
        if (other.key, d) in self.model.forced:
            return "узкая специализация"
        if self.facts.led_by_team[other.key] == [d]:
            return "иначе не вела бы ни одного направления"
        if other.current_tier.get(d) == LEADER:
            return "уже лидер, смена уровня не окупается"
        return "меньше изменений уровня"


# --- Mentor pairs ----------------------------------------------------------------------------


def _pair_cost(mentor: TeamInput, mentee: TeamInput, direction: int, p: Parameters) -> float:
    cost = 0.0
    if mentor.kind != mentee.kind:
        cost += p.weight_kind
    if mentor.level != mentee.level:
        cost += p.weight_level
    if mentor.locality and mentee.locality and mentor.locality != mentee.locality:
        cost += p.weight_locality
    if direction in mentor.offers and direction in mentee.needs:
        cost -= p.weight_offer
    return cost


def _signature(team: TeamInput, direction: int) -> tuple:
    """Everything of a mentee the pair cost looks at, apart from its current mentor."""
    return team.kind, team.level, team.locality, direction in team.needs


@dataclass
class _PairNetwork:
    """The flow network of the pair step, and what is needed to read its flows back."""

    columns: list[tuple]
    costs: list[float]
    rows: _Rows
    unmatched_columns: list[int]
    pools: dict[tuple[int, tuple], list[int]]
    pool_keys: list[tuple[int, tuple]]
    keepers: set[tuple[int, int]]


def _choose_mentors(teams, directions, p: Parameters, model: _TierModel):
    by_key = {team.key: team for team in teams}
    numbers = {direction.key: direction.number for direction in directions}
    leaders_of: dict[int, list[int]] = defaultdict(list)
    for team_key, d in sorted(model.leaders, key=lambda item: (numbers[item[1]], item[0])):
        leaders_of[d].append(team_key)
    mentor_keys = sorted({team_key for team_key, _ in model.leaders})
    network = _pair_network(teams, numbers, p, model.leaders, leaders_of, mentor_keys)

    phases: list[PhaseStats] = []
    width = len(network.columns)
    flows = np.zeros(width, dtype=int)
    if width:
        rows, unmatched_columns = network.rows, network.unmatched_columns
        # A network matrix has integral vertices, so the flows need no upper bounds of their own.
        bounds = Bounds(np.zeros(width), np.full(width, np.inf))
        unmatched_cost = np.zeros(width)
        unmatched_cost[unmatched_columns] = 1.0
        flows = _solve("Наставники: число пар", unmatched_cost, rows.matrix(width), rows.lower,
                       rows.upper, bounds, phases)
        left = int(flows[unmatched_columns].sum())
        rows.add(unmatched_columns, [1.0] * len(unmatched_columns), left, left)
        flows = _solve("Наставники: сходство", np.array(network.costs), rows.matrix(width),
                       rows.lower, rows.upper, bounds, phases)

    pairs, unmatched = _pairs_from_flows(network, flows, by_key)
    load = dict.fromkeys(mentor_keys, 0)
    for pair in pairs:
        load[pair.mentor] += 1
    pairs.sort(key=lambda pair: (numbers[pair.direction], pair.mentee))
    unmatched.sort(key=lambda item: (numbers[item[1]], item[0]))
    reasons = {
        d: _unmatched_reason(d, numbers, leaders_of[d], pairs, p) for d in {d for _, d in unmatched}
    }
    return (
        tuple(pairs),
        tuple(Unmatched(team, d, reasons[d]) for team, d in unmatched),
        load,
        tuple(phases),
    )


def _pair_network(teams, numbers, p, leaders, leaders_of, mentor_keys) -> _PairNetwork:
    by_key = {team.key: team for team in teams}
    # Mentees of a direction with the same signature are interchangeable for every mentor, so
    # they form one pool. A mentee whose current mentor still leads the direction gets its own
    # node with two ways out: back to that mentor (with the bonus) or into its pool.
    pools: dict[tuple[int, tuple], list[int]] = defaultdict(list)
    keepers: list[tuple[int, int, int]] = []  # (mentee, direction, current mentor)
    for team in teams:
        for d in sorted(team.strength, key=numbers.get):
            if (team.key, d) in leaders:
                continue
            pools[d, _signature(team, d)].append(team.key)
            mentor = team.current_mentor.get(d)
            if mentor is not None and (mentor, d) in leaders:
                keepers.append((team.key, d, mentor))
    pool_keys = sorted(pools, key=lambda item: (numbers[item[0]], item[1]))

    # Columns: keeper→mentor, keeper→pool, pool→mentor, pool→unmatched; rows: a keeper sends
    # one, a pool sends its plain mentees plus the keepers that joined it, a mentor takes at
    # most its capacity.
    columns: list[tuple] = []
    costs: list[float] = []
    rows = _Rows()
    mentor_in: dict[int, list[int]] = defaultdict(list)
    pool_in: dict[tuple, list[int]] = defaultdict(list)
    for mentee, d, mentor in keepers:
        keep, join = len(columns), len(columns) + 1
        columns += [("keep", mentee, d, mentor), ("join", mentee, d)]
        costs += [_pair_cost(by_key[mentor], by_key[mentee], d, p) - p.keep_mentor_bonus, 0.0]
        rows.add([keep, join], [1.0, 1.0], 1, 1)
        mentor_in[mentor].append(keep)
        pool_in[d, _signature(by_key[mentee], d)].append(join)
    keeper_set = {(mentee, d) for mentee, d, _ in keepers}
    unmatched_columns = []
    for pool in pool_keys:
        d, _ = pool
        sample = by_key[pools[pool][0]]
        out = []
        for mentor in leaders_of[d]:
            out.append(len(columns))
            mentor_in[mentor].append(len(columns))
            columns.append(("pair", pool, mentor))
            costs.append(_pair_cost(by_key[mentor], sample, d, p))
        out.append(len(columns))
        unmatched_columns.append(len(columns))
        columns.append(("unmatched", pool))
        costs.append(0.0)
        plain = sum(1 for mentee in pools[pool] if (mentee, d) not in keeper_set)
        into = pool_in[pool]
        rows.add(out + into, [1.0] * len(out) + [-1.0] * len(into), plain, plain)
    for mentor in mentor_keys:
        rows.add(mentor_in[mentor], [1.0] * len(mentor_in[mentor]), -np.inf,
                 p.mentees_per_leader)
    return _PairNetwork(columns, costs, rows, unmatched_columns, pools, pool_keys, keeper_set)


def _pairs_from_flows(network: _PairNetwork, flows, by_key):
    """Pairs and unmatched (team, direction) from the flows, members of a pool by team key."""
    pairs: list[PairDecision] = []
    joined: set[tuple[int, int]] = set()
    slots: dict[tuple, list[int]] = defaultdict(list)  # pool -> one mentor per pair
    for column, flow in zip(network.columns, flows, strict=True):
        if not flow:
            continue
        if column[0] == "keep":
            _, mentee, d, mentor = column
            pairs.append(_pair(by_key[mentor], by_key[mentee], d))
        elif column[0] == "join":
            joined.add((column[1], column[2]))
        elif column[0] == "pair":
            slots[column[1]].extend([column[2]] * int(flow))

    unmatched: list[tuple[int, int]] = []
    for pool in network.pool_keys:
        d, _ = pool
        members = [
            mentee for mentee in network.pools[pool]
            if (mentee, d) not in network.keepers or (mentee, d) in joined
        ]
        free = list(slots[pool])
        # Inside a pool every assignment costs the same; a member meets its current mentor
        # when one of the pool's places is with that mentor.
        placed = {}
        for mentee in members:
            current = by_key[mentee].current_mentor.get(d)
            if current in free:
                free.remove(current)
                placed[mentee] = current
        for mentee in members:
            if mentee not in placed and free:
                placed[mentee] = free.pop(0)
        for mentee in members:
            if mentee in placed:
                pairs.append(_pair(by_key[placed[mentee]], by_key[mentee], d))
            else:
                unmatched.append((mentee, d))
    return pairs, unmatched


def _pair(mentor: TeamInput, mentee: TeamInput, direction: int) -> PairDecision:
    kept = mentee.current_mentor.get(direction) == mentor.key
    return PairDecision(
        direction=direction,
        mentor=mentor.key,
        mentee=mentee.key,
        kept=kept,
        explanation=_pair_explanation(mentor, mentee, direction, kept),
    )


def _pair_explanation(mentor: TeamInput, mentee: TeamInput, direction: int, kept: bool) -> str:
    same, other = [], []
    if mentor.kind and mentee.kind:
        (same if mentor.kind == mentee.kind else other).append("тип")
    if mentor.level and mentee.level:
        (same if mentor.level == mentee.level else other).append("уровень")
    parts = []
    if same:
        parts.append(f"тот же {' и '.join(same)} ОО")
    if other:
        parts.append(f"другой {' и '.join(other)} ОО")
    if mentor.locality and mentee.locality:
        if mentor.locality == mentee.locality:
            parts.append("обе сельские" if mentor.locality == "rural" else "обе городские")
        else:
            parts.append("сельская и городская")
    if direction in mentee.needs:
        if direction in mentor.offers:
            parts.append("предлагает практику, которая нужна")
        else:
            parts.append("практику по этому направлению не предлагает")
    if kept:
        parts.append("прежний наставник")
    return "наставник: " + (", ".join(parts) if parts else "свободный лидер направления")


def _unmatched_reason(direction: int, numbers, leaders: Sequence[int], pairs, p: Parameters):
    """Where the places of the direction's leaders went. A leader's places serve every direction
    it leads, so a direction with more places than mentees can still leave some without one."""
    number = numbers[direction]
    if not leaders:
        return f"в направлении {number} нет лидеров"
    if not p.mentees_per_leader:
        return f"лидеры направления {number} не берут подопечных: число подопечных на лидера — 0"
    taken: dict[int, int] = defaultdict(int)
    mentors = set(leaders)
    for pair in pairs:
        if pair.mentor in mentors:
            taken[pair.direction] += 1
    parts = [f"{_mentees(taken[direction])} этого направления"] if taken[direction] else []
    for other in sorted(set(taken) - {direction}, key=numbers.get):
        count = taken[other]
        parts.append(
            f"{count} — направления {numbers[other]}" if parts
            else f"{_mentees(count)} направления {numbers[other]}"
        )
    return (
        f"места лидеров направления {number} ({_leaders(len(leaders))} × "
        f"{_mentees(p.mentees_per_leader)}) заняты: {', '.join(parts)}"
    )
