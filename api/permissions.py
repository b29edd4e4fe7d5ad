from rest_framework import exceptions, permissions

from api.access import token_of


class TokenScopePermission(permissions.BasePermission):
    """A caller must be known; a read-only token may only read."""

    message = "Токен выпущен только для чтения: запись запрещена."

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            raise exceptions.NotAuthenticated(
                "Нужна авторизация: заголовок «Authorization: Bearer <токен>» или вход на портал.")
        if request.method in permissions.SAFE_METHODS:
            return True
        token = token_of(request.user)
        return token is None or token.may_write
