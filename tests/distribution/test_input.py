"""The solver's input read from the database: strengths, needs, strategies, mentors."""

import pytest

from diagnostics.models import Diagnosis, DiagnosisSource, NeedsOffer
from distribution.engine import TIER_STRENGTH
from distribution.proposals import build_input, input_fingerprint
from internships.models import Strategy, StrategyKind, Tier
from tests import factories


def team_input(world, organization, diagnostic_round=None):
    teams, _ = build_input(period=world.period, diagnostic_round=diagnostic_round)
    return next(team for team in teams if team.key == organization.team.pk)


def diagnose(world, diagnostic_round, organization, direction, *, source=DiagnosisSource.EXPERT,
             score=None, deficits=()):
    diagnosis = Diagnosis.objects.create(team=organization.team, round=diagnostic_round,
                                         direction=direction, source=source, score=score)
    diagnosis.deficits.set(deficits)
    return diagnosis


def test_it_takes_strength_from_the_current_tier_without_a_diagnosis(world):
    team = team_input(world, world.school_a)
    first, second, third = world.directions
    assert team.strength == {first.pk: TIER_STRENGTH[Tier.LEADER],
                             second.pk: TIER_STRENGTH[Tier.PROMISING],
                             third.pk: TIER_STRENGTH[Tier.RESERVE]}
    assert team.from_diagnosis == frozenset()
    assert team.current_tier == {first.pk: Tier.LEADER, second.pk: Tier.PROMISING,
                                 third.pk: Tier.RESERVE}
    assert (team.label, team.kind, team.level, team.locality) == (
        "СОШ № 1", "school", "sosh", "urban")


def test_it_takes_strength_from_the_score_preferring_the_expert(world, rounds):
    direction = world.directions[0]
    diagnose(world, rounds.start, world.school_b, direction, source=DiagnosisSource.SELF,
             score=90)
    diagnose(world, rounds.start, world.school_b, direction, score=40)

    team = team_input(world, world.school_b, rounds.start)

    assert team.strength[direction.pk] == pytest.approx(0.4)
    assert team.from_diagnosis == frozenset({direction.pk})


def test_it_takes_strength_from_the_share_of_deficits_not_found(world, rounds):
    direction = world.directions[0]
    # One of three active deficits found; the switched-off one does not count.
    diagnose(world, rounds.start, world.school_c, direction,
             deficits=[rounds.deficits["1.1"], rounds.deficits["1.9"]])

    team = team_input(world, world.school_c, rounds.start)

    assert team.strength[direction.pk] == pytest.approx(2 / 3)
    assert team.from_diagnosis == frozenset({direction.pk})


def test_a_diagnosis_in_a_direction_without_a_placement_adds_the_direction(world, rounds):
    direction = world.directions[2]
    diagnose(world, rounds.start, world.school_b, direction, score=75)

    team = team_input(world, world.school_b, rounds.start)

    assert team.strength[direction.pk] == pytest.approx(0.75)
    assert direction.pk not in team.current_tier


def test_it_reads_needs_offers_strategy_and_current_mentors(world):
    first, second, _ = world.directions
    NeedsOffer.objects.create(organization=world.school_d, period=world.period, direction=first,
                              aspect="managerial", needs_support=True)
    NeedsOffer.objects.create(organization=world.school_d, period=world.period,
                              direction=second, aspect="pedagogical", offers_practice=True)
    Strategy.objects.create(team=world.school_d.team, period=world.period,
                            kind=StrategyKind.NARROW)
    factories.MentorshipFactory(platform=world.own_platform, mentor=world.school_a.team,
                                mentee=world.school_d.team)

    team = team_input(world, world.school_d)

    assert team.needs == frozenset({first.pk})
    assert team.offers == frozenset({second.pk})
    assert team.narrow is True
    assert team.current_mentor == {first.pk: world.school_a.team.pk}


def test_an_ended_pair_is_not_a_current_mentor(world):
    factories.MentorshipFactory(platform=world.own_platform, mentor=world.school_a.team,
                                mentee=world.school_d.team, ended_on=world.period.ends_on)
    assert team_input(world, world.school_d).current_mentor == {}


def test_another_municipality_is_left_out(world):
    teams, directions = build_input(period=world.period, diagnostic_round=None)
    assert {team.key for team in teams} == {
        organization.team.pk for organization in (world.school_a, world.school_b,
                                                  world.school_c, world.school_d,
                                                  world.kindergarten)}
    assert [direction.number for direction in directions] == [1, 2, 3]


def test_the_fingerprint_changes_with_a_placement(world):
    before = input_fingerprint(*build_input(period=world.period, diagnostic_round=None))
    assert before == input_fingerprint(*build_input(period=world.period, diagnostic_round=None))
    placement = world.placement(world.school_d, world.foreign_platform)
    placement.tier = Tier.PROMISING
    placement.save()
    assert before != input_fingerprint(*build_input(period=world.period, diagnostic_round=None))


def _grow(world, diagnostic_round, extra: int, deficits):
    """``extra`` more teams, each placed, diagnosed, with needs, a strategy and a mentor."""
    for number in range(extra):
        organization = factories.OrganizationFactory(municipality=world.municipality,
                                                     short_name=f"СОШ № {100 + number}",
                                                     number=100 + number)
        factories.PlacementFactory(platform=world.own_platform, team=organization.team,
                                   tier=Tier.RESERVE)
        diagnose(world, diagnostic_round, organization, world.directions[0],
                 deficits=deficits)
        NeedsOffer.objects.create(organization=organization, period=world.period,
                                  direction=world.directions[0], aspect="managerial",
                                  needs_support=True)
        Strategy.objects.create(team=organization.team, period=world.period,
                                kind=StrategyKind.NARROW)
        factories.MentorshipFactory(platform=world.own_platform, mentor=world.school_a.team,
                                    mentee=organization.team)


@pytest.mark.parametrize("extra", [1, 12])
def test_it_reads_the_input_in_a_fixed_number_of_queries(world, rounds, extra,
                                                         django_assert_num_queries):
    _grow(world, rounds.start, extra, [rounds.deficits["1.1"]])
    with django_assert_num_queries(9):
        teams, _ = build_input(period=world.period, diagnostic_round=rounds.start)
    assert len(teams) == 5 + extra
