"""Entering results of person diagnostics: an expert's levels for many people, and a person's
self-assessment. Entries are checked whole and written whole, or not at all."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from competence.access import may_keep
from competence.models import Level, PersonResult, PersonRound, ResultSource
from competence.rounds import closed_message
from people.models import CompetenceArea, Teacher


@dataclass(frozen=True)
class ResultEntry:
    """One cell of an entry grid; ``level`` None means «no result» (a stored one is removed)."""

    teacher: Teacher
    area: CompetenceArea
    level: Level | None


@dataclass(frozen=True)
class SaveSummary:
    created: int = 0
    updated: int = 0
    removed: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.removed


def may_write(*, user: User, person_round: PersonRound, today: datetime.date) -> bool:
    """Inside the entry window anyone entitled may write; outside it only the department."""
    return person_round.is_open_on(today) or may_keep(user, person_round.municipality_id)


def diagnosed(person_round: PersonRound, teacher: Teacher) -> bool:
    return (teacher.organization.municipality_id == person_round.municipality_id
            and teacher.worker_category in person_round.worker_categories)


@transaction.atomic
def save_expert_results(*, person_round: PersonRound, entries: list[ResultEntry],
                        entered_by: User, today: datetime.date | None = None) -> SaveSummary:
    """The department's expert levels for the people of a round."""
    if not may_keep(entered_by, person_round.municipality_id):
        raise ValidationError("Экспертную оценку вносит управление образования.")
    _check_window(person_round=person_round, user=entered_by, today=today)
    return _apply(person_round=person_round, source=ResultSource.EXPERT, entries=entries,
                  entered_by=entered_by)


@transaction.atomic
def save_self_assessment(*, person_round: PersonRound, teacher: Teacher,
                         entries: list[ResultEntry], entered_by: User,
                         today: datetime.date | None = None) -> SaveSummary:
    """A person's assessment of themselves, from their own account only."""
    if teacher.user_id is None or teacher.user_id != entered_by.pk:
        raise ValidationError("Самооценку вносит сам работник из своей учётной записи.")
    _check_window(person_round=person_round, user=entered_by, today=today)
    if any(entry.teacher.pk != teacher.pk for entry in entries):
        raise ValidationError("В самооценке работник оценивает только себя.")
    return _apply(person_round=person_round, source=ResultSource.SELF, entries=entries,
                  entered_by=entered_by)


def _check_window(*, person_round: PersonRound, user: User,
                  today: datetime.date | None) -> None:
    today = today or timezone.localdate()
    if not may_write(user=user, person_round=person_round, today=today):
        raise ValidationError(closed_message(person_round, today))


def _problems(person_round: PersonRound, entries: list[ResultEntry]) -> list[str]:
    areas = set(person_round.competence_areas.values_list("pk", flat=True))
    errors = []
    for entry in entries:
        who = entry.teacher.full_name
        if not diagnosed(person_round, entry.teacher):
            errors.append(f"{who}: работник не участвует в диагностике "
                          f"«{person_round.title}».")
        elif entry.area.pk not in areas:
            errors.append(f"{who}: область «{entry.area.title}» не входит в диагностику.")
        elif entry.level is not None and entry.level.round_id != person_round.pk:
            errors.append(f"{who}, «{entry.area.title}»: уровень «{entry.level.title}» "
                          "не из шкалы этой диагностики.")
    return errors


def _apply(*, person_round: PersonRound, source: str, entries: list[ResultEntry],
           entered_by: User) -> SaveSummary:
    errors = _problems(person_round, entries)
    if errors:
        raise ValidationError(errors)
    stored = {(result.teacher_id, result.area_id): result for result in PersonResult.objects.filter(
        round=person_round, source=source, teacher__in={entry.teacher.pk for entry in entries})}
    created = updated = removed = 0
    for entry in entries:
        result = stored.get((entry.teacher.pk, entry.area.pk))
        if entry.level is None:
            if result is not None:
                result.delete()
                removed += 1
            continue
        if result is None:
            _create(person_round=person_round, source=source, entry=entry,
                    entered_by=entered_by)
            created += 1
        elif result.level_id != entry.level.pk:
            result.level, result.entered_by = entry.level, entered_by
            result.save(update_fields=["level", "entered_by", "updated_at"])
            updated += 1
    return SaveSummary(created=created, updated=updated, removed=removed)


def _create(*, person_round: PersonRound, source: str, entry: ResultEntry,
            entered_by: User) -> None:
    try:
        with transaction.atomic():
            PersonResult.objects.create(round=person_round, teacher=entry.teacher,
                                        area=entry.area, source=source, level=entry.level,
                                        entered_by=entered_by)
    except IntegrityError as error:
        # Someone saved the same result a moment earlier.
        raise ValidationError(
            f"{entry.teacher.full_name}: результат только что внёс другой пользователь. "
            "Откройте страницу заново и проверьте его.") from error
