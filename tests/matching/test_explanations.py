"""What the tier explanations claim is true of the proposal they explain."""

import random
import re

import pytest

from distribution.engine import LEADER, PROMISING, RESERVE, Parameters, propose
from tests.matching.instances import (
    directions,
    leaders_of,
    non_leader_tier,
    random_instance,
    random_parameters,
    team,
)


def _texts(proposal) -> dict[tuple[int, int], str]:
    return {(x.team, x.direction): x.explanation for x in proposal.tiers}


def test_it_does_not_take_a_rounding_trace_for_a_reason_to_lead():
    # 0.75 − 0.7 floor − 0.05 change is 4e-17 in floats: nothing to gain, and nothing to say
    # about stronger teams — the two leaders of direction 1 are weaker.
    d = directions(2)
    teams = [
        team(2, {10: 0.75, 20: 1.0}, {10: PROMISING, 20: LEADER}, diagnosed={10}),
        team(3, {10: 0.63}, {10: PROMISING}, diagnosed={10}),
        team(4, {10: 0.39}, {10: LEADER}, diagnosed={10}, narrow=True),
    ]

    proposal = propose(teams=teams, directions=d)

    assert leaders_of(proposal) == {(2, 20), (3, 10), (4, 10)}
    texts = _texts(proposal)
    assert texts[2, 10] == (
        "подающая надежды: результат диагностики 0,75 не ниже порога 0,50; "
        "в лидеры не выбрана: запас над порогом лидера 0,70 не больше цены изменения 0,05"
    )
    assert texts[3, 10] == (
        "лидер по направлению 1: так команда ведёт хотя бы одно направление; "
        "результат диагностики 0,63"
    )
    assert texts[4, 10] == "остаётся лидером по направлению 1: узкая специализация"


def test_it_names_the_weaker_leaders_of_a_full_direction_and_why_they_stay():
    d = directions(3)
    teams = [
        team(2, {10: 0.9, 20: 1.0}, {10: PROMISING, 20: LEADER}, diagnosed={10}),
        team(3, {10: 0.63}, {10: PROMISING}, diagnosed={10}),
        team(4, {10: 0.39}, {10: LEADER}, diagnosed={10}, narrow=True),
        # Already a leader: 0.82 − 0.7 kept beats 0.9 − 0.7 less a change.
        team(5, {10: 0.82, 30: 1.0}, {10: LEADER, 30: LEADER}, diagnosed={10}),
    ]

    proposal = propose(teams=teams, directions=d, parameters=Parameters(leaders_max=3))

    assert {(key, d) for key, d in leaders_of(proposal) if d == 10} == {(3, 10), (4, 10), (5, 10)}
    assert _texts(proposal)[2, 10] == (
        "подающая надежды: результат диагностики 0,90 не ниже порога 0,50; "
        "в лидеры не выбрана: в направлении 1 уже 3 лидера — это предел; слабее неё в лидерах: "
        "Школа 4 (0,39) — узкая специализация, "
        "Школа 3 (0,63) — иначе не вела бы ни одного направления, "
        "Школа 5 (0,82) — уже лидер, смена уровня не окупается"
    )


def test_it_says_a_weaker_leader_stays_because_it_changes_less():
    # Team 3 is new in direction 1: it changes its tier either way, team 2 only by leading.
    d = directions(3)
    teams = [
        team(2, {10: 0.9, 20: 1.0}, {10: PROMISING, 20: LEADER}, diagnosed={10}),
        team(3, {10: 0.88, 30: 1.0}, {30: LEADER}, diagnosed={10}),
    ]

    proposal = propose(teams=teams, directions=d, parameters=Parameters(leaders_max=1))

    assert (3, 10) in leaders_of(proposal)
    assert _texts(proposal)[2, 10] == (
        "подающая надежды: результат диагностики 0,90 не ниже порога 0,50; "
        "в лидеры не выбрана: в направлении 1 уже 1 лидер — это предел; "
        "слабее неё в лидерах: Школа 3 (0,88) — меньше изменений уровня"
    )


def test_it_says_a_current_leader_gave_its_place_to_a_team_that_would_lead_nowhere():
    d = directions(2)
    teams = [
        team(1, {10: 0.9, 20: 1.0}, {10: LEADER, 20: LEADER}, diagnosed={10}),
        team(2, {10: 0.5}, {10: PROMISING}, diagnosed={10}),
    ]

    proposal = propose(teams=teams, directions=d, parameters=Parameters(leaders_max=1))

    assert leaders_of(proposal) == {(1, 20), (2, 10)}
    assert _texts(proposal)[1, 10] == (
        "перестаёт быть лидером: в направлении 1 уже 1 лидер — это предел; "
        "слабее неё в лидерах: Школа 2 (0,50) — иначе не вела бы ни одного направления; "
        "подающая надежды: результат диагностики 0,90 не ниже порога 0,50"
    )


def test_it_explains_a_strong_new_leader_by_its_result_rather_than_by_coverage():
    # Team 1 led nowhere and leads only direction 1 now, but 0.9 pays for the change anyway.
    d = directions(2)
    teams = [
        team(1, {10: 0.9, 20: 0.4}, {10: PROMISING, 20: RESERVE}, diagnosed={10, 20}),
        team(2, {10: 0.6}, {10: PROMISING}, diagnosed={10}),
        team(3, {20: 1.0}, {20: LEADER}),
    ]

    proposal = propose(teams=teams, directions=d)

    assert leaders_of(proposal) == {(1, 10), (2, 10), (3, 20)}
    texts = _texts(proposal)
    assert texts[1, 10] == (
        "лидер по направлению 1: лучший результат среди команд, не лидирующих ни в одном "
        "направлении; результат диагностики 0,90 не ниже порога лидера 0,70"
    )
    assert texts[2, 10] == (
        "лидер по направлению 1: так команда ведёт хотя бы одно направление; "
        "результат диагностики 0,60"
    )


