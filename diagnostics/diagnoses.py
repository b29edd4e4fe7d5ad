"""Entering diagnoses: a curator's expert assessment of a platform's teams, and a team's
self-assessment. Both are checked whole and written whole, or not at all."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone

from diagnostics.models import Deficit, Diagnosis, DiagnosisSource, DiagnosticRound
from diagnostics.rounds import period_of_round
from internships.models import Direction, Placement, Platform
from teams.models import ManagementTeam

MAX_SCORE = 100


@dataclass(frozen=True)
class DiagnosisEntry:
    """One row of an entry form: a team in a direction.

    ``assessed=False`` means «no result»: nothing is stored, and a stored result is removed.
    """

    team: ManagementTeam
    direction: Direction
    assessed: bool
    deficit_ids: frozenset[int] = frozenset()
    score: int | None = None
    comment: str = ""


@dataclass(frozen=True)
class SaveSummary:
    created: int = 0
    updated: int = 0
    removed: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.removed


def may_write(*, user: User, diagnostic_round: DiagnosticRound, today: datetime.date) -> bool:
    """Inside the entry window anyone entitled may write; outside it only the department."""
    return diagnostic_round.is_open_on(today) or user.has_perm(
        "diagnostics.write_after_entry_closes", diagnostic_round
    )


def closed_message(diagnostic_round: DiagnosticRound, today: datetime.date) -> str:
    if today < diagnostic_round.entry_opens:
        return (f"Приём результатов диагностики «{diagnostic_round.title}» откроется "
                f"{diagnostic_round.entry_opens:%d.%m.%Y}.")
    return (f"Приём результатов диагностики «{diagnostic_round.title}» закрыт "
            f"{diagnostic_round.entry_closes:%d.%m.%Y}: изменить результаты может только "
            "управление образования.")


def existing_diagnoses(
    *, diagnostic_round: DiagnosticRound, source: str, teams: Iterable[ManagementTeam],
    directions: Iterable[Direction],
) -> dict[tuple[int, int], Diagnosis]:
    """(team id, direction id) → the stored diagnosis, with its deficits, in two queries."""
    diagnoses = Diagnosis.objects.filter(
        round=diagnostic_round, source=source,
        team__in=[team.pk for team in teams],
        direction__in=[direction.pk for direction in directions],
    ).prefetch_related(Prefetch("deficits", queryset=Deficit.objects.order_by("code")))
    return {(diagnosis.team_id, diagnosis.direction_id): diagnosis for diagnosis in diagnoses}


@transaction.atomic
def save_expert_diagnoses(
    *, diagnostic_round: DiagnosticRound, platform: Platform, entries: list[DiagnosisEntry],
    entered_by: User, today: datetime.date | None = None,
) -> SaveSummary:
    """A curator's (or the department's) assessment of the teams placed on a platform."""
    today = today or timezone.localdate()
    _check_window(diagnostic_round=diagnostic_round, user=entered_by, today=today)
    _check_platform(diagnostic_round=diagnostic_round, platform=platform)
    placed = set(Placement.objects.filter(platform=platform).values_list("team_id", flat=True))
    errors = []
    for entry in entries:
        if entry.direction.pk != platform.direction_id:
            errors.append(f"{_name(entry.team)}: результат относится к другому направлению.")
        elif entry.team.pk not in placed:
            errors.append(
                f"{_name(entry.team)} не распределена на площадку «{platform.direction.label}» "
                f"({platform.period.title}): "
                "её результат сюда внести нельзя."
            )
    if errors:
        raise ValidationError(errors)
    return _apply(diagnostic_round=diagnostic_round, source=DiagnosisSource.EXPERT,
                  entries=entries, entered_by=entered_by)


@transaction.atomic
def save_self_assessment(
    *, diagnostic_round: DiagnosticRound, team: ManagementTeam, entries: list[DiagnosisEntry],
    entered_by: User, today: datetime.date | None = None,
) -> SaveSummary:
    """A team's assessment of itself, in the directions it is placed in for the round."""
    today = today or timezone.localdate()
    _check_window(diagnostic_round=diagnostic_round, user=entered_by, today=today)
    period = period_of_round(diagnostic_round=diagnostic_round)
    placed_directions = set(
        Placement.objects.filter(team=team, platform__period=period)
        .values_list("platform__direction_id", flat=True)
    )
    errors = []
    for entry in entries:
        if entry.team.pk != team.pk:
            errors.append(f"{_name(entry.team)}: команда оценивает только себя.")
        elif entry.direction.pk not in placed_directions:
            errors.append(
                f"Команда не участвует в направлении «{entry.direction.label}» в "
                f"{period.title if period else 'этом'} учебном году."
            )
    if errors:
        raise ValidationError(errors)
    return _apply(diagnostic_round=diagnostic_round, source=DiagnosisSource.SELF,
                  entries=entries, entered_by=entered_by)


