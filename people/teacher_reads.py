"""What the pages of the register of teachers read: the list with the «молодой педагог» mark,
the platforms a person heads or works in, and the journal of who opened the record."""

import datetime

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Case, Q, QuerySet, Value, When

from people.access import teachers_for_user
from people.models import YOUNG_TEACHER_YEARS, Teacher, TeacherPlatform, TeacherRecordView

RECENT_VIEWS_SHOWN = 20


def young_cutoff(day: datetime.date) -> datetime.date:
    """The latest start of teaching that is no longer «молодой» on ``day``: a person is young
    exactly when they started after it (``Teacher.is_young_on`` in one query condition)."""
    try:
        return day.replace(year=day.year - YOUNG_TEACHER_YEARS)
    except ValueError:  # 29 February has no day three years back; the 28th is the last one
        return datetime.date(day.year - YOUNG_TEACHER_YEARS, 2, 28)


def young_on(day: datetime.date) -> Q:
    return Q(teaching_since__gt=young_cutoff(day))


def register_rows(*, user: User | AnonymousUser, today: datetime.date) -> QuerySet[Teacher]:
    """The people the user may see, by organization and name, each marked ``is_young``."""
    return (
        teachers_for_user(user)
        .select_related("organization")
        .annotate(is_young=Case(When(young_on(today), then=Value(True)), default=Value(False)))
        .order_by("organization__sort_rank", "organization__number",
                  "organization__short_name", "full_name", "pk")
    )


def record_platforms(*, teacher: Teacher) -> dict[str, list[TeacherPlatform]]:
    """The platforms the person heads and those whose working group they are in."""
    return {
        "headed_platforms": list(
            teacher.headed_platforms.select_related("host").order_by("title", "pk")),
        "working_groups": list(
            teacher.working_groups.select_related("host").order_by("title", "pk")),
    }


def recent_views(*, teacher: Teacher) -> list[TeacherRecordView]:
    return list(teacher.record_views.select_related("viewer")
                .order_by("-viewed_at", "-pk")[:RECENT_VIEWS_SHOWN])
