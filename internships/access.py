"""Scoped reads of the internship model: every view looks objects up here."""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from internships.models import (
    CouncilMeeting,
    EntryAttachment,
    JournalEntry,
    Mentorship,
    Period,
    Placement,
    PlannedEvent,
    Platform,
    TeamResult,
    Transfer,
)
from teams.access import organizations_for_user, profile_of, sees_whole_municipality
from teams.models import Role


def periods_for_user(user: User | AnonymousUser) -> QuerySet[Period]:
    if user.is_authenticated and user.is_superuser:
        return Period.objects.all()
    profile = profile_of(user)
    if profile is None:
        return Period.objects.none()
    return Period.objects.filter(programme__municipality_id=profile.municipality_id)


def platforms_for_user(user: User | AnonymousUser) -> QuerySet[Platform]:
    """Platform pages are for the municipality's staff roles, not for school teams."""
    if not sees_whole_municipality(user):
        return Platform.objects.none()
    return Platform.objects.filter(period__in=periods_for_user(user))


def placements_for_user(user: User | AnonymousUser) -> QuerySet[Placement]:
    return Placement.objects.filter(
        platform__period__in=periods_for_user(user),
        team__organization__in=organizations_for_user(user),
    )


def transfers_for_user(user: User | AnonymousUser) -> QuerySet[Transfer]:
    return Transfer.objects.filter(placement__in=placements_for_user(user))


def mentorships_for_user(user: User | AnonymousUser) -> QuerySet[Mentorship]:
    """A school team sees the pairs its own team belongs to."""
    queryset = Mentorship.objects.filter(platform__period__in=periods_for_user(user))
    profile = profile_of(user)
    if profile is not None and profile.role == Role.SCHOOL and not user.is_superuser:
        own = profile.organization_id
        return queryset.filter(Q(mentor__organization_id=own) | Q(mentee__organization_id=own))
    return queryset


def _own_organization_id(user: User | AnonymousUser) -> int | None:
    """The organization of a school-team user; None for every other role."""
    profile = profile_of(user)
    if profile is not None and profile.role == Role.SCHOOL and not user.is_superuser:
        return profile.organization_id
    return None


def entries_for_user(user: User | AnonymousUser) -> QuerySet[JournalEntry]:
    """Staff roles read every journal of the municipality; a school team reads
    the entries its team hosted or took part in."""
    own = _own_organization_id(user)
    if own is None:
        return JournalEntry.objects.filter(platform__in=platforms_for_user(user))
    # Two separate id lists, each served by its own index: an OR across the joins of
    # hosts and results would read every result row of every entry.
    hosted = JournalEntry.hosts.through.objects.filter(
        managementteam__organization_id=own).values("journalentry_id")
    attended = TeamResult.objects.filter(team__organization_id=own).values("entry_id")
    return JournalEntry.objects.filter(
        Q(pk__in=hosted) | Q(pk__in=attended), platform__period__in=periods_for_user(user)
    )


def results_for_user(user: User | AnonymousUser) -> QuerySet[TeamResult]:
    """A school team sees its own result rows only, never other teams' marks."""
    queryset = TeamResult.objects.filter(entry__in=entries_for_user(user))
    own = _own_organization_id(user)
    if own is not None:
        return queryset.filter(team__organization_id=own)
    return queryset


def attachments_for_user(user: User | AnonymousUser) -> QuerySet[EntryAttachment]:
    return EntryAttachment.objects.filter(entry__in=entries_for_user(user))


def planned_events_for_user(user: User | AnonymousUser) -> QuerySet[PlannedEvent]:
    """A school team sees the plans of the platforms its team is placed on."""
    own = _own_organization_id(user)
    if own is None:
        return PlannedEvent.objects.filter(platform__in=platforms_for_user(user))
    return PlannedEvent.objects.filter(
        platform__in=Placement.objects.filter(
            team__organization_id=own, platform__period__in=periods_for_user(user)
        ).values("platform_id")
    )


def council_meetings_for_user(user: User | AnonymousUser) -> QuerySet[CouncilMeeting]:
    """The council's protocols are read by the municipality's staff roles."""
    if not sees_whole_municipality(user):
        return CouncilMeeting.objects.none()
    return CouncilMeeting.objects.filter(period__in=periods_for_user(user))


def curated_platform_ids(user: User | AnonymousUser) -> set[int]:
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_curated_platform_ids"):
        user._curated_platform_ids = set(
            Platform.objects.filter(curators__user=user).values_list("pk", flat=True)
        )
    return user._curated_platform_ids
