"""Who the API answers and what they see.

A request with a token acts as a service principal: an unsaved user that the access layer of
the web pages (teams/access.py and every app's ``*_for_user``) scopes like the department
staff of the token's municipality, or like an administrator for a regional token. So every
endpoint reads through the same querysets as the pages, and a token of one municipality
never reaches another's objects.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from api.models import ApiToken
from teams.access import has_role, profile_of
from teams.models import Role, UserProfile


def principal_for_token(token: ApiToken) -> User:
    """The stand-in user of a token: never saved, never signs in."""
    principal = User(username=f"api:{token.prefix}", first_name=token.name, is_active=True,
                     is_superuser=token.municipality_id is None)
    principal.api_token = token
    principal._profile_cache = (
        None if token.municipality_id is None
        else UserProfile(municipality=token.municipality, role=Role.STAFF)
    )
    # A service account curates no platform (internships/access.py).
    principal._curated_platform_ids = set()
    return principal


def token_of(user) -> ApiToken | None:
    return getattr(user, "api_token", None)


def may_manage_tokens(user: User | AnonymousUser) -> bool:
    """Department staff issue their municipality's tokens; administrators any, regional too."""
    if token_of(user) is not None:
        return False
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.STAFF))


def tokens_for_user(user: User | AnonymousUser) -> QuerySet[ApiToken]:
    if not may_manage_tokens(user):
        return ApiToken.objects.none()
    if user.is_superuser:
        return ApiToken.objects.all()
    return ApiToken.objects.filter(municipality_id=profile_of(user).municipality_id)
