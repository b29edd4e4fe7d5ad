"""Scoped reads of the map: every view looks aspects and statements up here.

The catalogue and the map are read by the roles that see the whole municipality (staff,
curators, analysts); staff and curators — the methodologists — curate it. An organization's
statements are read by those roles and by the organization's own team.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from aspects.models import Aspect, Statement
from teams.access import has_role, municipality_scope, organizations_for_user
from teams.models import Organization, Role


def aspects_for_user(user: User | AnonymousUser) -> QuerySet[Aspect]:
    scope = municipality_scope(user, "municipality_id")
    return Aspect.objects.none() if scope is None else Aspect.objects.filter(**scope)


def statements_for_user(user: User | AnonymousUser) -> QuerySet[Statement]:
    return Statement.objects.filter(organization__in=organizations_for_user(user))


def may_curate(user: User | AnonymousUser) -> bool:
    """Department staff and curators keep the catalogue; analysts only read it."""
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.STAFF,
                                                                    Role.CURATOR))


def may_enter_statements(user: User | AnonymousUser, organization: Organization) -> bool:
    """The organization's own team, or the department for any organization of its own."""
    return user.has_perm("diagnostics.edit_needs", organization)
