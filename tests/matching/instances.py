"""Instances for the distribution engine, and the reference answers the tests compare with.

The references are written separately from the engine, the plain way: enumeration on small
instances, or a model that states the question directly.
"""

import itertools
import math
import random

import numpy as np
from scipy.optimize import LinearConstraint, milp
from scipy.sparse import csr_array
from scipy.sparse.csgraph import maximum_flow

from demo.krymsky import DIRECTIONS as DEMO_DIRECTIONS
from distribution.engine import (
    LEADER,
    PROMISING,
    RESERVE,
    TIER_STRENGTH,
    DirectionInput,
    Parameters,
    TeamInput,
)

TIERS = [LEADER, PROMISING, RESERVE]


def team(key, strength, current=None, *, diagnosed=(), kind="school", level="sosh",
         locality="", label=None, **fields) -> TeamInput:
    return TeamInput(
        key=key,
        label=label or f"Школа {key}",
        kind=kind,
        level=level,
        locality=locality,
        strength=strength,
        from_diagnosis=frozenset(diagnosed),
        current_tier=current or {},
        **fields,
    )


def directions(count: int) -> list[DirectionInput]:
    # Keys differ from numbers so that mixing them up shows.
    return [DirectionInput(key=10 * number, number=number) for number in range(1, count + 1)]


def demo_instance() -> tuple[list[TeamInput], list[DirectionInput]]:
    """The demo district as the database side passes it: no diagnoses, strength from tiers."""
    strength: dict[str, dict[int, float]] = {}
    current: dict[str, dict[int, str]] = {}
    for number, _title, _annex, *tiers, _curators in DEMO_DIRECTIONS:
        for tier, names in zip(TIERS, tiers, strict=True):
            for name in names:
                strength.setdefault(name, {})[number] = TIER_STRENGTH[tier]
                current.setdefault(name, {})[number] = tier
    teams = [
        team(index, strength[name], current[name], label=name, level=name.split()[1])
        for index, name in enumerate(sorted(strength), start=1)
    ]
    return teams, [DirectionInput(key=number, number=number) for number in range(1, 8)]


def random_instance(rng: random.Random, *, teams: int, directions_count: int,
                    max_taken: int | None = None, empty_share: float = 0.0):
    """Teams with random participation, tiers, diagnoses, strategies, needs and mentors."""
    direction_inputs = directions(directions_count)
    keys = [direction.key for direction in direction_inputs]
    drafts = []
    for key in range(1, teams + 1):
        if rng.random() < empty_share:
            taken = []
        else:
            taken = rng.sample(keys, rng.randint(1, max_taken or directions_count))
        drafts.append((key, taken, {d: rng.choice(TIERS) for d in taken}))
    leaders_of = {d: [key for key, _, tiers in drafts if tiers.get(d) == LEADER] for d in keys}
    result = []
    for key, taken, tiers in drafts:
        diagnosed = {d for d in taken if rng.random() < 0.7}
        strength = {
            d: round(rng.random(), 2) if d in diagnosed else TIER_STRENGTH[tiers[d]]
            for d in taken
        }
        mentors = {
            d: rng.choice(leaders_of[d])
            for d in taken
            if tiers[d] != LEADER and leaders_of[d] and rng.random() < 0.5
        }
        result.append(team(
            key, strength, tiers, diagnosed=diagnosed,
            kind=rng.choice(["school", "preschool"]),
            level=rng.choice(["sosh", "oosh", ""]),
            locality=rng.choice(["urban", "rural", ""]),
            narrow=rng.random() < 0.3,
            needs=frozenset(d for d in taken if rng.random() < 0.5),
            offers=frozenset(d for d in taken if rng.random() < 0.5),
            current_mentor=mentors,
        ))
    return result, direction_inputs


