"""Choosing the leaders of every direction, and the promising/reserve split of the rest."""

import math
import random
from collections import Counter
from dataclasses import replace

import numpy as np
import pytest
from scipy.sparse import csr_array
from scipy.sparse.csgraph import maximum_bipartite_matching

from distribution.engine import LEADER, PROMISING, RESERVE, Parameters, propose
from tests.matching.instances import (
    best_tiers_by_enumeration,
    directions,
    leaders_of,
    non_leader_tier,
    random_instance,
    random_parameters,
    team,
    tier_score,
)


@pytest.mark.parametrize("seed", range(40))
def test_it_finds_the_same_optimum_as_enumerating_every_leader_set(seed):
    rng = random.Random(seed)
    teams, direction_inputs = random_instance(
        rng, teams=rng.randint(2, 5), directions_count=3, empty_share=0.1
    )
    parameters = random_parameters(rng)

    proposal = propose(teams=teams, directions=direction_inputs, parameters=parameters)

    shortfall, coverage, value = tier_score(
        teams, direction_inputs, parameters, leaders_of(proposal)
    )
    best_shortfall, best_coverage, best_value, unmatched, pairs = best_tiers_by_enumeration(
        teams, direction_inputs, parameters
    )
    assert (shortfall, coverage) == (best_shortfall, best_coverage)
    assert math.isclose(value, best_value, abs_tol=1e-6)
    assert proposal.leading_after == coverage
    # Among the leader sets as good as that, the fewest without a mentor, then the most pairs.
    assert (len(proposal.unmatched), len(proposal.pairs)) == (unmatched, pairs)


@pytest.mark.parametrize("seed", range(10))
def test_it_proposes_the_same_whatever_the_order_of_the_input(seed):
    rng = random.Random(4000 + seed)
    teams, direction_inputs = random_instance(rng, teams=60, directions_count=7, max_taken=4)
    parameters = random_parameters(rng, leaders_max=rng.randint(3, 12))

    first = propose(teams=teams, directions=direction_inputs, parameters=parameters)
    rng.shuffle(teams)
    rng.shuffle(direction_inputs)
    again = propose(teams=teams, directions=direction_inputs, parameters=parameters)

    assert replace(again, seconds=first.seconds, phases=first.phases) == first


def _assert_every_tier_rule_holds(teams, direction_inputs, parameters, proposal):
    keys = {(item.key, d) for item in teams for d in item.strength}
    decided = [(decision.team, decision.direction) for decision in proposal.tiers]
    assert sorted(decided) == sorted(keys)

    leaders = leaders_of(proposal)
    per_team = Counter(key for key, _ in leaders)
    per_direction = Counter(d for _, d in leaders)
    by_key = {item.key: item for item in teams}
    for item in teams:
        narrow_kept = {
            d for d, tier in item.current_tier.items()
            if tier == LEADER and item.narrow and parameters.keep_narrow
        }
        assert narrow_kept <= {d for key, d in leaders if key == item.key}
        assert per_team[item.key] <= max(parameters.max_directions_led, len(narrow_kept))
    for direction in direction_inputs:
        taking_part = sum(1 for item in teams if direction.key in item.strength)
        assert per_direction[direction.key] <= parameters.leaders_max
        if per_direction[direction.key] < min(parameters.leaders_min, taking_part):
            assert any(f"Направление {direction.number}:" in note for note in proposal.notes)
    for decision in proposal.tiers:
        item = by_key[decision.team]
        assert decision.current == item.current_tier.get(decision.direction)
        if decision.tier != LEADER:
            assert decision.tier == non_leader_tier(item.strength[decision.direction], parameters)
        assert decision.explanation
    assert proposal.changes == sum(1 for decision in proposal.tiers if decision.changed)
    assert proposal.leading_after == len(per_team)
    assert proposal.leading_before == sum(
        1 for item in teams if LEADER in item.current_tier.values()
    )
    assert proposal.teams_total == len(teams)


@pytest.mark.parametrize("seed", range(6))
def test_it_keeps_every_rule_on_larger_random_municipalities(seed):
    rng = random.Random(1000 + seed)
    teams, direction_inputs = random_instance(
        rng, teams=rng.randint(50, 200), directions_count=7, max_taken=4, empty_share=0.02
    )
    parameters = random_parameters(
        rng, leaders_max=rng.randint(5, 40), keep_narrow=False, mentees_per_leader=3
    )

    proposal = propose(teams=teams, directions=direction_inputs, parameters=parameters)

    _assert_every_tier_rule_holds(teams, direction_inputs, parameters, proposal)


