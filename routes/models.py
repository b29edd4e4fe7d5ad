"""Routes of teachers on modular programmes, the mentoring of pedagogue-masters, help
requests and the growth journal.

The practice is the Timashevsk project «Научно-методическое сопровождение профессионального
роста педагогов в условиях деятельности стажировочных площадок»: a teacher learns on a
platform's modular programme along an individual (ИОМ) or a group route under a
pedagogue-master; a route is made of the activities the project lists for an internship and
ends with a product, «вариативная модель профессиональной деятельности»; the master and the
trainee keep the «журнал непрерывного профессионального роста».
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from internships.models import attachment_path
from people.models import ModularProgramme, Teacher, TeacherPlatform


class RouteKind(models.TextChoices):
    INDIVIDUAL = "individual", "Индивидуальный (ИОМ)"
    GROUP = "group", "Групповой"


class RouteStatus(models.TextChoices):
    PLANNED = "planned", "Запланирован"
    ACTIVE = "active", "Идёт"
    FINISHED = "finished", "Завершён"
    CANCELLED = "cancelled", "Отменён"


DEFAULT_PRODUCT = "Вариативная модель профессиональной деятельности"


class Route(models.Model):
    programme = models.ForeignKey(ModularProgramme, on_delete=models.PROTECT,
                                  related_name="routes", verbose_name="модульная программа")
    kind = models.CharField("вид маршрута", max_length=20, choices=RouteKind.choices)
    title = models.CharField("название", max_length=300)
    master = models.ForeignKey(Teacher, on_delete=models.PROTECT, related_name="led_routes",
                               verbose_name="педагог-мастер")
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")
    status = models.CharField("состояние", max_length=20, choices=RouteStatus.choices,
                              default=RouteStatus.PLANNED)
    product_title = models.CharField("итоговый продукт", max_length=300,
                                     default=DEFAULT_PRODUCT)
    product_note = models.TextField("продукт: описание или ссылка", blank=True)
    product_file = models.FileField("продукт: файл", upload_to=attachment_path, blank=True)
    product_file_name = models.CharField("имя файла продукта", max_length=255, blank=True)
    product_content_type = models.CharField("тип файла продукта", max_length=200, blank=True)
    product_done_on = models.DateField("продукт представлен", null=True, blank=True)
    participants = models.ManyToManyField(Teacher, through="RouteParticipant",
                                          related_name="routes", verbose_name="участники")

    class Meta:
        verbose_name = "образовательный маршрут"
        verbose_name_plural = "образовательные маршруты"
        ordering = ["-starts_on", "title", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="route_title_not_blank",
                                   violation_error_message="Укажите название маршрута."),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="route_ends_after_start",
                violation_error_message="Окончание маршрута не может быть раньше начала."),
            models.CheckConstraint(
                condition=~Q(status=RouteStatus.FINISHED)
                | (Q(product_done_on__isnull=False) & ~Q(product_title="")
                   & (~Q(product_note="") | ~Q(product_file=""))),
                name="route_finished_has_product",
                violation_error_message="Завершённый маршрут должен иметь итоговый продукт: "
                                        "название, дату и файл или описание."),
        ]

    def __str__(self) -> str:
        return self.title


class RouteParticipant(models.Model):
    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="memberships",
                              verbose_name="маршрут")
    teacher = models.ForeignKey(Teacher, on_delete=models.PROTECT,
                                related_name="route_memberships", verbose_name="стажёр")

    class Meta:
        verbose_name = "участник маршрута"
        verbose_name_plural = "участники маршрута"
        constraints = [
            models.UniqueConstraint(fields=["route", "teacher"],
                                    name="route_participant_unique",
                                    violation_error_message="Педагог уже участвует в этом "
                                                            "маршруте."),
        ]

    def __str__(self) -> str:
        return f"{self.teacher} — {self.route}"


class ActivityType(models.TextChoices):
    """What an internship consists of, in the project's words (section «Модель»)."""

    THEORY = "theory", "Самостоятельная теоретическая подготовка"
    SKILLS = "skills", "Приобретение профессиональных и организаторских навыков"
    STUDY = "study", "Изучение организации и технологии процесса"
    TEACHING = "teaching", "Непосредственное участие в образовательном процессе"
    DOCUMENTS = "documents", "Работа с нормативной и другой документацией"
    UNDERSTUDY = "understudy", "Выполнение обязанностей должностного лица (временно " \
                               "исполняющий обязанности или дублёр)"
    MEETINGS = "meetings", "Участие в совещаниях, деловых встречах"
    OTHER = "other", "Другое"


