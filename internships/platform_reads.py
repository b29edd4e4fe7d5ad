"""What a platform's page shows: its teams by tier, the mentors' load, pairs and transfers."""

from typing import TypedDict

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from internships import mentorships as mentorship_rules
from internships.access import transfers_for_user
from internships.matrix import matrix_placements
from internships.models import TIER_ORDER, Mentorship, Placement, Platform, Tier, Transfer


class PlatformOverview(TypedDict):
    """The platform page's context beside the platform and the user's permissions."""

    # (tier, its label, the placements of that tier in list order), tier by tier.
    columns: list[tuple[str, str, list[Placement]]]
    team_count: int
    mentee_capacity: int
    # Teams that guide more teams than the programme's norm.
    over_capacity: list[Placement]
    mentorships: QuerySet[Mentorship]
    transfers: QuerySet[Transfer]


def platform_overview(*, user: User | AnonymousUser, platform: Platform) -> PlatformOverview:
    """The platform's teams, pairs and transfers (``platform`` is one the user may open)."""
    # Hundreds of teams on a large platform: only the name and link of each are loaded.
    placements = matrix_placements(platform.placements.annotate(
        mentee_count=mentorship_rules.active_mentee_count(period=platform.period, team_ref="team")
    ))
    capacity = platform.period.programme.mentee_capacity
    by_tier = {tier: [] for tier in TIER_ORDER}
    for placement in placements:
        by_tier[placement.tier].append(placement)
    return PlatformOverview(
        columns=[(tier, Tier(tier).label, by_tier[tier]) for tier in TIER_ORDER],
        team_count=len(placements),
        mentee_capacity=capacity,
        over_capacity=[p for p in placements if p.mentee_count > capacity],
        mentorships=platform.mentorships.select_related(
            "mentor__organization", "mentee__organization"
        ).order_by("ended_on", "mentor__organization__sort_rank",
                   "mentor__organization__number"),
        transfers=transfers_for_user(user)
        .filter(placement__platform=platform)
        .select_related("placement__team__organization", "recorded_by"),
    )
