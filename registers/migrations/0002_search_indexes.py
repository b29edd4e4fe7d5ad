"""GIN indexes for the registers' full-text search (PostgreSQL only; SQLite searches by
substring and needs none). Each indexes the expression registers/search.py searches."""

from django.db import migrations

INDEXES = {
    # The search of the bank of programmes (registers/search.py BANK_FIELDS).
    "registers_bankentry_search": ("registers_bankentry",
                                   ("title", "authors", "audience", "description")),
    # The search of the register of products (PRODUCT_FIELDS).
    "registers_product_search": ("registers_product", ("title", "authors", "organization_name")),
    # The search of the register of normative documents (DOCUMENT_FIELDS).
    "registers_normativedocument_search": ("registers_normativedocument",
                                           ("title", "kind", "issuer", "number")),
}


def _expression(fields) -> str:
    joined = " || ' ' || ".join(f"COALESCE({name}, '')" for name in fields)
    return f"to_tsvector('russian'::regconfig, {joined})"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, fields) in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING GIN ({_expression(fields)})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("registers", "0001_registers")]

    operations = [migrations.RunPython(create, drop)]
