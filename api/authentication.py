"""How the API recognises its callers: a service account's token, or the portal's session."""

from django.utils.translation import gettext_lazy
from rest_framework import authentication, exceptions

from api.access import principal_for_token
from api.tokens import active_token, record_use

KEYWORD = "Bearer"


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer stz_…``: a revoked or unknown token is 401."""

    def authenticate(self, request):
        # Read as text: a header in an unexpected encoding is a bad token, not a failure.
        header = str(request.META.get("HTTP_AUTHORIZATION", "")).split()
        if not header or header[0].lower() != KEYWORD.lower():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                gettext_lazy("Заголовок Authorization: укажите «Bearer» и токен через пробел."))
        token = active_token(header[1]) if header[1].isascii() else None
        if token is None:
            raise exceptions.AuthenticationFailed(
                gettext_lazy("Токен не найден или отозван. Выпустите новый на странице "
                             "«Токены API»."))
        record_use(token)
        return principal_for_token(token), token

    def authenticate_header(self, request):
        return f'{KEYWORD} realm="api"'


class PortalSessionAuthentication(authentication.SessionAuthentication):
    """The signed-in user's session, for the portal's own pages; writes need the CSRF token."""

    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied as refused:
            raise exceptions.PermissionDenied(
                "Проверка CSRF не пройдена: запрос с сеансом портала должен нести заголовок "
                "X-CSRFToken. Внешним системам нужен токен API.") from refused
