"""Writing rows in bulk without reading them back: ids drawn beforehand, COPY on
PostgreSQL and ``bulk_create`` elsewhere."""

import datetime
import io

from django.db import connection, models

# Rows per INSERT, and rows kept in memory before they are written.
BATCH_SIZE = 2000
FLUSH_ROWS = 20000


class Ids:
    """Ids for rows written without reading anything back, drawn before the rows are made.

    PostgreSQL hands them out from the table's sequence; elsewhere they continue from the
    table's largest id, counted here (the run holds the database's write lock).
    """

    def __init__(self):
        self.next: dict[str, int] = {}

    def take(self, model: type[models.Model], count: int) -> list[int]:
        table = model._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) "
                               "FROM generate_series(1, %s)",
                               [table, model._meta.pk.column, count])
                return sorted(row[0] for row in cursor.fetchall())
            if table not in self.next:
                cursor.execute(f"SELECT MAX({connection.ops.quote_name(model._meta.pk.column)})"
                               f" FROM {connection.ops.quote_name(table)}")
                self.next[table] = (cursor.fetchone()[0] or 0) + 1
        first = self.next[table]
        self.next[table] += count
        return list(range(first, first + count))


def _copy_text(value) -> str:
    """A value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, str):
        return (value.replace("\\", "\\\\").replace("\t", "\\t")
                .replace("\n", "\\n").replace("\r", "\\r"))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


class Table:
    """Rows of one table, as tuples in the order of ``columns``, written in batches as they
    are made, so memory stays flat.

    PostgreSQL takes them by COPY (several times faster than INSERT at this scale, and no
    model instances are built); other databases through ``bulk_create``, where Django
    stamps the automatic dates itself.
    """

    def __init__(self, model: type[models.Model], *columns: str):
        self.model = model
        self.fields = [model._meta.get_field(name) for name in columns]
        self.pending: list[tuple] = []
        self.written = 0

    def add(self, row: tuple) -> None:
        self.pending.append(row)
        if len(self.pending) >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> int:
        if not self.pending:
            return self.written
        if connection.vendor == "postgresql":
            self._copy()
        else:
            names = [item.attname for item in self.fields]
            self.model.objects.bulk_create(
                [self.model(**dict(zip(names, row, strict=True))) for row in self.pending],
                batch_size=BATCH_SIZE)
        self.written += len(self.pending)
        self.pending = []
        return self.written

    def _copy(self) -> None:
        quote = connection.ops.quote_name
        text = "".join("\t".join(map(_copy_text, row)) + "\n" for row in self.pending)
        columns = ", ".join(quote(item.column) for item in self.fields)
        with connection.cursor() as cursor:
            cursor.copy_expert(f"COPY {quote(self.model._meta.db_table)} ({columns}) FROM STDIN",
                               io.StringIO(text))


def insert(instances: list[models.Model]) -> list[models.Model]:
    """Write the few rows of a small table; the database fills in their ids."""
    if instances:
        type(instances[0]).objects.bulk_create(instances, batch_size=BATCH_SIZE)
    return instances
