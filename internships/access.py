"""Scoped reads of the internship model: every view looks objects up here."""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from internships.models import Mentorship, Period, Placement, Platform, Transfer
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


def curated_platform_ids(user: User | AnonymousUser) -> set[int]:
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_curated_platform_ids"):
        user._curated_platform_ids = set(
            Platform.objects.filter(curators__user=user).values_list("pk", flat=True)
        )
    return user._curated_platform_ids
