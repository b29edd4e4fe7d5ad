"""Attributable change on hand-computed cases: shares, difference, Fisher's p, cautions."""

from fractions import Fraction

import pytest

from internships.models import PlannedEvent
from outcomes.addressing import name_entry_deficits, name_plan_deficits
from outcomes.change import attributable_change, load_attributable_change
from outcomes.period_figures import chain_figures


def test_it_compares_the_two_groups_with_fishers_exact_test():
    # Attended: 10 teams, 8 lost the deficit; not attended: 10 teams, 1 lost it.
    lost = {team: team <= 8 for team in range(1, 11)}
    lost.update({team: team == 11 for team in range(11, 21)})
    change = attributable_change(lost_by_team=lost, attended_team_ids=set(range(1, 11)))
    assert (change.attended.lost, change.attended.size) == (8, 10)
    assert (change.not_attended.lost, change.not_attended.size) == (1, 10)
    assert change.difference == 70
    assert change.difference_text == "+70,0 п. п."
    # Hypergeometric N=20, K=9, n=10: (495 + 11 + 495 + 11) / C(20, 10) = 1012 / 184756.
    assert change.p_value == pytest.approx(1012 / 184756)
    assert change.caution == ""


def test_it_cautions_when_the_groups_are_too_small():
    lost = {1: True, 2: True, 3: False, 4: True, 5: False, 6: False, 7: False, 8: False}
    change = attributable_change(lost_by_team=lost, attended_team_ids={1, 2, 3, 4})
    assert change.attended.share == Fraction(3, 4)
    assert change.not_attended.share == 0
    # Two-sided: P(X=3) + P(X=0) = (5 + 5) / C(8, 4) = 10 / 70.
    assert change.p_value == pytest.approx(10 / 70)
    assert "не меньше 5 команд в каждой" in change.caution


def test_it_cautions_that_a_difference_may_be_chance(settings):
    settings.OUTCOMES_MIN_GROUP_SIZE = 2
    lost = {1: True, 2: True, 3: False, 4: True, 5: False, 6: False, 7: False, 8: False}
    change = attributable_change(lost_by_team=lost, attended_team_ids={1, 2, 3, 4})
    assert change.caution.startswith("Различие может быть случайным")


def test_it_says_there_is_nobody_to_compare_with_when_nobody_attended():
    change = attributable_change(lost_by_team={1: True, 2: False}, attended_team_ids=set())
    assert change.attended.size == 0
    assert change.attended.share_text == "нет данных"
    assert change.not_attended.share_text == "50,0 %"
    assert change.difference is None and change.p_value is None
    assert change.caution.startswith("Сравнивать не с кем")


def test_it_reads_the_groups_from_the_journal_and_the_diagnoses(chain, world):
    change = load_attributable_change(user=world.staff, deficit=chain.d1, first=chain.first,
                                      second=chain.second)
    # Had Д1 at the first round: СОШ № 1 (lost), Гимназия № 2 (kept), ООШ № 3 (kept).
    # Only Гимназия № 2 attended: ООШ № 3 was marked absent, СОШ № 1 only hosted.
    assert (change.attended.lost, change.attended.size) == (0, 1)
    assert (change.not_attended.lost, change.not_attended.size) == (1, 2)
    assert change.difference == -50
    assert change.p_value == pytest.approx(1.0)
    assert change.caution


def test_it_counts_only_events_held_between_the_two_rounds(chain, world):
    chain.entry.held_on = chain.second.starts_on
    chain.entry.save()
    change = load_attributable_change(user=world.staff, deficit=chain.d1, first=chain.first,
                                      second=chain.second)
    assert change.attended.size == 0 and change.not_attended.size == 3


def test_it_finds_no_attendance_for_a_deficit_no_event_addressed(chain, world):
    change = load_attributable_change(user=world.staff, deficit=chain.d2, first=chain.first,
                                      second=chain.second)
    # Гимназия № 2 lost Д2, НШ № 4 kept it; no event addressed Д2.
    assert change.attended.size == 0
    assert (change.not_attended.lost, change.not_attended.size) == (1, 2)


def test_it_counts_an_event_through_its_plan_line(chain, world):
    name_entry_deficits(entry=chain.entry, deficits=[], named_by=world.curator)
    planned = PlannedEvent.objects.create(platform=world.own_platform, month=chain.entry.held_on
                                          .replace(day=1), form="session", topic="ВСОКО",
                                          entry=chain.entry)
    name_plan_deficits(planned=planned, deficits=[chain.d1], named_by=world.curator)
    change = load_attributable_change(user=world.staff, deficit=chain.d1, first=chain.first,
                                      second=chain.second)
    assert change.attended.size == 1


def test_it_gives_the_figures_of_a_programme_by_deficit_and_by_direction(chain, world):
    figures = chain_figures(programme=world.programme, until=chain.second.starts_on)
    assert (figures.first, figures.second) == (chain.first, chain.second)
    by_code = {deficit.code: change for deficit, change in figures.by_deficit}
    assert (by_code["1.1"].attended.size, by_code["1.1"].not_attended.size) == (1, 2)
    assert (by_code["1.2"].attended.size, by_code["1.2"].not_attended.size) == (0, 2)
    [(direction, change)] = figures.by_direction
    assert direction == world.directions[0]
    # Pairs: Д1 — 0 of 1 attending lost it, 1 of 2 not attending; Д2 — 1 of 2 not attending.
    assert (change.attended.lost, change.attended.size) == (0, 1)
    assert (change.not_attended.lost, change.not_attended.size) == (2, 4)


def test_it_has_no_figures_before_the_second_round(chain, world):
    figures = chain_figures(programme=world.programme, until=chain.first.ends_on)
    assert not figures.ready and figures.by_direction == []


def test_it_writes_a_very_small_p_value_as_below_a_thousandth():
    lost = {team: team <= 20 for team in range(1, 21)}
    lost.update(dict.fromkeys(range(21, 41), False))
    change = attributable_change(lost_by_team=lost, attended_team_ids=set(range(1, 21)))
    assert change.p_value < 0.001
    assert change.p_text == "< 0,001"
