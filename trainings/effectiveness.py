"""The «карта эффективности профессиональной деятельности педагога»: the criteria of a
programme's map and the marks a teacher gets on them over time.

The practice's document names the map but does not print its structure, so each modular
programme states its own criteria: a scale from–to, or a description of what is noted.
"""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from people.models import ModularProgramme, Teacher
from trainings.models import EffectivenessCriterion, EffectivenessMark


@transaction.atomic
def save_criterion(*, programme: ModularProgramme, number: int, title: str,
                   scale_min: int | None = None, scale_max: int | None = None,
                   description: str = "", illustrative: bool = False,
                   criterion: EffectivenessCriterion | None = None) -> EffectivenessCriterion:
    criterion = criterion or EffectivenessCriterion(programme=programme)
    criterion.number, criterion.title = number, title.strip()
    criterion.scale_min, criterion.scale_max = scale_min, scale_max
    criterion.description, criterion.illustrative = description.strip(), illustrative
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def record_mark(*, teacher: Teacher, criterion: EffectivenessCriterion,
                marked_on: datetime.date, value: int | None = None, comment: str = "",
                marked_by: User | None = None) -> EffectivenessMark:
    if criterion.has_scale:
        if value is None:
            raise ValidationError({"value": f"Поставьте балл от {criterion.scale_min} до "
                                            f"{criterion.scale_max}."})
        if not criterion.scale_min <= value <= criterion.scale_max:
            raise ValidationError({"value": f"Балл по этому критерию — от "
                                            f"{criterion.scale_min} до {criterion.scale_max}."})
    elif value is not None:
        raise ValidationError({"value": "У критерия нет шкалы: опишите отметку словами."})
    if teacher.organization.municipality_id != criterion.programme.platform.host.municipality_id:
        raise ValidationError({"criterion": "Критерий — из программы другого муниципального "
                                            "образования."})
    mark = EffectivenessMark(
        teacher=teacher, criterion=criterion, marked_on=marked_on, value=value,
        comment=comment.strip(), marked_by=marked_by,
        marked_by_name=marked_by.get_full_name() or marked_by.get_username()
        if marked_by is not None else "")
    mark.full_clean()
    mark.save()
    return mark
