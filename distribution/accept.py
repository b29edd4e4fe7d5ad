"""Accepting a proposed distribution: the chosen changes become placements, transfers and
mentor pairs, made through the same functions the platform pages use, all or nothing."""

import datetime
from collections.abc import Collection
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from distribution.models import DistributionProposal, ProposalStatus
from distribution.proposals import build_input, input_fingerprint
from internships.mentorships import end_mentorship, resume_mentorship, start_mentorship
from internships.models import Mentorship, Period, Placement, Programme, Tier, Transfer
from internships.periods import (
    next_period_span,
    no_next_period_message,
    open_next_period,
    platforms_of,
)
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
    # Selected pairs whose ended row on the platform was reopened.
    resumed: int
    # Selected pairs that were running already.
    running: int
    # Running pairs the accepted changes replace.
    ended: int
    # Running pairs the proposal does not keep, untouched by the accepted changes.
    left: int

    def summary(self) -> str:
        """What the acceptance did, every pair it did not create included."""
        done = [f"{label} — {count}" for label, count in (
            ("распределено команд по направлениям", self.placed),
            ("переводов", self.transferred),
            ("новых пар наставничества", self.paired),
            ("возобновлено завершённых пар", self.resumed),
            ("пар, которые уже действовали", self.running),
            ("завершено пар, которые заменили принятые изменения", self.ended),
        ) if count]
        text = (f"Распределение на {self.period.title} учебный год принято: "
                f"{', '.join(done) or 'изменений нет'}.")
        if self.left:
            text += (" Действующих пар наставничества, которых нет в предложении и которых "
                     f"принятые изменения не касаются: {self.left}. Они продолжаются; "
                     "завершить их можно на страницах площадок.")
        return text


def _within(period: Period, day: datetime.date) -> datetime.date:
    """The day itself, or the nearest day of the period when it lies outside."""
    return min(max(day, period.starts_on), period.ends_on)


@dataclass
class _Written:
    """The rows an acceptance wrote, so that only their history is marked as its own."""

    placements: set[int] = field(default_factory=set)
    transfers: set[int] = field(default_factory=set)
    mentorships: set[int] = field(default_factory=set)


@dataclass
class _Selection:
    """The changes and pairs staff selected, checked against the proposal, and the tier every
    (team, direction) of the proposal ends with."""

    decisions: dict[str, dict]
    changes: set[str]
    pairs: set[str]
    offered_pairs: dict[str, dict]
    final: dict[tuple[int, int], str | None]

    @property
    def selected_pairs(self) -> set[tuple[int, int, int]]:
        return {(p["direction"], p["mentor"], p["mentee"])
                for p in (self.offered_pairs[key] for key in self.pairs)}


@dataclass
class _Target:
    """The year the acceptance writes into, and how every row it writes there is dated,
    explained and kept track of."""

    period: Period
    day: datetime.date
    reason: str
    user: User
    platforms: dict
    teams: dict[int, ManagementTeam]
    written: _Written = field(default_factory=_Written)


@dataclass
class _TierChanges:
    """What applying the tier changes did, and which (team, direction) start or stop leading."""

    placed: int = 0
    transferred: int = 0
    promoted: set[tuple[int, int]] = field(default_factory=set)
    demoted: set[tuple[int, int]] = field(default_factory=set)


@transaction.atomic
def accept_proposal(
    *, proposal: DistributionProposal, changes: Collection[str], pairs: Collection[str],
    user: User, accepted_on: datetime.date,
) -> Acceptance:
    """Apply the selected tier changes and mentor pairs of a computed proposal.

    In the proposal's own year a change is a transfer (or a placement, for a direction the
    team did not take part in). For a later year every team of the source year is placed
    there: with the proposed tier where that change was selected, its current tier otherwise.

    For the changes accepted, the proposal's pairs replace the running ones: a team that
    gets a new mentor or starts leading the direction leaves its old mentor there, a team
    that stops leading a direction stops mentoring in it, and a mentor that gets new
    mentees keeps only the pairs the proposal keeps, so its load is the proposal's. Running
    pairs none of the accepted changes touch go on and are counted in ``left``.

    Refused, changing nothing, when the proposal was accepted already, when the data it
    was computed from has changed, when the new year it was computed for has been opened
    since, or when a selected pair needs a change left unselected.
    """
    proposal = _lock_acceptable(proposal)
    teams_input, directions_input = _unchanged_input(proposal)
    selection = _checked_selection(proposal, changes=set(changes), pairs=set(pairs))
    labels = {team.key: team.label for team in teams_input}
    numbers = {direction.key: direction.number for direction in directions_input}
    _check_pairs([selection.offered_pairs[key] for key in sorted(selection.pairs)],
                 selection.final, labels, numbers)

    started = timezone.now()
    target = _open_target(proposal, accepted_on=accepted_on, user=user, team_ids=labels)
    tiers = _apply_tier_changes(target, selection)
    selected = selection.selected_pairs
    rows = {(m.platform.direction_id, m.mentor_id, m.mentee_id): m for m in
            Mentorship.objects.filter(platform__period=target.period).select_related("platform")}
    ended, left = _end_replaced_pairs(
        rows=rows, selected=selected,
        proposed={(p["direction"], p["mentor"], p["mentee"]) for p in proposal.result["pairs"]},
        promoted=tiers.promoted, demoted=tiers.demoted, leading=_leading(target.period),
        day=target.day, written=target.written)
    paired, resumed, running = _apply_pairs(target, selected=selected, rows=rows)

    _note_history(started=started, written=target.written, reason=target.reason, user=user)
    _stamp_acceptance(proposal, target=target.period, user=user, selection=selection)
    return Acceptance(period=target.period, placed=tiers.placed,
                      transferred=tiers.transferred, paired=paired, resumed=resumed,
                      running=running, ended=ended, left=left)


