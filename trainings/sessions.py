"""Keeping the sessions of a platform for teachers and who came to them.

A session belongs to its platform: the programme is one of that platform's, the module one
of that programme's, and it is led by a pedagogue-master of the platform's working group or
by its head. Attendance is named: one row per person who came, set as a whole from the
checkbox list.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from people.models import ModularProgramme, ProgrammeModule, Teacher, TeacherPlatform
from trainings.models import Attendance, PlatformSession


@dataclass(frozen=True)
class SessionInput:
    held_on: datetime.date
    topic: str
    form: str
    programme: ModularProgramme | None = None
    module: ProgrammeModule | None = None
    led_by: Teacher | None = None
    place: str = ""
    notes: str = ""


def _check(platform: TeacherPlatform, data: SessionInput) -> None:
    errors = {}
    if data.programme is not None and data.programme.platform_id != platform.pk:
        errors["programme"] = "Выберите программу этой площадки."
    if data.module is not None and (data.programme is None
                                    or data.module.programme_id != data.programme.pk):
        errors["module"] = "Модуль выбирается из модулей выбранной программы."
    if data.led_by is not None and data.led_by.pk != platform.head_id and not (
            platform.masters.filter(pk=data.led_by.pk).exists()):
        errors["led_by"] = ("Занятие проводит руководитель площадки или педагог-мастер её "
                            "рабочей группы.")
    if not data.topic.strip():
        errors["topic"] = "Укажите тему занятия."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_session(*, platform: TeacherPlatform, data: SessionInput,
                 session: PlatformSession | None = None) -> PlatformSession:
    """Create a session of ``platform`` or change ``session``; refuses what breaks the rules."""
    _check(platform, data)
    if session is None:
        session = PlatformSession(platform=platform)
    for field, value in vars(data).items():
        setattr(session, field, value.strip() if isinstance(value, str) else value)
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def delete_session(*, session: PlatformSession) -> None:
    session.delete()


@transaction.atomic
def mark_attendance(*, session: PlatformSession, teachers, allowed) -> int:
    """Set who came to ``session`` to ``teachers``; marks of people the user may not see
    (outside ``allowed``) are kept as they are. Returns how many are marked now."""
    allowed_ids = set(allowed.values_list("pk", flat=True))
    chosen = {teacher.pk for teacher in teachers}
    strangers = chosen - allowed_ids
    if strangers:
        raise ValidationError("Отметить можно только работников из списка этого занятия.")
    marked = set(session.attendances.values_list("teacher_id", flat=True))
    session.attendances.filter(teacher_id__in=(marked & allowed_ids) - chosen).delete()
    Attendance.objects.bulk_create(
        Attendance(session=session, teacher_id=pk) for pk in sorted(chosen - marked))
    return session.attendances.count()
