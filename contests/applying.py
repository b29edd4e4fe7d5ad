"""Applications to a conference or contest: submitted by a teacher or an organization
inside an application window, withdrawn by them; the regional round recorded by staff."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from contests.models import Application, Audience, Nomination, RegionalOutcome
from innovation.models import InnovationProject
from people.models import Teacher
from teams.models import Organization


def window_open(nomination: Nomination, today: date) -> bool:
    return nomination.contest.windows.filter(opens_on__lte=today, closes_on__gte=today).exists()


def _check_applicant(nomination: Nomination, teacher: Teacher | None,
                     organization: Organization | None) -> None:
    if (teacher is None) == (organization is None):
        raise ValidationError("Заявку подаёт либо педагог, либо организация.")
    if nomination.audience == Audience.TEACHER and teacher is None:
        raise ValidationError({"nomination": "Номинация для педагогов: заявку подаёт педагог."})
    if nomination.audience == Audience.ORGANIZATION and organization is None:
        raise ValidationError({"nomination": "Номинация для организаций: заявку подаёт "
                                             "организация."})
    applicant_org = organization or teacher.organization
    if applicant_org.municipality_id != nomination.contest.programme.municipality_id:
        raise ValidationError("Организация относится к другому муниципальному образованию.")


@transaction.atomic
def submit_application(*, nomination: Nomination, title: str, today: date,
                       teacher: Teacher | None = None,
                       organization: Organization | None = None,
                       project: InnovationProject | None = None) -> Application:
    _check_applicant(nomination, teacher, organization)
    if project is not None and project.organization_id != (organization or teacher.organization).pk:
        raise ValidationError({"project": "Проект относится к другой организации."})
    if not window_open(nomination, today):
        raise ValidationError("Приём заявок на это мероприятие сейчас закрыт.")
    if not title.strip():
        raise ValidationError({"title": "Укажите тему работы."})
    existing = Application.objects.filter(nomination=nomination)
    existing = (existing.filter(teacher=teacher) if teacher is not None
                else existing.filter(organization=organization))
    if existing.exists():
        raise ValidationError({"nomination": "Заявка в эту номинацию уже подана."})
    return Application.objects.create(nomination=nomination, teacher=teacher,
                                      organization=organization, title=title.strip(),
                                      project=project)


@transaction.atomic
def withdraw_application(*, application: Application, reason: str) -> Application:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.is_withdrawn:
        raise ValidationError("Заявка уже отозвана.")
    if application.nomination.contest.results_approved:
        raise ValidationError("Итоги мероприятия утверждены: заявку отозвать нельзя.")
    if not reason.strip():
        raise ValidationError({"reason": "Укажите причину отзыва."})
    application.withdrawn_at = timezone.now()
    application.withdrawal_reason = reason.strip()[:500]
    application.save(update_fields=["withdrawn_at", "withdrawal_reason"])
    return application


@transaction.atomic
def record_regional_outcome(*, application: Application, outcome: str,
                            note: str = "") -> Application:
    """Round I of the regional contest: passed or not, and the analysis of errors when not."""
    if outcome not in RegionalOutcome.values:
        raise ValidationError({"outcome": "Выберите итог регионального этапа."})
    if application.is_withdrawn:
        raise ValidationError("Заявка отозвана: на региональный этап она не направлялась.")
    if outcome == RegionalOutcome.NOT_PASSED and not note.strip():
        raise ValidationError({"note": "Работа не прошла I этап: запишите анализ ошибок."})
    application.regional_outcome = outcome
    application.regional_note = note.strip()
    application.save(update_fields=["regional_outcome", "regional_note"])
    return application