def pairing_instance(rng: random.Random):
    """Leaders fixed by narrow specialisation, so that only the pairing is left to choose.

    Three leader teams share directions 1–3; the learning teams are weak there and keep their
    own leadership in direction 4, so all of them are mentees in one or two directions.
    """
    direction_inputs = directions(4)
    learning_directions, home = [10, 20, 30], 40
    teams = []
    for key in (1, 2, 3):
        led = rng.sample(learning_directions, rng.randint(1, 2))
        teams.append(team(
            key, dict.fromkeys(led, 1.0), dict.fromkeys(led, LEADER), narrow=True,
            kind=rng.choice(["school", "preschool"]), level=rng.choice(["sosh", "oosh"]),
            locality=rng.choice(["urban", "rural", ""]),
            offers=frozenset(d for d in led if rng.random() < 0.5),
        ))
    leaders_of = {d: [item.key for item in teams if d in item.strength]
                  for d in learning_directions}
    for key in (4, 5, 6):
        taken = rng.sample([d for d in learning_directions if leaders_of[d]], 2)
        strength = {d: round(rng.uniform(0, 0.6), 2) for d in taken}
        teams.append(team(
            key, {**strength, home: 1.0},
            {**{d: rng.choice([PROMISING, RESERVE]) for d in taken}, home: LEADER},
            diagnosed=taken, narrow=True,
            kind=rng.choice(["school", "preschool"]), level=rng.choice(["sosh", "oosh"]),
            locality=rng.choice(["urban", "rural", ""]),
            needs=frozenset(d for d in taken if rng.random() < 0.5),
            current_mentor={d: rng.choice(leaders_of[d]) for d in taken if rng.random() < 0.5},
        ))
    return teams, direction_inputs


def random_parameters(rng: random.Random, **fixed) -> Parameters:
    leaders_min = rng.randint(0, 2)
    values = {
        "leaders_min": leaders_min,
        "leaders_max": rng.randint(max(1, leaders_min), 3),
        "max_directions_led": rng.randint(1, 2),
        "mentees_per_leader": rng.randint(1, 3),
        "change_cost": rng.choice([0.0, 0.05, 0.2]),
        "leader_floor": rng.choice([0.5, 0.7]),
        "promising_threshold": rng.choice([0.4, 0.5]),
        "keep_narrow": rng.random() < 0.7,
        "keep_mentor_bonus": rng.choice([0.0, 0.5, 1.5]),
    }
    values.update(fixed)
    return Parameters(**values)


# --- Tiers by enumeration --------------------------------------------------------------------


def non_leader_tier(strength: float, parameters: Parameters) -> str:
    return PROMISING if strength >= parameters.promising_threshold else RESERVE


def tier_score(teams, direction_inputs, parameters, leaders) -> tuple[int, int, float]:
    """(shortfall of leaders, teams leading somewhere, strength minus changes) of a leader set."""
    shortfall = 0
    for direction in direction_inputs:
        taking_part = sum(1 for item in teams if direction.key in item.strength)
        have = sum(1 for _, d in leaders if d == direction.key)
        shortfall += max(0, min(parameters.leaders_min, taking_part) - have)
    coverage = len({key for key, _ in leaders})
    value = 0.0
    for item in teams:
        for d, strength in item.strength.items():
            if (item.key, d) in leaders:
                tier = LEADER
                value += strength - parameters.leader_floor
            else:
                tier = non_leader_tier(strength, parameters)
            if item.current_tier.get(d) != tier:
                value -= parameters.change_cost
    return shortfall, coverage, value


def best_tiers_by_enumeration(teams, direction_inputs, parameters):
    """(shortfall, coverage, value, unmatched, pairs): the best score over every leader set
    that respects the limits and the narrow teams; then, over the leader sets with that score,
    the fewest teams left without a mentor and the most pairs."""

    def forced(item):
        return {
            d for d, tier in item.current_tier.items()
            if tier == LEADER and item.narrow and parameters.keep_narrow
        }

    choices = []
    for item in teams:
        must = forced(item)
        limit = max(parameters.max_directions_led, len(must))
        options = [
            {(item.key, d) for d in subset}
            for size in range(limit + 1)
            for subset in itertools.combinations(sorted(item.strength), size)
            if must <= set(subset)
        ]
        choices.append(options)
    scored = []
    for combination in itertools.product(*choices):
        leaders = set().union(*combination)
        overfull = False
        for direction in direction_inputs:
            kept = sum(1 for item in teams if direction.key in forced(item))
            have = sum(1 for _, d in leaders if d == direction.key)
            if have > max(parameters.leaders_max, kept):
                overfull = True
        if overfull:
            continue
        shortfall, coverage, value = tier_score(teams, direction_inputs, parameters, leaders)
        scored.append(((-shortfall, coverage, value), leaders))
    best = max(key for key, _ in scored)
    mentees_total = sum(len(item.strength) for item in teams)
    unmatched, pairs = min(
        (mentees_total - len(leaders) - pairs, -pairs)
        for key, leaders in scored
        if key[:2] == best[:2] and math.isclose(key[2], best[2], abs_tol=1e-9)
        for pairs in [most_pairs_by_max_flow(teams, leaders, parameters)]
    )
    return -best[0], best[1], best[2], unmatched, -pairs


