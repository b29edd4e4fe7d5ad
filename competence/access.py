"""Who may see and do what in the competence diagnostics of persons: the one place the views
ask.

Rounds, their scales and the bank of instruments are the municipality's: every role of it
reads them except a teacher, who sees only their own results on «Мои диагностики». Results
name people (152-ФЗ): they are read through ``people.access.teachers_for_user`` — the
department's staff, the person's own school and the curators of its platforms. Analysts read
counts only. The department keeps rounds, scales and instruments and enters expert results.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from competence.models import Instrument, PersonResult, PersonRound
from people.access import teachers_for_user
from teams.access import has_role, is_staff_of, municipality_scope, role_of
from teams.models import Role


def rounds_for_user(user: User | AnonymousUser) -> QuerySet[PersonRound]:
    scope = municipality_scope(user, "municipality_id")
    if scope is None or role_of(user) == Role.TEACHER:
        return PersonRound.objects.none()
    return PersonRound.objects.filter(**scope)


def instruments_for_user(user: User | AnonymousUser) -> QuerySet[Instrument]:
    scope = municipality_scope(user, "municipality_id")
    if scope is None or role_of(user) == Role.TEACHER:
        return Instrument.objects.none()
    return Instrument.objects.filter(**scope)


def results_for_user(user: User | AnonymousUser) -> QuerySet[PersonResult]:
    """Results of the people the user may see by name (none for analysts and teachers)."""
    return PersonResult.objects.filter(round__in=rounds_for_user(user),
                                       teacher__in=teachers_for_user(user))


def sees_names(user: User | AnonymousUser) -> bool:
    return has_role(user, Role.STAFF, Role.CURATOR, Role.SCHOOL)


def may_keep(user: User | AnonymousUser, municipality_id: int) -> bool:
    """The department's staff keep rounds, scales and instruments and enter expert results."""
    return is_staff_of(user, municipality_id)


def may_keep_any(user: User | AnonymousUser) -> bool:
    return has_role(user, Role.STAFF)
