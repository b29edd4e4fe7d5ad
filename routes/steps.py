"""Steps of a route: the department plans them, the trainee marks progress with evidence,
the pedagogue-master confirms a done step or returns it with a remark."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max

from routes.enrolment import accept_file
from routes.models import Route, RouteStep, StepStatus

CONFIRMED_IS_FINAL = "Шаг уже подтверждён педагогом-мастером и не меняется."


def _clean_and_save(step: RouteStep) -> RouteStep:
    step.full_clean()
    step.save()
    return step


@transaction.atomic
def add_step(*, route: Route, activity: str, title: str, due_on: datetime.date,
             number: int | None = None) -> RouteStep:
    if number is None:
        number = (route.steps.aggregate(last=Max("number"))["last"] or 0) + 1
    return _clean_and_save(RouteStep(route=route, number=number, activity=activity,
                                     title=" ".join(title.split()), due_on=due_on))


@transaction.atomic
def update_step(*, step: RouteStep, activity: str, title: str, due_on: datetime.date,
                number: int, status: str) -> RouteStep:
    if status == StepStatus.DONE and step.status != StepStatus.DONE:
        raise ValidationError({"status": "Отметить шаг выполненным может стажёр, прикрепив "
                                         "подтверждение."})
    step.activity, step.title, step.due_on, step.number = activity, " ".join(title.split()), \
        due_on, number
    if status != StepStatus.DONE:
        step.confirmed_on = None
    step.status = status
    return _clean_and_save(step)


@transaction.atomic
def mark_progress(*, step: RouteStep, status: str, note: str, today: datetime.date,
                  upload: UploadedFile | None = None) -> RouteStep:
    """The trainee's mark: «выполняется», or «выполнен» with a note or a file."""
    if step.confirmed_on is not None:
        raise ValidationError(CONFIRMED_IS_FINAL)
    if status not in (StepStatus.IN_PROGRESS, StepStatus.DONE):
        raise ValidationError({"status": "Стажёр отмечает шаг как «выполняется» или "
                                         "«выполнен»."})
    step.status = status
    step.evidence_note = note.strip() or step.evidence_note
    if upload is not None:
        step.evidence_content_type, step.evidence_file_name = accept_file(upload)
        step.evidence_file = upload
    if status == StepStatus.DONE:
        if not step.evidence_note and not step.evidence_file:
            raise ValidationError({"note": "Чтобы отметить шаг выполненным, опишите результат "
                                           "или прикрепите файл."})
        step.done_on = today
        step.returned_note = ""
    return _clean_and_save(step)


@transaction.atomic
def confirm_step(*, step: RouteStep, today: datetime.date) -> RouteStep:
    if step.status != StepStatus.DONE:
        raise ValidationError("Подтвердить можно только шаг, который стажёр отметил "
                              "выполненным.")
    if step.confirmed_on is not None:
        raise ValidationError(CONFIRMED_IS_FINAL)
    step.confirmed_on = today
    return _clean_and_save(step)


@transaction.atomic
def return_step(*, step: RouteStep, remark: str) -> RouteStep:
    """Back to «выполняется» with the master's remark on what to add."""
    if step.status != StepStatus.DONE or step.confirmed_on is not None:
        raise ValidationError("Вернуть на доработку можно только выполненный и ещё не "
                              "подтверждённый шаг.")
    if not remark.strip():
        raise ValidationError({"remark": "Напишите, что нужно доработать."})
    step.status, step.done_on, step.returned_note = StepStatus.IN_PROGRESS, None, remark.strip()
    return _clean_and_save(step)
