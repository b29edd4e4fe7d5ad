"""Deficits and two rounds on top of the ``world`` district.

Each of the world's three directions has three active deficits («N.1»–«N.3») and
one switched off («N.9»). The start round's entry window closed long ago; the
intermediate round's window is open today.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from diagnostics.models import Deficit, Diagnosis, DiagnosisSource, DiagnosticRound, RoundKind


@dataclass
class Rounds:
    start: DiagnosticRound
    intermediate: DiagnosticRound
    deficits: dict  # code → Deficit


def make_round(programme, *, kind, title, starts_on, opens, closes) -> DiagnosticRound:
    return DiagnosticRound.objects.create(
        programme=programme, kind=kind, title=title, starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=30), entry_opens=opens, entry_closes=closes,
    )


@pytest.fixture
def rounds(world) -> Rounds:
    today = timezone.localdate()
    deficits = {}
    for direction in world.directions:
        for number in (1, 2, 3, 9):
            code = f"{direction.number}.{number}"
            deficits[code] = Deficit.objects.create(
                direction=direction, code=code, active=number != 9,
                wording=f"Не выстроена работа {code} в направлении {direction.number}",
            )
    start = make_round(world.programme, kind=RoundKind.START, title="Стартовая",
                       starts_on=datetime.date(2021, 10, 1),
                       opens=datetime.date(2021, 10, 1), closes=datetime.date(2021, 11, 30))
    intermediate = make_round(
        world.programme, kind=RoundKind.INTERMEDIATE, title="Промежуточная",
        starts_on=datetime.date(2022, 5, 1), opens=today - datetime.timedelta(days=1),
        closes=today + datetime.timedelta(days=1),
    )
    return Rounds(start=start, intermediate=intermediate, deficits=deficits)


def diagnose(team, diagnostic_round, direction, codes, rounds, *,
             source=DiagnosisSource.EXPERT, score=None) -> Diagnosis:
    diagnosis = Diagnosis.objects.create(team=team, round=diagnostic_round, direction=direction,
                                         source=source, score=score)
    diagnosis.deficits.set([rounds.deficits[code] for code in codes])
    return diagnosis
