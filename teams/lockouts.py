"""Sign-in lockouts: who is locked out and lifting a lock.

django-axes counts failed sign-ins per username and client address (the address comes from
django-ipware, trusting ``X-Forwarded-For`` only behind the configured number of proxies), so
one person's typos do not lock out the colleagues behind the same proxy. On top of that, an
account whose failures from all addresses together reach ``AXES_USERNAME_FAILURE_LIMIT``
within the cool-off period is locked whatever the address: a password guessed from many
addresses has a cap too. Department staff see the locked accounts of their municipality and
lift a lock.
"""

import datetime
from dataclasses import dataclass

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Count, Max, Sum
from django.utils import timezone


def username_failures(username: str, *, now: datetime.datetime | None = None) -> int:
    """Failed sign-ins with this username from every address within the cool-off period."""
    since = (now or timezone.now()) - get_cool_off()
    total = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(
        total=Sum("failures_since_start"))["total"]
    return total or 0


class PortalAxesHandler(AxesDatabaseHandler):
    """Axes' database handler with a per-account cap across all client addresses."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        failures = super().get_failures(request, credentials)
        username = get_client_username(request, credentials)
        if username and username_failures(username) >= settings.AXES_USERNAME_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures


@dataclass(frozen=True)
class Lockout:
    username: str
    full_name: str
    failures: int
    addresses: int
    last_attempt: datetime.datetime


def locked_accounts(*, users) -> list[Lockout]:
    """Accounts among ``users`` that cannot sign in now, latest failure first."""
    since = timezone.now() - get_cool_off()
    rows = (AccessAttempt.objects.filter(username__in=users.values("username"),
                                         attempt_time__gte=since)
            .values("username")
            .annotate(failures=Sum("failures_since_start"), most=Max("failures_since_start"),
                      addresses=Count("id"), last=Max("attempt_time"))
            .order_by("-last", "username"))
    locked = [row for row in rows
              if row["most"] >= settings.AXES_FAILURE_LIMIT
              or row["failures"] >= settings.AXES_USERNAME_FAILURE_LIMIT]
    names = {user.username: user.get_full_name() for user in
             users.filter(username__in=[row["username"] for row in locked])}
    return [Lockout(username=row["username"], full_name=names.get(row["username"], ""),
                    failures=row["failures"], addresses=row["addresses"],
                    last_attempt=row["last"]) for row in locked]


def lift_lockout(*, username: str) -> int:
    """Forget the account's failed attempts, so it can sign in again; returns how many
    records were removed."""
    return reset(username=username)


def users_of_municipality(municipality_id: int):
    return User.objects.filter(profile__municipality_id=municipality_id)
