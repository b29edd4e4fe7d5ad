"""Two rounds on the world's own platform (direction 1) and an event that addresses a deficit.

Expert diagnoses in direction 1:
    team           first round   second round
    СОШ № 1        Д1            —
    Гимназия № 2   Д1, Д2        Д1
    ООШ № 3        Д1            Д1
    НШ № 4         Д2            Д2
The event of 10.02.2022 addresses Д1; Гимназия № 2 and НШ № 4 attended it, ООШ № 3 was
expected and did not come, СОШ № 1 hosted it. Д2 is addressed by nothing.
"""

import datetime
from dataclasses import dataclass

import pytest

from diagnostics.models import Deficit, Diagnosis, DiagnosisSource, DiagnosticRound
from internships import journal
from internships.models import JournalEntry, TeamResult
from outcomes.addressing import name_entry_deficits

D = datetime.date


@dataclass
class Chain:
    first: DiagnosticRound
    second: DiagnosticRound
    d1: Deficit
    d2: Deficit
    entry: JournalEntry


def _round(world, title, kind, starts_on):
    return DiagnosticRound.objects.create(
        programme=world.programme, kind=kind, title=title, starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=20), entry_opens=starts_on,
        entry_closes=starts_on + datetime.timedelta(days=30))


def diagnose(team, diagnostic_round, direction, deficits, source=DiagnosisSource.EXPERT):
    diagnosis = Diagnosis.objects.create(team=team, round=diagnostic_round, direction=direction,
                                         source=source)
    diagnosis.deficits.set(deficits)
    return diagnosis


@pytest.fixture
def chain(world) -> Chain:
    direction = world.directions[0]
    d1 = Deficit.objects.create(direction=direction, code="1.1",
                                wording="Не выстроена внутренняя система оценки качества")
    d2 = Deficit.objects.create(direction=direction, code="1.2",
                                wording="Нет плана повышения качества по итогам ВСОКО")
    first = _round(world, "Стартовая диагностика", "start", D(2021, 10, 1))
    second = _round(world, "Промежуточная диагностика", "intermediate", D(2022, 5, 1))
    a, b, c, d = (world.school_a.team, world.school_b.team, world.school_c.team,
                  world.school_d.team)
    for team, before, after in [(a, [d1], []), (b, [d1, d2], [d1]), (c, [d1], [d1]),
                                (d, [d2], [d2])]:
        diagnose(team, first, direction, before)
        diagnose(team, second, direction, after)
    entry = journal.record_entry(platform=world.own_platform, recorded_by=world.curator,
                                 data=journal.EntryData(
        held_on=D(2022, 2, 10), ends_on=None, form="session", form_other="",
        topic="ВСОКО: от данных к решениям", venue=world.school_a, hosts=[a],
        participants=[b, c, d], description=""))
    TeamResult.objects.filter(entry=entry, team=c).update(attended=False)
    name_entry_deficits(entry=entry, deficits=[d1], named_by=world.curator)
    return Chain(first=first, second=second, d1=d1, d2=d2, entry=entry)
