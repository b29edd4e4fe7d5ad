"""Journal entries, results and plan lines for the school team's own page."""

import datetime

from django.utils import timezone

from internships.models import JournalEntry, PlannedEvent, TeamResult, WorkForm

D = datetime.date
SESSION_DAY = D(2021, 10, 5)


def today() -> datetime.date:
    return timezone.localdate()


def make_entry(platform, *, held_on=SESSION_DAY, topic="Стажировочная сессия",
               hosts=(), results=()) -> JournalEntry:
    """``results`` are (team, fields) pairs."""
    entry = JournalEntry.objects.create(platform=platform, held_on=held_on,
                                        form=WorkForm.SESSION, topic=topic)
    entry.hosts.add(*hosts)
    for team, fields in results:
        TeamResult.objects.create(entry=entry, team=team, **fields)
    return entry


def make_plan(platform, *, month=None, planned_on=None, topic="Семинар", entry=None,
              responsible=None) -> PlannedEvent:
    day = planned_on or month
    return PlannedEvent.objects.create(
        platform=platform, month=(month or day).replace(day=1), planned_on=planned_on,
        form=WorkForm.SEMINAR, topic=topic, entry=entry, responsible=responsible,
    )
