"""An expert's scores of an application: one per criterion, from 0 to the criterion's
maximum; never for the expert's own organization, a withdrawn application or a contest
whose results are approved."""

from django.core.exceptions import ValidationError
from django.db import transaction

from contests.access import OWN_ORGANIZATION_REFUSAL, is_own_organization
from contests.models import Application, Criterion, Expert, Score


def scoring_refusal(expert: Expert, application: Application) -> str:
    """Why the expert may not score this application now, or ""."""
    if not expert.nominations.filter(pk=application.nomination_id).exists():
        return "Заявка не из номинации, назначенной эксперту."
    if is_own_organization(expert, application):
        return OWN_ORGANIZATION_REFUSAL
    if application.is_withdrawn:
        return "Заявка отозвана: её не оценивают."
    if application.nomination.contest.results_approved:
        return "Итоги утверждены: оценки больше не меняются."
    return ""


@transaction.atomic
def save_scores(*, expert: Expert, application: Application,
                values: dict[int, int | None]) -> list[Score]:
    """Save the expert's scores by criterion id; a criterion left empty keeps no score.

    All or nothing: one value out of its scale refuses the whole sheet.
    """
    refusal = scoring_refusal(expert, application)
    if refusal:
        raise ValidationError(refusal)
    criteria = {c.pk: c for c in Criterion.objects.filter(
        contest_id=application.nomination.contest_id)}
    errors = {}
    for criterion_id, value in values.items():
        criterion = criteria.get(criterion_id)
        if criterion is None:
            raise ValidationError("Критерий относится к другому мероприятию.")
        if value is not None and not 0 <= value <= criterion.maximum:
            errors[f"criterion_{criterion_id}"] = (
                f"Балл по критерию «{criterion.title}» — от 0 до {criterion.maximum}.")
    if errors:
        raise ValidationError(errors)
    saved = []
    for criterion_id, value in values.items():
        if value is None:
            Score.objects.filter(expert=expert, application=application,
                                 criterion_id=criterion_id).delete()
            continue
        score, _ = Score.objects.update_or_create(
            expert=expert, application=application, criterion_id=criterion_id,
            defaults={"value": value})
        saved.append(score)
    return saved
