"""Teachers as people, the platforms that teach them and the modular programmes they follow.

The practice is the Timashevsk project «Научно-методическое сопровождение профессионального
роста педагогов в условиях деятельности стажировочных площадок»: teachers learn on
internship, support and innovation platforms hosted by schools and kindergartens, under
pedagogue-masters, on modular programmes. A teacher's record is personal data (152-ФЗ): it
holds only what the practice needs, and every view of it is recorded (``TeacherRecordView``).
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from teams.models import Municipality, Organization

# «Молодой педагог»: under three years of teaching.
YOUNG_TEACHER_YEARS = 3


class WorkerCategory(models.TextChoices):
    TEACHER = "teacher", "Учитель"
    PRESCHOOL = "preschool", "Педагог ДОО"
    ADDITIONAL = "additional", "Педагог дополнительного образования"
    MANAGER = "manager", "Руководящий работник"
    METHODOLOGIST = "methodologist", "Специалист ТМС/ЦРО"


class QualificationCategory(models.TextChoices):
    NONE = "none", "Без категории"
    POSITION = "position", "Соответствие занимаемой должности"
    FIRST = "first", "Первая"
    HIGHEST = "highest", "Высшая"


class Teacher(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT,
                                     related_name="teachers", verbose_name="организация")
    full_name = models.CharField("ФИО", max_length=200)
    position = models.CharField("должность", max_length=200)
    subjects = models.CharField("предметы", max_length=300, blank=True,
                                help_text="Через запятую, например «математика, информатика».")
    worker_category = models.CharField("категория работника", max_length=20,
                                       choices=WorkerCategory.choices)
    teaching_since = models.DateField(
        "педагогический стаж с", null=True, blank=True,
        help_text="Дата начала педагогической деятельности: по ней портал определяет "
                  "молодых педагогов (стаж меньше трёх лет).",
    )
    qualification = models.CharField("квалификационная категория", max_length=20,
                                     choices=QualificationCategory.choices,
                                     default=QualificationCategory.NONE)
    qualified_on = models.DateField("дата присвоения категории", null=True, blank=True)
    master_since = models.DateField(
        "педагог-мастер с", null=True, blank=True,
        help_text="Статус «Педагог-мастер» присваивает управление образования.",
    )
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                null=True, blank=True, related_name="teacher",
                                verbose_name="учётная запись")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "педагогический работник"
        verbose_name_plural = "педагогические работники"
        ordering = ["full_name", "pk"]
        constraints = [
            # The register and its Excel import find a person by name within the organization.
            models.UniqueConstraint(fields=["organization", "full_name"],
                                    name="teacher_unique_name_in_organization"),
            models.CheckConstraint(condition=~Q(full_name=""), name="teacher_name_not_blank"),
            # A category has its date; «без категории» has none.
            models.CheckConstraint(
                condition=(Q(qualification=QualificationCategory.NONE)
                           & Q(qualified_on__isnull=True))
                | (~Q(qualification=QualificationCategory.NONE)
                   & Q(qualified_on__isnull=False)),
                name="teacher_category_has_its_date",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def is_young_on(self, day: datetime.date) -> bool:
        """Under three years of teaching on ``day``; False when the start is not known."""
        if self.teaching_since is None:
            return False
        try:
            anniversary = self.teaching_since.replace(
                year=self.teaching_since.year + YOUNG_TEACHER_YEARS)
        except ValueError:  # 29 February
            anniversary = datetime.date(self.teaching_since.year + YOUNG_TEACHER_YEARS, 3, 1)
        return day < anniversary

    @property
    def is_master(self) -> bool:
        return self.master_since is not None


class TeacherRecordView(models.Model):
    """One opening of a teacher's record by a user: the audit that 152-ФЗ asks for.

    Names are copied so that the record outlives a deleted account or person.
    """

    teacher = models.ForeignKey(Teacher, on_delete=models.SET_NULL, null=True,
                                related_name="record_views", verbose_name="работник")
    teacher_name = models.CharField("ФИО работника", max_length=200)
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               related_name="+", verbose_name="кто открыл")
    viewer_name = models.CharField("учётная запись", max_length=150)
    viewed_at = models.DateTimeField("когда", auto_now_add=True)
    page = models.CharField("что открыто", max_length=200)

    class Meta:
        verbose_name = "просмотр карточки работника"
        verbose_name_plural = "просмотры карточек работников"
        ordering = ["-viewed_at", "-pk"]
        indexes = [
            # The record's own audit list, newest first.
            models.Index(fields=["teacher", "-viewed_at"], name="teacher_view_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.viewer_name} → {self.teacher_name}, {self.viewed_at:%d.%m.%Y %H:%M}"


class PlatformKind(models.TextChoices):
    INTERNSHIP = "internship", "Стажировочная"
    SUPPORT = "support", "Опорная"
    MUNICIPAL_INNOVATION = "municipal_innovation", "Муниципальная инновационная"
    REGIONAL_INNOVATION = "regional_innovation", "Краевая инновационная"


class TeacherPlatform(models.Model):
    """A platform where teachers learn, hosted by a school, a kindergarten or another
    organization, with its head and a working group of pedagogue-masters."""

    host = models.ForeignKey(Organization, on_delete=models.PROTECT,
                             related_name="teacher_platforms", verbose_name="база площадки")
    kind = models.CharField("вид площадки", max_length=30, choices=PlatformKind.choices)
    title = models.CharField("тема", max_length=500)
    head = models.ForeignKey(Teacher, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="headed_platforms", verbose_name="руководитель")
    masters = models.ManyToManyField(Teacher, blank=True, related_name="working_groups",
                                     verbose_name="рабочая группа педагогов-мастеров")
    starts_on = models.DateField("начало работы", null=True, blank=True)
    ends_on = models.DateField("окончание работы", null=True, blank=True)

    class Meta:
        verbose_name = "площадка для педагогов"
        verbose_name_plural = "площадки для педагогов"
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["host", "title"],
                                    name="teacher_platform_unique_title"),
            models.CheckConstraint(condition=~Q(title=""),
                                   name="teacher_platform_title_not_blank"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="teacher_platform_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} площадка «{self.title}»"


class CompetenceArea(models.Model):
    """A competence area a municipality develops in its teachers («ИКТ-компетенции»…)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="competence_areas",
                                     verbose_name="муниципальное образование")
    number = models.PositiveSmallIntegerField("номер")
    title = models.CharField("название", max_length=300)

    class Meta:
        verbose_name = "область компетенций"
        verbose_name_plural = "области компетенций"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "number"],
                                    name="competence_area_unique_number"),
            models.UniqueConstraint(fields=["municipality", "title"],
                                    name="competence_area_unique_title"),
            models.CheckConstraint(condition=Q(number__gte=1),
                                   name="competence_area_number_positive"),
        ]

    def __str__(self) -> str:
        return self.title


