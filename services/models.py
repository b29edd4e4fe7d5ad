"""A municipality's methodological services and the passports of its programmes (seed 003).

A service (ИМЦ, ЦРО…) has departments, directions of work and specialists: only the name,
position, department and curated directions of a specialist are kept — what the practice
needs (152-ФЗ). A programme's passport holds the fields of the regional passport form and its
mechanism: stages with free names and date ranges, their tasks and expected deliverables,
each ticked only together with its file.
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from internships.models import Programme
from people.models import Teacher
from teams.models import Municipality, Organization


def passport_file_path(instance, filename: str) -> str:
    """A generated name: what the user called the file never reaches the disk."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"passports/{uuid.uuid4().hex}{suffix}"


def _not_blank(field: str, name: str, message: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=~Q(**{field: ""}), name=name,
                                  violation_error_message=message)


class MethodService(models.Model):
    """A methodological service of the municipality: «МБУ «ЦРО»», ИМЦ, ЦОКО."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="method_services",
                                     verbose_name="муниципальное образование")
    name = models.CharField("название", max_length=300,
                            help_text="Например, «МБУ «Центр развития образования»».")
    short_name = models.CharField("краткое название", max_length=100,
                                  help_text="Например, «МБУ «ЦРО»».")
    # The service as an organization of the register: the diagnostics of persons (competence)
    # find its specialists there, as methodologists of this organization.
    organization = models.OneToOneField(
        Organization, on_delete=models.PROTECT, null=True, blank=True,
        related_name="method_service", verbose_name="запись в реестре организаций",
        help_text="Пусто — специалисты службы не участвуют в диагностиках компетенций.")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "методическая служба"
        verbose_name_plural = "методические службы"
        ordering = ["short_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "short_name"],
                                    name="method_service_unique_short_name",
                                    violation_error_message="Служба с таким кратким названием "
                                                            "уже есть."),
            _not_blank("name", "method_service_name_not_blank", "Укажите название службы."),
            _not_blank("short_name", "method_service_short_not_blank",
                       "Укажите краткое название службы."),
        ]

    def __str__(self) -> str:
        return self.short_name


class ServiceDepartment(models.Model):
    service = models.ForeignKey(MethodService, on_delete=models.CASCADE,
                                related_name="departments", verbose_name="служба")
    name = models.CharField("название отдела", max_length=300)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "отдел службы"
        verbose_name_plural = "отделы службы"
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["service", "name"],
                                    name="service_department_unique_name",
                                    violation_error_message="Такой отдел в службе уже есть."),
            _not_blank("name", "service_department_name_not_blank", "Укажите название отдела."),
        ]

    def __str__(self) -> str:
        return self.name


class ServiceDirection(models.Model):
    """A direction of the service's work that a specialist curates; the list is the
    service's own (the passport's «специалистов, курирующих каждое из направлений»)."""

    service = models.ForeignKey(MethodService, on_delete=models.CASCADE,
                                related_name="directions", verbose_name="служба")
    title = models.CharField("направление", max_length=300)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "направление работы службы"
        verbose_name_plural = "направления работы службы"
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["service", "title"],
                                    name="service_direction_unique_title",
                                    violation_error_message="Такое направление в службе уже "
                                                            "есть."),
            _not_blank("title", "service_direction_title_not_blank", "Укажите направление."),
        ]

    def __str__(self) -> str:
        return self.title


class Specialist(models.Model):
    """A specialist of a service: name, position, department and curated directions only."""

    service = models.ForeignKey(MethodService, on_delete=models.CASCADE,
                                related_name="specialists", verbose_name="служба")
    department = models.ForeignKey(ServiceDepartment, on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="specialists",
                                   verbose_name="отдел",
                                   help_text="Пусто — специалист вне отделов (например, "
                                             "руководитель службы).")
    full_name = models.CharField("ФИО", max_length=200)
    position = models.CharField("должность", max_length=200,
                                help_text="Например, «специалист 1 категории».")
    heads_department = models.BooleanField("начальник отдела", default=False)
    directions = models.ManyToManyField(ServiceDirection, blank=True,
                                        related_name="specialists",
                                        verbose_name="курирует направления")
    # The specialist as a person of the diagnostics: a methodologist of the service's
    # organization with the same name and position, kept by services.staff.
    person = models.OneToOneField(Teacher, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="service_specialist",
                                  verbose_name="работник в диагностиках")
    history = HistoricalRecords(m2m_fields=[directions])

    class Meta:
        verbose_name = "специалист службы"
        verbose_name_plural = "специалисты службы"
        ordering = ["-heads_department", "full_name", "pk"]
        constraints = [
            _not_blank("full_name", "specialist_name_not_blank", "Укажите ФИО специалиста."),
            _not_blank("position", "specialist_position_not_blank", "Укажите должность."),
            models.CheckConstraint(
                condition=Q(heads_department=False) | Q(department__isnull=False),
                name="specialist_head_has_department",
                violation_error_message="Начальник отдела должен быть в отделе: выберите "
                                        "отдел."),
            models.UniqueConstraint(fields=["department"], condition=Q(heads_department=True),
                                    name="specialist_one_head_per_department",
                                    violation_error_message="У этого отдела уже есть "
                                                            "начальник."),
        ]

    def __str__(self) -> str:
        return self.full_name


class ProgrammePassport(models.Model):
    """The passport of a programme, field for field as the regional form asks (seed 003)."""

    programme = models.OneToOneField(Programme, on_delete=models.CASCADE,
                                     related_name="passport", verbose_name="проект")
    nomination = models.CharField("номинация", max_length=500, blank=True)
    title = models.TextField("наименование инновационного продукта (тема)")
    authors = models.TextField("авторы представляемого опыта", blank=True)
    supervisor = models.TextField("научный руководитель", blank=True,
                                  help_text="ФИО, научная степень, звание.")
    goals = models.TextField("цели внедрения", blank=True)
    tasks = models.TextField("задачи деятельности", blank=True)
    idea = models.TextField("основная идея", blank=True)
    normative_base = models.TextField("нормативно-правовое обеспечение", blank=True)
    significance = models.TextField(
        "обоснование значимости", blank=True,
        help_text="Для решения задач государственной политики в сфере образования.")
    novelty = models.TextField("новизна (инновационность)", blank=True)
    practical_significance = models.TextField("предполагаемая практическая значимость",
                                              blank=True)
    mechanism = models.TextField("механизм реализации", blank=True,
                                 help_text="Например, «Поэтапно»; этапы — ниже.")
    mechanism_tasks = models.TextField("задачи деятельности на срок проекта", blank=True)
    prospects = models.TextField("перспективы развития", blank=True)
    dissemination = models.TextField("предложения по распространению и внедрению",
                                     blank=True)
    developments = models.TextField("перечень научных и учебно-методических разработок",
                                    blank=True)
    status = models.TextField("статус инновационной площадки", blank=True,
                              help_text="«нет» или тема площадки.")
    material_resources = models.TextField("ресурсы: материальное", blank=True)
    intellectual_resources = models.TextField("ресурсы: интеллектуальное", blank=True)
    time_resources = models.TextField("ресурсы: временное", blank=True)
    updated_at = models.DateTimeField("изменён", auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто изменил")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "паспорт проекта"
        verbose_name_plural = "паспорта проектов"
        constraints = [
            _not_blank("title", "passport_title_not_blank",
                       "Укажите наименование инновационного продукта."),
        ]

    def __str__(self) -> str:
        return f"Паспорт: {self.programme.title}"


class PassportStage(models.Model):
    """A stage of the passport's mechanism; stages need not adjoin (gaps are allowed)."""

    passport = models.ForeignKey(ProgrammePassport, on_delete=models.CASCADE,
                                 related_name="stages", verbose_name="паспорт")
    number = models.PositiveSmallIntegerField("номер")
    title = models.CharField("название этапа", max_length=300,
                             help_text="Как в паспорте, например «Подготовительный "
                                       "(поисково-аналитический)».")
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")
    tasks = models.TextField("задачи этапа", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "этап паспорта"
        verbose_name_plural = "этапы паспорта"
        ordering = ["number", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["passport", "number"],
                                    name="passport_stage_unique_number",
                                    violation_error_message="Этап с таким номером уже есть."),
            models.CheckConstraint(condition=Q(number__gte=1),
                                   name="passport_stage_number_positive",
                                   violation_error_message="Номер этапа — с единицы."),
            _not_blank("title", "passport_stage_title_not_blank", "Укажите название этапа."),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="passport_stage_ends_after_start",
                                   violation_error_message="Окончание этапа не может быть "
                                                           "раньше его начала."),
        ]

    def __str__(self) -> str:
        return f"{self.number} этап. {self.title}"


