"""Help requests: a teacher asks a platform or a pedagogue-master; the addressee answers."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from people.models import Teacher, TeacherPlatform
from routes.access import help_requests_to_answer
from routes.models import HelpRequest, HelpStatus


@transaction.atomic
def ask_for_help(*, author: Teacher, text: str, asked_on: datetime.date,
                 platform: TeacherPlatform | None = None,
                 master: Teacher | None = None) -> HelpRequest:
    if master is not None and not master.is_master:
        raise ValidationError({"master": f"{master.full_name} не педагог-мастер."})
    if master is not None and master.pk == author.pk:
        raise ValidationError({"master": "Запрос нельзя адресовать самому себе."})
    request = HelpRequest(author=author, text=text.strip(), asked_on=asked_on,
                          platform=platform, master=master)
    request.full_clean()
    request.save()
    return request


@transaction.atomic
def answer_help(*, request: HelpRequest, answerer: Teacher, answer: str,
                answered_on: datetime.date) -> HelpRequest:
    if not help_requests_to_answer(answerer).filter(pk=request.pk).exists():
        raise ValidationError("Ответить может адресат запроса: педагог-мастер или "
                              "руководитель и рабочая группа площадки.")
    if not answer.strip():
        raise ValidationError({"answer": "Напишите ответ."})
    request.answer, request.answered_on = answer.strip(), answered_on
    request.answered_by, request.status = answerer, HelpStatus.ANSWERED
    request.full_clean()
    request.save()
    return request
