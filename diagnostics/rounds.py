"""Diagnostic rounds: their dates, entry windows, and the academic year they fall in."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from diagnostics.models import DiagnosticRound, RoundKind
from internships.models import ControlPoint, ControlPointKind, Period, Programme

# The control points at which a round of each kind is held.
CONTROL_POINT_KINDS = {
    RoundKind.START: ControlPointKind.START_DIAGNOSTICS,
    RoundKind.INTERMEDIATE: ControlPointKind.INTERMEDIATE_DIAGNOSTICS,
    RoundKind.FINAL: ControlPointKind.FINAL_DIAGNOSTICS,
}


def _check(
    *, programme: Programme, control_point: ControlPoint | None, kind: str, title: str,
    starts_on: datetime.date, ends_on: datetime.date, entry_opens: datetime.date,
    entry_closes: datetime.date, exclude_pk: int | None,
) -> None:
    errors = {}
    if kind not in RoundKind.values:
        errors["kind"] = "Выберите вид диагностики из списка."
    if not title:
        errors["title"] = "Укажите название диагностики."
    elif DiagnosticRound.objects.filter(programme=programme, title=title).exclude(
        pk=exclude_pk
    ).exists():
        errors["title"] = f"Диагностика «{title}» уже есть в этом проекте."
    if ends_on < starts_on:
        errors["ends_on"] = "Дата окончания не может быть раньше даты начала."
    if entry_closes < entry_opens:
        errors["entry_closes"] = (
            "Приём результатов не может закрыться раньше, чем откроется."
        )
    if control_point is not None:
        if control_point.programme_id != programme.pk:
            errors["control_point"] = "Контрольная точка относится к другому проекту."
        elif kind in RoundKind.values and control_point.kind != CONTROL_POINT_KINDS[kind]:
            errors["control_point"] = (
                f"Контрольная точка «{control_point}» не подходит для диагностики вида "
                f"«{RoundKind(kind).label.lower()}»."
            )
    if errors:
        raise ValidationError(errors)


def _save(diagnostic_round: DiagnosticRound) -> DiagnosticRound:
    try:
        with transaction.atomic():
            diagnostic_round.save()
    except IntegrityError as error:
        raise ValidationError(
            {"title": f"Диагностика «{diagnostic_round.title}» уже есть в этом проекте."}
        ) from error
    return diagnostic_round


@transaction.atomic
def create_round(
    *, programme: Programme, control_point: ControlPoint | None, kind: str, title: str,
    starts_on: datetime.date, ends_on: datetime.date, entry_opens: datetime.date,
    entry_closes: datetime.date,
) -> DiagnosticRound:
    title = " ".join(title.split())
    _check(programme=programme, control_point=control_point, kind=kind, title=title,
           starts_on=starts_on, ends_on=ends_on, entry_opens=entry_opens,
           entry_closes=entry_closes, exclude_pk=None)
    return _save(DiagnosticRound(
        programme=programme, control_point=control_point, kind=kind, title=title,
        starts_on=starts_on, ends_on=ends_on, entry_opens=entry_opens,
        entry_closes=entry_closes,
    ))


@transaction.atomic
def change_round(
    *, diagnostic_round: DiagnosticRound, control_point: ControlPoint | None, kind: str,
    title: str, starts_on: datetime.date, ends_on: datetime.date,
    entry_opens: datetime.date, entry_closes: datetime.date,
) -> DiagnosticRound:
    title = " ".join(title.split())
    _check(programme=diagnostic_round.programme, control_point=control_point, kind=kind,
           title=title, starts_on=starts_on, ends_on=ends_on, entry_opens=entry_opens,
           entry_closes=entry_closes, exclude_pk=diagnostic_round.pk)
    diagnostic_round.control_point = control_point
    diagnostic_round.kind = kind
    diagnostic_round.title = title
    diagnostic_round.starts_on, diagnostic_round.ends_on = starts_on, ends_on
    diagnostic_round.entry_opens, diagnostic_round.entry_closes = entry_opens, entry_closes
    return _save(diagnostic_round)


def period_of_round(*, diagnostic_round: DiagnosticRound) -> Period | None:
    """The academic year whose placements a round diagnoses: the one the round starts in,
    else the latest one begun before it (teams keep their places until placed anew),
    else the programme's first."""
    periods = list(Period.objects.filter(programme_id=diagnostic_round.programme_id)
                   .order_by("starts_on"))
    day = diagnostic_round.starts_on
    for period in periods:
        if period.starts_on <= day <= period.ends_on:
            return period
    earlier = [period for period in periods if period.starts_on <= day]
    if earlier:
        return earlier[-1]
    return periods[0] if periods else None


def entry_state(*, diagnostic_round: DiagnosticRound, today: datetime.date) -> str:
    """«open», «not_yet» or «closed»: what the round's pages say about entering results."""
    if today < diagnostic_round.entry_opens:
        return "not_yet"
    if today > diagnostic_round.entry_closes:
        return "closed"
    return "open"
