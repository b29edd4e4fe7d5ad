"""Nominations for the status «Педагог-мастер»: a school proposes one of its people, the
department grants the status from the nomination or declines it with a reason."""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from people.models import MasterNomination, NominationStatus, Teacher
from people.teachers import grant_master


@transaction.atomic
def nominate_master(*, teacher: Teacher, reason: str, user: User) -> MasterNomination:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Напишите, почему работник может стать "
                                         "педагогом-мастером."})
    if teacher.is_master:
        raise ValidationError(f"{teacher.full_name} уже педагог-мастер.")
    # The row lock keeps two nominations of one person from both being written.
    Teacher.objects.select_for_update().filter(pk=teacher.pk).first()
    if teacher.master_nominations.filter(status=NominationStatus.PENDING).exists():
        raise ValidationError(f"Кандидатура {teacher.full_name} уже на рассмотрении в "
                              "управлении образования.")
    return MasterNomination.objects.create(teacher=teacher, reason=reason, nominated_by=user)


def _pending(nomination: MasterNomination) -> MasterNomination:
    locked = MasterNomination.objects.select_for_update().get(pk=nomination.pk)
    if locked.status != NominationStatus.PENDING:
        raise ValidationError("По этой кандидатуре решение уже принято.")
    return locked


@transaction.atomic
def accept_nomination(*, nomination: MasterNomination, since: datetime.date,
                      user: User) -> MasterNomination:
    """Grant the status from ``since`` and close the nomination."""
    nomination = _pending(nomination)
    grant_master(teacher=nomination.teacher, since=since, user=user)
    nomination.status = NominationStatus.ACCEPTED
    nomination.decided_by, nomination.decided_at = user, timezone.now()
    nomination.save(update_fields=["status", "decided_by", "decided_at"])
    return nomination


@transaction.atomic
def decline_nomination(*, nomination: MasterNomination, note: str,
                       user: User) -> MasterNomination:
    note = note.strip()
    if not note:
        raise ValidationError({"note": "Напишите причину отказа: её увидит организация."})
    nomination = _pending(nomination)
    nomination.status = NominationStatus.DECLINED
    nomination.decision_note = note
    nomination.decided_by, nomination.decided_at = user, timezone.now()
    nomination.save(update_fields=["status", "decision_note", "decided_by", "decided_at"])
    return nomination