class ModularProgramme(models.Model):
    """A platform's modular programme: what its trainees learn, for how long, by whom."""

    platform = models.ForeignKey(TeacherPlatform, on_delete=models.CASCADE,
                                 related_name="programmes", verbose_name="площадка")
    title = models.CharField("название", max_length=500)
    competence_areas = models.ManyToManyField(CompetenceArea, blank=True,
                                              related_name="programmes",
                                              verbose_name="области компетенций")
    months_from = models.PositiveSmallIntegerField(
        "срок обучения, от (мес.)", null=True, blank=True,
        help_text="Например, 12 для программы «на 1–1,5 года».")
    months_to = models.PositiveSmallIntegerField("срок обучения, до (мес.)", null=True,
                                                 blank=True)
    author = models.CharField("автор (составитель)", max_length=300, blank=True)
    summary = models.TextField("содержание", blank=True)

    class Meta:
        verbose_name = "модульная программа"
        verbose_name_plural = "модульные программы"
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "title"],
                                    name="modular_programme_unique_title"),
            models.CheckConstraint(condition=~Q(title=""),
                                   name="modular_programme_title_not_blank"),
            models.CheckConstraint(
                condition=Q(months_from__isnull=True) | Q(months_from__gte=1),
                name="modular_programme_months_positive"),
            models.CheckConstraint(
                condition=Q(months_to__isnull=True) | Q(months_from__isnull=False)
                & Q(months_to__gte=F("months_from")),
                name="modular_programme_months_in_order"),
        ]

    def __str__(self) -> str:
        return self.title


class ProgrammeModule(models.Model):
    """A module of a modular programme; hours and form are the programme's to state."""

    programme = models.ForeignKey(ModularProgramme, on_delete=models.CASCADE,
                                  related_name="modules", verbose_name="программа")
    number = models.PositiveSmallIntegerField("номер")
    title = models.CharField("название", max_length=500)
    hours = models.PositiveSmallIntegerField("часов", null=True, blank=True)
    form = models.CharField("форма", max_length=200, blank=True,
                            help_text="Например, «педагогическая мастерская».")

    class Meta:
        verbose_name = "модуль программы"
        verbose_name_plural = "модули программы"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"],
                                    name="programme_module_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1),
                                   name="programme_module_number_positive"),
            models.CheckConstraint(condition=Q(hours__isnull=True) | Q(hours__gte=1),
                                   name="programme_module_hours_positive"),
        ]

    def __str__(self) -> str:
        return f"Модуль {self.number}. {self.title}"


class NominationStatus(models.TextChoices):
    PENDING = "pending", "На рассмотрении"
    ACCEPTED = "accepted", "Статус присвоен"
    DECLINED = "declined", "Отклонена"


class MasterNomination(models.Model):
    """A school proposes one of its people for the status «Педагог-мастер»; the department
    grants the status from the nomination or declines it with a reason."""

    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE,
                                related_name="master_nominations", verbose_name="работник")
    reason = models.TextField("обоснование")
    nominated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+",
                                     verbose_name="кто предложил")
    nominated_at = models.DateTimeField("когда предложена", auto_now_add=True)
    status = models.CharField("решение", max_length=10, choices=NominationStatus.choices,
                              default=NominationStatus.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто решил")
    decided_at = models.DateTimeField("когда решено", null=True, blank=True)
    decision_note = models.TextField("причина отказа", blank=True)

    class Meta:
        verbose_name = "кандидатура в педагоги-мастера"
        verbose_name_plural = "кандидатуры в педагоги-мастера"
        ordering = ["-nominated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["teacher"], condition=Q(status="pending"),
                name="nomination_one_pending_per_teacher",
                violation_error_message="Кандидатура этого работника уже на рассмотрении."),
            models.CheckConstraint(
                condition=(Q(status="pending", decided_at__isnull=True)
                           | (~Q(status="pending") & Q(decided_at__isnull=False))),
                name="nomination_decided_iff_not_pending",
                violation_error_message="У рассмотренной кандидатуры есть дата решения, у "
                                        "нерассмотренной — нет."),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decision_note=""),
                name="nomination_declined_with_reason",
                violation_error_message="Отказ объясняется причиной."),
        ]

    def __str__(self) -> str:
        return f"{self.teacher}: {self.get_status_display()}"
