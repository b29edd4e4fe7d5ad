"""Suggesting the next distribution of teams: the solver's input read from the database,
the background computation and the stored proposal.

The solver (``distribution.engine``) is pure; everything it needs is read here in a
fixed number of queries: the teams, their placements in the source year, diagnoses of
the chosen round, the needs and offers map, strategies and current mentor pairs.
"""

import dataclasses
import datetime
import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Count, Q
from django.utils import timezone

from aspects.map_reads import direction_marks
from aspects.models import Side
from diagnostics.models import (
    Deficit,
    Diagnosis,
    DiagnosisSource,
    DiagnosticRound,
    NeedsOffer,
)
from distribution import engine
from distribution.models import DistributionProposal, ProposalStatus
from internships.models import Direction, Mentorship, Period, Placement, Strategy, StrategyKind
from internships.periods import PeriodSpan
from teams.models import ManagementTeam

logger = logging.getLogger(__name__)

BROKER_DOWN = (
    "Очередь фоновых задач сейчас недоступна, расчёт не запущен. Попробуйте ещё раз через "
    "несколько минут; если не получится, сообщите администратору портала."
)
# Fields of engine.Parameters the form sets; the mentor-pair weights keep the solver's defaults.
FORM_PARAMETERS = (
    "leaders_min", "leaders_max", "max_directions_led", "mentees_per_leader", "change_cost",
    "leader_floor", "promising_threshold", "keep_narrow",
)


def default_parameters(*, period: Period) -> dict:
    """The solver's defaults, with the programme's norm of mentees per mentor."""
    values = dataclasses.asdict(engine.Parameters())
    values["mentees_per_leader"] = period.programme.mentee_capacity
    return values


def parameters_from(values: dict) -> engine.Parameters:
    known = {field.name for field in dataclasses.fields(engine.Parameters)}
    return engine.Parameters(**{key: value for key, value in values.items() if key in known})


def latest_round_with_diagnoses(*, period: Period) -> DiagnosticRound | None:
    return (
        DiagnosticRound.objects.filter(programme_id=period.programme_id,
                                       diagnoses__isnull=False)
        .distinct().order_by("-starts_on", "-pk").first()
    )


def _strengths_from_diagnoses(diagnostic_round: DiagnosticRound | None,
                              team_ids: set[int]) -> dict[tuple[int, int], float]:
    """(team, direction) → strength in [0, 1] from the round.

    The score when one was given, else the share of the direction's active deficits
    that were not found; the curator's expert assessment is preferred to a self-assessment.
    """
    if diagnostic_round is None:
        return {}
    active = dict(
        Deficit.objects.filter(direction__programme_id=diagnostic_round.programme_id,
                               active=True)
        .order_by().values("direction_id").annotate(n=Count("pk"))
        .values_list("direction_id", "n")
    )
    diagnoses = (
        Diagnosis.objects.filter(round=diagnostic_round, team_id__in=team_ids)
        .annotate(found=Count("deficits", filter=Q(deficits__active=True)))
        .values("team_id", "direction_id", "source", "score", "found")
    )
    preference = {DiagnosisSource.EXPERT: 0, DiagnosisSource.SELF: 1}
    chosen: dict[tuple[int, int], dict] = {}
    for row in diagnoses:
        key = (row["team_id"], row["direction_id"])
        if key not in chosen or preference[row["source"]] < preference[chosen[key]["source"]]:
            chosen[key] = row
    strengths = {}
    for key, row in chosen.items():
        if row["score"] is not None:
            strengths[key] = row["score"] / 100
        elif active.get(key[1]):
            strengths[key] = 1 - min(row["found"], active[key[1]]) / active[key[1]]
    return strengths


