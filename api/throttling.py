from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from api.access import token_of


class PerTokenThrottle(SimpleRateThrottle):
    """API_THROTTLE_RATE requests per token, or per signed-in user for the session."""

    scope = "api"

    def get_rate(self):
        # Read on each request, so a changed setting applies at once.
        return settings.API_THROTTLE_RATE

    def get_cache_key(self, request, view):
        token = token_of(request.user)
        if token is not None:
            ident = f"token-{token.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"address-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