def test_it_says_one_of_the_best_when_teams_that_lead_nowhere_tie():
    d = directions(1)
    teams = [team(key, {10: 0.6}, {10: PROMISING}, diagnosed={10}) for key in (1, 2)]

    proposal = propose(teams=teams, directions=d)

    assert set(_texts(proposal).values()) == {
        "лидер по направлению 1: так команда ведёт хотя бы одно направление; один из лучших "
        "результатов среди команд, не лидирующих ни в одном направлении; "
        "результат диагностики 0,60"
    }


@pytest.mark.parametrize(
    ("strength", "current", "reason"),
    [
        # 0.75 − 0.7 − 0.05 for a change from promising.
        (0.75, {10: PROMISING}, "запас над порогом лидера 0,70 равен цене изменения 0,05"),
        # New in the direction: a change whatever its tier.
        (0.7, {}, "результат на пороге лидера 0,70"),
    ],
)
def test_it_says_a_leader_on_the_floor_takes_the_mentees_nobody_else_had_room_for(
    strength, current, reason
):
    # Leading direction 1 gains team 2 nothing, but without it the one place of team 1 leaves
    # two teams without a mentor.
    d = directions(3)
    teams = [
        team(1, {10: 1.0}, {10: LEADER}),
        team(2, {10: strength, 20: 1.0}, {**current, 20: LEADER}, diagnosed={10}),
        *[team(key, {10: 0.3, 30: 1.0}, {10: RESERVE, 30: LEADER}) for key in (3, 4)],
    ]

    proposal = propose(teams=teams, directions=d, parameters=Parameters(mentees_per_leader=1))

    assert (2, 10) in leaders_of(proposal)
    assert proposal.unmatched == ()
    assert _texts(proposal)[2, 10] == (
        f"лидер по направлению 1: {reason}; берёт подопечных: 1; "
        f"результат диагностики {_number(strength)}"
    )


def test_it_does_not_call_a_result_on_the_floor_below_it():
    # Without a change cost, 0.7 as a leader and 0.7 as a mentee of team 2 weigh the same;
    # the mentee gets a pair.
    d = directions(2)
    teams = [
        team(1, {10: 0.7, 20: 1.0}, {10: LEADER, 20: LEADER}, diagnosed={10}),
        team(2, {10: 1.0}, {10: LEADER}),
    ]

    proposal = propose(teams=teams, directions=d, parameters=Parameters(change_cost=0.0))

    assert _texts(proposal)[1, 10] == (
        "перестаёт быть лидером: результат не выше порога лидера 0,70; "
        "подающая надежды: результат диагностики 0,70 не ниже порога 0,50"
    )


def _gain(item, d, parameters) -> float:
    strength, current = item.strength[d], item.current_tier.get(d)
    extra = int(current != LEADER) - int(current != non_leader_tier(strength, parameters))
    return strength - parameters.leader_floor - parameters.change_cost * extra


def _rivals(idle, item, d) -> list[float]:
    return [other.strength[d] for other in idle if other is not item and d in other.strength]


def _number(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


@pytest.mark.parametrize("seed", range(30))
def test_it_claims_only_what_holds_on_random_municipalities(seed):
    rng = random.Random(5000 + seed)
    teams, direction_inputs = random_instance(
        rng, teams=rng.randint(10, 60), directions_count=rng.randint(3, 5), max_taken=3
    )
    parameters = random_parameters(rng)

    proposal = propose(teams=teams, directions=direction_inputs, parameters=parameters)

    by_key = {item.key: item for item in teams}
    leaders = leaders_of(proposal)
    idle = [item for item in teams if LEADER not in item.current_tier.values()]
    for decision in proposal.tiers:
        item, d, text = by_key[decision.team], decision.direction, decision.explanation
        strength = item.strength[d]
        others = [by_key[key] for key, led in leaders if led == d and key != item.key]
        if decision.tier != LEADER and _gain(item, d, parameters) > 1e-6:
            # A team that would pay as a leader is left out only by a limit.
            assert "это предел" in text, text
        if "у выбранных лидеров результат не ниже" in text:
            assert all(other.strength[d] >= strength - 1e-6 for other in others), text
        if "слабее неё в лидерах: " in text:
            listed = text.split("слабее неё в лидерах: ")[1]
            named = re.findall(r"(Школа \d+) \((\d,\d\d)\)", listed)
            weaker = [other for other in others if other.strength[d] < strength - 1e-6]
            assert sorted(named) == sorted(
                (other.label, _number(other.strength[d])) for other in weaker
            ), text
        if "лучший результат среди команд, не лидирующих" in text:
            assert _rivals(idle, item, d) and max(_rivals(idle, item, d)) < strength, text
        if "один из лучших результатов" in text:
            assert abs(max(_rivals(idle, item, d)) - strength) <= 1e-6, text
        if "результат ниже порога лидера" in text:
            assert strength < parameters.leader_floor, text
