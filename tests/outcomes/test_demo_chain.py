"""The demo's chain shows real contrasts: a deficit that closes where events addressed it, one
where attending makes no difference, and deficits nobody addresses."""

import pytest

from demo.diagnostics import OPEN_ROUND, ROUND_TITLES, START_ROUND, load_demo_diagnostics
from demo.krymsky import load_demo
from demo.krymsky_chain import MARK, load_demo_chain
from diagnostics.models import Deficit, Diagnosis, DiagnosticRound
from internships.models import JournalEntry
from outcomes.change import load_attributable_change
from outcomes.gaps import deficit_gaps
from teams.models import Role, UserProfile


@pytest.fixture
def demo(db):
    load_demo()
    load_demo_diagnostics()
    return load_demo_chain()


def _staff():
    return UserProfile.objects.filter(role=Role.STAFF,
                                      municipality__name__contains="Крымский").first().user


def test_it_loads_the_chain_once_and_marks_it_as_demonstration(demo):
    assert demo["entries"] >= 15 and demo["diagnoses"] >= 100
    assert not JournalEntry.objects.exclude(description__startswith=MARK).exists()
    assert not Diagnosis.objects.exclude(comment__startswith=MARK).exists()
    assert load_demo_chain() == {"entries": 0, "diagnoses": 0}
    assert JournalEntry.objects.count() == demo["entries"]


def test_it_shows_a_contrast_where_events_addressed_the_deficit(demo):
    start = DiagnosticRound.objects.get(title=ROUND_TITLES[START_ROUND][1])
    second = DiagnosticRound.objects.get(title=ROUND_TITLES[OPEN_ROUND][1])
    staff = _staff()
    attended = not_attended = lost_attended = lost_not = 0
    for deficit in Deficit.objects.filter(code__endswith=".1",
                                          direction__programme=start.programme):
        change = load_attributable_change(user=staff, deficit=deficit, first=start,
                                          second=second)
        attended += change.attended.size
        not_attended += change.not_attended.size
        lost_attended += change.attended.lost
        lost_not += change.not_attended.lost
    assert attended and not_attended
    assert lost_attended / attended > lost_not / not_attended + 0.3


def test_it_leaves_some_deficits_unaddressed(demo):
    start = DiagnosticRound.objects.get(title=ROUND_TITLES[START_ROUND][1])
    gaps = deficit_gaps(user=_staff(), diagnostic_round=start)
    assert gaps.unaddressed
    assert all(not deficit.code.endswith((".1", ".2")) for deficit, _teams in gaps.unaddressed)
