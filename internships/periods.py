"""Academic years of a programme: which one a page opens on, and opening the next one with
a platform for every direction."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, F, Q, QuerySet, Value, When

from internships.models import Direction, Period, Platform, Programme
from teams.models import Municipality


def default_period(*, periods: QuerySet[Period], today: datetime.date) -> Period | None:
    """The academic year every page, report and command opens on when none is asked for.

    The year under way (the later one if two overlap); between two years, the one that has
    just ended, because its results are still being entered and reported; before the first
    year starts, the one that starts first, which the department is preparing. None when
    there are no years.
    """
    started = Q(starts_on__lte=today)
    # One query, since every page calls it: the three cases in order of preference, the
    # started years newest first, the years ahead soonest first.
    preference = Case(When(started & Q(ends_on__gte=today), then=Value(0)),
                      When(started, then=Value(1)), default=Value(2))
    started_on = Case(When(started, then=F("starts_on")), default=None)
    return periods.order_by(preference, started_on.desc(nulls_last=True), "starts_on",
                            "-pk").first()


def municipality_default_period(*, municipality: Municipality,
                                today: datetime.date) -> Period | None:
    """The municipality's default academic year (see ``default_period``)."""
    return default_period(
        periods=Period.objects.filter(programme__municipality=municipality)
        .select_related("programme"),
        today=today,
    )


@dataclass(frozen=True)
class PeriodSpan:
    title: str
    starts_on: datetime.date
    ends_on: datetime.date


def _a_year_later(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        # 29 February: a year later is 1 March, so the year ends on 28 February.
        return datetime.date(day.year + 1, 3, 1)


def next_period_span(*, programme: Programme) -> PeriodSpan | None:
    """Title and dates of the year that follows the programme's latest one, or None when
    the programme ends before that year would start.

    A programme without years starts its first one on its own start date; the last year
    ends with the programme.
    """
    latest = programme.periods.order_by("-starts_on").first()
    starts_on = latest.ends_on + datetime.timedelta(days=1) if latest else programme.starts_on
    if starts_on > programme.ends_on:
        return None
    ends_on = _a_year_later(starts_on) - datetime.timedelta(days=1)
    return PeriodSpan(title=f"{starts_on.year}–{ends_on.year}", starts_on=starts_on,
                      ends_on=min(ends_on, programme.ends_on))


def no_next_period_message(programme: Programme) -> str:
    return (f"Проект «{programme.title}» заканчивается {programme.ends_on:%d.%m.%Y}: "
            "нового учебного года в нём не будет. Выберите один из существующих учебных лет.")


@transaction.atomic
def open_next_period(*, programme: Programme) -> Period:
    """Create the next academic year and its platforms.

    Each new platform keeps the curators its direction had in the latest year, so the
    department does not assign them again.
    """
    previous = programme.periods.order_by("-starts_on").first()
    span = next_period_span(programme=programme)
    if span is None:
        raise ValidationError(no_next_period_message(programme))
    period = Period.objects.create(programme=programme, title=span.title,
                                   starts_on=span.starts_on, ends_on=span.ends_on)
    curators = {}
    if previous is not None:
        for platform in Platform.objects.filter(period=previous).prefetch_related("curators"):
            curators[platform.direction_id] = list(platform.curators.all())
    for direction in Direction.objects.filter(programme=programme):
        platform = Platform.objects.create(direction=direction, period=period)
        platform.curators.set(curators.get(direction.pk, []))
    return period


@transaction.atomic
def platforms_of(*, period: Period) -> dict[int, Platform]:
    """Direction id → the period's platform, creating the missing ones (without curators)."""
    platforms = {
        platform.direction_id: platform
        for platform in Platform.objects.filter(period=period).select_related(
            "direction", "period__programme"
        )
    }
    for direction in Direction.objects.filter(programme_id=period.programme_id):
        if direction.pk not in platforms:
            platforms[direction.pk] = Platform.objects.create(direction=direction, period=period)
    return platforms
