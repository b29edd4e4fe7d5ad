"""The register of teachers: adding, changing and removing a person, the status of
pedagogue-master, and the audit of who opened a person's record.

The Timashevsk project «Научно-методическое сопровождение профессионального роста педагогов в
условиях деятельности стажировочных площадок» gives the status «Педагог-мастер» to the
specialists who mentor on the platforms and form their working groups; the department grants
it, and a person may not lose it while a platform's working group counts on them.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from people.models import QualificationCategory, Teacher, TeacherRecordView
from teams.models import Organization

DUPLICATE_NAME = "В организации уже есть работник с таким ФИО."
RECORD_PAGE = "карточка работника"
EDIT_PAGE = "форма изменения карточки"
EXPORT_PAGE = "выгрузка реестра в Excel"
# Who exported when no account did: the export_teachers management command.
COMMAND_LINE = "командная строка"


@dataclass(frozen=True)
class TeacherDetails:
    """What the register keeps about a person, as the form or an import gives it."""

    full_name: str
    position: str
    worker_category: str
    subjects: str = ""
    teaching_since: datetime.date | None = None
    qualification: str = QualificationCategory.NONE
    qualified_on: datetime.date | None = None


def _normalized_name(full_name: str) -> str:
    return " ".join(full_name.split())


def details_problems(*, data: TeacherDetails, today: datetime.date) -> dict[str, str]:
    """What keeps the details out of the register, by field name; empty when they fit.

    The form and the Excel import both ask this, so a record refused on the page is refused
    in a file with the same words.
    """
    errors: dict[str, str] = {}
    if not _normalized_name(data.full_name):
        errors["full_name"] = "Укажите ФИО работника."
    if not data.position.strip():
        errors["position"] = "Укажите должность."
    if data.teaching_since is not None and data.teaching_since > today:
        errors["teaching_since"] = ("Начало педагогического стажа не может быть позже "
                                    "сегодняшнего дня.")
    if data.qualification == QualificationCategory.NONE:
        if data.qualified_on is not None:
            errors["qualified_on"] = ("У работника без категории нет даты присвоения: "
                                      "очистите дату или выберите категорию.")
    elif data.qualified_on is None:
        errors["qualified_on"] = "Укажите дату присвоения категории."
    elif data.qualified_on > today:
        errors["qualified_on"] = "Дата присвоения категории не может быть позже сегодняшнего дня."
    return errors


def _check_details(*, data: TeacherDetails, today: datetime.date) -> None:
    errors = details_problems(data=data, today=today)
    if errors:
        raise ValidationError(errors)


def _check_name_is_free(*, organization: Organization, full_name: str,
                        teacher: Teacher | None) -> None:
    others = Teacher.objects.filter(organization=organization, full_name=full_name)
    if teacher is not None:
        others = others.exclude(pk=teacher.pk)
    if others.exists():
        raise ValidationError({"full_name": DUPLICATE_NAME})


def _save(*, teacher: Teacher, organization: Organization, data: TeacherDetails,
          user: User | None) -> Teacher:
    _check_details(data=data, today=timezone.localdate())
    full_name = _normalized_name(data.full_name)
    _check_name_is_free(organization=organization, full_name=full_name,
                        teacher=teacher if teacher.pk else None)
    teacher.organization = organization
    teacher.full_name = full_name
    teacher.position = data.position.strip()
    teacher.subjects = data.subjects.strip()
    teacher.worker_category = data.worker_category
    teacher.teaching_since = data.teaching_since
    teacher.qualification = data.qualification
    teacher.qualified_on = data.qualified_on
    teacher._history_user = user
    try:
        # A savepoint, so that a name taken meanwhile leaves the outer transaction usable.
        with transaction.atomic():
            teacher.save()
    except IntegrityError as error:
        raise ValidationError({"full_name": DUPLICATE_NAME}) from error
    return teacher


def already_says(*, teacher: Teacher, data: TeacherDetails) -> bool:
    """Whether the record already holds these details, spacing aside: an unchanged line of
    an imported file leaves the record (and its history) as it is."""
    def text(value: str) -> str:
        return " ".join(value.split())

    return (
        text(teacher.full_name) == text(data.full_name)
        and text(teacher.position) == text(data.position)
        and text(teacher.subjects) == text(data.subjects)
        and teacher.worker_category == data.worker_category
        and teacher.teaching_since == data.teaching_since
        and teacher.qualification == data.qualification
        and teacher.qualified_on == data.qualified_on
    )


@transaction.atomic
def create_teacher(*, organization: Organization, data: TeacherDetails,
                   user: User | None) -> Teacher:
    """Add a person to the register; ``user`` None is the command line (an import)."""
    return _save(teacher=Teacher(), organization=organization, data=data, user=user)


@transaction.atomic
def update_teacher(*, teacher: Teacher, data: TeacherDetails, user: User | None,
                   organization: Organization | None = None) -> Teacher:
    """Change a person's record; ``organization`` moves them to another one."""
    return _save(teacher=teacher, organization=organization or teacher.organization,
                 data=data, user=user)


