"""Suggesting a distribution of teams: who leads each direction, and who mentors whom.

Plain data in, plain data out: the database side builds the input from placements and
diagnoses and applies what staff accept. Both steps are solved exactly with HiGHS
(``scipy.optimize.milp``); their constraint matrices are network-like, which keeps thousands of
teams within seconds. The models are built in the order of team keys and direction numbers, so
the same data gives the same proposal in whatever order it comes.

The parts, each importing only those before it: ``inputs`` (what goes in and comes out, and
its checks), ``solver`` (one exact solve), ``terms`` (what the tier model weighs),
``explain`` (the Russian explanations and notes), ``tiers`` (the leaders and every tier) and
``pairs`` (the mentor pairs).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from distribution.engine.inputs import (
    LEADER,
    PARAMETER_TITLES,
    PROMISING,
    RESERVE,
    TIER_STRENGTH,
    TIER_TITLES,
    DirectionInput,
    PairDecision,
    Parameters,
    PhaseStats,
    Progress,
    Proposal,
    TeamInput,
    TierDecision,
    Unmatched,
    validate_input,
    validate_parameters,
)
from distribution.engine.pairs import choose_mentors
from distribution.engine.tiers import choose_leaders, tier_decisions

__all__ = [
    "LEADER",
    "PARAMETER_TITLES",
    "PROMISING",
    "RESERVE",
    "TIER_STRENGTH",
    "TIER_TITLES",
    "DirectionInput",
    "PairDecision",
    "Parameters",
    "PhaseStats",
    "Progress",
    "Proposal",
    "TeamInput",
    "TierDecision",
    "Unmatched",
    "propose",
    "validate_parameters",
]

# Parameters are frozen, so one default instance serves every call.
_DEFAULTS = Parameters()


def propose(
    *,
    teams: Sequence[TeamInput],
    directions: Sequence[DirectionInput],
    parameters: Parameters = _DEFAULTS,
    progress: Progress | None = None,
) -> Proposal:
    """The optimal distribution for these teams; raises ValueError on invalid input."""
    started = time.perf_counter()
    report = progress or (lambda percent, stage: None)
    validate_parameters(parameters)
    validate_input(teams, directions)
    # Several distributions are often equally good; HiGHS picks among them by the order of the
    # columns, so the models are built in one canonical order and the same data gives the same
    # proposal however the caller listed it.
    teams = sorted(teams, key=lambda team: team.key)
    directions = sorted(directions, key=lambda direction: (direction.number, direction.key))

    report(10, "Подбор лидеров")
    leaders, tier_phases, notes = choose_leaders(teams, directions, parameters)

    report(60, "Подбор наставников")
    pairs, unmatched, load, pair_phases = choose_mentors(teams, directions, parameters, leaders)
    tiers = tier_decisions(teams, directions, parameters, leaders, load)

    report(100, "Готово")
    return Proposal(
        tiers=tiers,
        pairs=pairs,
        unmatched=unmatched,
        leading_before=sum(1 for team in teams if LEADER in team.current_tier.values()),
        leading_after=len({team for team, _ in leaders.leaders}),
        teams_total=len(teams),
        changes=sum(1 for decision in tiers if decision.changed),
        leader_load=load,
        notes=tuple(notes),
        seconds=time.perf_counter() - started,
        phases=tier_phases + pair_phases,
    )
