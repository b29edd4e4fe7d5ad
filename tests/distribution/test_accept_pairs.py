"""Accepting in the proposal's own year: the proposed pairs replace the running ones they
touch, ended pairs are reopened, and the message accounts for every pair.

The proposals here are written by hand for the ``world`` district, so each test states
exactly which change and which pair is accepted.
"""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from distribution.accept import change_key, pair_key
from distribution.models import DistributionProposal, ProposalStatus
from distribution.proposals import build_input, default_parameters, input_fingerprint
from internships.mentorships import resume_mentorship
from internships.models import Mentorship, Placement, Tier
from internships.placements import transfer_team
from tests.helpers import messages_of

STARTED = datetime.date(2021, 10, 1)
TODAY = datetime.date(2022, 3, 15)


def written_proposal(world, *, tiers=(), pairs=()) -> DistributionProposal:
    """A computed proposal for ``world`` in its own year: ``tiers`` are the changes as
    (organization, platform, tier), ``pairs`` the proposed pairs as (platform, mentor,
    mentee, kept)."""
    changed = {(organization.team.pk, platform.direction_id): tier
               for organization, platform, tier in tiers}
    decisions = []
    for team_id, direction_id, current in Placement.objects.filter(
            platform__period=world.period).values_list("team_id", "platform__direction_id",
                                                       "tier"):
        tier = changed.get((team_id, direction_id), current)
        decisions.append({"team": team_id, "direction": direction_id, "tier": tier,
                          "current": current, "changed": tier != current,
                          "explanation": "по решению в тесте"})
    teams, directions = build_input(period=world.period, diagnostic_round=None)
    return DistributionProposal.objects.create(
        municipality=world.municipality, source_period=world.period,
        target_period=world.period, parameters=default_parameters(period=world.period),
        status=ProposalStatus.DONE, progress=100, created_by=world.staff,
        input_fingerprint=input_fingerprint(teams, directions),
        result={
            "tiers": decisions,
            "pairs": [{"direction": platform.direction_id, "mentor": mentor.team.pk,
                       "mentee": mentee.team.pk, "kept": kept, "explanation": "в тесте"}
                      for platform, mentor, mentee, kept in pairs],
            "unmatched": [], "leading_before": 3, "leading_after": 3, "teams_total": 5,
            "changes": len(changed), "leader_load": {}, "notes": [], "seconds": 0.0,
        },
    )


def pair(platform, mentor, mentee, **fields) -> Mentorship:
    return Mentorship.objects.create(platform=platform, mentor=mentor.team,
                                     mentee=mentee.team, started_on=STARTED, **fields)


def accept(client, proposal, *, changes=(), pairs=()):
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        response = client.post(reverse("distribution_accept", args=[proposal.pk]), {
            "change": [change_key(organization.team.pk, platform.direction_id)
                       for organization, platform in changes],
            "pair": [pair_key(platform.direction_id, mentor.team.pk, mentee.team.pk)
                     for platform, mentor, mentee in pairs],
        })
    return " ".join(messages_of(client.get(response.url)))


def running(**fields) -> set[tuple[str, str, int]]:
    return {(m.mentor.organization.short_name, m.mentee.organization.short_name,
             m.platform.direction.number)
            for m in Mentorship.objects.filter(ended_on__isnull=True, **fields).select_related(
                "mentor__organization", "mentee__organization", "platform__direction")}


@pytest.fixture
def staff(world, login):
    return login(world.staff)


def test_a_team_given_a_new_mentor_leaves_its_old_one(world, staff):
    w = world
    old = pair(w.own_platform, w.school_a, w.school_b)
    proposal = written_proposal(w, pairs=[(w.own_platform, w.school_c, w.school_b, False)])

    message = accept(staff, proposal, pairs=[(w.own_platform, w.school_c, w.school_b)])

    old.refresh_from_db()
    assert old.ended_on == TODAY
    assert running(mentee=w.school_b.team) == {("ООШ № 3", "Гимназия № 2", 1)}
    assert "новых пар наставничества — 1" in message
    assert "завершено пар, которые заменили принятые изменения — 1" in message


def test_a_team_that_stops_leading_a_direction_stops_mentoring_in_it(world, staff):
    w = world
    in_that_direction = pair(w.own_platform, w.school_a, w.school_b)
    pair(w.third_platform, w.school_a, w.kindergarten)
    # СОШ № 1 hands direction 1 over to НШ № 4 and starts leading direction 2.
    proposal = written_proposal(w, tiers=[(w.school_a, w.own_platform, Tier.PROMISING),
                                          (w.school_d, w.own_platform, Tier.LEADER),
                                          (w.school_a, w.foreign_platform, Tier.LEADER)])

    message = accept(staff, proposal, changes=[(w.school_a, w.own_platform),
                                               (w.school_d, w.own_platform),
                                               (w.school_a, w.foreign_platform)])

    in_that_direction.refresh_from_db()
    assert in_that_direction.ended_on == TODAY
    # It still leads a direction, so its pair in another direction goes on.
    assert running(mentor=w.school_a.team) == {("СОШ № 1", "Детский сад № 5", 3)}
    assert "переводов — 3" in message
    assert "завершено пар, которые заменили принятые изменения — 1" in message