def build_input(
    *, period: Period, diagnostic_round: DiagnosticRound | None
) -> tuple[list[engine.TeamInput], list[engine.DirectionInput]]:
    """The solver's input for the municipality of ``period``, its placements as "now".

    A team takes part in a direction when it is placed on that direction's platform
    this year or was diagnosed in it in the round.
    """
    directions = list(Direction.objects.filter(programme_id=period.programme_id)
                      .order_by("number"))
    teams = list(
        ManagementTeam.objects.filter(
            organization__municipality_id=period.programme.municipality_id
        ).select_related("organization")
    )
    team_ids = {team.pk for team in teams}
    tiers: dict[int, dict[int, str]] = defaultdict(dict)
    for team_id, direction_id, tier in Placement.objects.filter(
        platform__period=period, team_id__in=team_ids
    ).values_list("team_id", "platform__direction_id", "tier"):
        tiers[team_id][direction_id] = tier
    diagnosed = _strengths_from_diagnoses(diagnostic_round, team_ids)
    needs: dict[int, set[int]] = defaultdict(set)
    offers: dict[int, set[int]] = defaultdict(set)
    for organization_id, direction_id, needs_support, offers_practice in (
        NeedsOffer.objects.filter(period=period).values_list(
            "organization_id", "direction_id", "needs_support", "offers_practice")
    ):
        if needs_support:
            needs[organization_id].add(direction_id)
        if offers_practice:
            offers[organization_id].add(direction_id)
    # Statements of the map of problems and solutions count where their aspect has a direction.
    for organization_id, direction_id, side in direction_marks(
        municipality_id=period.programme.municipality_id, school_year=period.starts_on.year
    ):
        (needs if side == Side.NEED else offers)[organization_id].add(direction_id)
    narrow = set(Strategy.objects.filter(period=period, kind=StrategyKind.NARROW)
                 .values_list("team_id", flat=True))
    mentors: dict[int, dict[int, int]] = defaultdict(dict)
    for mentee_id, direction_id, mentor_id in (
        Mentorship.objects.filter(platform__period=period, ended_on__isnull=True)
        .order_by("-pk").values_list("mentee_id", "platform__direction_id", "mentor_id")
    ):
        # Ordered newest first, so the oldest active pair of a direction is the one kept.
        mentors[mentee_id][direction_id] = mentor_id

    result = []
    for team in teams:
        organization = team.organization
        strength = {}
        from_diagnosis = set()
        for direction in directions:
            key = (team.pk, direction.pk)
            if key in diagnosed:
                strength[direction.pk] = diagnosed[key]
                from_diagnosis.add(direction.pk)
            elif direction.pk in tiers[team.pk]:
                strength[direction.pk] = engine.TIER_STRENGTH[tiers[team.pk][direction.pk]]
        result.append(engine.TeamInput(
            key=team.pk,
            label=organization.short_name,
            kind=organization.kind,
            level=organization.level,
            locality=organization.locality,
            strength=strength,
            from_diagnosis=frozenset(from_diagnosis),
            current_tier=dict(tiers[team.pk]),
            narrow=team.pk in narrow,
            needs=frozenset(needs[organization.pk]),
            offers=frozenset(offers[organization.pk]),
            current_mentor=dict(mentors[team.pk]),
        ))
    return result, [engine.DirectionInput(key=d.pk, number=d.number) for d in directions]


def input_fingerprint(teams: list[engine.TeamInput],
                      directions: list[engine.DirectionInput]) -> str:
    """A digest of the input: equal digests mean the data the proposal rests on is unchanged."""
    canonical = {
        "directions": sorted((d.key, d.number) for d in directions),
        "teams": sorted(
            [team.key, team.kind, team.level, team.locality,
             sorted((key, round(value, 6)) for key, value in team.strength.items()),
             sorted(team.from_diagnosis), sorted(team.current_tier.items()), team.narrow,
             sorted(team.needs), sorted(team.offers), sorted(team.current_mentor.items())]
            for team in teams
        ),
    }
    return hashlib.sha256(json.dumps(canonical, ensure_ascii=False).encode()).hexdigest()


def proposal_to_json(proposal: engine.Proposal) -> dict:
    return {
        "tiers": [
            {"team": d.team, "direction": d.direction, "tier": d.tier, "current": d.current,
             "changed": d.changed, "explanation": d.explanation}
            for d in proposal.tiers
        ],
        "pairs": [
            {"direction": p.direction, "mentor": p.mentor, "mentee": p.mentee, "kept": p.kept,
             "explanation": p.explanation}
            for p in proposal.pairs
        ],
        "unmatched": [
            {"team": u.team, "direction": u.direction, "reason": u.reason}
            for u in proposal.unmatched
        ],
        "leading_before": proposal.leading_before,
        "leading_after": proposal.leading_after,
        "teams_total": proposal.teams_total,
        "changes": proposal.changes,
        # JSON object keys are strings; readers turn them back into team ids.
        "leader_load": {str(team): load for team, load in proposal.leader_load.items()},
        "notes": list(proposal.notes),
        "seconds": round(proposal.seconds, 3),
    }


