"""Helpers of the indicator tests: the values of a period, a second year, an event."""

import datetime

from diagnostics.models import (
    Deficit,
    Diagnosis,
    DiagnosisSource,
    DiagnosticRound,
    RoundKind,
)
from internships.models import JournalEntry, Period, TeamResult
from reports.indicator_catalogue import IndicatorValue
from reports.indicators import compute_indicators
from tests import factories

D = datetime.date


def values(world, period=None) -> dict[str, IndicatorValue]:
    computed = compute_indicators(municipality=world.municipality, period=period or world.period)
    return {item.indicator.code: item for item in computed}


def second_period(world) -> Period:
    return factories.PeriodFactory(programme=world.programme, starts_on=D(2022, 9, 1),
                                   ends_on=D(2023, 8, 31))


EVENT_DAY = D(2022, 2, 10)


def entry(platform, *results, held_on=EVENT_DAY) -> JournalEntry:
    """An event of the platform; ``results`` are (team, managers, teachers) or (team, None)
    for a team that did not come."""
    made = JournalEntry.objects.create(platform=platform, held_on=held_on, form="session",
                                       topic="Внутренняя система оценки качества")
    for team, *people in results:
        if people == [None]:
            TeamResult.objects.create(entry=made, team=team, attended=False)
        else:
            TeamResult.objects.create(entry=made, team=team, managers=people[0],
                                      teachers=people[1])
    return made


def deficit_history_of(world):
    """Expert diagnoses in three rounds; the last one falls after 2021–2022.

    СОШ № 1:       direction 1: {1.1, 1.2} → {1.1} (−1); direction 2: {2.1} → {2.1} (0)
    Гимназия № 2:  direction 1: {1.1, 1.9} → {1.1, 1.2}: 1.9 is withdrawn, so +1
    ООШ № 3:       direction 2: start only — not compared
    НШ № 4:        direction 1: {1.1, 1.2} at the start, {} in the final round (2023)
    A self-assessment of Гимназия № 2 claiming every deficit gone is not the expert's view.
    """
    deficits = {}
    for direction in world.directions[:2]:
        for number in (1, 2, 9):
            code = f"{direction.number}.{number}"
            deficits[code] = Deficit.objects.create(direction=direction, code=code,
                                                    wording=f"Дефицит {code}",
                                                    active=number != 9)

    def make_round(kind, title, starts_on):
        return DiagnosticRound.objects.create(
            programme=world.programme, kind=kind, title=title, starts_on=starts_on,
            ends_on=starts_on + datetime.timedelta(days=30), entry_opens=starts_on,
            entry_closes=starts_on + datetime.timedelta(days=30))

    start = make_round(RoundKind.START, "Стартовая", D(2021, 10, 1))
    middle = make_round(RoundKind.INTERMEDIATE, "Промежуточная", D(2022, 5, 1))
    final = make_round(RoundKind.FINAL, "Итоговая", D(2023, 5, 1))

    def diagnose(organization, diagnostic_round, number, codes,
                 source=DiagnosisSource.EXPERT):
        diagnosis = Diagnosis.objects.create(team=organization.team, round=diagnostic_round,
                                             direction=world.directions[number - 1],
                                             source=source)
        diagnosis.deficits.set([deficits[code] for code in codes])

    diagnose(world.school_a, start, 1, ["1.1", "1.2"])
    diagnose(world.school_a, middle, 1, ["1.1"])
    diagnose(world.school_a, start, 2, ["2.1"])
    diagnose(world.school_a, middle, 2, ["2.1"])
    diagnose(world.school_b, start, 1, ["1.1", "1.9"])
    diagnose(world.school_b, middle, 1, ["1.1", "1.2"])
    diagnose(world.school_b, start, 1, ["1.1", "1.2"], source=DiagnosisSource.SELF)
    diagnose(world.school_b, middle, 1, [], source=DiagnosisSource.SELF)
    diagnose(world.school_c, start, 2, ["2.1", "2.2"])
    diagnose(world.school_d, start, 1, ["1.1", "1.2"])
    diagnose(world.school_d, final, 1, [])
    return final
