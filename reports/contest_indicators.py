"""The competition winners of К5 broken down by category, from the contests the
municipality held on the portal with approved results.

The programme's К5 counts teachers who won or took a prize in professional contests, as
the schools report them (``SchoolIndicator``); those reports carry no category. The
portal's own contests («Инновационный поиск» and the like) do: each ranked application
is a winner, a prize-winner or a laureate, in a nomination for teachers or for
organizations, and may be sent on to the regional round. So the breakdown is by who won
(teachers, organizations), by result (winners, prize-winners) and by level (the
municipal contest; the regional round passed).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from contests.models import Audience, Contest, EventKind, RegionalOutcome
from contests.ranking import PRIZE, WINNER
from contests.result_reads import results_of
from internships.models import Period
from reports.indicator_catalogue import (
    CONTEST_ORGANIZATIONS,
    CONTEST_REGIONAL,
    CONTEST_TEACHER_PRIZES,
    CONTEST_TEACHER_WINNERS,
    IndicatorValue,
)
from teams.models import Municipality

NOT_APPROVED = "итоги конкурсов за учебный год не утверждены"


@dataclass
class ContestCounts:
    """Distinct applicants of one academic year's contests, by category."""

    contests: list[Contest] = field(default_factory=list)
    teacher_winners: set[int] = field(default_factory=set)
    teacher_prizes: set[int] = field(default_factory=set)
    organizations: set[int] = field(default_factory=set)
    regional: int = 0


def _count(counts: ContestCounts, results) -> None:
    counts.contests.append(results.contest)
    for nomination in results.nominations:
        for row in nomination.rows:
            application, category = row.application, row.ranked.category
            if application.regional_outcome == RegionalOutcome.PASSED:
                counts.regional += 1
            if category not in (WINNER, PRIZE):
                continue
            if nomination.nomination.audience == Audience.ORGANIZATION:
                counts.organizations.add(application.organization_id)
            elif category == WINNER:
                counts.teacher_winners.add(application.teacher_id)
            else:
                counts.teacher_prizes.add(application.teacher_id)


def read_contest_counts(*, municipality: Municipality, periods: Sequence[Period],
                        cutoffs: dict[int, date]) -> dict[int, ContestCounts]:
    """Period id → the counts of the contests whose results were approved within the year
    (up to its cut-off day); six queries whatever the number of periods."""
    contests = list(Contest.objects.filter(programme__municipality=municipality,
                                           kind=EventKind.CONTEST,
                                           results_approved_at__isnull=False)
                    .order_by("results_approved_at", "pk"))
    results = results_of(contests) if contests else {}
    counts = {period.pk: ContestCounts() for period in periods}
    for contest in contests:
        approved_on = timezone.localtime(contest.results_approved_at).date()
        for period in periods:
            if period.starts_on <= approved_on <= cutoffs[period.pk]:
                _count(counts[period.pk], results[contest.pk])
    return counts


def _note(counts: ContestCounts) -> str:
    titles = ", ".join(f"«{contest.title}»" for contest in counts.contests)
    illustrative = any(contest.illustrative for contest in counts.contests)
    return f"{titles}{' (иллюстративные данные)' if illustrative else ''}"


# К5.1–К5.4, in the programme's order.
CONTEST_INDICATORS = (CONTEST_TEACHER_WINNERS, CONTEST_TEACHER_PRIZES, CONTEST_ORGANIZATIONS,
                      CONTEST_REGIONAL)


def contest_values(counts: ContestCounts) -> list[IndicatorValue]:
    """К5.1–К5.4 of one academic year."""
    indicators = CONTEST_INDICATORS
    if not counts.contests:
        return [IndicatorValue(indicator, None, note=NOT_APPROVED) for indicator in indicators]
    note = _note(counts)
    figures = (len(counts.teacher_winners), len(counts.teacher_prizes),
               len(counts.organizations), counts.regional)
    return [IndicatorValue(indicator, figure, note=note)
            for indicator, figure in zip(indicators, figures, strict=True)]
