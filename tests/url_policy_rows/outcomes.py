"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

A deficit's page (who had it, the events on it, what changed) is read by the municipality's
staff roles; the deficits an event or a plan line addresses are named by whoever keeps the
platform's journal (the department and the platform's curators).
"""

import datetime

from diagnostics.models import Deficit
from internships.models import JournalEntry, PlannedEvent, WorkForm

LOGIN = "→login"

ROWS: dict[str, tuple] = {
    #                   anonym staff  cur+   cur-   school+ school- analyst other teacher
    "deficit_detail":   (LOGIN, 200,  200,   200,   403,   403,   200,   404, 403),
    "deficit_gaps":     (LOGIN, 200,  200,   200,   403,   403,   200,   200, 403),
    "team_deficit_events": (LOGIN, 200, 200, 200,   200,   404,   200,   404, 403),
    "entry_deficits":   (LOGIN, 200,  200,   403,   403,   404,   403,   404, 404),
    "plan_deficits":    (LOGIN, 200,  200,   403,   403,   403,   403,   404, 404),
}  # fmt: skip

OBJECT_OF: dict[str, str] = {
    "deficit_detail": "addressed_deficit",
    "team_deficit_events": "organization",
    "entry_deficits": "addressing_entry",
    "plan_deficits": "addressing_plan_line",
}
POST_DATA: dict[str, dict] = {}


def targets(context) -> dict[str, int]:
    platform = context.platform
    deficit = Deficit.objects.create(direction=platform.direction, code="ПОЛ-1",
                                     wording="Дефицит для проверки доступа")
    entry = JournalEntry.objects.create(
        platform=platform, held_on=datetime.date(2022, 3, 10), form=WorkForm.SESSION,
        topic="Сессия по читательской грамотности", created_by=context.curator,
        updated_by=context.curator,
    )
    entry.hosts.set([context.own_school.team])
    planned = PlannedEvent.objects.create(
        platform=platform, month=datetime.date(2022, 4, 1), form=WorkForm.WEBINAR,
        topic="Вебинар по читательской грамотности",
    )
    return {"addressed_deficit": deficit.pk, "addressing_entry": entry.pk,
            "addressing_plan_line": planned.pk}
