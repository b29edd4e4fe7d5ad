"""Case-insensitive search in Russian names on every database we run on."""

from django.db.models import QuerySet, Value
from django.db.models.functions import Concat, Lower


def unicode_lower_for_sqlite(sender, connection, **kwargs) -> None:
    """SQLite's LOWER() folds only Latin letters; give it Python's, which folds Cyrillic."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "LOWER", 1, lambda text: text.lower() if text is not None else None,
            deterministic=True,
        )


def search_organizations(queryset: QuerySet, text: str, *, prefix: str = "") -> QuerySet:
    """Rows whose organization's short or full name contains ``text``, in any case."""
    folded = " ".join(text.split()).lower()
    if not folded:
        return queryset
    return queryset.alias(
        organization_names=Lower(
            Concat(f"{prefix}short_name", Value(" | "), f"{prefix}name")
        )
    ).filter(organization_names__contains=folded)
