"""A change written through the API is signed in the history with the token's name.

The caller of a token request is a stand-in user that is never saved (api/access.py), so
simple-history cannot keep it as the author. Its record keeps no author and the reason
«Токен API «name» (prefix…)», which the history lines of the pages show as the author.
"""

from simple_history.signals import pre_create_historical_record

from api.access import token_of

REASON_LENGTH = 100


def token_reason(token) -> str:
    """«Токен API «Региональный мониторинг» (stz_ab12…)», within the reason's column."""
    suffix = f"» ({token.prefix}…)"
    name = token.name
    room = REASON_LENGTH - len("Токен API «") - len(suffix)
    if len(name) > room:
        name = name[: room - 1] + "…"
    return f"Токен API «{name}{suffix}"


def sign_token_writes(sender, history_instance, history_user=None, **kwargs) -> None:
    token = token_of(history_user) if history_user is not None else None
    if token is None:
        return
    history_instance.history_user = None
    history_instance.history_change_reason = token_reason(token)


def connect() -> None:
    pre_create_historical_record.connect(sign_token_writes,
                                         dispatch_uid="api_sign_token_writes")
