"""Accepting a proposed distribution: the chosen changes become placements, transfers and
mentor pairs, made through the same functions the platform pages use, all or nothing."""

import datetime
from collections.abc import Collection
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from diagnostics.distribution import build_input, input_fingerprint
from diagnostics.models import DistributionProposal, ProposalStatus
from internships.mentorships import end_mentorship, start_mentorship
from internships.models import Mentorship, Period, Placement, Tier, Transfer
from internships.periods import open_next_period, platforms_of
from internships.placements import place_team, transfer_team
from teams.models import ManagementTeam

STALE = "Распределение изменилось после расчёта, пересчитайте предложение."


def change_key(team: int, direction: int) -> str:
    return f"{team}-{direction}"


def pair_key(direction: int, mentor: int, mentee: int) -> str:
    return f"{direction}-{mentor}-{mentee}"


@dataclass(frozen=True)
class Acceptance:
    period: Period
    placed: int
    transferred: int
    paired: int


def _within(period: Period, day: datetime.date) -> datetime.date:
    """The day itself, or the nearest day of the period when it lies outside."""
    return min(max(day, period.starts_on), period.ends_on)


@transaction.atomic
def accept_proposal(
    *, proposal: DistributionProposal, changes: Collection[str], pairs: Collection[str],
    user: User, accepted_on: datetime.date,
) -> Acceptance:
    """Apply the selected tier changes and mentor pairs of a computed proposal.

    In the proposal's own year a change is a transfer (or a placement, for a direction the
    team did not take part in). For a later year every team of the source year is placed
    there: with the proposed tier where that change was selected, its current tier otherwise.
    Refused, changing nothing, when the proposal was accepted already, when the data it
    was computed from has changed, or when a selected pair needs a change left unselected.
    """
    proposal = DistributionProposal.objects.select_for_update(of=("self",)).select_related(
        "source_period__programme", "target_period", "diagnostic_round"
    ).get(pk=proposal.pk)
    if proposal.accepted_at is not None:
        raise ValidationError(
            f"Это предложение уже принято {timezone.localtime(proposal.accepted_at):%d.%m.%Y}: "
            "повторно принять его нельзя. Чтобы изменить распределение, рассчитайте новое."
        )
    if proposal.status != ProposalStatus.DONE:
        raise ValidationError("Предложение ещё не рассчитано: дождитесь окончания расчёта.")
    source = proposal.source_period
    teams_input, directions_input = build_input(period=source,
                                                diagnostic_round=proposal.diagnostic_round)
    if input_fingerprint(teams_input, directions_input) != proposal.input_fingerprint:
        raise ValidationError(STALE)

    decisions = {change_key(d["team"], d["direction"]): d for d in proposal.result["tiers"]}
    offered_changes = {key for key, d in decisions.items() if d["changed"]}
    offered_pairs = {pair_key(p["direction"], p["mentor"], p["mentee"]): p
                     for p in proposal.result["pairs"]}
    changes, pairs = set(changes), set(pairs)
    if not changes <= offered_changes or not pairs <= set(offered_pairs):
        raise ValidationError("Отмечены изменения, которых нет в предложении: обновите страницу.")
    target = proposal.target_period
    same_year = target is not None and target.pk == source.pk
    if same_year and not changes and not pairs:
        raise ValidationError("Отметьте хотя бы одно изменение или пару наставничества.")

    labels = {team.key: team.label for team in teams_input}
    numbers = {direction.key: direction.number for direction in directions_input}
    final = {
        (d["team"], d["direction"]): d["tier"] if key in changes else d["current"]
        for key, d in decisions.items()
    }
    _check_pairs([offered_pairs[key] for key in sorted(pairs)], final, labels, numbers)

    started = timezone.now()
    if target is None:
        target = open_next_period(programme=source.programme)
        same_year = False
    day = _within(target, accepted_on)
    reason = f"решение по подбору распределения от {accepted_on:%d.%m.%Y}"
    platforms = platforms_of(period=target)
    teams = {team.pk: team for team in ManagementTeam.objects.filter(
        pk__in=labels).select_related("organization")}
    existing = {(p.team_id, p.platform.direction_id): p for p in Placement.objects.filter(
        platform__period=target).select_related("platform__period", "team__organization")}

    placed = transferred = 0
    for key, decision in sorted(decisions.items()):
        team_id, direction_id = decision["team"], decision["direction"]
        tier = final[team_id, direction_id]
        if tier is None:
            continue
        placement = existing.get((team_id, direction_id))
        if placement is None:
            place_team(team=teams[team_id], platform=platforms[direction_id], tier=tier)
            placed += 1
        elif key in changes and placement.tier != tier:
            transfer_team(placement=placement, to_tier=tier, transferred_on=day,
                          reason=reason, recorded_by=user)
            transferred += 1
            if tier == Tier.LEADER:
                _end_pairs_of_new_leader(placement, day)

    paired = 0
    present = set(Mentorship.objects.filter(platform__period=target).values_list(
        "platform__direction_id", "mentor_id", "mentee_id"))
    for key in sorted(pairs):
        pair = offered_pairs[key]
        if (pair["direction"], pair["mentor"], pair["mentee"]) in present:
            continue
        start_mentorship(platform=platforms[pair["direction"]], mentor=teams[pair["mentor"]],
                         mentee=teams[pair["mentee"]], started_on=day)
        paired += 1

    _note_history(started=started, period=target, reason=reason, user=user)
    proposal.target_period = target
    proposal.accepted_at = timezone.now()
    proposal.accepted_by = user
    proposal.accepted = {"changes": sorted(changes), "pairs": sorted(pairs)}
    proposal.save(update_fields=["target_period", "accepted_at", "accepted_by", "accepted"])
    return Acceptance(period=target, placed=placed, transferred=transferred, paired=paired)


def _check_pairs(pairs: list[dict], final: dict, labels: dict, numbers: dict) -> None:
    """A pair needs its mentee learning in the direction and its mentor leading somewhere,
    once the selected changes are made."""
    leading = {team for (team, _), tier in final.items() if tier == Tier.LEADER}
    problems = []
    for pair in pairs:
        mentee_tier = final.get((pair["mentee"], pair["direction"]))
        if pair["mentor"] not in leading or mentee_tier not in (Tier.PROMISING, Tier.RESERVE):
            problems.append(f"{labels[pair['mentor']]} → {labels[pair['mentee']]} "
                            f"(направление {numbers[pair['direction']]})")
    if problems:
        raise ValidationError(
            "Эти пары наставничества опираются на изменения уровней, которые не выбраны: "
            + "; ".join(problems) + ". Отметьте нужные изменения или снимите пары."
        )


def _end_pairs_of_new_leader(placement: Placement, day: datetime.date) -> None:
    """A team that now leads the direction no longer needs a mentor in it."""
    for mentorship in Mentorship.objects.filter(platform_id=placement.platform_id,
                                                mentee_id=placement.team_id,
                                                ended_on__isnull=True):
        end_mentorship(mentorship=mentorship, ended_on=max(day, mentorship.started_on))


def _note_history(*, started, period: Period, reason: str, user: User) -> None:
    """Mark the history rows this acceptance wrote with its reason and author."""
    marks = {"history_change_reason": reason, "history_user": user}
    Placement.history.filter(history_date__gte=started, platform__period=period).update(**marks)
    Transfer.history.filter(history_date__gte=started,
                            placement__platform__period=period).update(**marks)
    Mentorship.history.filter(history_date__gte=started, platform__period=period).update(**marks)
