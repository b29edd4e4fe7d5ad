"""The log of methodological help («методическая помощь») to a project."""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from innovation.models import Consultation, HelpForm, InnovationProject


@transaction.atomic
def log_consultation(*, project: InnovationProject, held_on: datetime.date, form: str,
                     topic: str, advisers: str, recorded_by: User | None,
                     form_other: str = "", participants: str = "",
                     outcome: str = "") -> Consultation:
    form_other = " ".join(form_other.split()) if form == HelpForm.OTHER else ""
    if form == HelpForm.OTHER and not form_other:
        raise ValidationError({"form_other": "Назовите форму помощи."})
    topic, advisers = " ".join(topic.split()), " ".join(advisers.split())
    if not topic:
        raise ValidationError({"topic": "Укажите тему."})
    if not advisers:
        raise ValidationError({"advisers": "Укажите, кто проводил."})
    return Consultation.objects.create(
        project=project, held_on=held_on, form=form, form_other=form_other, topic=topic,
        advisers=advisers, participants=" ".join(participants.split()),
        outcome=outcome.strip(), recorded_by=recorded_by)
