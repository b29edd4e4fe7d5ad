"""Search in the registers: PostgreSQL full-text search with the Russian configuration
(«программы» finds «программа»), and on SQLite every word as a case-insensitive substring."""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import QuerySet, TextField, Value
from django.db.models.functions import Coalesce, Concat, Lower

SEARCH_CONFIG = "russian"

# The fields each register searches; the GIN indexes of the migration
# 0002_search_indexes index the same expressions.
BANK_FIELDS = ("title", "authors", "audience", "description")
PRODUCT_FIELDS = ("title", "authors", "organization_name")
DOCUMENT_FIELDS = ("title", "kind", "issuer", "number")


def search(queryset: QuerySet, text: str, *, fields: tuple[str, ...]) -> QuerySet:
    """Rows matching ``text`` in any of ``fields``; an empty text leaves them all."""
    text = " ".join(text.split())
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        return queryset.alias(
            found=SearchVector(*fields, config=SEARCH_CONFIG),
        ).filter(found=SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch"))
    parts = []
    for name in fields:
        parts += [Coalesce(name, Value(""), output_field=TextField()), Value(" | ")]
    queryset = queryset.alias(search_text=Lower(Concat(*parts, output_field=TextField())))
    for word in text.lower().split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset
