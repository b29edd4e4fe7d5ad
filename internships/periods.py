"""Opening the next academic year of a programme, with a platform for every direction."""

import datetime

from django.db import transaction

from internships.models import Direction, Period, Platform, Programme


def next_period_span(*, programme: Programme) -> tuple[str, datetime.date, datetime.date]:
    """Title and dates of the year that follows the programme's latest one.

    A programme without years starts its first one on its own start date.
    """
    latest = programme.periods.order_by("-starts_on").first()
    starts_on = latest.ends_on + datetime.timedelta(days=1) if latest else programme.starts_on
    ends_on = starts_on.replace(year=starts_on.year + 1) - datetime.timedelta(days=1)
    return f"{starts_on.year}–{ends_on.year}", starts_on, ends_on


@transaction.atomic
def open_next_period(*, programme: Programme) -> Period:
    """Create the next academic year and its platforms.

    Each new platform keeps the curators its direction had in the latest year, so the
    department does not assign them again.
    """
    previous = programme.periods.order_by("-starts_on").first()
    title, starts_on, ends_on = next_period_span(programme=programme)
    period = Period.objects.create(programme=programme, title=title, starts_on=starts_on,
                                   ends_on=ends_on)
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
