"""Indicators of persons in the project's figures: who was trained on the platforms for
teachers (distinct people, young teachers separately) and the coverage of professional
development with the municipality's targets beside it, read from ``trainings``.

Krymsky's «педагогических работников, прошедших стажировки» counts distinct people when
named attendance exists for the year, and says which source it used; without person data it
stays the estimate from the platforms' journals, and says so.
"""

import datetime

from core.formatting import ru_percent
from internships.models import Period
from reports.indicator_catalogue import (
    PD_COVERAGE_SPECIALISTS,
    PD_COVERAGE_TEACHERS,
    PEOPLE_TRAINED,
    PERSONS_TRAINED,
    YOUNG_TRAINED,
    Indicator,
    IndicatorValue,
)
from teams.models import Municipality
from trainings import indicator_reads
from trainings.models import CoverageTarget

NO_ATTENDANCE = "поимённой посещаемости занятий площадок для педагогов за год нет"
JOURNAL_SOURCE = "оценка по журналам площадок: поимённых данных за год нет"


def period_bounds(period: Period, as_of: datetime.date | None) -> tuple[datetime.date,
                                                                         datetime.date]:
    ends_on = period.ends_on if as_of is None else min(period.ends_on, as_of)
    return period.starts_on, ends_on


def _share(indicator: Indicator, share: indicator_reads.Share, whom: str) -> IndicatorValue:
    target = ("цель не задана" if share.target_percent is None
              else f"цель — не менее {ru_percent(share.target_percent)}"
              + ("" if share.target_met is None else
                 (": достигнута" if share.target_met else ": не достигнута")))
    if share.value is None:
        return IndicatorValue(indicator, None, note=f"{whom}; {target}")
    return IndicatorValue(indicator, share.value, numerator=share.numerator,
                          denominator=share.denominator,
                          note=f"{share.numerator} из {share.denominator}; {target}")


def person_values(*, municipality: Municipality, period: Period,
                  as_of: datetime.date | None, target: CoverageTarget | None
                  ) -> tuple[list[IndicatorValue], indicator_reads.PersonsTrained]:
    """The values of the persons' group, in the order of INDICATORS, and the persons."""
    date_from, date_to = period_bounds(period, as_of)
    persons = indicator_reads.persons_trained(municipality, date_from, date_to)
    coverage = indicator_reads.pd_coverage(municipality, date_from, date_to, target=target)
    if persons.total:
        categories = ", ".join(f"{label.lower()} — {count}"
                               for label, count in persons.by_category.items() if count)
        trained = IndicatorValue(PERSONS_TRAINED, persons.total, note=categories)
        young = IndicatorValue(YOUNG_TRAINED, persons.young,
                               numerator=persons.young, denominator=persons.total,
                               note=f"{persons.young} из {persons.total}")
    else:
        trained = IndicatorValue(PERSONS_TRAINED, None, note=NO_ATTENDANCE)
        young = IndicatorValue(YOUNG_TRAINED, None, note=NO_ATTENDANCE)
    return [
        trained,
        young,
        _share(PD_COVERAGE_TEACHERS, coverage.teachers,
               "нет участвующих организаций с педагогами"),
        _share(PD_COVERAGE_SPECIALISTS, coverage.specialists,
               "специалисты ТМС/ЦРО в реестре не заведены"),
    ], persons


def with_persons_trained(values: list[IndicatorValue],
                         persons: indicator_reads.PersonsTrained) -> list[IndicatorValue]:
    """«Прошедших стажировки» from distinct people when named attendance exists."""
    result = []
    for value in values:
        if value.indicator.code == PEOPLE_TRAINED.code:
            value = _people_trained(value, persons)
        result.append(value)
    return result


def _people_trained(journal: IndicatorValue,
                    persons: indicator_reads.PersonsTrained) -> IndicatorValue:
    if not persons.total:
        note = f"{journal.note}; {JOURNAL_SOURCE}" if journal.note else JOURNAL_SOURCE
        return IndicatorValue(PEOPLE_TRAINED, journal.value, note=note)
    estimate = "" if journal.value is None else f"; оценка по журналам — {journal.value}"
    return IndicatorValue(
        PEOPLE_TRAINED, persons.total,
        note=f"различные люди по поимённой посещаемости занятий площадок для педагогов, "
             f"из них молодых педагогов — {persons.young}{estimate}")


def coverage_target(municipality: Municipality) -> CoverageTarget | None:
    return indicator_reads.coverage_target(municipality)

