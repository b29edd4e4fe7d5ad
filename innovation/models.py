"""School innovation projects on the seven-stage path into development mode.

The practice is Vyselki's «Внедрение инновационной деятельности в образовательное
пространство Выселковского района» (seed 002): a school's management team passes the stages
I–VII (awareness, team, motivating staff, problem field and key problem, project idea and
object of innovation, plan of management actions, monitoring first steps) accompanied by
municipal curators and tutors, who keep a log of methodological help. Applications to
«Инновационный поиск» follow a shared sixteen-section structure, filled by a school project or
by a municipal programme itself.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from internships.models import Period, Programme, StoredFile
from teams.models import Municipality, Organization


class PathStage(models.Model):
    """A stage of a programme's path of school projects (Vyselki: I–VII)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="innovation_stages", verbose_name="проект")
    number = models.PositiveSmallIntegerField("номер", help_text="Порядок этапа на пути: 1–7.")
    title = models.CharField("название", max_length=300)
    produces = models.TextField("что даёт этап", blank=True,
                                help_text="Результат, которым школа подтверждает этап.")

    class Meta:
        verbose_name = "этап пути инновационного проекта"
        verbose_name_plural = "этапы пути инновационного проекта"
        ordering = ["programme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"],
                                    name="path_stage_unique_number"),
            models.UniqueConstraint(fields=["programme", "title"],
                                    name="path_stage_unique_title"),
            models.CheckConstraint(condition=Q(number__gte=1), name="path_stage_number_positive",
                                   violation_error_message="Номер этапа начинается с 1."),
            models.CheckConstraint(condition=~Q(title=""), name="path_stage_title_not_blank",
                                   violation_error_message="Укажите название этапа."),
        ]

    def __str__(self) -> str:
        return f"{self.roman} этап. {self.title}"

    @property
    def roman(self) -> str:
        numerals = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
        return numerals[self.number - 1] if self.number <= len(numerals) else str(self.number)


class InnovationProject(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT,
                                     related_name="innovation_projects",
                                     verbose_name="образовательная организация")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT,
                                  related_name="innovation_projects", verbose_name="проект УО")
    period = models.ForeignKey(Period, on_delete=models.PROTECT,
                               related_name="innovation_projects", verbose_name="учебный год",
                               help_text="Учебный год, в котором проект заявлен.")
    is_pilot = models.BooleanField("пилотная школа", default=False,
                                   help_text="Школа входит в число пилотных школ проекта.")
    theme = models.CharField("тема проекта", max_length=500)
    key_problem = models.TextField("ключевая проблема", blank=True,
                                   help_text="Главная проблема школы по итогам проблемного "
                                             "анализа (IV этап).")
    idea = models.TextField("проектная идея", blank=True,
                            help_text="Идея развития школы на ближайший период (V этап).")
    innovation_object = models.TextField("объект нововведений", blank=True,
                                         help_text="Что именно школа меняет (V этап).")
    plan = models.TextField("план управленческих действий", blank=True,
                            help_text="Конкретные действия по реализации идеи (VI этап).")
    stage = models.ForeignKey(PathStage, on_delete=models.PROTECT, related_name="projects",
                              verbose_name="текущий этап")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто зарегистрировал")
    created_at = models.DateTimeField("зарегистрирован", auto_now_add=True)
    updated_at = models.DateTimeField("изменён", auto_now=True)

    class Meta:
        verbose_name = "инновационный проект ОО"
        verbose_name_plural = "инновационные проекты ОО"
        ordering = ["organization__name", "pk"]
        indexes = [
            # The district board: a programme's projects of a school year, by stage.
            models.Index(fields=["programme", "period", "stage"], name="project_board_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["organization", "programme", "period"],
                                    name="project_one_per_school_year",
                                    violation_error_message="У этой организации уже есть "
                                                            "проект в этом учебном году."),
            models.CheckConstraint(condition=~Q(theme=""), name="project_theme_not_blank",
                                   violation_error_message="Укажите тему проекта."),
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.theme}"


class ProjectDocument(StoredFile):
    project = models.ForeignKey(InnovationProject, on_delete=models.CASCADE,
                                related_name="documents", verbose_name="проект")
    title = models.CharField("что это за документ", max_length=300, blank=True)

    class Meta(StoredFile.Meta):
        verbose_name = "документ проекта"
        verbose_name_plural = "документы проекта"


