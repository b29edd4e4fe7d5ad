"""Sessions of the platforms for teachers with named attendance, completed modular
programmes, the «карта эффективности профессиональной деятельности» and the municipality's
coverage targets.

The practice is the Timashevsk project: teachers learn at sessions of internship and
support platforms (семинары, мастер-классы, открытые занятия…), complete the platforms'
modular programmes and are followed with a map of the effectiveness of their work. The
document does not print the map's structure, so each programme states its own criteria.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from people.models import ModularProgramme, ProgrammeModule, Teacher, TeacherPlatform
from teams.models import Municipality


class SessionForm(models.TextChoices):
    SEMINAR = "seminar", "Семинар"
    MASTER_CLASS = "master_class", "Мастер-класс"
    OPEN_LESSON = "open_lesson", "Открытое занятие"
    CONSULTATION = "consultation", "Консультация"
    PRACTICUM = "practicum", "Практикум"
    OTHER = "other", "Другое"


class PlatformSession(models.Model):
    """One session of a platform for teachers, held on a day, with who came by name."""

    platform = models.ForeignKey(TeacherPlatform, on_delete=models.CASCADE,
                                 related_name="sessions", verbose_name="площадка")
    held_on = models.DateField("дата")
    topic = models.CharField("тема", max_length=500)
    form = models.CharField("форма", max_length=20, choices=SessionForm.choices)
    programme = models.ForeignKey(ModularProgramme, on_delete=models.SET_NULL, null=True,
                                  blank=True, related_name="sessions",
                                  verbose_name="модульная программа")
    module = models.ForeignKey(ProgrammeModule, on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="sessions", verbose_name="модуль")
    led_by = models.ForeignKey(Teacher, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="led_sessions", verbose_name="проводит")
    place = models.CharField("место", max_length=300, blank=True)
    notes = models.TextField("примечания", blank=True)

    class Meta:
        verbose_name = "занятие площадки"
        verbose_name_plural = "занятия площадок"
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(topic=""), name="session_topic_not_blank",
                                   violation_error_message="Укажите тему занятия."),
            models.CheckConstraint(
                condition=Q(module__isnull=True) | Q(programme__isnull=False),
                name="session_module_needs_programme",
                violation_error_message="Модуль выбирается вместе с его программой."),
        ]
        indexes = [models.Index(fields=["platform", "held_on"], name="session_platform_day_idx")]

    def __str__(self) -> str:
        return f"{self.held_on:%d.%m.%Y} — {self.topic}"


class Attendance(models.Model):
    """A teacher who came to a session."""

    session = models.ForeignKey(PlatformSession, on_delete=models.CASCADE,
                                related_name="attendances", verbose_name="занятие")
    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE,
                                related_name="attendances", verbose_name="работник")

    class Meta:
        verbose_name = "посещение занятия"
        verbose_name_plural = "посещаемость занятий"
        ordering = ["session", "teacher__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "teacher"], name="attendance_unique_person",
                violation_error_message="Работник уже отмечен на этом занятии."),
        ]

    def __str__(self) -> str:
        return f"{self.teacher} — {self.session}"


class Completion(models.Model):
    """A teacher completed a modular programme: «прошёл обучение по теме»."""

    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE,
                                related_name="completions", verbose_name="работник")
    programme = models.ForeignKey(ModularProgramme, on_delete=models.PROTECT,
                                  related_name="completions",
                                  verbose_name="модульная программа")
    completed_on = models.DateField("дата завершения")
    document = models.CharField("документ, номер", max_length=300)
    hours = models.PositiveSmallIntegerField("часов", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name="кто записал")
    recorded_at = models.DateTimeField("когда записано", auto_now_add=True)

    class Meta:
        verbose_name = "завершение программы"
        verbose_name_plural = "завершения программ"
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["teacher", "programme"], name="completion_once_per_programme",
                violation_error_message="Завершение этой программы у работника уже записано."),
            models.CheckConstraint(condition=~Q(document=""),
                                   name="completion_document_not_blank",
                                   violation_error_message="Укажите документ и его номер."),
            models.CheckConstraint(condition=Q(hours__isnull=True) | Q(hours__gte=1),
                                   name="completion_hours_positive",
                                   violation_error_message="Часов должно быть не меньше 1."),
        ]

    def __str__(self) -> str:
        return f"{self.teacher} — {self.programme}, {self.completed_on:%d.%m.%Y}"


class EffectivenessCriterion(models.Model):
    """A criterion of a programme's effectiveness map: a scale from min to max, or a
    description of what is noted."""

    programme = models.ForeignKey(ModularProgramme, on_delete=models.CASCADE,
                                  related_name="effectiveness_criteria",
                                  verbose_name="модульная программа")
    number = models.PositiveSmallIntegerField("номер")
    title = models.CharField("критерий", max_length=500)
    scale_min = models.SmallIntegerField("шкала от", null=True, blank=True)
    scale_max = models.SmallIntegerField("шкала до", null=True, blank=True)
    description = models.TextField("описание", blank=True)
    illustrative = models.BooleanField(
        "иллюстративный", default=False,
        help_text="Критерий придуман для примера: документ практики структуру карты не "
                  "приводит.")

    class Meta:
        verbose_name = "критерий карты эффективности"
        verbose_name_plural = "критерии карты эффективности"
        ordering = ["programme", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "number"], name="criterion_unique_number",
                violation_error_message="Критерий с таким номером в программе уже есть."),
            models.CheckConstraint(condition=Q(number__gte=1),
                                   name="criterion_number_positive",
                                   violation_error_message="Номер критерия — от 1."),
            models.CheckConstraint(condition=~Q(title=""), name="criterion_title_not_blank",
                                   violation_error_message="Укажите название критерия."),
            models.CheckConstraint(
                condition=Q(scale_min__isnull=True, scale_max__isnull=True)
                | Q(scale_min__isnull=False, scale_max__isnull=False,
                    scale_max__gt=F("scale_min")),
                name="criterion_scale_in_order",
                violation_error_message="Шкала задаётся двумя числами, «до» больше «от»."),
            models.CheckConstraint(
                condition=Q(scale_min__isnull=False) | ~Q(description=""),
                name="criterion_scale_or_description",
                violation_error_message="Задайте шкалу или опишите, что отмечается."),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def has_scale(self) -> bool:
        return self.scale_min is not None


class EffectivenessMark(models.Model):
    """A teacher's mark on a criterion of the map on a day, and who marked it."""

    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE,
                                related_name="effectiveness_marks", verbose_name="работник")
    criterion = models.ForeignKey(EffectivenessCriterion, on_delete=models.CASCADE,
                                  related_name="marks", verbose_name="критерий")
    marked_on = models.DateField("дата")
    value = models.SmallIntegerField("балл", null=True, blank=True)
    comment = models.TextField("отметка", blank=True)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, blank=True, related_name="+",
                                  verbose_name="кто отметил")
    marked_by_name = models.CharField("кто отметил (имя)", max_length=150, blank=True)

    class Meta:
        verbose_name = "отметка карты эффективности"
        verbose_name_plural = "отметки карты эффективности"
        ordering = ["marked_on", "criterion__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["teacher", "criterion", "marked_on"], name="mark_once_a_day",
                violation_error_message="Отметка по этому критерию на эту дату уже есть."),
            models.CheckConstraint(
                condition=Q(value__isnull=False) | ~Q(comment=""),
                name="mark_has_value_or_comment",
                violation_error_message="Поставьте балл или опишите отметку."),
        ]

    def __str__(self) -> str:
        return f"{self.teacher} — {self.criterion}, {self.marked_on:%d.%m.%Y}"


class CoverageTarget(models.Model):
    """A municipality's targets for the coverage of professional development: the share of
    teachers of participating organizations and of specialists of the department and the
    methodological service (Timashevsk: not less than 41 % and 20 %)."""

    municipality = models.OneToOneField(Municipality, on_delete=models.CASCADE,
                                        related_name="coverage_target",
                                        verbose_name="муниципальное образование")
    teachers_percent = models.DecimalField("цель для педагогов, %", max_digits=5,
                                           decimal_places=1)
    specialists_percent = models.DecimalField("цель для специалистов УО/ТМС, %",
                                              max_digits=5, decimal_places=1)

    class Meta:
        verbose_name = "цель охвата повышением квалификации"
        verbose_name_plural = "цели охвата повышением квалификации"
        constraints = [
            models.CheckConstraint(
                condition=Q(teachers_percent__gte=0, teachers_percent__lte=100,
                            specialists_percent__gte=0, specialists_percent__lte=100),
                name="coverage_target_percent_range",
                violation_error_message="Цель — процент от 0 до 100."),
        ]

    def __str__(self) -> str:
        return f"{self.municipality}: {self.teachers_percent} % / {self.specialists_percent} %"