class Deliverable(models.Model):
    """An expected deliverable of a stage; ticked as done only together with its file."""

    stage = models.ForeignKey(PassportStage, on_delete=models.CASCADE,
                              related_name="deliverables", verbose_name="этап")
    number = models.PositiveSmallIntegerField("номер")
    text = models.TextField("ожидаемый результат")
    done_on = models.DateField("получен", null=True, blank=True)
    file = models.FileField("файл", upload_to=passport_file_path, blank=True)
    original_name = models.CharField("имя файла", max_length=255, blank=True)
    content_type = models.CharField("тип", max_length=100, blank=True)
    ticked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, blank=True, related_name="+",
                                  verbose_name="кто отметил")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "результат этапа"
        verbose_name_plural = "результаты этапа"
        ordering = ["number", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["stage", "number"],
                                    name="deliverable_unique_number",
                                    violation_error_message="Результат с таким номером уже "
                                                            "есть."),
            _not_blank("text", "deliverable_text_not_blank", "Опишите ожидаемый результат."),
            models.CheckConstraint(
                condition=(Q(done_on__isnull=True) & Q(file=""))
                | (Q(done_on__isnull=False) & ~Q(file="")),
                name="deliverable_done_only_with_file",
                violation_error_message="Результат отмечается полученным только вместе с "
                                        "файлом."),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def done(self) -> bool:
        return self.done_on is not None
