"""``updated_since``: a system syncing step by step gets only what changed since its last run."""

import datetime

import pytest
from django.utils import timezone

from diagnostics.models import Diagnosis
from internships.models import Placement
from tests.api.conftest import listed_ids

pytestmark = pytest.mark.django_db


def test_it_lists_only_diagnoses_changed_since(districts, issue, bearer):
    home, district = districts["home"]
    (diagnosis_id,) = district.ids["diagnosis"]
    client = bearer(issue(home))
    later = timezone.now() + datetime.timedelta(minutes=1)
    assert listed_ids(client.get("/api/v1/diagnoses/",
                                 {"updated_since": later.isoformat()})) == set()
    Diagnosis.objects.filter(pk=diagnosis_id).update(updated_at=later)
    assert listed_ids(client.get("/api/v1/diagnoses/",
                                 {"updated_since": later.isoformat()})) == {diagnosis_id}


def test_it_lists_only_placements_changed_since_by_their_history(districts, issue, bearer):
    home, district = districts["home"]
    (placement_id,) = district.ids["placement"]
    client = bearer(issue(home))
    since = timezone.now() + datetime.timedelta(seconds=1)
    assert listed_ids(client.get("/api/v1/placements/",
                                 {"updated_since": since.isoformat()})) == set()
    placement = Placement.objects.get(pk=placement_id)
    placement.tier = "reserve"
    placement._history_date = since + datetime.timedelta(seconds=1)
    placement.save()
    assert listed_ids(client.get("/api/v1/placements/",
                                 {"updated_since": since.isoformat()})) == {placement_id}


def test_it_lists_only_journal_entries_changed_since(districts, issue, bearer):
    from internships.models import JournalEntry

    home, district = districts["home"]
    (entry_id,) = district.ids["entry"]
    client = bearer(issue(home))
    later = timezone.now() + datetime.timedelta(minutes=1)
    assert listed_ids(client.get("/api/v1/journal-entries/",
                                 {"updated_since": later.isoformat()})) == set()
    JournalEntry.objects.filter(pk=entry_id).update(updated_at=later)
    assert listed_ids(client.get("/api/v1/journal-entries/",
                                 {"updated_since": later.isoformat()})) == {entry_id}