def suggest(
    *, period: Period, diagnostic_round: DiagnosticRound | None, parameters: dict,
    progress: Callable[[int, str], None] | None = None,
) -> tuple[engine.Proposal, str]:
    """Run the solver on the database as it is now; returns the proposal and the fingerprint."""
    teams, directions = build_input(period=period, diagnostic_round=diagnostic_round)
    proposal = engine.propose(teams=teams, directions=directions,
                                parameters=parameters_from(parameters), progress=progress)
    return proposal, input_fingerprint(teams, directions)


def create_proposal(
    *, source_period: Period, target_period: Period | None, new_period: PeriodSpan | None,
    diagnostic_round: DiagnosticRound | None, parameters: dict, user: User,
) -> DistributionProposal:
    """Record a queued request; ``distribution.tasks.request_proposal`` also queues it.

    ``new_period`` is the year to open on acceptance when there is no ``target_period``.
    """
    return DistributionProposal.objects.create(
        municipality_id=source_period.programme.municipality_id,
        source_period=source_period, target_period=target_period,
        new_period_title=new_period.title if new_period else "",
        new_period_starts_on=new_period.starts_on if new_period else None,
        new_period_ends_on=new_period.ends_on if new_period else None,
        diagnostic_round=diagnostic_round, parameters=parameters, created_by=user,
        stage="В очереди",
    )


def fail_unqueued(proposal_id: int) -> None:
    """The queue refused the computation: the proposal says so."""
    _fail(proposal_id, BROKER_DOWN)


def expire_stale_proposals(*, now: datetime.datetime | None = None) -> int:
    """Fail the proposals that have waited or run longer than any computation may
    (``PROPOSAL_STALE_MINUTES``): their worker or queue was lost, and the page would
    otherwise show «в очереди» forever. Returns how many were expired."""
    cutoff = (now or timezone.now()) - datetime.timedelta(
        minutes=settings.PROPOSAL_STALE_MINUTES)
    stale = DistributionProposal.objects.filter(
        status__in=(ProposalStatus.QUEUED, ProposalStatus.RUNNING), created_at__lt=cutoff)
    return stale.update(
        status=ProposalStatus.FAILED, stage="", finished_at=now or timezone.now(),
        error=f"Расчёт не завершился за {settings.PROPOSAL_STALE_MINUTES} мин: фоновый "
              f"обработчик или очередь не работали. Запросите подбор снова.",
    )


def compute_proposal(*, proposal_id: int) -> None:
    """The background job: compute, report progress on the row, store the result or the error."""
    proposal = DistributionProposal.objects.select_related(
        "source_period__programme", "diagnostic_round"
    ).get(pk=proposal_id)
    if proposal.status != ProposalStatus.QUEUED:
        return
    _set_progress(proposal_id, 5, "Чтение распределения и диагностики",
                  status=ProposalStatus.RUNNING)

    def progress(percent: int, stage: str) -> None:
        _set_progress(proposal_id, min(max(percent, 0), 99), stage)

    try:
        result, fingerprint = suggest(
            period=proposal.source_period, diagnostic_round=proposal.diagnostic_round,
            parameters=proposal.parameters, progress=progress,
        )
    except ValueError as error:
        _fail(proposal_id, str(error))
        return
    except Exception:
        # The row must not stay «считается» forever; the traceback goes to the worker's log.
        logger.exception("Подбор распределения № %s прерван", proposal_id)
        _fail(proposal_id, "Расчёт прервался из-за внутренней ошибки. Попробуйте ещё раз; "
                           "если ошибка повторится, сообщите администратору портала.")
        return
    DistributionProposal.objects.filter(pk=proposal_id).update(
        status=ProposalStatus.DONE, progress=100, stage="Готово",
        result=proposal_to_json(result), input_fingerprint=fingerprint,
        finished_at=timezone.now(),
    )


def _fail(proposal_id: int, message: str) -> None:
    DistributionProposal.objects.filter(pk=proposal_id).update(
        status=ProposalStatus.FAILED, error=message, stage="", finished_at=timezone.now()
    )


def _set_progress(proposal_id: int, percent: int, stage: str, **fields) -> None:
    DistributionProposal.objects.filter(pk=proposal_id).update(
        progress=percent, stage=stage[:200], **fields
    )
