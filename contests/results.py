"""Approving a contest's results (only then participants see them) and awarding statuses."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from contests.models import Application, Contest, OrganizationStatus, StatusKind
from teams.models import Organization


@transaction.atomic
def approve_results(*, contest: Contest, by: User) -> Contest:
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    if contest.results_approved:
        raise ValidationError("Итоги уже утверждены.")
    if not contest.nominations.filter(applications__scores__isnull=False).exists():
        raise ValidationError("Ни одна заявка ещё не оценена: утверждать нечего.")
    contest.results_approved_at = timezone.now()
    contest.results_approved_by = by
    contest.save(update_fields=["results_approved_at", "results_approved_by"])
    return contest


@dataclass(frozen=True, kw_only=True)
class StatusAward:
    kind: str
    order_number: str
    order_date: date
    issuer: str
    valid_until: date | None = None
    application: Application | None = None


@transaction.atomic
def award_status(*, organization: Organization, award: StatusAward) -> OrganizationStatus:
    if award.kind not in StatusKind.values:
        raise ValidationError({"kind": "Выберите статус."})
    if not award.order_number.strip() or not award.issuer.strip():
        raise ValidationError({"order_number": "Укажите номер приказа и кто присвоил статус."})
    if award.valid_until is not None and award.valid_until < award.order_date:
        raise ValidationError({"valid_until": "Срок действия кончается раньше даты приказа."})
    if award.application is not None and (
            award.application.applicant_organization_id != organization.pk):
        raise ValidationError({"application": "Заявка подана другой организацией."})
    if OrganizationStatus.objects.filter(organization=organization, kind=award.kind,
                                         order_number=award.order_number.strip()).exists():
        raise ValidationError({"order_number": "Этот статус по этому приказу уже записан."})
    return OrganizationStatus.objects.create(
        organization=organization, kind=award.kind, order_number=award.order_number.strip(),
        order_date=award.order_date, issuer=award.issuer.strip(),
        valid_until=award.valid_until, application=award.application)
