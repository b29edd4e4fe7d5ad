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


def test_it_reads_a_moment_with_any_offset_as_the_same_moment_in_utc(districts, issue, bearer):
    home, district = districts["home"]
    (diagnosis_id,) = district.ids["diagnosis"]
    client = bearer(issue(home))
    changed = datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.UTC)
    Diagnosis.objects.filter(pk=diagnosis_id).update(updated_at=changed)
    # 12:00 UTC is 18:42 at +06:42 and 05:48 at -06:12; an offset of -17:12 lies beyond what
    # PostgreSQL accepts in a literal, so the filter compares in UTC.
    assert listed_ids(client.get("/api/v1/diagnoses/",
                                 {"updated_since": "2026-03-01T18:42:00+06:42"})) == {diagnosis_id}
    assert listed_ids(client.get("/api/v1/diagnoses/",
                                 {"updated_since": "2026-03-01T05:49:00-06:12"})) == set()
    assert listed_ids(client.get("/api/v1/diagnoses/",
                                 {"updated_since": "2026-03-01T00:00:00-17:12"})) == set()
    assert listed_ids(client.get("/api/v1/diagnoses/",
                                 {"updated_since": "2026-02-28T18:48:00-17:12"})) == {diagnosis_id}


def test_it_answers_a_moment_beyond_the_calendar_with_a_400(districts, issue, bearer):
    home, _ = districts["home"]
    response = bearer(issue(home)).get("/api/v1/normative-documents/",
                                       {"updated_since": "9999-12-31T23:59:00-17:12"})
    assert response.status_code == 400
    assert response.json()["errors"] == [{"field": "updated_since",
                                          "message": "Момент вне допустимого диапазона дат."}]
