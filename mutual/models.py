"""Mutual learning of organizations (seed 004, Ermakovsky): each organization's responsible
group named by the head's order, the two-part technical assignment (ТЗ) of a programme and
each organization's answer, and the project's monitoring criteria as data of the programme.

The agreement on joint activity is ``networks.Agreement`` (kind «соглашение о совместной
деятельности»); the criteria read its parties' signatures.
"""

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from internships.models import Programme, attachment_path
from networks.models import Agreement
from plans.models import Plan
from teams.models import Organization


class GroupRole(models.TextChoices):
    CURATOR = "curator", "куратор от ОО"
    MODERATOR = "moderator", "модератор"
    TECHNICIAN = "technician", "технический специалист"


class ResponsibleGroup(models.Model):
    """The group an organization's head names by order for the project."""

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE,
                                        related_name="responsible_group",
                                        verbose_name="организация")
    order_number = models.CharField("номер приказа", max_length=50, blank=True)
    order_date = models.DateField("дата приказа", null=True, blank=True)
    order_scan = models.FileField("скан приказа", upload_to=attachment_path, blank=True)
    scan_name = models.CharField("имя файла скана", max_length=255, blank=True)
    scan_type = models.CharField("тип файла скана", max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "группа ответственных ОО"
        verbose_name_plural = "группы ответственных ОО"
        ordering = ["organization__short_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(order_number="") | Q(order_date__isnull=False),
                name="group_order_number_with_date",
                violation_error_message="У приказа с номером должна быть дата."),
        ]

    def __str__(self) -> str:
        return f"Группа ответственных: {self.organization.short_name}"

    @property
    def has_order(self) -> bool:
        return bool(self.order_number and self.order_date)


class GroupMember(models.Model):
    """A person of the group: name and position only (152-ФЗ)."""

    group = models.ForeignKey(ResponsibleGroup, on_delete=models.CASCADE,
                              related_name="members", verbose_name="группа")
    role = models.CharField("роль в группе", max_length=20, choices=GroupRole.choices)
    full_name = models.CharField("ФИО", max_length=200)
    position = models.CharField("должность", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "член группы ответственных"
        verbose_name_plural = "члены групп ответственных"
        ordering = ["group", "role", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(full_name=""), name="group_member_named",
                                   violation_error_message="Укажите ФИО."),
            models.CheckConstraint(condition=Q(role__in=GroupRole.values),
                                   name="group_member_role_known",
                                   violation_error_message="Неизвестная роль в группе."),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_role_display()})"


class Assignment(models.Model):
    """The programme's technical assignment, published by the department with the
    deadlines of its two parts."""

    programme = models.OneToOneField(Programme, on_delete=models.CASCADE,
                                     related_name="mutual_assignment",
                                     verbose_name="проект")
    title = models.CharField("название", max_length=300,
                             default="Техническое задание для ОО")
    instructions = models.TextField("пояснение для организаций", blank=True)
    part1_due = models.DateField("срок первой части")
    part2_due = models.DateField("срок второй части")
    published_on = models.DateField("опубликовано")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "техническое задание"
        verbose_name_plural = "технические задания"
        ordering = ["-published_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(part2_due__gte=F("part1_due")),
                                   name="assignment_parts_in_order",
                                   violation_error_message="Срок второй части не может быть "
                                                           "раньше срока первой."),
        ]

    def __str__(self) -> str:
        return f"{self.title}: {self.programme.title}"


class PartStatus(models.TextChoices):
    NOT_STARTED = "not_started", "не начато"
    DRAFT = "draft", "черновик"
    SUBMITTED = "submitted", "сдано"
    RETURNED = "returned", "возвращено на доработку"
    ACCEPTED = "accepted", "принято"


class Answer(models.Model):
    """An organization's answer to the assignment: both parts and their statuses."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE,
                                   related_name="answers", verbose_name="техническое задание")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="mutual_answers", verbose_name="организация")
    reserves = models.TextField(
        "анализ внутренних резервов", blank=True,
        help_text="По показателям мониторинга оценки качества (методика ФИОКО, СОКО).")
    part1_status = models.CharField("первая часть", max_length=20, choices=PartStatus.choices,
                                    default=PartStatus.NOT_STARTED)
    part1_comment = models.TextField("замечание к первой части", blank=True)
    part1_submitted_on = models.DateField("первая часть сдана", null=True, blank=True)
    part2_status = models.CharField("вторая часть", max_length=20, choices=PartStatus.choices,
                                    default=PartStatus.NOT_STARTED)
    part2_comment = models.TextField("замечание ко второй части", blank=True)
    part2_submitted_on = models.DateField("вторая часть сдана", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "ответ организации на техническое задание"
        verbose_name_plural = "ответы организаций на техническое задание"
        ordering = ["organization__short_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "organization"],
                                    name="answer_once_per_organization",
                                    violation_error_message="Ответ этой организации уже есть."),
            models.CheckConstraint(condition=~Q(part1_status=PartStatus.RETURNED)
                                   | ~Q(part1_comment=""),
                                   name="answer_part1_returned_with_comment",
                                   violation_error_message="Возврат — только с замечанием."),
            models.CheckConstraint(condition=~Q(part2_status=PartStatus.RETURNED)
                                   | ~Q(part2_comment=""),
                                   name="answer_part2_returned_with_comment",
                                   violation_error_message="Возврат — только с замечанием."),
            models.CheckConstraint(condition=Q(part1_status__in=PartStatus.values)
                                   & Q(part2_status__in=PartStatus.values),
                                   name="answer_status_known",
                                   violation_error_message="Неизвестное состояние ответа."),
        ]

    def __str__(self) -> str:
        return f"{self.organization.short_name}: {self.assignment}"


class ResultArea(models.TextChoices):
    LITERACY = "literacy", "развитие функциональной грамотности"
    GIFTED = "gifted", "развитие одарённости"
    SPECIAL = "special", "обучающиеся с ОВЗ"
    OTHER = "other", "другое"


class ActivityLevel(models.TextChoices):
    ORGANIZATION = "organization", "деятельность ОО"
    TEAM = "team", "деятельность управленческой команды"
    TEACHER = "teacher", "деятельность педагога"


class RatingRow(models.Model):
    """A row of part 1's internal rating: in an area of children's results, at a level,
    what works (успешно) or does not (неуспешно)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="rating_rows",
                               verbose_name="ответ")
    area = models.CharField("результаты детей", max_length=20, choices=ResultArea.choices)
    level = models.CharField("уровень", max_length=20, choices=ActivityLevel.choices)
    works = models.BooleanField("успешно", help_text="Снят — неуспешно.")
    comment = models.TextField("что именно")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "строка рейтинга"
        verbose_name_plural = "строки рейтинга"
        ordering = ["answer", "area", "level", "-works", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["answer", "area", "level", "works"],
                                    name="rating_row_once_per_cell",
                                    violation_error_message="Эта ячейка рейтинга уже заполнена."),
            models.CheckConstraint(condition=~Q(comment=""), name="rating_row_has_text",
                                   violation_error_message="Опишите, что работает или нет."),
        ]

    def __str__(self) -> str:
        return f"{self.get_area_display()} / {self.get_level_display()}"


