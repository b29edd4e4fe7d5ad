"""The terms the tier model weighs: what making a team a leader in a direction gains, which
leaders narrow specialisation keeps, the tier of a team that does not lead; and what the tier
step decided, for the pair step and the explanations to read."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from distribution.engine.inputs import LEADER, PROMISING, RESERVE, Parameters, TeamInput


@dataclass
class TierModel:
    """What the tier step decided, with the bounds it worked under."""

    leaders: set[tuple[int, int]]
    direction_max: dict[int, int]
    direction_min: dict[int, int]
    team_max: dict[int, int]
    forced: set[tuple[int, int]]


def non_leader_tier(strength: float, parameters: Parameters) -> str:
    return PROMISING if strength >= parameters.promising_threshold else RESERVE


def extra_changes(team: TeamInput, direction: int, parameters: Parameters) -> int:
    """How many more tier changes leading the direction makes than not leading it: −1, 0, 1."""
    current = team.current_tier.get(direction)
    otherwise = non_leader_tier(team.strength[direction], parameters)
    return int(current != LEADER) - int(current != otherwise)


def leader_gain(team: TeamInput, direction: int, parameters: Parameters) -> float:
    """What making the team a leader in the direction adds to the objective, versus not."""
    return (
        team.strength[direction]
        - parameters.leader_floor
        - parameters.change_cost * extra_changes(team, direction, parameters)
    )


def is_forced(team: TeamInput, direction: int, parameters: Parameters) -> bool:
    return parameters.keep_narrow and team.narrow and team.current_tier.get(direction) == LEADER


def leader_counts(leaders) -> dict[int, int]:
    counts: dict[int, int] = defaultdict(int)
    for _, d in leaders:
        counts[d] += 1
    return counts
