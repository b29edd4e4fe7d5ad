"""Choosing the leaders of every direction, and the tier of every team in every direction.

x[t,d] = 1 when team t leads direction d. Lexicographically:
  0. meet every direction's minimum of leaders as far as the teams allow (shortfall s[d]);
  1. maximise the number of teams that lead at least one direction (y[t] <= sum_d x[t,d]);
  2. with both fixed, maximise sum x[t,d] * (strength - leader_floor) - change_cost * changes;
  3. with that fixed too, leave the fewest promising and reserve teams without a mentor, then
     make the most pairs: f[t,d] mentees of direction d for leader t, within its capacity.
The floor keeps weak teams out of leadership unless coverage needs them; the change cost keeps
the proposal close to the current distribution; the last step settles the ties between equally
good leader sets by the mentor places they give. Non-leaders are promising or reserve by their
strength alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds

from core.plurals import ru_plural
from distribution.engine.explain import (
    Context,
    Facts,
    coverage_notes,
    leaders_phrase,
    shortfall_notes,
    teams_phrase,
)
from distribution.engine.inputs import LEADER, Parameters, PhaseStats, TierDecision
from distribution.engine.solver import TIE, Rows, solve
from distribution.engine.terms import (
    TierModel,
    is_forced,
    leader_counts,
    leader_gain,
    non_leader_tier,
)


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
        kept = sum(1 for team in teams if is_forced(team, direction.key, p))
        direction_min[direction.key] = min(p.leaders_min, taking_part)
        direction_max[direction.key] = max(p.leaders_max, kept)
        if not taking_part:
            notes.append(f"Направление {direction.number}: в нём не участвует ни одна команда.")
        elif taking_part < p.leaders_min:
            verb = ru_plural(taking_part, "участвует", "участвуют", "участвуют")
            notes.append(
                f"Направление {direction.number}: {verb} {teams_phrase(taking_part)} — "
                f"меньше минимума лидеров ({p.leaders_min})."
            )
        if kept > p.leaders_max:
            notes.append(
                f"Направление {direction.number}: узкую специализацию сохраняют "
                f"{leaders_phrase(kept)} — больше максимума ({p.leaders_max})."
            )
    team_max = {}
    for team in teams:
        kept = sum(1 for d in team.strength if is_forced(team, d, p))
        team_max[team.key] = max(p.max_directions_led, kept)
        if kept > p.max_directions_led:
            notes.append(
                f"{team.label}: узкая специализация сохраняет лидерство в {kept} направлениях — "
                f"больше предела ({p.max_directions_led})."
            )
    return _Limits(direction_min, direction_max, team_max, notes)


def choose_leaders(teams, directions, p: Parameters):
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
    notes.extend(shortfall_notes(ordered_directions, leaders, limits.direction_min, p))
    notes.extend(coverage_notes(teams, numbers, leaders, limits.direction_max))
    model = TierModel(
        leaders=leaders,
        direction_max=limits.direction_max,
        direction_min=limits.direction_min,
        team_max=limits.team_max,
        forced={(team.key, d) for team, d in candidates if is_forced(team, d, p)},
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

    rows = Rows()
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
        if is_forced(team, d, p):
            lower[column] = 1
    for direction in ordered_directions:
        upper[s_column[direction.key]] = limits.direction_min[direction.key]
    bounds = Bounds(lower, upper)
    y_columns, s_columns = list(y_column.values()), list(s_column.values())

    coverage_cost = np.zeros(width)
    coverage_cost[y_columns] = -1.0
    # One missing leader weighs more than every team's coverage together: bounds come first.
    coverage_cost[s_columns] = len(eligible) + 1
    solution = solve("Лидеры: охват", coverage_cost, rows.matrix(width), rows.lower, rows.upper,
                      bounds, phases)
    shortfall = int(solution[s_columns].sum())
    coverage = int(solution[y_columns].sum())

    rows.add(s_columns, [1.0] * len(s_columns), -np.inf, shortfall)
    rows.add(y_columns, [1.0] * len(y_columns), coverage, np.inf)
    strength_cost = np.zeros(width)
    for column, (team, d) in enumerate(candidates):
        strength_cost[column] = -leader_gain(team, d, p)
    solution = solve("Лидеры: сила и стабильность", strength_cost, rows.matrix(width),
                      rows.lower, rows.upper, bounds, phases)
    best = float(strength_cost @ solution)

    solution = _solve_mentor_room(candidates, by_direction, by_team, ordered_directions, rows,
                                  bounds, strength_cost, best, p, phases)
    return {(team.key, d) for column, (team, d) in enumerate(candidates) if solution[column]}


def _solve_mentor_room(candidates, by_direction, by_team, ordered_directions, rows: Rows,
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
    solution = solve("Лидеры: места наставников", room_cost, rows.matrix(total), rows.lower,
                      rows.upper, room_bounds, phases)
    return solution[:width]


def tier_decisions(teams, directions, p, model: TierModel,
                    load: Mapping[int, int]) -> tuple[TierDecision, ...]:
    numbers = {direction.key: direction.number for direction in directions}
    facts = Facts(
        by_key={team.key: team for team in teams},
        numbers=numbers,
        leaders_of=defaultdict(list),
        led_by_team=defaultdict(list),
        idle=defaultdict(list),
        counts=leader_counts(model.leaders),
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
            context = Context(team, d, p, model, facts)
            if (team.key, d) in model.leaders:
                tier, explanation = LEADER, context.leader()
            else:
                tier = non_leader_tier(team.strength[d], p)
                explanation = context.non_leader(tier)
            decisions.append(TierDecision(team.key, d, tier, current, explanation))
    return tuple(decisions)