def _lock_acceptable(proposal: DistributionProposal) -> DistributionProposal:
    """The proposal, locked against a second acceptance, once it is computed and not yet
    accepted."""
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
    return proposal


def _unchanged_input(proposal: DistributionProposal):
    """The engine's input as the data stands now, refused when it differs from the input the
    proposal was computed from."""
    teams_input, directions_input = build_input(period=proposal.source_period,
                                                diagnostic_round=proposal.diagnostic_round)
    if input_fingerprint(teams_input, directions_input) != proposal.input_fingerprint:
        raise ValidationError(STALE)
    return teams_input, directions_input


def _checked_selection(proposal: DistributionProposal, *, changes: set[str],
                       pairs: set[str]) -> _Selection:
    """The selection, refused when it names what the proposal does not offer, or selects
    nothing in the proposal's own year."""
    decisions = {change_key(d["team"], d["direction"]): d for d in proposal.result["tiers"]}
    offered_changes = {key for key, d in decisions.items() if d["changed"]}
    offered_pairs = {pair_key(p["direction"], p["mentor"], p["mentee"]): p
                     for p in proposal.result["pairs"]}
    if not changes <= offered_changes or not pairs <= set(offered_pairs):
        raise ValidationError("Отмечены изменения, которых нет в предложении: обновите страницу.")
    target = proposal.target_period
    same_year = target is not None and target.pk == proposal.source_period.pk
    if same_year and not changes and not pairs:
        raise ValidationError("Отметьте хотя бы одно изменение или пару наставничества.")
    final = {
        (d["team"], d["direction"]): d["tier"] if key in changes else d["current"]
        for key, d in decisions.items()
    }
    return _Selection(decisions=decisions, changes=changes, pairs=pairs,
                      offered_pairs=offered_pairs, final=final)


def _open_target(proposal: DistributionProposal, *, accepted_on: datetime.date, user: User,
                 team_ids: Collection[int]) -> _Target:
    """The year to write into, opened first when the proposal is for a new one."""
    period = proposal.target_period
    if period is None:
        period = _open_new_period(proposal)
    return _Target(
        period=period,
        day=_within(period, accepted_on),
        reason=f"решение по подбору распределения от {accepted_on:%d.%m.%Y}",
        user=user,
        platforms=platforms_of(period=period),
        teams={team.pk: team for team in ManagementTeam.objects.filter(
            pk__in=team_ids).select_related("organization")},
    )


def _apply_tier_changes(target: _Target, selection: _Selection) -> _TierChanges:
    """Place the teams missing from the year, and transfer those whose selected change
    gives them another tier; note who starts and who stops leading a direction."""
    existing = {(p.team_id, p.platform.direction_id): p for p in Placement.objects.filter(
        platform__period=target.period).select_related("platform__period", "team__organization")}
    done = _TierChanges()
    for key, decision in sorted(selection.decisions.items()):
        team_id, direction_id = decision["team"], decision["direction"]
        tier = selection.final[team_id, direction_id]
        if tier is None:
            continue
        placement = existing.get((team_id, direction_id))
        if placement is None:
            placement = place_team(team=target.teams[team_id],
                                   platform=target.platforms[direction_id], tier=tier)
            target.written.placements.add(placement.pk)
            done.placed += 1
        elif key in selection.changes and placement.tier != tier:
            if tier == Tier.LEADER:
                done.promoted.add((team_id, direction_id))
            elif placement.tier == Tier.LEADER:
                done.demoted.add((team_id, direction_id))
            transfer = transfer_team(placement=placement, to_tier=tier, transferred_on=target.day,
                                     reason=target.reason, recorded_by=target.user)
            target.written.placements.add(placement.pk)
            target.written.transfers.add(transfer.pk)
            done.transferred += 1
    return done