def _titles(platforms) -> str:
    return ", ".join(f"«{platform.title}»" for platform in platforms)


@transaction.atomic
def delete_teacher(*, teacher: Teacher, user: User) -> None:
    """Remove a person from the register; the audit of views keeps their name."""
    headed = list(teacher.headed_platforms.order_by("title"))
    if headed:
        raise ValidationError(
            f"{teacher.full_name} руководит площадкой {_titles(headed)}: назначьте площадке "
            "другого руководителя, затем удалите работника."
        )
    groups = list(teacher.working_groups.order_by("title"))
    if groups:
        raise ValidationError(
            f"{teacher.full_name} входит в рабочую группу площадки {_titles(groups)}: "
            "исключите работника из рабочей группы, затем удалите его."
        )
    teacher._history_user = user
    try:
        teacher.delete()
    except ProtectedError as error:
        raise ValidationError(
            f"У работника {teacher.full_name} есть связанные записи, поэтому удалить его нельзя."
        ) from error


@transaction.atomic
def grant_master(*, teacher: Teacher, since: datetime.date, user: User) -> Teacher:
    """Give the status «Педагог-мастер» from ``since``, or correct the date it was given."""
    if since > timezone.localdate():
        raise ValidationError(
            {"since": "Дата присвоения статуса не может быть позже сегодняшнего дня."})
    if teacher.teaching_since is not None and since < teacher.teaching_since:
        raise ValidationError({"since": (
            "Статус нельзя присвоить раньше начала педагогического стажа "
            f"({teacher.teaching_since:%d.%m.%Y})."
        )})
    teacher.master_since = since
    teacher._history_user = user
    teacher.save(update_fields=["master_since"])
    return teacher


@transaction.atomic
def revoke_master(*, teacher: Teacher, user: User) -> Teacher:
    if not teacher.is_master:
        raise ValidationError(f"{teacher.full_name} не имеет статуса «Педагог-мастер».")
    groups = list(teacher.working_groups.order_by("title"))
    if groups:
        raise ValidationError(
            f"{teacher.full_name} входит в рабочую группу педагогов-мастеров площадки "
            f"{_titles(groups)}: сначала исключите работника из рабочей группы."
        )
    teacher.master_since = None
    teacher._history_user = user
    teacher.save(update_fields=["master_since"])
    return teacher


def record_view(*, teacher: Teacher, viewer: User, page: str) -> TeacherRecordView:
    """Write down that ``viewer`` opened ``teacher``'s record (152-ФЗ)."""
    return TeacherRecordView.objects.create(
        teacher=teacher, teacher_name=teacher.full_name, viewer=viewer,
        viewer_name=viewer.get_username(), page=page,
    )


def record_export(*, teachers: list[Teacher], viewer: User | None,
                  page: str = EXPORT_PAGE) -> None:
    """Write down that ``viewer`` (None: the command line) took these people's records out
    of the portal in a file: one audit row per person, as if each record were opened."""
    viewer_name = viewer.get_username() if viewer is not None else COMMAND_LINE
    TeacherRecordView.objects.bulk_create(
        TeacherRecordView(teacher=teacher, teacher_name=teacher.full_name, viewer=viewer,
                          viewer_name=viewer_name, page=page)
        for teacher in teachers
    )
