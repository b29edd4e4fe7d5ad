"""What an organization's page shows of its team in one academic year: the team's
placements by direction, its strategy, mentor pairs and load, transfers and its journal."""

from typing import TypedDict

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from internships import mentorships as mentorship_rules
from internships.access import mentorships_for_user, placements_for_user, transfers_for_user
from internships.journal_reads import TeamJournal, team_journal
from internships.models import (
    Direction,
    Mentorship,
    Period,
    Placement,
    Strategy,
    Tier,
    Transfer,
)
from teams.models import ManagementTeam, Organization, TeamMember


class OrganizationYear(TypedDict):
    """The organization page's context beside the organization and the chosen year."""

    team: ManagementTeam | None
    members: QuerySet[TeamMember]
    # Every direction of the year's programme, with the team's placement in it (or None).
    rows: list[tuple[Direction, Placement | None]]
    placed_count: int
    strategy: Strategy | None
    leads_somewhere: bool
    mentors: list[Mentorship]
    mentees: list[Mentorship]
    mentor_load: mentorship_rules.MentorLoad | None
    transfers: QuerySet[Transfer]
    journal: TeamJournal | None


def organization_year(*, user: User | AnonymousUser, organization: Organization,
                      period: Period | None) -> OrganizationYear:
    """The organization's team in ``period`` as ``user`` may see it (``organization`` is
    one the user may open)."""
    # An organization added in the admin has no team until one is created there.
    team = getattr(organization, "team", None)
    directions = (list(Direction.objects.filter(programme_id=period.programme_id))
                  if period is not None else [])
    placements = _placements_by_direction(user=user, team=team, period=period)
    mentorships = _year_mentorships(user=user, team=team, period=period)
    known = period is not None and team is not None
    return OrganizationYear(
        team=team,
        members=TeamMember.objects.filter(team=team),
        rows=[(direction, placements.get(direction.pk)) for direction in directions],
        placed_count=len(placements),
        strategy=(Strategy.objects.filter(team=team, period=period).first()
                  if period is not None else None),
        leads_somewhere=any(p.tier == Tier.LEADER for p in placements.values()),
        mentor_load=(
            mentorship_rules.mentee_load(team=team, mentorships=mentorships,
                                         capacity=period.programme.mentee_capacity)
            if known else None
        ),
        mentors=[m for m in mentorships if m.mentee.organization_id == organization.pk],
        mentees=[m for m in mentorships if m.mentor.organization_id == organization.pk],
        transfers=transfers_for_user(user)
        .filter(placement__team=team)
        .select_related("placement__platform__direction", "placement__platform__period",
                        "recorded_by"),
        journal=team_journal(user=user, team=team, period=period) if known else None,
    )


def _placements_by_direction(*, user: User | AnonymousUser, team: ManagementTeam | None,
                             period: Period | None) -> dict[int, Placement]:
    if period is None:
        return {}
    return {
        placement.platform.direction_id: placement
        for placement in placements_for_user(user)
        .filter(team=team, platform__period=period)
        .select_related("platform")
    }


def _year_mentorships(*, user: User | AnonymousUser, team: ManagementTeam | None,
                      period: Period | None) -> QuerySet[Mentorship]:
    """The pairs of the year the team mentors or is mentored in."""
    if period is None:
        return Mentorship.objects.none()
    return (
        mentorships_for_user(user)
        .filter(Q(mentor=team) | Q(mentee=team), platform__period=period)
        .select_related("mentor__organization", "mentee__organization", "platform__direction")
    )
