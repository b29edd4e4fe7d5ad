"""Recording that a teacher completed a modular programme: the document and its number,
optional hours. This is what «прошли обучение по теме» means for the coverage of
professional development."""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from people.models import ModularProgramme, Teacher
from trainings.models import Completion


@transaction.atomic
def record_completion(*, teacher: Teacher, programme: ModularProgramme,
                      completed_on: datetime.date, document: str, hours: int | None = None,
                      recorded_by: User | None = None) -> Completion:
    if teacher.organization.municipality_id != programme.platform.host.municipality_id:
        raise ValidationError({"teacher": "Работник и программа — из разных муниципальных "
                                          "образований."})
    if Completion.objects.filter(teacher=teacher, programme=programme).exists():
        raise ValidationError({"programme": "Завершение этой программы у работника уже "
                                            "записано."})
    completion = Completion(teacher=teacher, programme=programme, completed_on=completed_on,
                            document=document.strip(), hours=hours, recorded_by=recorded_by)
    completion.full_clean()
    try:
        with transaction.atomic():
            completion.save()
    except IntegrityError as error:
        raise ValidationError({"programme": "Завершение этой программы у работника уже "
                                            "записано."}) from error
    return completion
