"""The chain's figures for a programme up to a date, for the indicators page and the reports:
the last two rounds with expert results, each deficit's change and each direction's.

A direction's figure adds up the team–deficit pairs of its deficits: «посещали» are the pairs
where the team attended an event addressing that deficit between the two rounds.
"""

import datetime
from dataclasses import dataclass

from diagnostics.models import Deficit, Diagnosis, DiagnosisSource, DiagnosticRound
from internships.models import Direction, Programme, TeamResult
from outcomes.change import AttributableChange, changes_by_deficit, combined


@dataclass
class ChainFigures:
    first: DiagnosticRound | None
    second: DiagnosticRound | None
    by_direction: list[tuple[Direction, AttributableChange]]
    by_deficit: list[tuple[Deficit, AttributableChange]]

    @property
    def ready(self) -> bool:
        return self.second is not None


def _pair(programme: Programme, until: datetime.date):
    with_data = Diagnosis.objects.filter(round__programme=programme,
                                         source=DiagnosisSource.EXPERT).values("round_id")
    rounds = list(DiagnosticRound.objects.filter(pk__in=with_data, starts_on__lte=until)
                  .order_by("-starts_on", "-pk")[:2])
    return (rounds[1], rounds[0]) if len(rounds) == 2 else (None, None)


def chain_figures(*, programme: Programme, until: datetime.date) -> ChainFigures:
    first, second = _pair(programme, until)
    if second is None:
        return ChainFigures(first=None, second=None, by_direction=[], by_deficit=[])
    changes = changes_by_deficit(
        diagnoses=Diagnosis.objects.filter(round__programme=programme),
        results=TeamResult.objects.filter(entry__platform__period__programme=programme),
        first=first, second=second,
    )
    deficits = sorted(Deficit.objects.filter(pk__in=list(changes)).select_related("direction"),
                      key=lambda d: (d.direction.number, d.code))
    directions: dict[int, Direction] = {}
    grouped: dict[int, list[AttributableChange]] = {}
    for deficit in deficits:
        directions[deficit.direction_id] = deficit.direction
        grouped.setdefault(deficit.direction_id, []).append(changes[deficit.pk])
    return ChainFigures(
        first=first, second=second,
        by_direction=[(directions[pk], combined(items)) for pk, items in grouped.items()],
        by_deficit=[(deficit, changes[deficit.pk]) for deficit in deficits],
    )
