"""Issuing, revoking and recognising API tokens.

A token reads ``stz_<prefix>_<secret>``; the portal keeps its SHA-256 and the visible
prefix, so the whole token is known only to whoever copied it when it was issued.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from api.models import ApiToken, TokenScope
from teams.models import Municipality

TOKEN_START = "stz_"
# The last-use time is written at most this often, not on every request.
LAST_USED_GRANULARITY = timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    # The whole token, to be shown once and never stored.
    plaintext: str


def hash_token(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode("utf-8")).hexdigest()


@transaction.atomic
def issue_token(*, name: str, municipality: Municipality | None, scope: str,
                created_by: User) -> IssuedToken:
    prefix = TOKEN_START + secrets.token_hex(4)
    while ApiToken.objects.filter(prefix=prefix).exists():
        prefix = TOKEN_START + secrets.token_hex(4)
    plaintext = f"{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken(name=name.strip(), municipality=municipality, scope=TokenScope(scope),
                     prefix=prefix, secret_hash=hash_token(plaintext), created_by=created_by)
    token.full_clean()
    token.save()
    return IssuedToken(token=token, plaintext=plaintext)


@transaction.atomic
def revoke_token(*, token: ApiToken, revoked_by: User) -> ApiToken:
    """Revoking twice keeps the first time and author."""
    locked = ApiToken.objects.select_for_update().get(pk=token.pk)
    if locked.revoked_at is None:
        locked.revoked_at = timezone.now()
        locked.revoked_by = revoked_by
        locked.save(update_fields=["revoked_at", "revoked_by"])
    return locked


def active_token(plaintext: str) -> ApiToken | None:
    """The unrevoked token with this text, or None."""
    if not plaintext.startswith(TOKEN_START) or len(plaintext) > 200:
        return None
    return (ApiToken.objects.select_related("municipality")
            .filter(secret_hash=hash_token(plaintext), revoked_at__isnull=True).first())


def record_use(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_GRANULARITY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