class StageMove(models.Model):
    """A dated move of a project along the path, with what evidenced it."""

    project = models.ForeignKey(InnovationProject, on_delete=models.CASCADE,
                                related_name="stage_moves", verbose_name="проект")
    from_stage = models.ForeignKey(PathStage, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="прежний этап")
    to_stage = models.ForeignKey(PathStage, on_delete=models.PROTECT, related_name="+",
                                 verbose_name="новый этап")
    moved_on = models.DateField("дата")
    evidence = models.TextField("чем подтверждён",
                                help_text="Что показала школа: протокол, приказ, "
                                          "результаты анализа, план.")
    evidence_document = models.ForeignKey(ProjectDocument, on_delete=models.SET_NULL,
                                          null=True, blank=True, related_name="stage_moves",
                                          verbose_name="документ-подтверждение")
    moved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, blank=True, related_name="+",
                                 verbose_name="кто перевёл")
    recorded_at = models.DateTimeField("записано", auto_now_add=True)

    class Meta:
        verbose_name = "переход проекта между этапами"
        verbose_name_plural = "переходы проектов между этапами"
        ordering = ["project", "moved_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(from_stage=models.F("to_stage")),
                                   name="stage_move_changes_stage",
                                   violation_error_message="Новый этап совпадает с прежним."),
            models.CheckConstraint(condition=~Q(evidence=""), name="stage_move_has_evidence",
                                   violation_error_message="Укажите, чем подтверждён переход."),
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.from_stage.roman} → {self.to_stage.roman}"


class AssignmentKind(models.TextChoices):
    CURATOR = "curator", "Куратор"
    TUTOR = "tutor", "Тьютор"


class ProjectAssignment(models.Model):
    """A curator (specialist of the department or the methodological centre) or a tutor of
    a project. Being a tutor is an assignment a user holds alongside their own role."""

    project = models.ForeignKey(InnovationProject, on_delete=models.CASCADE,
                                related_name="assignments", verbose_name="проект")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="innovation_assignments", verbose_name="пользователь")
    kind = models.CharField("назначен как", max_length=10, choices=AssignmentKind.choices)
    assigned_on = models.DateField("с какого числа")

    class Meta:
        verbose_name = "куратор или тьютор проекта"
        verbose_name_plural = "кураторы и тьюторы проектов"
        ordering = ["project", "kind", "pk"]
        indexes = [
            # «Мои проекты»: the projects a user accompanies.
            models.Index(fields=["user", "project"], name="assignment_user_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="assignment_once_per_user",
                                    violation_error_message="Этот пользователь уже назначен "
                                                            "на проект."),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.user}"


class HelpForm(models.TextChoices):
    CONSULTATION = "consultation", "Консультация"
    WEBINAR = "webinar", "Вебинар"
    SEMINAR = "seminar", "Семинар"
    WORKING_GROUP = "working_group", "Заседание рабочей группы"
    VISIT = "visit", "Выезд в ОО"
    REVIEW = "review", "Рецензирование материалов"
    OTHER = "other", "Другое"


class Consultation(models.Model):
    """An entry of the log of methodological help («методическая помощь») to a project."""

    project = models.ForeignKey(InnovationProject, on_delete=models.CASCADE,
                                related_name="consultations", verbose_name="проект")
    held_on = models.DateField("дата")
    form = models.CharField("форма", max_length=20, choices=HelpForm.choices)
    form_other = models.CharField("другая форма", max_length=200, blank=True)
    topic = models.CharField("тема", max_length=500)
    advisers = models.CharField("кто проводил", max_length=300,
                                help_text="Например, «Иванова Н.А., Ремель О.Л.».")
    participants = models.CharField("с кем", max_length=300, blank=True,
                                    help_text="Кто был от школы: директор, заместители, "
                                              "рабочая группа.")
    outcome = models.TextField("итог", blank=True,
                               help_text="Что решили, что школа сделает к следующей встрече.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name="кто записал")
    recorded_at = models.DateTimeField("записано", auto_now_add=True)

    class Meta:
        verbose_name = "методическая помощь"
        verbose_name_plural = "методическая помощь"
        ordering = ["project", "-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(form=HelpForm.OTHER) & ~Q(form_other=""))
                | (~Q(form=HelpForm.OTHER) & Q(form_other="")),
                name="consultation_other_form_named",
                violation_error_message="Для формы «Другое» назовите форму; для остальных "
                                        "форм поле «другая форма» пустое."),
            models.CheckConstraint(condition=~Q(topic=""), name="consultation_topic_not_blank",
                                   violation_error_message="Укажите тему."),
            models.CheckConstraint(condition=~Q(advisers=""),
                                   name="consultation_advisers_not_blank",
                                   violation_error_message="Укажите, кто проводил."),
        ]

    def __str__(self) -> str:
        return f"{self.held_on:%d.%m.%Y}: {self.topic}"

    @property
    def form_text(self) -> str:
        return self.form_other if self.form == HelpForm.OTHER else self.get_form_display()