@pytest.mark.parametrize("seed", range(4))
def test_it_leads_as_many_teams_as_a_maximum_matching_allows(seed):
    # Without minimums and narrow teams, the best coverage is a maximum matching of teams to
    # the leader places of their directions.
    rng = random.Random(2000 + seed)
    teams, direction_inputs = random_instance(rng, teams=120, directions_count=7, max_taken=3)
    parameters = random_parameters(rng, leaders_min=0, leaders_max=8, keep_narrow=False)

    proposal = propose(teams=teams, directions=direction_inputs, parameters=parameters)

    slots = [(d.key, place) for d in direction_inputs for place in range(parameters.leaders_max)]
    rows, columns = [], []
    for row, item in enumerate(teams):
        for column, (d, _) in enumerate(slots):
            if d in item.strength:
                rows.append(row)
                columns.append(column)
    graph = csr_array((np.ones(len(rows)), (rows, columns)), shape=(len(teams), len(slots)))
    matching = maximum_bipartite_matching(graph, perm_type="column")
    assert proposal.leading_after == int((matching >= 0).sum())
    assert proposal.leading_after < len(teams)
    _assert_every_tier_rule_holds(teams, direction_inputs, parameters, proposal)


def test_it_keeps_a_narrow_specialisation_leader_even_when_others_are_stronger():
    d = directions(1)
    narrow = team(1, {10: 0.2}, {10: LEADER}, diagnosed={10}, narrow=True)
    stronger = team(2, {10: 0.95}, {10: PROMISING}, diagnosed={10})
    parameters = Parameters(leaders_max=1)

    proposal = propose(teams=[narrow, stronger], directions=d, parameters=parameters)

    assert leaders_of(proposal) == {(1, 10)}
    decision = proposal.tiers[0]
    assert decision.explanation == "остаётся лидером по направлению 1: узкая специализация"
    assert not decision.changed


def test_it_replaces_a_narrow_leader_when_told_not_to_keep_them():
    d = directions(1)
    narrow = team(1, {10: 0.2}, {10: LEADER}, diagnosed={10}, narrow=True)
    stronger = team(2, {10: 0.95}, {10: PROMISING}, diagnosed={10})
    parameters = Parameters(leaders_max=1, keep_narrow=False)

    proposal = propose(teams=[narrow, stronger], directions=d, parameters=parameters)

    assert leaders_of(proposal) == {(2, 10)}
    dropped = proposal.tiers[0]
    assert dropped.tier == RESERVE
    assert dropped.explanation.startswith("перестаёт быть лидером: ")
    assert "результат диагностики 0,20 ниже порога 0,50" in dropped.explanation


def test_it_makes_a_team_that_leads_nowhere_the_leader_of_its_best_direction():
    d = directions(2)
    busy = team(1, {10: 1.0, 20: 1.0}, {10: LEADER, 20: LEADER})
    idle = team(2, {10: 0.6, 20: 0.3}, {10: PROMISING, 20: RESERVE})

    proposal = propose(teams=[busy, idle], directions=d)

    assert leaders_of(proposal) == {(1, 10), (1, 20), (2, 10)}
    assert (proposal.leading_before, proposal.leading_after, proposal.changes) == (1, 2, 1)
    new = next(x for x in proposal.tiers if x.team == 2 and x.direction == 10)
    assert new.current == PROMISING and new.changed
    assert new.explanation == (
        "лидер по направлению 1: так команда ведёт хотя бы одно направление; "
        "сила — по текущему уровню: результата диагностики по направлению нет"
    )


def test_it_does_not_crown_weak_teams_once_everyone_leads():
    # Both teams already lead; a weaker second leader in direction 1 would only add a change.
    d = directions(2)
    first = team(1, {10: 0.9, 20: 0.2}, {10: LEADER, 20: RESERVE}, diagnosed={10, 20})
    second = team(2, {10: 0.65, 20: 0.8}, {10: PROMISING, 20: LEADER}, diagnosed={10, 20})

    proposal = propose(teams=[first, second], directions=d)

    assert leaders_of(proposal) == {(1, 10), (2, 20)}
    assert proposal.changes == 0
    texts = {(x.team, x.direction): x.explanation for x in proposal.tiers}
    assert texts[1, 10] == "остаётся лидером по направлению 1: результат диагностики 0,90"
    assert texts[2, 10] == "подающая надежды: результат диагностики 0,65 не ниже порога 0,50"
    assert texts[1, 20] == "скрытые резервы: результат диагностики 0,20 ниже порога 0,50"


