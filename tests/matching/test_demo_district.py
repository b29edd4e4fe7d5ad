"""The demo district: every team leads somewhere, with the fewest changes possible."""

import random
from collections import Counter
from dataclasses import replace

import pytest

from distribution.engine import LEADER, Parameters, propose
from tests.matching.instances import (
    demo_instance,
    fewest_changes_with_full_coverage,
    fewest_unmatched_with_optimal_leaders,
    leaders_of,
)


def test_it_has_the_demo_district_as_the_seed_describes_it():
    teams, _ = demo_instance()
    assert len(teams) == 34
    assert sum(len(item.strength) for item in teams) == 92
    assert sum(1 for item in teams if LEADER in item.current_tier.values()) == 18


def test_it_makes_every_demo_team_lead_with_the_fewest_changes():
    teams, direction_inputs = demo_instance()
    parameters = Parameters()

    proposal = propose(teams=teams, directions=direction_inputs, parameters=parameters)

    assert (proposal.leading_before, proposal.leading_after, proposal.teams_total) == (18, 34, 34)
    assert proposal.changes == fewest_changes_with_full_coverage(
        teams, direction_inputs, parameters
    )
    leaders = leaders_of(proposal)
    assert max(Counter(key for key, _ in leaders).values()) <= parameters.max_directions_led
    per_direction = Counter(d for _, d in leaders)
    assert all(1 <= per_direction[d.key] <= parameters.leaders_max for d in direction_inputs)
    assert max(proposal.leader_load.values()) <= parameters.mentees_per_leader
    assert proposal.notes == ()


def test_it_keeps_every_current_demo_leader_and_only_adds_new_ones():
    teams, direction_inputs = demo_instance()

    proposal = propose(teams=teams, directions=direction_inputs)

    current = {
        (item.key, d) for item in teams for d, tier in item.current_tier.items() if tier == LEADER
    }
    assert current <= leaders_of(proposal)
    changed = [decision for decision in proposal.tiers if decision.changed]
    assert all(decision.tier == LEADER for decision in changed)
    # One new leadership for each of the 16 teams that led nowhere.
    assert len(changed) == 16
    assert len({decision.team for decision in changed}) == 16


def test_it_explains_a_new_demo_leader_by_coverage_and_the_missing_diagnosis():
    teams, direction_inputs = demo_instance()
    school_14 = next(item for item in teams if item.label == "МБОУ ООШ № 14")

    proposal = propose(teams=teams, directions=direction_inputs)

    (new,) = [d for d in proposal.tiers if d.team == school_14.key and d.changed]
    # The only team of its new direction that led nowhere and was promising there.
    assert new.explanation == (
        f"лидер по направлению {new.direction}: так команда ведёт хотя бы одно направление; "
        "лучший результат среди команд, не лидирующих ни в одном направлении; "
        "сила — по текущему уровню: результата диагностики по направлению нет"
    )


@pytest.mark.parametrize("mentees_per_leader", [3, 2, 1])
def test_it_leaves_the_fewest_demo_teams_without_a_mentor_the_best_leaders_allow(
    mentees_per_leader,
):
    # Many leader sets are equally good for coverage, strength and stability; the proposal
    # takes one that gives the most teams a mentor, whatever order the teams come in.
    teams, direction_inputs = demo_instance()
    parameters = Parameters(mentees_per_leader=mentees_per_leader)
    fewest = fewest_unmatched_with_optimal_leaders(teams, direction_inputs, parameters)

    proposals = []
    for seed in range(4):
        shuffled_teams, shuffled_directions = list(teams), list(direction_inputs)
        random.Random(seed).shuffle(shuffled_teams)
        random.Random(seed).shuffle(shuffled_directions)
        proposals.append(propose(teams=shuffled_teams, directions=shuffled_directions,
                                 parameters=parameters))

    first = proposals[0]
    assert len(first.unmatched) == fewest
    assert first.leading_after == 34
    assert first.changes == fewest_changes_with_full_coverage(teams, direction_inputs, parameters)
    for other in proposals[1:]:
        assert replace(other, seconds=first.seconds, phases=first.phases) == first


def test_it_leaves_no_demo_team_without_a_mentor_with_three_places_per_leader():
    teams, direction_inputs = demo_instance()

    proposal = propose(teams=teams, directions=direction_inputs)

    assert proposal.unmatched == ()
    assert len(proposal.pairs) == 92 - sum(1 for d in proposal.tiers if d.tier == LEADER)
