"""The dynamics module on hand-made data whose answers are known."""

from fractions import Fraction

import pytest

from diagnostics.dynamics import (
    CountChange,
    Share,
    compare,
    compare_rounds,
    load_deficit_counts,
    load_deficit_sets,
    share_by_direction,
    share_overall,
    team_history,
)
from diagnostics.models import Deficit, Diagnosis, DiagnosisSource
from tests.diagnostics_rounds.conftest import diagnose

ACTIVE = frozenset({1, 2, 3, 4, 5})
START, MIDDLE, FINAL = 10, 20, 30
DIRECTION_A, DIRECTION_B = 100, 200


def sets(*rows):
    return {(round_id, team, direction): frozenset(ids)
            for round_id, team, direction, ids in rows}


def test_it_splits_deficits_into_resolved_persisting_and_new():
    change = compare(team_id=1, direction_id=DIRECTION_A, before={1, 2, 3}, after={2, 4},
                     active_ids=ACTIVE)

    assert change.resolved == {1, 3}
    assert change.persisting == {2}
    assert change.new == {4}
    assert change.delta == -1
    assert change.decreased


def test_it_counts_a_tie_as_no_decrease_even_when_the_deficits_differ():
    change = compare(team_id=1, direction_id=DIRECTION_A, before={1, 2}, after={3, 4},
                     active_ids=ACTIVE)

    assert change.delta == 0
    assert not change.decreased
    assert change.resolved == {1, 2} and change.new == {3, 4}


def test_it_treats_a_team_missing_from_a_round_as_no_data():
    missing_after = compare(team_id=1, direction_id=DIRECTION_A, before={1, 2}, after=None,
                            active_ids=ACTIVE)
    missing_before = compare(team_id=1, direction_id=DIRECTION_A, before=None, after=set(),
                             active_ids=ACTIVE)

    for change in (missing_after, missing_before):
        assert not change.compared
        assert change.delta is None
        assert not change.decreased
        assert change.resolved == change.persisting == change.new == frozenset()


def test_it_counts_going_from_some_deficits_to_none_as_a_decrease():
    change = compare(team_id=1, direction_id=DIRECTION_A, before={1}, after=set(),
                     active_ids=ACTIVE)

    assert change.compared and change.decreased and change.resolved == {1}


def test_it_leaves_a_switched_off_deficit_out_of_both_sides():
    # Deficit 9 was found at the start and then switched off in the catalogue:
    # it was not resolved, it stopped being counted.
    change = compare(team_id=1, direction_id=DIRECTION_A, before={1, 9}, after={1},
                     active_ids=ACTIVE)

    assert change.delta == 0
    assert not change.decreased
    assert change.resolved == frozenset()
    assert change.withdrawn == {9}


def test_it_compares_two_rounds_for_every_team_and_direction_seen_in_either():
    data = sets(
        (START, 1, DIRECTION_A, {1, 2, 3}), (MIDDLE, 1, DIRECTION_A, {1}),      # −2
        (START, 2, DIRECTION_A, {1}), (MIDDLE, 2, DIRECTION_A, {1, 2}),         # +1
        (START, 3, DIRECTION_A, {1, 2}), (MIDDLE, 3, DIRECTION_A, {3, 4}),      # tie
        (START, 4, DIRECTION_A, {1, 2}),                                        # no second
        (MIDDLE, 5, DIRECTION_B, {1}),                                          # no first
        (FINAL, 1, DIRECTION_A, set()),                                         # other round
    )

    changes = compare_rounds(sets=data, first_round_id=START, second_round_id=MIDDLE,
                             active_ids=ACTIVE)

    assert [(c.team_id, c.direction_id, c.delta) for c in changes] == [
        (1, DIRECTION_A, -2), (2, DIRECTION_A, 1), (3, DIRECTION_A, 0),
        (4, DIRECTION_A, None), (5, DIRECTION_B, None),
    ]
    shares = share_by_direction(changes)
    assert shares[DIRECTION_A] == Share(decreased=1, compared=3)
    assert shares[DIRECTION_A].value == Fraction(1, 3)
    assert shares[DIRECTION_A].percent == 33
    # Direction B has a team, but none diagnosed in both rounds: no data, not 0 %.
    assert shares[DIRECTION_B] == Share(decreased=0, compared=0)
    assert shares[DIRECTION_B].value is None
    assert shares[DIRECTION_B].percent is None


def test_it_counts_each_team_once_overall_by_the_sum_of_its_directions():
    data = sets(
        # Team 1: −1 in A and +1 in B: no decrease overall.
        (START, 1, DIRECTION_A, {1, 2}), (MIDDLE, 1, DIRECTION_A, {1}),
        (START, 1, DIRECTION_B, {1}), (MIDDLE, 1, DIRECTION_B, {1, 2}),
        # Team 2: −1 in A, and B only in the first round (not counted).
        (START, 2, DIRECTION_A, {1}), (MIDDLE, 2, DIRECTION_A, set()),
        (START, 2, DIRECTION_B, {1, 2, 3}),
        # Team 3: only in the second round.
        (MIDDLE, 3, DIRECTION_A, {1}),
    )

    changes = compare_rounds(sets=data, first_round_id=START, second_round_id=MIDDLE,
                             active_ids=ACTIVE)

    assert share_overall(changes) == Share(decreased=1, compared=2)
    assert share_overall(changes).percent == 50


def test_it_says_no_data_overall_when_no_team_is_in_both_rounds():
    changes = compare_rounds(sets=sets((START, 1, DIRECTION_A, {1})), first_round_id=START,
                             second_round_id=MIDDLE, active_ids=ACTIVE)

    assert share_overall(changes).value is None
    assert share_overall([]).percent is None


