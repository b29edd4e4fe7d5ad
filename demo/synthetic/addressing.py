"""Which deficits the synthetic events address: the deficits of the platform's direction on a
rule of the ids (about a third of the pairs), so the same data gives the same rows."""

import datetime

from django.db import connection

from diagnostics.models import Deficit
from internships.models import JournalEntry, Period, Platform, Programme
from outcomes.models import AddressedDeficit
from teams.models import Municipality

NAMED_AT = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)


def generate_addressing() -> dict[str, int]:
    def table(model) -> str:
        return connection.ops.quote_name(model._meta.db_table)

    with connection.cursor() as cursor:
        # One statement: every synthetic event × the deficits of its direction.
        cursor.execute(
            f"INSERT INTO {table(AddressedDeficit)} "
            "(entry_id, planned_id, deficit_id, named_by_id, named_at) "
            "SELECT e.id, NULL, d.id, NULL, %s "
            f"FROM {table(JournalEntry)} e "
            f"JOIN {table(Platform)} p ON p.id = e.platform_id "
            f"JOIN {table(Period)} pe ON pe.id = p.period_id "
            f"JOIN {table(Programme)} pr ON pr.id = pe.programme_id "
            f"JOIN {table(Municipality)} m ON m.id = pr.municipality_id "
            f"JOIN {table(Deficit)} d ON d.direction_id = p.direction_id "
            "WHERE m.is_synthetic AND (e.id + d.id) %% 3 = 0",
            [connection.ops.adapt_datetimefield_value(NAMED_AT)],
        )
        return {"addressed_deficits": cursor.rowcount}