def _apply_pairs(target: _Target, *, selected: set[tuple[int, int, int]],
                 rows: dict) -> tuple[int, int, int]:
    """Start the selected pairs that are new, resume those that had ended; returns how many
    were started, resumed, and already running."""
    paired = resumed = running = 0
    for pair in sorted(selected):
        direction_id, mentor_id, mentee_id = pair
        row = rows.get(pair)
        if row is None:
            row = start_mentorship(platform=target.platforms[direction_id],
                                   mentor=target.teams[mentor_id],
                                   mentee=target.teams[mentee_id], started_on=target.day)
            paired += 1
        elif row.ended_on is not None:
            row = resume_mentorship(mentorship=row)
            resumed += 1
        else:
            running += 1
            continue
        target.written.mentorships.add(row.pk)
    return paired, resumed, running


def _stamp_acceptance(proposal: DistributionProposal, *, target: Period, user: User,
                      selection: _Selection) -> None:
    proposal.target_period = target
    proposal.accepted_at = timezone.now()
    proposal.accepted_by = user
    proposal.accepted = {"changes": sorted(selection.changes), "pairs": sorted(selection.pairs)}
    proposal.save(update_fields=["target_period", "accepted_at", "accepted_by", "accepted"])


def _open_new_period(proposal: DistributionProposal) -> Period:
    """Open the new year the proposal was computed for, unless a year has been opened since
    (another proposal accepted first, or the year added by hand)."""
    programme = Programme.objects.select_for_update().get(pk=proposal.source_period.programme_id)
    span = next_period_span(programme=programme)
    wanted = (proposal.new_period_title, proposal.new_period_starts_on,
              proposal.new_period_ends_on)
    if span is None:
        raise ValidationError(no_next_period_message(programme))
    if (span.title, span.starts_on, span.ends_on) != wanted:
        opened = programme.periods.order_by("-starts_on").first()
        raise ValidationError(
            f"Предложение рассчитано на новый учебный год {proposal.new_period_title}, "
            f"но в проекте с тех пор открыт учебный год {opened.title}. Рассчитайте "
            "новое предложение: на этот год или на следующий."
        )
    return open_next_period(programme=programme)


def _leading(period: Period) -> set[int]:
    """Teams that lead at least one direction of the year, as it is now."""
    return set(Placement.objects.filter(platform__period=period, tier=Tier.LEADER)
               .values_list("team_id", flat=True))


def _end_replaced_pairs(*, rows: dict, selected: set, proposed: set, promoted: set,
                        demoted: set,
                        leading: set[int], day: datetime.date,
                        written: _Written) -> tuple[int, int]:
    """End the running pairs the accepted changes replace; returns how many were ended and
    how many running pairs outside the proposal were left as they are."""
    new_mentors = {mentor for _, mentor, _ in selected}
    mentored = {(direction, mentee): mentor for direction, mentor, mentee in selected}
    demoted_teams = {team for team, _ in demoted}
    ended = left = 0
    for pair, row in sorted(rows.items()):
        if row.ended_on is not None or pair in selected:
            continue
        direction, mentor, mentee = pair
        replaced = (
            (mentee, direction) in promoted
            or (mentor, direction) in demoted
            # A mentor that leads nothing any more may mentor in no direction.
            or (mentor in demoted_teams and mentor not in leading)
            or mentored.get((direction, mentee), mentor) != mentor
            or (mentor in new_mentors and pair not in proposed)
        )
        if replaced:
            end_mentorship(mentorship=row, ended_on=max(day, row.started_on))
            written.mentorships.add(row.pk)
            ended += 1
        elif pair not in proposed:
            left += 1
    return ended, left


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


def _note_history(*, started, written: _Written, reason: str, user: User) -> None:
    """Mark the history rows this acceptance wrote with its reason and author; rows others
    wrote meanwhile, even in the same year, keep theirs."""
    marks = {"history_change_reason": reason, "history_user": user}
    Placement.history.filter(history_date__gte=started,
                             id__in=written.placements).update(**marks)
    Transfer.history.filter(history_date__gte=started, id__in=written.transfers).update(**marks)
    Mentorship.history.filter(history_date__gte=started,
                              id__in=written.mentorships).update(**marks)