class StepStatus(models.TextChoices):
    PLANNED = "planned", "Запланирован"
    IN_PROGRESS = "in_progress", "Выполняется"
    DONE = "done", "Выполнен"
    CANCELLED = "cancelled", "Отменён"


class RouteStep(models.Model):
    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="steps",
                              verbose_name="маршрут")
    number = models.PositiveSmallIntegerField("номер")
    activity = models.CharField("вид деятельности", max_length=20,
                                choices=ActivityType.choices)
    title = models.CharField("содержание", max_length=500)
    due_on = models.DateField("срок")
    status = models.CharField("состояние", max_length=20, choices=StepStatus.choices,
                              default=StepStatus.PLANNED)
    evidence_note = models.TextField("подтверждение: описание", blank=True)
    evidence_file = models.FileField("подтверждение: файл", upload_to=attachment_path,
                                     blank=True)
    evidence_file_name = models.CharField("имя файла", max_length=255, blank=True)
    evidence_content_type = models.CharField("тип файла", max_length=200, blank=True)
    done_on = models.DateField("выполнен", null=True, blank=True)
    confirmed_on = models.DateField("подтверждён педагогом-мастером", null=True, blank=True)
    returned_note = models.TextField("замечание педагога-мастера", blank=True)

    class Meta:
        verbose_name = "шаг маршрута"
        verbose_name_plural = "шаги маршрута"
        ordering = ["route", "number"]
        constraints = [
            models.UniqueConstraint(fields=["route", "number"], name="route_step_unique_number",
                                    violation_error_message="Шаг с таким номером уже есть "
                                                            "в маршруте."),
            models.CheckConstraint(condition=Q(number__gte=1),
                                   name="route_step_number_positive",
                                   violation_error_message="Номер шага — от 1."),
            models.CheckConstraint(condition=~Q(title=""), name="route_step_title_not_blank",
                                   violation_error_message="Укажите содержание шага."),
            models.CheckConstraint(
                condition=~Q(status=StepStatus.DONE)
                | (Q(done_on__isnull=False) & (~Q(evidence_note="") | ~Q(evidence_file=""))),
                name="route_step_done_has_evidence",
                violation_error_message="Выполненный шаг должен иметь дату выполнения и "
                                        "подтверждение: файл или описание."),
            models.CheckConstraint(
                condition=Q(confirmed_on__isnull=True) | Q(status=StepStatus.DONE),
                name="route_step_confirmed_only_done",
                violation_error_message="Подтвердить можно только выполненный шаг."),
        ]
        indexes = [models.Index(fields=["status", "due_on"], name="route_step_due_idx")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class MentoringPair(models.Model):
    master = models.ForeignKey(Teacher, on_delete=models.PROTECT,
                               related_name="mentoring_as_master", verbose_name="педагог-мастер")
    trainee = models.ForeignKey(Teacher, on_delete=models.PROTECT,
                                related_name="mentoring_as_trainee", verbose_name="стажёр")
    started_on = models.DateField("начало")
    ended_on = models.DateField("окончание", null=True, blank=True)

    class Meta:
        verbose_name = "пара наставничества"
        verbose_name_plural = "пары наставничества"
        ordering = ["-started_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(master=F("trainee")),
                                   name="mentoring_pair_not_self",
                                   violation_error_message="Педагог-мастер не может быть "
                                                           "наставником самому себе."),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="mentoring_pair_ends_after_start",
                violation_error_message="Окончание наставничества не может быть раньше "
                                        "начала."),
            models.UniqueConstraint(fields=["master", "trainee"],
                                    condition=Q(ended_on__isnull=True),
                                    name="mentoring_pair_one_open",
                                    violation_error_message="Эта пара наставничества уже "
                                                            "действует."),
        ]

    def __str__(self) -> str:
        return f"{self.master} → {self.trainee}"


def default_capacity() -> int:
    return settings.ROUTES_MASTER_CAPACITY


class MasterCapacity(models.Model):
    """How many trainees a master takes at once, when it differs from the setting."""

    master = models.OneToOneField(Teacher, on_delete=models.CASCADE,
                                  related_name="mentoring_capacity",
                                  verbose_name="педагог-мастер")
    max_trainees = models.PositiveSmallIntegerField("стажёров не больше",
                                                    default=default_capacity)

    class Meta:
        verbose_name = "нагрузка педагога-мастера"
        verbose_name_plural = "нагрузка педагогов-мастеров"
        constraints = [
            models.CheckConstraint(condition=Q(max_trainees__gte=1),
                                   name="master_capacity_positive",
                                   violation_error_message="Число стажёров — от 1."),
        ]

    def __str__(self) -> str:
        return f"{self.master}: {self.max_trainees}"


class HelpStatus(models.TextChoices):
    OPEN = "open", "Ждёт ответа"
    ANSWERED = "answered", "Получен ответ"