class ProcessKind(models.TextChoices):
    PEDAGOGICAL = "pedagogical", "педагогический процесс"
    MANAGEMENT = "management", "управленческий процесс"


class AspectSide(models.TextChoices):
    NEED = "need", "нужна периодическая консультативная поддержка"
    OFFER = "offer", "готово представить свою практику"


class AspectRow(models.Model):
    """A row of part 2 as the organization entered it: free text, kept as entered (a shared
    aspect catalogue normalises it elsewhere)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="aspect_rows",
                               verbose_name="ответ")
    process = models.CharField("процесс", max_length=20, choices=ProcessKind.choices)
    side = models.CharField("сторона", max_length=10, choices=AspectSide.choices)
    rank = models.PositiveSmallIntegerField("место в рейтинге")
    text = models.CharField("аспект", max_length=500)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "аспект второй части"
        verbose_name_plural = "аспекты второй части"
        ordering = ["answer", "process", "side", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["answer", "process", "side", "rank"],
                                    name="aspect_row_rank_once",
                                    violation_error_message="Это место в рейтинге уже занято."),
            models.CheckConstraint(condition=Q(rank__gte=1), name="aspect_row_rank_positive",
                                   violation_error_message="Место в рейтинге — с единицы."),
            models.CheckConstraint(condition=~Q(text=""), name="aspect_row_has_text",
                                   violation_error_message="Назовите аспект."),
        ]

    def __str__(self) -> str:
        return self.text


class IndicatorKind(models.TextChoices):
    YES_NO = "yes_no", "да/нет"
    PRESENT = "present", "есть/нет"
    PERCENT = "percent", "процент"


class CriterionSource(models.TextChoices):
    """Which portal data a criterion counts; «нет источника» shows «нет данных»."""

    GROUP = "group", "группа ответственных с приказом и тремя ролями"
    AGREEMENT = "agreement", "подпись соглашения о совместной деятельности"
    PART1 = "part1", "сдана первая часть технического задания"
    PART2 = "part2", "сдана вторая часть технического задания"
    PLAN = "plan", "план мероприятий ОО опубликован"
    JOINT_EVENTS = "joint_events", "проведено мероприятий совместного плана ÷ запланировано"
    RECOMMENDATIONS = ("recommendations",
                       "методические рекомендации проекта в реестре продуктов")
    NONE = "none", "нет источника данных на портале"


class Criterion(models.Model):
    """A monitoring criterion of the programme, with its indicator and deadline."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="mutual_criteria", verbose_name="проект")
    number = models.PositiveSmallIntegerField("№")
    title = models.CharField("критерий", max_length=500)
    indicator = models.TextField("показатель", blank=True)
    indicator_kind = models.CharField("индикатор", max_length=10, choices=IndicatorKind.choices)
    deadline = models.CharField("сроки достижения", max_length=100,
                                help_text="Как в документе: «Ноябрь 2021 г.», «к концу "
                                          "реализации проекта».")
    due_on = models.DateField("контрольная дата", null=True, blank=True,
                              help_text="После неё недостигнутый критерий отмечается "
                                        "как просроченный.")
    source = models.CharField("источник данных", max_length=20,
                              choices=CriterionSource.choices, default=CriterionSource.NONE)
    agreement = models.ForeignKey(
        Agreement, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="соглашение",
        help_text="Для подписей: без него — соглашение о совместной деятельности проекта.")
    joint_plan = models.ForeignKey(
        Plan, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="совместный план", help_text="Для доли проведённых мероприятий.")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "критерий мониторинга проекта"
        verbose_name_plural = "критерии мониторинга проекта"
        ordering = ["programme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"],
                                    name="mutual_criterion_number_once",
                                    violation_error_message="Критерий с этим номером уже есть."),
            models.CheckConstraint(condition=Q(number__gte=1),
                                   name="mutual_criterion_number_positive",
                                   violation_error_message="Номер критерия — с единицы."),
            models.CheckConstraint(condition=Q(source__in=CriterionSource.values),
                                   name="mutual_criterion_source_known",
                                   violation_error_message="Неизвестный источник данных."),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"
