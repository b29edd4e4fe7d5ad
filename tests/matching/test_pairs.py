"""Giving every promising and reserve team a mentor among the leaders of the direction."""

import math
import random
from collections import Counter
from dataclasses import replace

import pytest

from distribution.engine import LEADER, PROMISING, RESERVE, Parameters, propose
from tests.matching.instances import (
    best_pairs_by_enumeration,
    directions,
    leaders_of,
    most_pairs_by_max_flow,
    pair_cost,
    pairing_instance,
    random_instance,
    random_parameters,
    team,
)


def _total_cost(teams, proposal, parameters) -> float:
    by_key = {item.key: item for item in teams}
    return sum(
        pair_cost(by_key[pair.mentor], by_key[pair.mentee], pair.direction, parameters)
        for pair in proposal.pairs
    )


# Few teams with several directions each, and more teams where everyone leads one direction
# at most, so that many mentees compete for a few places.
SHAPES = {
    "few teams": {"teams": (3, 5), "directions_count": 2, "max_taken": None, "led": None},
    "scarce mentors": {"teams": (6, 6), "directions_count": 3, "max_taken": 2, "led": 1},
}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("seed", range(20))
def test_it_finds_the_same_pairs_optimum_as_enumerating_every_pairing(seed, shape):
    rng = random.Random(500 + seed)
    options = SHAPES[shape]
    teams, direction_inputs = random_instance(
        rng, teams=rng.randint(*options["teams"]),
        directions_count=options["directions_count"], max_taken=options["max_taken"],
    )
    parameters = random_parameters(rng, leaders_min=1, leaders_max=2)
    if options["led"]:
        parameters = replace(parameters, max_directions_led=options["led"])

    proposal = propose(teams=teams, directions=direction_inputs, parameters=parameters)

    leaders = leaders_of(proposal)
    most, cheapest = best_pairs_by_enumeration(teams, leaders, parameters)
    assert len(proposal.pairs) == most
    assert math.isclose(_total_cost(teams, proposal, parameters), cheapest, abs_tol=1e-6)


@pytest.mark.parametrize("seed", range(25))
def test_it_chooses_among_mentors_as_enumerating_every_pairing_does(seed):
    rng = random.Random(700 + seed)
    teams, direction_inputs = pairing_instance(rng)
    parameters = Parameters(
        leaders_max=3,
        mentees_per_leader=rng.randint(1, 3),
        weight_kind=rng.choice([0.0, 1.0]),
        weight_level=rng.choice([0.5, 1.0]),
        weight_locality=rng.choice([0.0, 1.0, 3.0]),
        weight_offer=rng.choice([0.0, 2.0]),
        keep_mentor_bonus=rng.choice([0.0, 0.5, 1.5]),
    )

    proposal = propose(teams=teams, directions=direction_inputs, parameters=parameters)

    leaders = leaders_of(proposal)
    assert {key for key, _ in leaders} == {1, 2, 3, 4, 5, 6}
    most, cheapest = best_pairs_by_enumeration(teams, leaders, parameters)
    assert len(proposal.pairs) == most
    assert math.isclose(_total_cost(teams, proposal, parameters), cheapest, abs_tol=1e-6)
    _assert_every_pair_rule_holds(teams, parameters, proposal)


def _assert_every_pair_rule_holds(teams, parameters, proposal):
    leaders = leaders_of(proposal)
    mentees = {
        (item.key, d) for item in teams for d in item.strength if (item.key, d) not in leaders
    }
    paired = [(pair.mentee, pair.direction) for pair in proposal.pairs]
    left = [(item.team, item.direction) for item in proposal.unmatched]
    assert sorted(paired + left) == sorted(mentees)
    for pair in proposal.pairs:
        assert (pair.mentor, pair.direction) in leaders
        assert pair.mentor != pair.mentee
        assert pair.kept == (
            next(x for x in teams if x.key == pair.mentee).current_mentor.get(pair.direction)
            == pair.mentor
        )
        assert pair.explanation.startswith("наставник: ")
    load = Counter(pair.mentor for pair in proposal.pairs)
    assert dict(proposal.leader_load) == {key: load[key] for key, _ in leaders}
    assert max(proposal.leader_load.values(), default=0) <= parameters.mentees_per_leader
    assert len(proposal.pairs) == most_pairs_by_max_flow(teams, leaders, parameters)
    for item in proposal.unmatched:
        # Nobody is left without a mentor while a leader of the direction has room.
        room = [
            key for key, d in leaders
            if d == item.direction and proposal.leader_load[key] < parameters.mentees_per_leader
        ]
        assert room == []
        _assert_the_reason_counts_the_places(item, leaders, parameters, proposal)