class ProjectComment(models.Model):
    """A remark of a curator or a tutor on the project page."""

    project = models.ForeignKey(InnovationProject, on_delete=models.CASCADE,
                                related_name="comments", verbose_name="проект")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="+", verbose_name="автор")
    text = models.TextField("замечание")
    created_at = models.DateTimeField("записано", auto_now_add=True)

    class Meta:
        verbose_name = "замечание по проекту"
        verbose_name_plural = "замечания по проектам"
        ordering = ["project", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="comment_text_not_blank",
                                   violation_error_message="Напишите замечание."),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class ApplicationTemplate(models.Model):
    """The structure of an application (the sixteen sections of «Инновационный поиск»);
    a municipality may keep its own."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="application_templates",
                                     verbose_name="муниципальное образование")
    title = models.CharField("название", max_length=300)

    class Meta:
        verbose_name = "шаблон заявки"
        verbose_name_plural = "шаблоны заявок"
        ordering = ["municipality", "title"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "title"],
                                    name="application_template_unique_title"),
            models.CheckConstraint(condition=~Q(title=""),
                                   name="application_template_title_not_blank",
                                   violation_error_message="Укажите название шаблона."),
        ]

    def __str__(self) -> str:
        return self.title


class TemplateSection(models.Model):
    template = models.ForeignKey(ApplicationTemplate, on_delete=models.CASCADE,
                                 related_name="sections", verbose_name="шаблон")
    number = models.PositiveSmallIntegerField("номер")
    title = models.CharField("название раздела", max_length=500)
    hint = models.TextField("что написать", blank=True)

    class Meta:
        verbose_name = "раздел шаблона заявки"
        verbose_name_plural = "разделы шаблона заявки"
        ordering = ["template", "number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"],
                                    name="template_section_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1),
                                   name="template_section_number_positive",
                                   violation_error_message="Номер раздела начинается с 1."),
            models.CheckConstraint(condition=~Q(title=""),
                                   name="template_section_title_not_blank",
                                   violation_error_message="Укажите название раздела."),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Application(models.Model):
    """An application in the template's structure, of a school project or of a programme."""

    template = models.ForeignKey(ApplicationTemplate, on_delete=models.PROTECT,
                                 related_name="applications", verbose_name="шаблон")
    project = models.ForeignKey(InnovationProject, on_delete=models.CASCADE, null=True,
                                blank=True, related_name="applications",
                                verbose_name="проект ОО")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, null=True, blank=True,
                                  related_name="innovation_applications",
                                  verbose_name="проект УО")
    title = models.CharField("заголовок", max_length=500,
                             help_text="Например, номинация или название конкурса.")
    created_at = models.DateTimeField("создана", auto_now_add=True)

    class Meta:
        verbose_name = "заявка по шаблону"
        verbose_name_plural = "заявки по шаблону"
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(project__isnull=False) & Q(programme__isnull=True))
                | (Q(project__isnull=True) & Q(programme__isnull=False)),
                name="application_exactly_one_owner",
                violation_error_message="Заявка принадлежит либо проекту школы, либо проекту "
                                        "управления образования."),
            models.UniqueConstraint(fields=["template", "project"],
                                    condition=Q(project__isnull=False),
                                    name="application_one_per_project"),
            models.UniqueConstraint(fields=["template", "programme"],
                                    condition=Q(programme__isnull=False),
                                    name="application_one_per_programme"),
            models.CheckConstraint(condition=~Q(title=""), name="application_title_not_blank",
                                   violation_error_message="Укажите заголовок заявки."),
        ]

    def __str__(self) -> str:
        return self.title


class ApplicationVersion(models.Model):
    """One saved filling of the application; earlier versions stay as they were."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="versions", verbose_name="заявка")
    number = models.PositiveIntegerField("версия")
    note = models.CharField("что изменено", max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто сохранил")
    created_at = models.DateTimeField("сохранена", auto_now_add=True)

    class Meta:
        verbose_name = "версия заявки"
        verbose_name_plural = "версии заявки"
        ordering = ["application", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["application", "number"],
                                    name="application_version_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1),
                                   name="application_version_number_positive",
                                   violation_error_message="Версии нумеруются с 1."),
        ]

    def __str__(self) -> str:
        return f"{self.application}, версия {self.number}"


class SectionAnswer(models.Model):
    version = models.ForeignKey(ApplicationVersion, on_delete=models.CASCADE,
                                related_name="answers", verbose_name="версия")
    section = models.ForeignKey(TemplateSection, on_delete=models.PROTECT,
                                related_name="answers", verbose_name="раздел")
    text = models.TextField("текст раздела", blank=True)

    class Meta:
        verbose_name = "раздел заявки"
        verbose_name_plural = "разделы заявки"
        ordering = ["version", "section__number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "section"],
                                    name="section_answer_once_per_version"),
        ]

    def __str__(self) -> str:
        return str(self.section)