class HelpRequest(models.Model):
    author = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="help_requests",
                               verbose_name="педагог")
    text = models.TextField("вопрос")
    asked_on = models.DateField("дата")
    platform = models.ForeignKey(TeacherPlatform, on_delete=models.CASCADE, null=True,
                                 blank=True, related_name="help_requests",
                                 verbose_name="площадка")
    master = models.ForeignKey(Teacher, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="help_requests_received",
                               verbose_name="педагог-мастер")
    status = models.CharField("состояние", max_length=20, choices=HelpStatus.choices,
                              default=HelpStatus.OPEN)
    answer = models.TextField("ответ", blank=True)
    answered_on = models.DateField("дата ответа", null=True, blank=True)
    answered_by = models.ForeignKey(Teacher, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name="кто ответил")

    class Meta:
        verbose_name = "запрос о помощи"
        verbose_name_plural = "запросы о помощи"
        ordering = ["-asked_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(platform__isnull=False) & Q(master__isnull=True))
                | (Q(platform__isnull=True) & Q(master__isnull=False)),
                name="help_request_one_addressee",
                violation_error_message="Запрос адресуется либо площадке, либо "
                                        "педагогу-мастеру — выберите одно."),
            models.CheckConstraint(condition=~Q(text=""), name="help_request_text_not_blank",
                                   violation_error_message="Опишите, в чём нужна помощь."),
            models.CheckConstraint(
                condition=Q(status=HelpStatus.OPEN, answered_on__isnull=True)
                | (Q(status=HelpStatus.ANSWERED) & Q(answered_on__isnull=False)
                   & ~Q(answer="")),
                name="help_request_answer_complete",
                violation_error_message="У ответа должны быть текст и дата."),
        ]

    def __str__(self) -> str:
        return f"{self.author}, {self.asked_on:%d.%m.%Y}"


class JournalAuthor(models.TextChoices):
    MASTER = "master", "Педагог-мастер"
    TRAINEE = "trainee", "Стажёр"


class GrowthEntry(models.Model):
    """An entry of the «журнал непрерывного профессионального роста» of a trainee."""

    trainee = models.ForeignKey(Teacher, on_delete=models.CASCADE,
                                related_name="growth_entries", verbose_name="стажёр")
    author = models.ForeignKey(Teacher, on_delete=models.SET_NULL, null=True,
                               related_name="+", verbose_name="автор")
    author_role = models.CharField("кто пишет", max_length=20, choices=JournalAuthor.choices)
    written_on = models.DateField("дата")
    text = models.TextField("запись")

    class Meta:
        verbose_name = "запись журнала профессионального роста"
        verbose_name_plural = "записи журнала профессионального роста"
        ordering = ["-written_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="growth_entry_text_not_blank",
                                   violation_error_message="Запись не может быть пустой."),
        ]
        indexes = [models.Index(fields=["trainee", "-written_on"],
                                name="growth_entry_recent_idx")]

    def __str__(self) -> str:
        return f"{self.trainee}, {self.written_on:%d.%m.%Y}"


class ProposalStatus(models.TextChoices):
    OPEN = "open", "Ждёт решения"
    ACCEPTED = "accepted", "Принято"
    DECLINED = "declined", "Отклонено"


class RouteProposal(models.Model):
    """A school leader proposes one of the school's teachers for a platform's programme; the
    department accepts (and makes the route) or declines."""

    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE,
                                related_name="route_proposals", verbose_name="педагог")
    programme = models.ForeignKey(ModularProgramme, on_delete=models.CASCADE,
                                  related_name="route_proposals",
                                  verbose_name="модульная программа")
    note = models.TextField("зачем", blank=True)
    proposed_on = models.DateField("дата предложения")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+", verbose_name="кто предложил")
    status = models.CharField("решение", max_length=20, choices=ProposalStatus.choices,
                              default=ProposalStatus.OPEN)
    decided_on = models.DateField("дата решения", null=True, blank=True)

    class Meta:
        verbose_name = "предложение на маршрут"
        verbose_name_plural = "предложения на маршрут"
        ordering = ["-proposed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["teacher", "programme"],
                                    condition=Q(status="open"),
                                    name="route_proposal_one_open",
                                    violation_error_message="Этот педагог уже предложен на эту "
                                                            "программу и ждёт решения."),
            models.CheckConstraint(
                condition=Q(status="open", decided_on__isnull=True)
                | (~Q(status="open") & Q(decided_on__isnull=False)),
                name="route_proposal_decision_dated",
                violation_error_message="У решения по предложению должна быть дата."),
        ]

    def __str__(self) -> str:
        return f"{self.teacher} → {self.programme}"