def fewest_changes_with_full_coverage(teams, direction_inputs, parameters) -> int:
    """Minimum number of tier changes when every team must lead somewhere (a direct model)."""
    pairs = [(item, d) for item in teams for d in sorted(item.strength)]
    cost = []
    constant = 0
    for item, d in pairs:
        current = item.current_tier.get(d)
        as_leader = int(current != LEADER)
        otherwise = int(current != non_leader_tier(item.strength[d], parameters))
        cost.append(as_leader - otherwise)
        constant += otherwise
    rows, lower, upper = [], [], []
    for item in teams:
        row = [1 if other is item else 0 for other, _ in pairs]
        rows.append(row)
        lower.append(1)
        upper.append(parameters.max_directions_led)
    for direction in direction_inputs:
        row = [1 if d == direction.key else 0 for _, d in pairs]
        rows.append(row)
        lower.append(parameters.leaders_min)
        upper.append(parameters.leaders_max)
    result = milp(
        np.array(cost, dtype=float),
        integrality=np.ones(len(pairs)),
        bounds=(0, 1),
        constraints=LinearConstraint(np.array(rows), lower, upper),
    )
    assert result.status == 0, result.message
    return constant + round(result.fun)


def fewest_unmatched_with_optimal_leaders(teams, direction_inputs, parameters) -> int:
    """Fewest promising/reserve teams without a mentor over the leader sets that lead the most
    teams and then score best on strength and stability: one model with a variable for every
    possible pair, solved in three rounds. Assumes every direction can meet its bounds (as in
    the demo district).
    """
    candidates = [(item, d) for item in teams for d in sorted(item.strength)]
    pair_keys = [
        (mentor, mentee, d)
        for mentor, d in candidates for mentee, other in candidates
        if other == d and mentee is not mentor
    ]
    x = {(item.key, d): index for index, (item, d) in enumerate(candidates)}
    y = {item.key: len(x) + index for index, item in enumerate(teams)}
    z = {
        (mentor.key, mentee.key, d): len(x) + len(y) + index
        for index, (mentor, mentee, d) in enumerate(pair_keys)
    }
    width = len(x) + len(y) + len(z)
    rows, lower, upper = [], [], []

    def row(coefficients, low, high):
        line = np.zeros(width)
        for column, value in coefficients:
            line[column] += value
        rows.append(line)
        lower.append(low)
        upper.append(high)

    for item in teams:
        own = [x[item.key, d] for d in item.strength]
        row([(column, 1) for column in own], 0, parameters.max_directions_led)
        row([(y[item.key], 1)] + [(column, -1) for column in own], -np.inf, 0)
        row([(z[key], 1) for key in z if key[0] == item.key], 0, parameters.mentees_per_leader)
    for direction in direction_inputs:
        own = [column for (_, d), column in x.items() if d == direction.key]
        row([(column, 1) for column in own], parameters.leaders_min, parameters.leaders_max)
    for (mentor, _, d), column in z.items():
        # A pair needs a leading mentor and a mentee that does not lead the direction.
        row([(column, 1), (x[mentor, d], -1)], -np.inf, 0)
    for item, d in candidates:
        into = [(z[key], 1) for key in z if key[1] == item.key and key[2] == d]
        row(into + [(x[item.key, d], 1)], -np.inf, 1)
    low = np.zeros(width)
    for item, d in candidates:
        if parameters.keep_narrow and item.narrow and item.current_tier.get(d) == LEADER:
            low[x[item.key, d]] = 1

    def best(cost):
        result = milp(cost, integrality=np.ones(width), bounds=(low, np.ones(width)),
                      constraints=LinearConstraint(np.array(rows), lower, upper),
                      options={"mip_rel_gap": 0.0})
        assert result.status == 0, result.message
        return result.fun

    coverage_cost = np.zeros(width)
    coverage_cost[list(y.values())] = -1
    coverage = -round(best(coverage_cost))
    row([(column, 1) for column in y.values()], coverage, np.inf)
    value_cost = np.zeros(width)
    for item, d in candidates:
        strength = item.strength[d]
        as_leader = int(item.current_tier.get(d) != LEADER)
        otherwise = int(item.current_tier.get(d) != non_leader_tier(strength, parameters))
        value_cost[x[item.key, d]] = -(strength - parameters.leader_floor
                                      - parameters.change_cost * (as_leader - otherwise))
    value = best(value_cost)
    row([(column, value_cost[column]) for column in x.values()], -np.inf, value + 1e-6)
    unmatched_cost = np.zeros(width)
    unmatched_cost[list(x.values()) + list(z.values())] = -1
    # Every (team, direction) is a leader, a mentee with a mentor, or a mentee without one.
    return len(candidates) + round(best(unmatched_cost))


