"""Choosing mentor pairs: a min-cost flow in which every promising or reserve (team,
direction) needs a leader of the same direction and each leader team takes at most
``mentees_per_leader`` over all directions. First the largest number of pairs, then the
cheapest ones (similar organizations, a mentor that offers what the mentee needs, current
pairs kept). Mentees that look alike to every mentor are pooled, which keeps the model small.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds

from distribution.engine.explain import pair_explanation, unmatched_reason
from distribution.engine.inputs import PairDecision, Parameters, PhaseStats, TeamInput, Unmatched
from distribution.engine.solver import Rows, solve
from distribution.engine.terms import TierModel


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
    rows: Rows
    unmatched_columns: list[int]
    pools: dict[tuple[int, tuple], list[int]]
    pool_keys: list[tuple[int, tuple]]
    keepers: set[tuple[int, int]]


def choose_mentors(teams, directions, p: Parameters, model: TierModel):
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
        flows = solve("Наставники: число пар", unmatched_cost, rows.matrix(width), rows.lower,
                       rows.upper, bounds, phases)
        left = int(flows[unmatched_columns].sum())
        rows.add(unmatched_columns, [1.0] * len(unmatched_columns), left, left)
        flows = solve("Наставники: сходство", np.array(network.costs), rows.matrix(width),
                       rows.lower, rows.upper, bounds, phases)

    pairs, unmatched = _pairs_from_flows(network, flows, by_key)
    load = dict.fromkeys(mentor_keys, 0)
    for pair in pairs:
        load[pair.mentor] += 1
    pairs.sort(key=lambda pair: (numbers[pair.direction], pair.mentee))
    unmatched.sort(key=lambda item: (numbers[item[1]], item[0]))
    reasons = {
        d: unmatched_reason(d, numbers, leaders_of[d], pairs, p) for d in {d for _, d in unmatched}
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
    rows = Rows()
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
    pairs, joined, places = _read_flows(network, flows, by_key)
    unmatched: list[tuple[int, int]] = []
    for pool in network.pool_keys:
        d, _ = pool
        members = [
            mentee for mentee in network.pools[pool]
            if (mentee, d) not in network.keepers or (mentee, d) in joined
        ]
        placed = _seat_pool(members, places[pool], by_key, d)
        for mentee in members:
            if mentee in placed:
                pairs.append(_pair(by_key[placed[mentee]], by_key[mentee], d))
            else:
                unmatched.append((mentee, d))
    return pairs, unmatched


def _read_flows(network: _PairNetwork, flows, by_key):
    """The pairs kept with the current mentor, the keepers that joined their pool instead, and
    for every pool one mentor per pair it sends."""
    pairs: list[PairDecision] = []
    joined: set[tuple[int, int]] = set()
    places: dict[tuple, list[int]] = defaultdict(list)
    for column, flow in zip(network.columns, flows, strict=True):
        if not flow:
            continue
        if column[0] == "keep":
            _, mentee, d, mentor = column
            pairs.append(_pair(by_key[mentor], by_key[mentee], d))
        elif column[0] == "join":
            joined.add((column[1], column[2]))
        elif column[0] == "pair":
            places[column[1]].extend([column[2]] * int(flow))
    return pairs, joined, places


def _seat_pool(members: list[int], places: list[int], by_key, direction: int) -> dict[int, int]:
    """Mentee → mentor inside one pool, where every assignment costs the same: a member meets
    its current mentor when one of the pool's places is with that mentor."""
    free = list(places)
    placed = {}
    for mentee in members:
        current = by_key[mentee].current_mentor.get(direction)
        if current in free:
            free.remove(current)
            placed[mentee] = current
    for mentee in members:
        if mentee not in placed and free:
            placed[mentee] = free.pop(0)
    return placed


def _pair(mentor: TeamInput, mentee: TeamInput, direction: int) -> PairDecision:
    kept = mentee.current_mentor.get(direction) == mentor.key
    return PairDecision(
        direction=direction,
        mentor=mentor.key,
        mentee=mentee.key,
        kept=kept,
        explanation=pair_explanation(mentor, mentee, direction, kept),
    )