def _assert_the_reason_counts_the_places(item, leaders, parameters, proposal):
    """The reason adds up: every place of the direction's leaders, by the direction it went to."""
    number = item.direction // 10
    mentors = sorted(key for key, d in leaders if d == item.direction)
    taken = Counter(pair.direction // 10 for pair in proposal.pairs if pair.mentor in mentors)
    if not mentors:
        assert item.reason == f"в направлении {number} нет лидеров"
        return
    if not parameters.mentees_per_leader:
        assert item.reason.startswith(f"лидеры направления {number} не берут подопечных")
        return
    head, _, places = item.reason.partition(" заняты: ")
    assert head.startswith(f"места лидеров направления {number} ({len(mentors)} ")
    said = {}
    for part in places.split(", "):
        count, _, rest = part.partition(" ")
        said[number if rest.endswith("этого направления") else int(rest.split()[-1])] = int(count)
    assert said == dict(taken)
    assert sum(said.values()) == len(mentors) * parameters.mentees_per_leader


@pytest.mark.parametrize("seed", range(6))
def test_it_pairs_as_many_teams_as_the_capacities_allow_on_larger_municipalities(seed):
    rng = random.Random(3000 + seed)
    teams, direction_inputs = random_instance(
        rng, teams=rng.randint(50, 200), directions_count=7, max_taken=4
    )
    parameters = random_parameters(
        rng, leaders_max=rng.randint(5, 30), mentees_per_leader=rng.randint(1, 3)
    )

    proposal = propose(teams=teams, directions=direction_inputs, parameters=parameters)

    _assert_every_pair_rule_holds(teams, parameters, proposal)


# The mentees below lead direction 2, so that leading nowhere does not make them leaders of 1.
LEADS_ELSEWHERE = {"strength": {10: 0.3, 20: 1.0}, "current": {10: RESERVE, 20: LEADER}}


def _mentee(key, **fields):
    return team(key, LEADS_ELSEWHERE["strength"], LEADS_ELSEWHERE["current"], **fields)


def test_it_prefers_a_similar_mentor_that_offers_what_is_needed():
    d = directions(2)
    teams = [
        team(1, {10: 1.0}, {10: LEADER}, kind="school", level="sosh", locality="urban"),
        team(2, {10: 1.0}, {10: LEADER}, kind="school", level="oosh", locality="rural",
             offers=frozenset({10})),
        team(3, {10: 1.0}, {10: LEADER}, kind="preschool", level="", locality="rural"),
        _mentee(4, kind="school", level="oosh", locality="rural", needs=frozenset({10})),
    ]

    proposal = propose(teams=teams, directions=d)

    (pair,) = proposal.pairs
    assert (pair.mentor, pair.mentee, pair.kept) == (2, 4, False)
    assert pair.explanation == (
        "наставник: тот же тип и уровень ОО, обе сельские, предлагает практику, которая нужна"
    )
    assert proposal.leader_load == {1: 0, 2: 1, 3: 0, 4: 0}


def test_it_keeps_the_current_mentor_when_another_is_just_as_good():
    d = directions(2)
    teams = [
        team(1, {10: 1.0}, {10: LEADER}),
        team(2, {10: 1.0}, {10: LEADER}),
        _mentee(3, current_mentor={10: 2}),
    ]

    proposal = propose(teams=teams, directions=d)

    (pair,) = proposal.pairs
    assert (pair.mentor, pair.kept) == (2, True)
    assert pair.explanation == "наставник: тот же тип и уровень ОО, прежний наставник"


def test_it_changes_the_mentor_when_a_much_closer_one_is_free():
    d = directions(2)
    teams = [
        team(1, {10: 1.0}, {10: LEADER}, kind="preschool", level=""),
        team(2, {10: 1.0}, {10: LEADER}),
        _mentee(3, current_mentor={10: 1}),
    ]

    proposal = propose(teams=teams, directions=d)

    (pair,) = proposal.pairs
    assert (pair.mentor, pair.kept) == (2, False)


def test_it_spreads_mentees_within_every_leaders_capacity_across_directions():
    # Team 1 leads directions 1 and 2; its three places are shared between them.
    d = directions(3)
    teams = [team(1, {10: 1.0, 20: 1.0}, {10: LEADER, 20: LEADER})]
    teams += [
        team(key, {10: 0.6, 20: 0.6, 30: 1.0}, {10: PROMISING, 20: PROMISING, 30: LEADER})
        for key in (2, 3)
    ]
    parameters = Parameters(mentees_per_leader=3, leaders_max=2)

    proposal = propose(teams=teams, directions=d, parameters=parameters)

    assert len(proposal.pairs) == 3
    assert proposal.leader_load == {1: 3, 2: 0, 3: 0}
    (left,) = proposal.unmatched
    number, other = (1, 2) if left.direction == 10 else (2, 1)
    assert left.reason == (
        f"места лидеров направления {number} (1 лидер × 3 подопечных) заняты: "
        f"1 подопечный этого направления, 2 — направления {other}"
    )


def _leading_mentee(key, direction, **fields):
    """A reserve team in ``direction`` that leads direction 3, so it stays a mentee."""
    return team(key, {direction: 0.3, 30: 1.0}, {direction: RESERVE, 30: LEADER}, **fields)


def test_it_says_where_the_places_of_a_directions_leaders_went():
    # Direction 1 has two leaders with two places each for four mentees, but leader 2 also
    # leads direction 2, whose only mentee it suits best: one mentee of direction 1 is left.
    d = directions(3)
    teams = [
        team(1, {10: 1.0}, {10: LEADER}),
        team(2, {10: 1.0, 20: 1.0}, {10: LEADER, 20: LEADER}, offers=frozenset({20})),
        *[_leading_mentee(key, 10) for key in (3, 4, 5, 6)],
        _leading_mentee(7, 20, needs=frozenset({20})),
    ]

    proposal = propose(teams=teams, directions=d, parameters=Parameters(mentees_per_leader=2))

    assert proposal.leader_load == {1: 2, 2: 2, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0}
    (left,) = proposal.unmatched
    assert left.direction == 10
    assert left.reason == (
        "места лидеров направления 1 (2 лидера × 2 подопечных) заняты: "
        "3 подопечных этого направления, 1 — направления 2"
    )


def test_it_says_when_every_place_went_to_other_directions():
    d = directions(3)
    teams = [
        team(1, {10: 1.0, 20: 1.0}, {10: LEADER, 20: LEADER}, offers=frozenset({20})),
        _leading_mentee(2, 10),
        _leading_mentee(3, 20, needs=frozenset({20})),
    ]

    proposal = propose(teams=teams, directions=d, parameters=Parameters(mentees_per_leader=1))

    assert [(pair.mentor, pair.mentee) for pair in proposal.pairs] == [(1, 3)]
    assert [(x.team, x.reason) for x in proposal.unmatched] == [
        (2, "места лидеров направления 1 (1 лидер × 1 подопечный) заняты: "
            "1 подопечный направления 2")
    ]


def test_it_says_when_leaders_take_no_mentees_at_all():
    d = directions(3)
    teams = [team(1, {10: 1.0}, {10: LEADER}), _leading_mentee(2, 10)]

    proposal = propose(teams=teams, directions=d, parameters=Parameters(mentees_per_leader=0))

    assert [(x.team, x.reason) for x in proposal.unmatched] == [
        (2, "лидеры направления 1 не берут подопечных: число подопечных на лидера — 0")
    ]


def test_it_says_when_a_direction_has_no_leader_to_mentor():
    d = directions(2)
    teams = [_mentee(1)]
    parameters = Parameters(leaders_min=0)

    proposal = propose(teams=teams, directions=d, parameters=parameters)

    assert proposal.pairs == ()
    assert [(x.team, x.reason) for x in proposal.unmatched] == [
        (1, "в направлении 1 нет лидеров")
    ]