# --- Pairs -----------------------------------------------------------------------------------


def pair_cost(mentor: TeamInput, mentee: TeamInput, direction: int, parameters) -> float:
    cost = 0.0
    cost += parameters.weight_kind * (mentor.kind != mentee.kind)
    cost += parameters.weight_level * (mentor.level != mentee.level)
    both_known = bool(mentor.locality and mentee.locality)
    cost += parameters.weight_locality * (both_known and mentor.locality != mentee.locality)
    cost -= parameters.weight_offer * (direction in mentor.offers and direction in mentee.needs)
    cost -= parameters.keep_mentor_bonus * (mentee.current_mentor.get(direction) == mentor.key)
    return cost


def best_pairs_by_enumeration(teams, leaders, parameters) -> tuple[int, float]:
    """(most pairs, least cost among those) over every pairing within the capacities."""
    by_key = {item.key: item for item in teams}
    mentees = [
        (item.key, d) for item in teams for d in sorted(item.strength)
        if (item.key, d) not in leaders
    ]
    options = [
        [None] + sorted(mentor for mentor, led in leaders if led == d)
        for _, d in mentees
    ]
    best = None
    for choice in itertools.product(*options):
        load: dict[int, int] = {}
        for mentor in choice:
            if mentor is not None:
                load[mentor] = load.get(mentor, 0) + 1
        if any(count > parameters.mentees_per_leader for count in load.values()):
            continue
        matched = sum(1 for mentor in choice if mentor is not None)
        cost = sum(
            pair_cost(by_key[mentor], by_key[mentee], d, parameters)
            for (mentee, d), mentor in zip(mentees, choice, strict=True)
            if mentor is not None
        )
        key = (matched, -cost)
        if best is None or key > best:
            best = key
    return best[0], -best[1]


def most_pairs_by_max_flow(teams, leaders, parameters) -> int:
    """The largest number of mentor pairs, by scipy's maximum flow on the plain network."""
    mentees = [
        (item.key, d) for item in teams for d in sorted(item.strength)
        if (item.key, d) not in leaders
    ]
    mentors = sorted({mentor for mentor, _ in leaders})
    source, sink = 0, 1 + len(mentees) + len(mentors)
    mentor_node = {mentor: 1 + len(mentees) + index for index, mentor in enumerate(mentors)}
    edges: dict[tuple[int, int], int] = {}
    for index, (_, d) in enumerate(mentees, start=1):
        edges[source, index] = 1
        for mentor, led in leaders:
            if led == d:
                edges[index, mentor_node[mentor]] = 1
    for mentor in mentors:
        edges[mentor_node[mentor], sink] = parameters.mentees_per_leader
    if not edges:
        return 0
    heads, tails = zip(*edges, strict=True)
    graph = csr_array(
        (np.array(list(edges.values()), dtype=np.int32), (heads, tails)),
        shape=(sink + 1, sink + 1),
    )
    return int(maximum_flow(graph, source, sink).flow_value)


def leaders_of(proposal) -> set[tuple[int, int]]:
    return {(d.team, d.direction) for d in proposal.tiers if d.tier == LEADER}