def _name(team: ManagementTeam) -> str:
    return team.organization.short_name


def _check_window(*, diagnostic_round: DiagnosticRound, user: User,
                  today: datetime.date) -> None:
    if not may_write(user=user, diagnostic_round=diagnostic_round, today=today):
        raise ValidationError(closed_message(diagnostic_round, today))


def _check_platform(*, diagnostic_round: DiagnosticRound, platform: Platform) -> None:
    if platform.direction.programme_id != diagnostic_round.programme_id:
        raise ValidationError("Площадка относится к другому проекту.")
    period = period_of_round(diagnostic_round=diagnostic_round)
    if period is None or platform.period_id != period.pk:
        raise ValidationError(
            f"Диагностика «{diagnostic_round.title}» оценивает команды "
            f"{period.title if period else 'другого'} учебного года, а площадка — "
            f"{platform.period.title}."
        )


def _check_entry(entry: DiagnosisEntry, allowed: set[int]) -> list[str]:
    errors = []
    if entry.score is not None and not 0 <= entry.score <= MAX_SCORE:
        errors.append(f"{_name(entry.team)}: балл должен быть от 0 до {MAX_SCORE}.")
    if not entry.deficit_ids <= allowed:
        errors.append(
            f"{_name(entry.team)}: можно отметить только действующие дефициты направления "
            f"{entry.direction.number}."
        )
    return errors


def _apply(
    *, diagnostic_round: DiagnosticRound, source: str, entries: list[DiagnosisEntry],
    entered_by: User,
) -> SaveSummary:
    directions = {entry.direction.pk: entry.direction for entry in entries}
    stored = existing_diagnoses(
        diagnostic_round=diagnostic_round, source=source,
        teams=[entry.team for entry in entries], directions=directions.values(),
    )
    active: dict[int, set[int]] = {direction: set() for direction in directions}
    for deficit_id, direction_id in Deficit.objects.filter(
        direction__in=list(directions), active=True
    ).values_list("pk", "direction_id"):
        active[direction_id].add(deficit_id)

    errors = []
    for entry in entries:
        diagnosis = stored.get((entry.team.pk, entry.direction.pk))
        # A deficit switched off after it was found stays on the results that have it.
        kept = {deficit.pk for deficit in diagnosis.deficits.all()} if diagnosis else set()
        if entry.assessed:
            errors += _check_entry(entry, active[entry.direction.pk] | kept)
    if errors:
        raise ValidationError(errors)

    created = updated = removed = 0
    for entry in entries:
        diagnosis = stored.get((entry.team.pk, entry.direction.pk))
        if not entry.assessed:
            if diagnosis is not None:
                diagnosis.delete()
                removed += 1
            continue
        comment = entry.comment.strip()
        if diagnosis is None:
            try:
                with transaction.atomic():
                    diagnosis = Diagnosis.objects.create(
                        team=entry.team, round=diagnostic_round, direction=entry.direction,
                        source=source, score=entry.score, comment=comment,
                        entered_by=entered_by,
                    )
            except IntegrityError as error:
                # Someone saved the same team's result a moment earlier.
                raise ValidationError(
                    f"{_name(entry.team)}: результат только что внёс другой пользователь. "
                    "Откройте страницу заново и проверьте его."
                ) from error
            diagnosis.deficits.set(entry.deficit_ids)
            created += 1
            continue
        found = {deficit.pk for deficit in diagnosis.deficits.all()}
        if (found, diagnosis.score, diagnosis.comment) == (
            set(entry.deficit_ids), entry.score, comment
        ):
            continue
        diagnosis.score, diagnosis.comment, diagnosis.entered_by = (
            entry.score, comment, entered_by
        )
        diagnosis.save(update_fields=["score", "comment", "entered_by", "updated_at"])
        diagnosis.deficits.set(entry.deficit_ids)
        updated += 1
    return SaveSummary(created=created, updated=updated, removed=removed)