@pytest.mark.parametrize("decreased, compared, percent", [
    (0, 4, 0), (4, 4, 100), (1, 2, 50), (2, 3, 67), (1, 8, 13),
])
def test_it_rounds_a_share_to_a_whole_percent(decreased, compared, percent):
    assert Share(decreased, compared).percent == percent


def test_it_builds_a_team_history_over_the_rounds_it_was_diagnosed_in():
    data = sets(
        (START, 1, DIRECTION_A, {1, 2, 3}),
        (FINAL, 1, DIRECTION_A, {2, 4}),     # missed the middle round in A
        (START, 1, DIRECTION_B, {1}),
        (MIDDLE, 1, DIRECTION_B, {1}),
        (FINAL, 1, DIRECTION_B, set()),
        (START, 2, DIRECTION_A, {5}),        # another team
    )

    history = team_history(sets=data, team_id=1, round_ids=[START, MIDDLE, FINAL],
                           active_ids=ACTIVE)

    assert set(history) == {DIRECTION_A, DIRECTION_B}
    a_steps = history[DIRECTION_A].steps
    assert [(s.first_round_id, s.second_round_id) for s in a_steps] == [(START, FINAL)]
    assert a_steps[0].change.resolved == {1, 3}
    assert a_steps[0].change.persisting == {2}
    assert a_steps[0].change.new == {4}
    b_steps = history[DIRECTION_B].steps
    assert [(s.first_round_id, s.second_round_id, s.change.delta) for s in b_steps] == [
        (START, MIDDLE, 0), (MIDDLE, FINAL, -1),
    ]
    assert list(history[DIRECTION_B].found) == [START, MIDDLE, FINAL]


def test_it_orders_a_history_by_the_rounds_given_not_by_ids():
    data = sets((30, 1, DIRECTION_A, {1}), (10, 1, DIRECTION_A, {1, 2}))

    history = team_history(sets=data, team_id=1, round_ids=[30, 10], active_ids=ACTIVE)

    step = history[DIRECTION_A].steps[0]
    assert (step.first_round_id, step.second_round_id, step.change.delta) == (30, 10, 1)


def test_it_loads_deficit_sets_in_two_queries_including_empty_diagnoses(
    world, rounds, django_assert_num_queries
):
    direction = world.directions[0]
    diagnose(world.school_a.team, rounds.start, direction, ["1.1", "1.2"], rounds)
    diagnose(world.school_b.team, rounds.start, direction, [], rounds)
    diagnose(world.school_a.team, rounds.start, direction, ["1.3"], rounds,
             source=DiagnosisSource.SELF)

    with django_assert_num_queries(2):
        loaded = load_deficit_sets(Diagnosis.objects.filter(source=DiagnosisSource.EXPERT))

    assert loaded == {
        (rounds.start.pk, world.school_a.team.pk, direction.pk):
            frozenset({rounds.deficits["1.1"].pk, rounds.deficits["1.2"].pk}),
        (rounds.start.pk, world.school_b.team.pk, direction.pk): frozenset(),
    }


def test_it_gives_counts_the_same_change_and_shares_as_the_sets_they_count():
    pairs = [
        (1, DIRECTION_A, {1, 2, 3}, {2, 4}),      # fewer
        (1, DIRECTION_B, {1}, {1, 2}),            # more: team 1 sums to 0, no decrease
        (2, DIRECTION_A, {1, 9}, {1}),            # 9 withdrawn: no change
        (3, DIRECTION_A, {1, 2}, {3, 4}),         # a tie
        (4, DIRECTION_B, {5}, set()),             # down to none
    ]
    by_sets = [compare(team_id=team, direction_id=direction, before=before, after=after,
                       active_ids=ACTIVE) for team, direction, before, after in pairs]
    by_counts = [CountChange(team, direction, len(before & ACTIVE), len(after & ACTIVE))
                 for team, direction, before, after in pairs]

    assert [(c.compared, c.delta, c.decreased) for c in by_counts] == [
        (c.compared, c.delta, c.decreased) for c in by_sets
    ]
    assert share_overall(by_counts) == share_overall(by_sets) == Share(decreased=1, compared=4)
    assert share_by_direction(by_counts) == share_by_direction(by_sets) == {
        DIRECTION_A: Share(decreased=1, compared=3), DIRECTION_B: Share(decreased=1, compared=2),
    }


def test_it_counts_only_the_deficits_that_count_in_one_query(
    world, rounds, django_assert_num_queries
):
    direction = world.directions[0]
    # «1.9» is switched off in the catalogue: found, but not counted.
    diagnose(world.school_a.team, rounds.start, direction, ["1.1", "1.2", "1.9"], rounds)
    diagnose(world.school_b.team, rounds.start, direction, [], rounds)
    diagnose(world.school_a.team, rounds.start, direction, ["1.3"], rounds,
             source=DiagnosisSource.SELF)

    with django_assert_num_queries(1):
        counts = load_deficit_counts(
            Diagnosis.objects.filter(source=DiagnosisSource.EXPERT),
            Deficit.objects.filter(active=True),
        )

    assert counts == {
        (rounds.start.pk, world.school_a.team.pk, direction.pk): 2,
        (rounds.start.pk, world.school_b.team.pk, direction.pk): 0,
    }
    sets = load_deficit_sets(Diagnosis.objects.filter(source=DiagnosisSource.EXPERT))
    active = frozenset(Deficit.objects.filter(active=True).values_list("pk", flat=True))
    assert counts == {key: len(found & active) for key, found in sets.items()}