def test_a_team_that_leads_nothing_any_more_mentors_nowhere(world, staff):
    w = world
    pair(w.own_platform, w.school_a, w.school_b)
    pair(w.third_platform, w.school_a, w.kindergarten)
    proposal = written_proposal(w, tiers=[(w.school_a, w.own_platform, Tier.PROMISING),
                                          (w.school_d, w.own_platform, Tier.LEADER)])

    accept(staff, proposal, changes=[(w.school_a, w.own_platform),
                                     (w.school_d, w.own_platform)])

    assert running(mentor=w.school_a.team) == set()


def test_a_mentor_given_new_mentees_keeps_only_the_proposed_pairs(world, staff):
    w = world
    w.programme.mentee_capacity = 2
    w.programme.save()
    pair(w.own_platform, w.school_a, w.school_b)
    dropped = pair(w.own_platform, w.school_a, w.school_d)
    proposal = written_proposal(w, pairs=[(w.own_platform, w.school_a, w.school_b, True),
                                          (w.own_platform, w.school_a, w.school_c, False)])

    message = accept(staff, proposal, pairs=[(w.own_platform, w.school_a, w.school_c)])

    dropped.refresh_from_db()
    assert dropped.ended_on == TODAY
    assert running(mentor=w.school_a.team) == {("СОШ № 1", "Гимназия № 2", 1),
                                               ("СОШ № 1", "ООШ № 3", 1)}
    assert "завершено пар, которые заменили принятые изменения — 1" in message


def test_running_pairs_the_accepted_changes_do_not_touch_go_on_and_are_reported(world,
                                                                                staff):
    w = world
    untouched = pair(w.foreign_platform, w.school_b, w.school_d)
    proposal = written_proposal(w, pairs=[(w.own_platform, w.school_a, w.school_c, False)])

    message = accept(staff, proposal, pairs=[(w.own_platform, w.school_a, w.school_c)])

    untouched.refresh_from_db()
    assert untouched.ended_on is None
    assert ("Действующих пар наставничества, которых нет в предложении и которых принятые "
            "изменения не касаются: 1. Они продолжаются") in message


def test_an_ended_pair_proposed_again_is_resumed(world, staff):
    w = world
    ended = pair(w.own_platform, w.school_a, w.school_b, ended_on=datetime.date(2021, 12, 1))
    proposal = written_proposal(w, pairs=[(w.own_platform, w.school_a, w.school_b, False)])

    message = accept(staff, proposal, pairs=[(w.own_platform, w.school_a, w.school_b)])

    ended.refresh_from_db()
    assert ended.ended_on is None
    assert Mentorship.objects.count() == 1
    assert "возобновлено завершённых пар — 1" in message
    assert ended.history.latest().history_change_reason == (
        f"решение по подбору распределения от {TODAY:%d.%m.%Y}")


def test_a_running_pair_cannot_be_resumed(world):
    running_pair = pair(world.own_platform, world.school_a, world.school_b)
    with pytest.raises(ValidationError, match="Это наставничество не завершено."):
        resume_mentorship(mentorship=running_pair)


def test_an_ended_pair_is_not_resumed_for_a_mentee_that_leads_the_direction(world):
    ended = pair(world.own_platform, world.school_b, world.school_a,
                 ended_on=datetime.date(2021, 12, 1))
    with pytest.raises(ValidationError, match="Команда-лидер этого направления не нуждается"):
        resume_mentorship(mentorship=ended)
    ended.refresh_from_db()
    assert ended.ended_on == datetime.date(2021, 12, 1)


def test_it_marks_only_the_history_rows_it_wrote(world, staff):
    w = world
    proposal = written_proposal(w, tiers=[(w.school_d, w.own_platform, Tier.LEADER)])
    elsewhere = w.placement(w.school_c, w.own_platform)

    def and_a_curator_meanwhile(**arguments):
        done = transfer_team(**arguments)
        # A curator's transfer in the same year, recorded while the acceptance runs.
        transfer_team(placement=elsewhere, to_tier=Tier.PROMISING, transferred_on=TODAY,
                      reason="итоги сессии", recorded_by=w.curator)
        elsewhere.history.filter(history_change_reason__isnull=True).update(
            history_user=w.curator)
        return done

    with mock.patch("distribution.accept.transfer_team",
                    side_effect=and_a_curator_meanwhile):
        accept(staff, proposal, changes=[(w.school_d, w.own_platform)])

    reason = f"решение по подбору распределения от {TODAY:%d.%m.%Y}"
    accepted = w.placement(w.school_d, w.own_platform).history.latest()
    assert (accepted.history_user, accepted.history_change_reason) == (w.staff, reason)
    curators = elsewhere.history.latest()
    assert (curators.history_user, curators.history_change_reason) == (w.curator, None)
