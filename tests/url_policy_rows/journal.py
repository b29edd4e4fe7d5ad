"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

The entry is held on the demo platform (direction 3), hosted by the demo school's team, with
two other teams taking part; the foreign school (МБОУ СОШ № 1) is on the platform but not in
the entry. Both schools are placed on the platform, so both may read its work plan.
"""

import datetime

from django.core.files.base import ContentFile

from internships.models import (
    EntryAttachment,
    JournalEntry,
    PlannedEvent,
    TeamResult,
    WorkForm,
)
from teams.models import ManagementTeam

LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                        anonym staff  cur+   cur-   school+ school- analyst other teacher
    "journal":               (LOGIN, 200,  200,   200,   404,   404,   200,   404, 404),
    "journal_excel":         (LOGIN, 200,  200,   200,   404,   404,   200,   404, 404),
    "entry_add":             (LOGIN, 200,  200,   403,   404,   404,   403,   404, 404),
    "entry_detail":          (LOGIN, 200,  200,   200,   200,   404,   200,   404, 404),
    "entry_edit":            (LOGIN, 200,  200,   403,   403,   404,   403,   404, 404),
    "entry_results":         (LOGIN, 200,  200,   403,   403,   404,   403,   404, 404),
    "entry_delete":          (LOGIN, 200,  200,   403,   403,   404,   403,   404, 404),
    "attachment_download":   (LOGIN, 200,  200,   200,   200,   404,   200,   404, 404),
    "attachment_delete":     (LOGIN, MOVED, MOVED, 403,  403,   404,   403,   404, 404),
    "plan":                  (LOGIN, 200,  200,   200,   404,   404,   200,   404, 404),
    "plan_add":              (LOGIN, 200,  200,   403,   404,   404,   403,   404, 404),
    "plan_edit":             (LOGIN, 200,  200,   403,   403,   403,   403,   404, 404),
    "plan_delete":           (LOGIN, MOVED, MOVED, 403,  403,   403,   403,   404, 404),
}  # fmt: skip
OBJECT_OF: dict[str, str] = {
    "journal": "platform",
    "journal_excel": "platform",
    "entry_add": "platform",
    "entry_detail": "journal_entry",
    "entry_edit": "journal_entry",
    "entry_results": "journal_entry",
    "entry_delete": "journal_entry",
    "attachment_download": "entry_attachment",
    "attachment_delete": "entry_attachment",
    "plan": "platform",
    "plan_add": "platform",
    "plan_edit": "planned_event",
    "plan_delete": "planned_event",
}
POST_DATA: dict[str, dict] = {
    "attachment_delete": {},
    "plan_delete": {},
}


def targets(context) -> dict[str, int]:
    platform = context.platform
    entry = JournalEntry.objects.create(
        platform=platform, held_on=datetime.date(2022, 2, 10), form=WorkForm.SESSION,
        topic="Выявление и поддержка одарённых детей", created_by=context.curator,
        updated_by=context.curator,
    )
    entry.hosts.set([context.own_school.team])
    for short_name in ("МБОУ СОШ № 24", "МБОУ СОШ № 3"):
        TeamResult.objects.create(
            entry=entry, managers=1, teachers=2,
            team=ManagementTeam.objects.get(organization__municipality=context.municipality,
                                            organization__short_name=short_name),
        )
    attachment = EntryAttachment(entry=entry, original_name="Программа сессии.pdf",
                                 content_type="application/pdf", size=20)
    attachment.file.save("programma.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    attachment.save()
    event = PlannedEvent.objects.create(
        platform=platform, month=datetime.date(2022, 3, 1), form=WorkForm.WEBINAR,
        topic="Вебинар для команд скрытых резервов",
    )
    return {
        "journal_entry": entry.pk,
        "entry_attachment": attachment.pk,
        "planned_event": event.pk,
    }
