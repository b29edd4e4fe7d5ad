"""The technical assignment of a programme and its monitoring criteria: staff publish the
assignment with the deadlines of its parts (every organization of the municipality gets an
answer «не начато») and keep the criteria."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from internships.models import Programme
from mutual.models import Answer, Assignment, Criterion
from teams.models import Organization


@dataclass(frozen=True)
class AssignmentDetails:
    part1_due: datetime.date
    part2_due: datetime.date
    title: str = "Техническое задание для ОО"
    instructions: str = ""


def _check(details: AssignmentDetails) -> None:
    if details.part2_due < details.part1_due:
        raise ValidationError({"part2_due": "Срок второй части не может быть раньше срока "
                                            "первой."})
    if not details.title.strip():
        raise ValidationError({"title": "Укажите название."})


@transaction.atomic
def publish_assignment(*, programme: Programme, details: AssignmentDetails,
                       today: datetime.date) -> Assignment:
    _check(details)
    if Assignment.objects.filter(programme=programme).exists():
        raise ValidationError("У этого проекта техническое задание уже опубликовано.")
    assignment = Assignment.objects.create(programme=programme, published_on=today,
                                           **details.__dict__)
    add_missing_answers(assignment=assignment)
    return assignment


@transaction.atomic
def update_assignment(*, assignment: Assignment, details: AssignmentDetails) -> Assignment:
    _check(details)
    for name, value in details.__dict__.items():
        setattr(assignment, name, value)
    assignment.save()
    add_missing_answers(assignment=assignment)
    return assignment


def add_missing_answers(*, assignment: Assignment) -> int:
    """An answer «не начато» for every organization of the municipality that has none."""
    have = set(assignment.answers.values_list("organization_id", flat=True))
    missing = Organization.objects.filter(
        municipality_id=assignment.programme.municipality_id).exclude(pk__in=have)
    return len(Answer.objects.bulk_create(
        [Answer(assignment=assignment, organization=o) for o in missing]))


@dataclass(frozen=True)
class CriterionDetails:
    number: int
    title: str
    indicator_kind: str
    deadline: str
    source: str
    indicator: str = ""
    due_on: datetime.date | None = None
    agreement_id: int | None = None
    joint_plan_id: int | None = None


@transaction.atomic
def save_criterion(*, programme: Programme, details: CriterionDetails,
                   criterion: Criterion | None = None) -> Criterion:
    criterion = criterion or Criterion(programme=programme)
    for name, value in details.__dict__.items():
        setattr(criterion, name, value)
    criterion.full_clean(exclude=["programme", "agreement", "joint_plan"])
    try:
        with transaction.atomic():
            criterion.save()
    except IntegrityError:
        raise ValidationError({"number": "Критерий с этим номером уже есть."}) from None
    return criterion


# The six criteria of the Ermakovsky project's monitoring table (seed 004), with the data
# each one counts; a criterion without a source in the portal shows «нет данных».
ERMAKOVSKY_CRITERIA = (
    CriterionDetails(1, "Определена группа ответственных (куратор, модератор, технический "
                        "специалист)", "yes_no", "Ноябрь 2021 г.", "group",
                     indicator="В каждой ОО появилась группа ответственных по реализации "
                               "проекта. Приказ ОО"),
    CriterionDetails(2, "Разработано Соглашение о совместной деятельности муниципалитета и "
                        "ОО по реализации взаимодействия и подписано руководителями ОО",
                     "yes_no", "Ноябрь 2021 г.", "agreement",
                     indicator="Наличие Соглашения; Соглашение подписано руководителями ОО"),
    CriterionDetails(3, "Определены проблемные вопросы для взаимодействия при реализации "
                        "Проекта", "yes_no", "Декабрь 2021 г. – январь 2022 г.", "part2",
                     indicator="Наличие составленной карты проблем и эффективных решений"),
    CriterionDetails(4, "Оформлен план мероприятий", "present", "Январь – февраль 2022 г.",
                     "plan", indicator="Наличие плана мероприятий по проекту, представленного "
                                       "на сайтах"),
    CriterionDetails(5, "Созданы и оформлены рекомендации по изменению форм и способов "
                        "организации работы в ОО", "yes_no",
                     "В течение реализации проекта", "recommendations",
                     indicator="Методические рекомендации"),
    CriterionDetails(6, "Организована работа по плану мероприятий", "percent",
                     "К концу реализации проекта", "joint_events",
                     indicator="Проведены мероприятия в соответствии с совместным планом и "
                               "Соглашением (100 %)"),
)


@transaction.atomic
def seed_criteria(*, programme: Programme,
                  criteria: tuple[CriterionDetails, ...] = ERMAKOVSKY_CRITERIA) -> int:
    """Add the criteria the programme lacks (by number); kept ones stay as staff set them."""
    have = set(programme.mutual_criteria.values_list("number", flat=True))
    added = 0
    for details in criteria:
        if details.number not in have:
            save_criterion(programme=programme, details=details)
            added += 1
    return added
