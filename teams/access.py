"""Who may see what: the one place every app asks about users' roles.

Reads are scoped with the ``*_for_user`` querysets; an object looked up
outside them does not exist for that user (404).
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from teams.models import (
    ORGANIZATION_ROLES,
    ManagementTeam,
    Municipality,
    Organization,
    Role,
    UserProfile,
)

# Roles that see the whole of their municipality.
MUNICIPALITY_WIDE_ROLES = (Role.STAFF, Role.CURATOR, Role.ANALYST)


def profile_of(user: User | AnonymousUser) -> UserProfile | None:
    """The user's role record, cached on the user object for the request."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_profile_cache"):
        user._profile_cache = (
            UserProfile.objects.select_related("municipality", "organization")
            .filter(user=user)
            .first()
        )
    return user._profile_cache


def role_of(user: User | AnonymousUser) -> str | None:
    profile = profile_of(user)
    return profile.role if profile else None


def has_role(user: User | AnonymousUser, *roles: str) -> bool:
    """Superusers act as department staff of every municipality."""
    if user.is_authenticated and user.is_superuser:
        return Role.STAFF in roles
    return role_of(user) in roles


def sees_whole_municipality(user: User | AnonymousUser) -> bool:
    return (user.is_authenticated and user.is_superuser) or has_role(
        user, *MUNICIPALITY_WIDE_ROLES
    )


def municipalities_for_user(user: User | AnonymousUser) -> QuerySet[Municipality]:
    if user.is_authenticated and user.is_superuser:
        return Municipality.objects.all()
    profile = profile_of(user)
    if profile is None:
        return Municipality.objects.none()
    return Municipality.objects.filter(pk=profile.municipality_id)


def organizations_for_user(user: User | AnonymousUser) -> QuerySet[Organization]:
    if user.is_authenticated and user.is_superuser:
        return Organization.objects.all()
    profile = profile_of(user)
    if profile is None:
        return Organization.objects.none()
    if profile.role in ORGANIZATION_ROLES:
        return Organization.objects.filter(pk=profile.organization_id)
    return Organization.objects.filter(municipality_id=profile.municipality_id)


def teams_for_user(user: User | AnonymousUser) -> QuerySet[ManagementTeam]:
    """A teacher reads their own school's card but not its management team's records."""
    if role_of(user) == Role.TEACHER and not user.is_superuser:
        return ManagementTeam.objects.none()
    return ManagementTeam.objects.filter(organization__in=organizations_for_user(user))


def is_staff_of(user: User | AnonymousUser, municipality_id: int) -> bool:
    """Department staff of this municipality (or a superuser)."""
    if user.is_authenticated and user.is_superuser:
        return True
    profile = profile_of(user)
    return (
        profile is not None
        and profile.role == Role.STAFF
        and profile.municipality_id == municipality_id
    )


def municipality_scope(user: User | AnonymousUser, path: str) -> dict | None:
    """The filter on ``path`` (a lookup ending at a municipality id) for the user's
    municipality; ``{}`` for a superuser, ``None`` for a user without a role."""
    if user.is_authenticated and user.is_superuser:
        return {}
    profile = profile_of(user)
    if profile is None:
        return None
    return {path: profile.municipality_id}


ACTING_MUNICIPALITY_KEY = "acting_municipality_id"


def acting_municipality(request) -> Municipality | None:
    """The municipality a user works in: their role's, or — for an administrator without a
    role of their own — the one chosen with ``?municipality=`` (remembered in the session),
    else the first one."""
    profile = profile_of(request.user)
    if profile is not None:
        return profile.municipality
    if not (request.user.is_authenticated and request.user.is_superuser):
        return None
    municipalities = Municipality.objects.order_by("name", "pk")
    chosen = request.GET.get("municipality", "")
    if chosen.isdigit() and municipalities.filter(pk=chosen).exists():
        request.session[ACTING_MUNICIPALITY_KEY] = int(chosen)
    remembered = request.session.get(ACTING_MUNICIPALITY_KEY)
    return (municipalities.filter(pk=remembered).first() if remembered else None) \
        or municipalities.first()