def test_it_takes_a_strong_team_into_leaders_when_it_pays_more_than_the_change():
    # Team 2 already leads direction 2; 0.85 − 0.7 floor in direction 1 outweighs the change.
    d = directions(2)
    leader = team(1, {10: 0.9}, {10: LEADER}, diagnosed={10})
    rising = team(2, {10: 0.85, 20: 1.0}, {10: PROMISING, 20: LEADER}, diagnosed={10})

    proposal = propose(teams=[leader, rising], directions=d)

    assert leaders_of(proposal) == {(1, 10), (2, 10), (2, 20)}
    text = next(x.explanation for x in proposal.tiers if (x.team, x.direction) == (2, 10))
    assert text == "лидер по направлению 1: результат диагностики 0,85 не ниже порога лидера 0,70"


def test_it_keeps_the_current_tier_when_the_gain_is_smaller_than_the_change():
    d = directions(2)
    leader = team(1, {10: 0.9}, {10: LEADER}, diagnosed={10})
    rising = team(2, {10: 0.72, 20: 1.0}, {10: PROMISING, 20: LEADER}, diagnosed={10})

    proposal = propose(teams=[leader, rising], directions=d)

    assert leaders_of(proposal) == {(1, 10), (2, 20)}
    assert proposal.changes == 0
    text = next(x.explanation for x in proposal.tiers if (x.team, x.direction) == (2, 10))
    assert text == (
        "подающая надежды: результат диагностики 0,72 не ниже порога 0,50; "
        "в лидеры не выбрана: запас над порогом лидера 0,70 не больше цены изменения 0,05"
    )


def test_it_says_why_a_strong_team_is_not_a_leader_when_the_direction_is_full():
    d = directions(1)
    teams = [team(key, {10: 0.9}, {10: LEADER}, diagnosed={10}) for key in (1, 2)]
    teams.append(team(3, {10: 0.8}, {10: PROMISING}, diagnosed={10}))

    proposal = propose(teams=teams, directions=d, parameters=Parameters(leaders_max=2))

    left_out = next(x for x in proposal.tiers if x.team == 3)
    assert left_out.tier == PROMISING
    assert left_out.explanation == (
        "подающая надежды: результат диагностики 0,80 не ниже порога 0,50; "
        "в лидеры не выбрана: в направлении 1 уже 2 лидера — это предел; "
        "у выбранных лидеров результат не ниже"
    )
    assert proposal.notes == (
        "Школа 3 не ведёт ни одного направления: в её направлениях (1) все места лидеров "
        "заняты (предел — 2); чтобы вели все команды, поднимите максимум лидеров "
        "на направление.",
    )


def test_it_changes_a_tier_that_a_new_diagnosis_moved_across_the_threshold():
    d = directions(2)
    moved = team(1, {10: 1.0, 20: 0.35}, {10: LEADER, 20: PROMISING}, diagnosed={20})

    proposal = propose(teams=[moved], directions=d, parameters=Parameters(leaders_min=0))

    decision = next(x for x in proposal.tiers if x.direction == 20)
    assert (decision.current, decision.tier, decision.changed) == (PROMISING, RESERVE, True)
    assert proposal.changes == 1


def test_it_counts_a_direction_the_team_was_not_placed_in_as_a_change():
    d = directions(1)
    newcomer = team(1, {10: 0.4}, {}, diagnosed={10})
    leader = team(2, {10: 1.0}, {10: LEADER})

    proposal = propose(teams=[leader, newcomer], directions=d,
                       parameters=Parameters(leaders_max=1))

    decision = next(x for x in proposal.tiers if x.team == 1)
    assert (decision.current, decision.tier, decision.changed) == (None, RESERVE, True)
    assert proposal.changes == 1


@pytest.mark.parametrize(
    ("second", "explanation"),
    [
        (0.68, "остаётся лидером по направлению 2: результат чуть ниже порога лидера, "
               "смена уровня не окупается; результат диагностики 0,68"),
        (0.5, "перестаёт быть лидером: результат ниже порога лидера 0,70; "
              "подающая надежды: результат диагностики 0,50 не ниже порога 0,50"),
    ],
)
def test_it_explains_what_happens_to_a_weak_current_leader(second, explanation):
    d = directions(2)
    weak = team(1, {10: 1.0, 20: second}, {10: LEADER, 20: LEADER}, diagnosed={20})
    other = team(2, {20: 1.0}, {20: LEADER})

    proposal = propose(teams=[weak, other], directions=d)

    decision = next(x for x in proposal.tiers if (x.team, x.direction) == (1, 20))
    assert decision.explanation == explanation


def test_it_keeps_a_weak_leader_that_would_otherwise_lead_nowhere():
    d = directions(1)
    weak = team(1, {10: 0.4}, {10: LEADER}, diagnosed={10})
    strong = team(2, {10: 0.9}, {10: LEADER}, diagnosed={10})

    proposal = propose(teams=[weak, strong], directions=d)

    assert proposal.tiers[0].explanation == (
        "остаётся лидером по направлению 1: иначе команда не вела бы ни одного направления; "
        "результат диагностики 0,40"
    )
