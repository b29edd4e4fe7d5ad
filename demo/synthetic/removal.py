"""Removing the synthetic municipalities table by table, bottom-up, without loading the
rows."""

from django.apps import apps
from django.contrib.auth.models import User
from django.db import models, transaction

from diagnostics.models import (
    Deficit,
    Diagnosis,
    DiagnosticRound,
    NeedsOffer,
    SchoolIndicator,
    Staffing,
)
from internships.attachments import delete_files_on_commit
from internships.models import (
    AgendaItem,
    CouncilAttachment,
    CouncilMeeting,
    Curator,
    EntryAttachment,
    JournalEntry,
    Mentorship,
    Placement,
    PlannedEvent,
    Platform,
    Programme,
    Strategy,
    TeamResult,
    Transfer,
)
from outcomes.models import AddressedDeficit
from teams.models import ManagementTeam, Municipality, Organization, TeamMember

_SYNTHETIC = "municipality__is_synthetic"
_PROGRAMME = f"programme__{_SYNTHETIC}"
_PERIOD = f"period__{_PROGRAMME}"
_PLATFORM = f"platform__{_PERIOD}"
_ORGANIZATION = f"organization__{_SYNTHETIC}"
_TEAM = f"team__{_ORGANIZATION}"


def _bottom_up() -> list[tuple[type[models.Model], str]]:
    """Every table below the synthetic municipalities, children before their parents."""
    history = [
        (apps.get_model("internships", "HistoricalJournalEntry_hosts"),
         f"history__{_PLATFORM}"),
        (JournalEntry.history.model, _PLATFORM),
        (TeamResult.history.model, _TEAM),
        (Transfer.history.model, f"placement__{_TEAM}"),
        (Mentorship.history.model, _PLATFORM),
        (Placement.history.model, _TEAM),
        (CouncilMeeting.history.model, _PERIOD),
    ]
    return history + [
        (AddressedDeficit, f"deficit__direction__{_PROGRAMME}"),
        (Diagnosis.deficits.through, f"diagnosis__{_TEAM}"),
        (Diagnosis, _TEAM),
        (Deficit, f"direction__{_PROGRAMME}"),
        (DiagnosticRound, _PROGRAMME),
        (AgendaItem.placements.through, f"agendaitem__meeting__{_PERIOD}"),
        (AgendaItem.transfers.through, f"agendaitem__meeting__{_PERIOD}"),
        (AgendaItem, f"meeting__{_PERIOD}"),
        (CouncilAttachment, f"meeting__{_PERIOD}"),
        (CouncilMeeting, _PERIOD),
        (PlannedEvent, _PLATFORM),
        (EntryAttachment, f"entry__{_PLATFORM}"),
        (TeamResult, _TEAM),
        (JournalEntry.hosts.through, f"journalentry__{_PLATFORM}"),
        (JournalEntry, _PLATFORM),
        (Transfer, f"placement__{_TEAM}"),
        (Mentorship, _PLATFORM),
        (Placement, _TEAM),
        (Platform.curators.through, _PLATFORM),
        (Platform, _PERIOD),
        (Strategy, _TEAM),
        (SchoolIndicator, _ORGANIZATION),
        (Staffing, _ORGANIZATION),
        (NeedsOffer, _ORGANIZATION),
        (TeamMember, _TEAM),
    ]


def _raw_delete(queryset: models.QuerySet) -> int:
    # One DELETE statement: no rows loaded, no signals, no history records of the removal.
    return queryset._raw_delete(queryset.db)


@transaction.atomic
def delete_synthetic() -> dict[str, int]:
    """Remove every synthetic municipality with everything in it, and its users."""
    municipalities = Municipality.objects.filter(is_synthetic=True)
    count = municipalities.count()
    if not count:
        return {"deleted_municipalities": 0, "deleted_rows": 0}
    delete_files_on_commit(
        [item.file for model, lookup in ((EntryAttachment, f"entry__{_PLATFORM}"),
                                         (CouncilAttachment, f"meeting__{_PERIOD}"))
         for item in model.objects.filter(**{lookup: True}).only("file")])
    rows = sum(_raw_delete(model.objects.filter(**{lookup: True}))
               for model, lookup in _bottom_up())
    # Few rows from here on: the ORM's deletion follows whatever else points at them.
    rows += User.objects.filter(profile__municipality__is_synthetic=True).delete()[0]
    for model, lookup in ((Curator, _SYNTHETIC), (ManagementTeam, _ORGANIZATION),
                          (Organization, _SYNTHETIC)):
        rows += _raw_delete(model.objects.filter(**{lookup: True}))
    rows += Programme.objects.filter(**{_SYNTHETIC: True}).delete()[0]
    rows += municipalities.delete()[0]
    return {"deleted_municipalities": count, "deleted_rows": rows}
