"""Invalid parameters are refused in Russian; what cannot be met is said in the notes."""

import math

import pytest

from distribution.engine import LEADER, PROMISING, RESERVE, Parameters, propose
from tests.matching.instances import directions, leaders_of, team

ONE_TEAM = [team(1, {10: 1.0}, {10: LEADER})]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"leaders_min": 3, "leaders_max": 2},
         "минимум лидеров на направление (3) больше максимума (2)"),
        ({"leaders_min": -1}, "минимум лидеров на направление не может быть отрицательным"),
        ({"leaders_max": 0}, "максимум лидеров на направление должен быть не меньше 1"),
        ({"max_directions_led": 0}, "команда должна иметь право вести хотя бы одно направление"),
        ({"mentees_per_leader": -2}, "число подопечных на лидера не может быть отрицательным"),
        ({"change_cost": -0.1}, "цена изменения не может быть отрицательной величиной"),
        ({"weight_offer": -1.0}, "вес предложения практики не может быть отрицательной величиной"),
        ({"leader_floor": 1.5}, "порог лидера должен быть от 0 до 1"),
        ({"promising_threshold": -0.1}, "порог «подающих надежды» должен быть от 0 до 1"),
        ({"weight_kind": math.nan}, "вес типа ОО: нужно число"),
        ({"change_cost": math.inf}, "цена изменения: нужно число"),
    ],
)
def test_it_refuses_invalid_parameters_with_a_russian_message(changes, message):
    with pytest.raises(ValueError) as refusal:
        propose(teams=ONE_TEAM, directions=directions(1), parameters=Parameters(**changes))
    assert str(refusal.value) == message


def test_it_lists_every_problem_of_the_parameters_at_once():
    with pytest.raises(ValueError) as refusal:
        propose(teams=ONE_TEAM, directions=directions(1),
                parameters=Parameters(leaders_max=0, change_cost=-1.0))
    assert str(refusal.value) == (
        "максимум лидеров на направление должен быть не меньше 1; "
        "цена изменения не может быть отрицательной величиной"
    )


@pytest.mark.parametrize(
    ("teams", "message"),
    [
        ([team(1, {99: 0.5})], "Школа 1: направления нет в программе"),
        ([team(1, {10: 1.2})], "Школа 1: оценка должна быть от 0 до 1"),
        ([team(1, {10: 0.5}, {10: "mentor"})], "Школа 1: неизвестный уровень «mentor»"),
        ([team(1, {10: 0.5}), team(1, {10: 0.6})], "команды повторяются"),
        ([team(1, {}, {10: LEADER})],
         "Школа 1: уровень указан в направлении, для которого нет оценки"),
    ],
)
def test_it_refuses_inconsistent_input_with_a_russian_message(teams, message):
    with pytest.raises(ValueError) as refusal:
        propose(teams=teams, directions=directions(1))
    assert str(refusal.value) == message


def test_it_says_that_a_team_without_directions_has_nothing_to_lead():
    teams = [*ONE_TEAM, team(2, {}, label="МБОУ ООШ № 5")]

    proposal = propose(teams=teams, directions=directions(1))

    assert proposal.notes == (
        "МБОУ ООШ № 5 не участвует ни в одном направлении — вести ей нечего.",
    )
    assert (proposal.leading_after, proposal.teams_total) == (1, 2)
    assert [d.team for d in proposal.tiers] == [1]


def test_it_names_the_teams_left_without_leadership_when_places_run_out():
    teams = [team(key, {10: 0.6, 20: 0.6}, {10: PROMISING, 20: PROMISING}) for key in (1, 2, 3)]

    proposal = propose(teams=teams, directions=directions(2),
                       parameters=Parameters(leaders_max=1))

    assert proposal.leading_after == 2
    (note,) = proposal.notes
    left_out = ({1, 2, 3} - {key for key, _ in leaders_of(proposal)}).pop()
    assert note == (
        f"Школа {left_out} не ведёт ни одного направления: в её направлениях (1, 2) все места "
        "лидеров заняты (предел — 1); чтобы вели все команды, поднимите максимум лидеров "
        "на направление."
    )


def test_it_says_when_a_direction_has_fewer_teams_than_the_minimum_of_leaders():
    teams = [team(1, {10: 1.0, 20: 0.3}, {10: LEADER, 20: RESERVE})]

    proposal = propose(teams=teams, directions=directions(3),
                       parameters=Parameters(leaders_min=2, max_directions_led=2))

    assert leaders_of(proposal) == {(1, 10), (1, 20)}
    assert proposal.notes == (
        "Направление 1: участвует 1 команда — меньше минимума лидеров (2).",
        "Направление 2: участвует 1 команда — меньше минимума лидеров (2).",
        "Направление 3: в нём не участвует ни одна команда.",
    )
    weak = next(d for d in proposal.tiers if d.direction == 20)
    assert weak.explanation == (
        "лидер по направлению 2: нужен для минимума лидеров направления (1); "
        "сила — по текущему уровню: результата диагностики по направлению нет"
    )


def test_it_says_when_the_limit_per_team_leaves_a_direction_below_its_minimum():
    teams = [team(1, {10: 1.0, 20: 0.9}, {10: LEADER, 20: LEADER})]

    proposal = propose(teams=teams, directions=directions(2),
                       parameters=Parameters(max_directions_led=1))

    assert len(leaders_of(proposal)) == 1
    (note,) = proposal.notes
    assert note.endswith(
        ": 0 лидеров при минимуме 1 — остальные участники уже ведут предельное число "
        "направлений (1)."
    )
    dropped = next(d for d in proposal.tiers if d.tier != LEADER)
    assert "перестаёт быть лидером: команда уже ведёт направления" in dropped.explanation


def test_it_keeps_narrow_leaders_above_the_limits_and_says_so():
    teams = [
        team(key, {10: 1.0, 20: 1.0}, {10: LEADER, 20: LEADER}, narrow=True, label=f"ОО {key}")
        for key in (1, 2)
    ]

    proposal = propose(teams=teams, directions=directions(2),
                       parameters=Parameters(leaders_max=1, max_directions_led=1))

    assert len(leaders_of(proposal)) == 4
    assert proposal.notes == (
        "Направление 1: узкую специализацию сохраняют 2 лидера — больше максимума (1).",
        "Направление 2: узкую специализацию сохраняют 2 лидера — больше максимума (1).",
        "ОО 1: узкая специализация сохраняет лидерство в 2 направлениях — больше предела (1).",
        "ОО 2: узкая специализация сохраняет лидерство в 2 направлениях — больше предела (1).",
    )


def test_it_reports_progress_by_stage():
    stages = []

    propose(teams=ONE_TEAM, directions=directions(1),
            progress=lambda percent, stage: stages.append((percent, stage)))

    assert stages == [(10, "Подбор лидеров"), (60, "Подбор наставников"), (100, "Готово")]


def test_it_proposes_nothing_for_an_empty_municipality():
    proposal = propose(teams=[], directions=directions(2))

    assert proposal.tiers == proposal.pairs == proposal.unmatched == ()
    assert (proposal.leading_before, proposal.leading_after, proposal.teams_total) == (0, 0, 0)
    assert proposal.notes == (
        "Направление 1: в нём не участвует ни одна команда.",
        "Направление 2: в нём не участвует ни одна команда.",
    )
