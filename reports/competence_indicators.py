"""The shares of teachers whose deficits decreased and whose competence grew, from the
competence diagnostics of persons (``competence``).

For an academic year: the last round with expert results that started in the year (up to the
control point's day, if any) against the latest earlier round comparable with it. Without such
a pair both shares are «нет данных» and say why.
"""

import datetime
from decimal import Decimal

from competence.dynamics import (
    comparability_problem,
    person_changes,
    persons_with_fewer_deficits,
    persons_with_grown_competence,
)
from competence.models import PersonResult, PersonRound, ResultSource
from reports.indicator_catalogue import (
    COMPETENCE_GROWN,
    DEFICITS_DECREASED_TEACHERS,
    Indicator,
    IndicatorValue,
)
from teams.models import Municipality

NO_PAIR = ("нет двух сопоставимых диагностик компетенций педагогов с экспертными "
           "результатами, последняя из которых начата в этом учебном году")


def competence_pair(*, municipality: Municipality, date_from: datetime.date,
                    date_to: datetime.date) -> tuple[PersonRound, PersonRound] | None:
    with_results = (PersonResult.objects.filter(source=ResultSource.EXPERT,
                                                round__municipality=municipality)
                    .values("round_id"))
    rounds = list(PersonRound.objects.filter(pk__in=with_results, starts_on__lte=date_to)
                  .order_by("-starts_on", "-pk"))
    if not rounds or rounds[0].starts_on < date_from:
        return None
    second = rounds[0]
    for first in rounds[1:]:
        if not comparability_problem(first, second):
            return first, second
    return None


def _value(indicator: Indicator, share, pair) -> IndicatorValue:
    first, second = pair
    if not share.denominator:
        return IndicatorValue(indicator, None,
                              note=f"«{first.title}» → «{second.title}»: сравнить некого")
    return IndicatorValue(indicator, Decimal(share.numerator) / Decimal(share.denominator),
                          numerator=share.numerator, denominator=share.denominator,
                          note=f"«{first.title}» → «{second.title}»: {share.numerator} из "
                               f"{share.denominator}")


def competence_values(*, municipality: Municipality, date_from: datetime.date,
                      date_to: datetime.date) -> tuple[IndicatorValue, IndicatorValue]:
    """(teachers with fewer deficits, teachers whose competence grew)."""
    pair = competence_pair(municipality=municipality, date_from=date_from, date_to=date_to)
    if pair is None:
        return (IndicatorValue(DEFICITS_DECREASED_TEACHERS, None, note=NO_PAIR),
                IndicatorValue(COMPETENCE_GROWN, None, note=NO_PAIR))
    changes = person_changes(*pair)
    return (_value(DEFICITS_DECREASED_TEACHERS,
                   persons_with_fewer_deficits(*pair, changes=changes), pair),
            _value(COMPETENCE_GROWN, persons_with_grown_competence(*pair, changes=changes),
                   pair))
