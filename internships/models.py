import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from teams.models import ManagementTeam, Municipality, Organization


class Programme(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT,
                                     related_name="programmes",
                                     verbose_name="муниципальное образование")
    title = models.CharField("название", max_length=500)
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")
    mentee_capacity = models.PositiveSmallIntegerField(
        "подопечных на одного наставника", default=3,
        help_text="Больше этого числа подопечных у команды-лидера — предупреждение.",
    )

    class Meta:
        verbose_name = "инновационный проект"
        verbose_name_plural = "инновационные проекты"
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "title"],
                                    name="programme_unique_title"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="programme_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_on.year}–{self.ends_on.year})"


class Stage(models.Model):
    """A stage as the programme's own document names it; stages need not adjoin."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="stages",
                                  verbose_name="проект")
    number = models.PositiveSmallIntegerField("номер", help_text="Порядок этапа в проекте.")
    title = models.CharField("название", max_length=200,
                             help_text="Например, «Подготовительный».")
    description = models.TextField("содержание", blank=True,
                                   help_text="Что делается на этапе; печатается в пособии.")
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")

    class Meta:
        verbose_name = "этап"
        verbose_name_plural = "этапы"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="stage_unique_number"),
            models.UniqueConstraint(fields=["programme", "title"], name="stage_unique_title"),
            models.CheckConstraint(condition=Q(number__gte=1), name="stage_number_positive"),
            models.CheckConstraint(condition=~Q(title=""), name="stage_title_not_blank"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="stage_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class ControlPointKind(models.TextChoices):
    START_DIAGNOSTICS = "start_diagnostics", "Стартовая диагностика"
    INTERMEDIATE_DIAGNOSTICS = "intermediate_diagnostics", "Промежуточная диагностика"
    CURRENT_MONITORING = "current_monitoring", "Текущий мониторинг"
    FINAL_DIAGNOSTICS = "final_diagnostics", "Итоговая диагностика"
    EFFECTIVENESS_MONITORING = "effectiveness_monitoring", "Мониторинг эффективности"
    HANDBOOK = "handbook", "Методическое пособие"


class ControlPoint(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="control_points", verbose_name="проект")
    kind = models.CharField("вид", max_length=30, choices=ControlPointKind.choices)
    title = models.CharField("мероприятие плана", max_length=500)
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")

    class Meta:
        verbose_name = "контрольная точка"
        verbose_name_plural = "контрольные точки"
        ordering = ["starts_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "kind", "starts_on"],
                                    name="control_point_unique_date"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="control_point_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.starts_on:%m.%Y}"


class Period(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="periods",
                                  verbose_name="проект")
    title = models.CharField("учебный год", max_length=20, help_text="Например, 2021–2022.")
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")

    class Meta:
        verbose_name = "учебный год"
        verbose_name_plural = "учебные годы"
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "title"], name="period_unique_title"),
            models.CheckConstraint(condition=Q(ends_on__gt=F("starts_on")),
                                   name="period_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.title


class Direction(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="directions", verbose_name="проект")
    number = models.PositiveSmallIntegerField("номер")
    title = models.CharField("название", max_length=500)
    short_title = models.CharField(
        "краткое название", max_length=100, blank=True,
        help_text="Для заголовков таблиц, например «Стажировка 1»; "
                  "если пусто — «Направление N».",
    )
    annex = models.CharField("программа стажировки", max_length=200, blank=True,
                             help_text="Например, «приложение № 1».")

    class Meta:
        verbose_name = "направление"
        verbose_name_plural = "направления"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"],
                                    name="direction_unique_number"),
            models.UniqueConstraint(fields=["programme", "short_title"],
                                    condition=~Q(short_title=""),
                                    name="direction_unique_short_title"),
            models.CheckConstraint(condition=Q(number__gte=1), name="direction_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.label}. {self.title}"

    @property
    def label(self) -> str:
        """The direction's brief name, for table headers and lists."""
        return self.short_title or f"Направление {self.number}"


class CuratorBody(models.TextChoices):
    DEPARTMENT = "uo", "Управление образования"
    METHODOLOGICAL = "imc", "ИМЦ"
    QUALITY = "coko", "ЦОКО"


class Curator(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT,
                                     related_name="curators",
                                     verbose_name="муниципальное образование")
    full_name = models.CharField("ФИО", max_length=200)
    short_name = models.CharField("фамилия и инициалы", max_length=100)
    body = models.CharField("учреждение", max_length=10, choices=CuratorBody.choices, blank=True)
    position = models.CharField("должность", max_length=300, blank=True)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                null=True, blank=True, related_name="curator",
                                verbose_name="учётная запись")

    class Meta:
        verbose_name = "куратор"
        verbose_name_plural = "кураторы"
        ordering = ["short_name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "short_name"],
                                    name="curator_unique_short_name"),
        ]

    def __str__(self) -> str:
        return self.short_name


class Platform(models.Model):
    direction = models.ForeignKey(Direction, on_delete=models.PROTECT, related_name="platforms",
                                  verbose_name="направление")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="platforms",
                               verbose_name="учебный год")
    curators = models.ManyToManyField(Curator, blank=True, related_name="platforms",
                                      verbose_name="кураторы")

    class Meta:
        verbose_name = "стажировочная площадка"
        verbose_name_plural = "стажировочные площадки"
        ordering = ["-period__starts_on", "direction__number"]
        constraints = [
            models.UniqueConstraint(fields=["direction", "period"],
                                    name="platform_unique_direction_period"),
        ]

    def __str__(self) -> str:
        return f"{self.direction.label} ({self.period.title})"


class Tier(models.TextChoices):
    LEADER = "leader", "Команды-лидеры"
    PROMISING = "promising", "Команды, подающие надежды"
    RESERVE = "reserve", "Команды скрытых резервов"


TIER_ORDER = [Tier.LEADER, Tier.PROMISING, Tier.RESERVE]
TIER_SHORT = {Tier.LEADER: "лидер", Tier.PROMISING: "подающая надежды",
              Tier.RESERVE: "скрытые резервы"}


class Placement(models.Model):
    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="placements",
                                 verbose_name="площадка")
    team = models.ForeignKey(ManagementTeam, on_delete=models.PROTECT,
                             related_name="placements", verbose_name="команда")
    tier = models.CharField("уровень", max_length=20, choices=Tier.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "распределение"
        verbose_name_plural = "распределения"
        constraints = [
            # A platform is one direction in one period, so this is "one tier per
            # team, direction and period".
            models.UniqueConstraint(fields=["platform", "team"],
                                    name="placement_unique_team_platform"),
        ]

    def __str__(self) -> str:
        return f"{self.team.organization.short_name}: {self.platform} — {self.get_tier_display()}"

    @property
    def tier_short(self) -> str:
        return TIER_SHORT[self.tier]


class Transfer(models.Model):
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="transfers",
                                  verbose_name="распределение")
    from_tier = models.CharField("прежний уровень", max_length=20, choices=Tier.choices)
    to_tier = models.CharField("новый уровень", max_length=20, choices=Tier.choices)
    transferred_on = models.DateField("дата перевода")
    reason = models.TextField("основание")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name="кто записал")
    recorded_at = models.DateTimeField("записано", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "перевод"
        verbose_name_plural = "переводы"
        ordering = ["-transferred_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(from_tier=F("to_tier")),
                                   name="transfer_changes_tier"),
        ]

    def __str__(self) -> str:
        return f"{self.placement.team}: {self.from_tier} → {self.to_tier}"


class Mentorship(models.Model):
    platform = models.ForeignKey(
        Platform, on_delete=models.PROTECT, related_name="mentorships",
        verbose_name="площадка",
        help_text="Направление и год, в которых учится подопечная команда.",
    )
    mentor = models.ForeignKey(ManagementTeam, on_delete=models.PROTECT,
                               related_name="mentorships_given", verbose_name="наставник")
    mentee = models.ForeignKey(ManagementTeam, on_delete=models.PROTECT,
                               related_name="mentorships_received",
                               verbose_name="подопечная команда")
    started_on = models.DateField("начало")
    ended_on = models.DateField("окончание", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "наставничество"
        verbose_name_plural = "наставничество"
        ordering = ["platform__direction__number", "id"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "mentor", "mentee"],
                                    name="mentorship_unique_pair"),
            models.CheckConstraint(condition=~Q(mentor=F("mentee")),
                                   name="mentorship_not_self"),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="mentorship_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.mentee} ({self.platform})"


class StrategyKind(models.TextChoices):
    NARROW = "narrow", "Стратегия узкой специализации"
    WIDE = "wide", "Стратегия широкого диапазона"


class Strategy(models.Model):
    team = models.ForeignKey(ManagementTeam, on_delete=models.CASCADE,
                             related_name="strategies", verbose_name="команда")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="strategies",
                               verbose_name="учебный год")
    kind = models.CharField("стратегия", max_length=10, choices=StrategyKind.choices)

    class Meta:
        verbose_name = "стратегия команды"
        verbose_name_plural = "стратегии команд"
        constraints = [
            models.UniqueConstraint(fields=["team", "period"], name="strategy_unique_period"),
        ]

    def __str__(self) -> str:
        return f"{self.team}: {self.get_kind_display()} ({self.period})"


class WorkForm(models.TextChoices):
    SESSION = "session", "Стажировочная сессия"
    SEMINAR = "seminar", "Семинар"
    MASTER_CLASS = "master_class", "Мастер-класс"
    WORKSHOP = "workshop", "Педагогическая мастерская"
    WEBINAR = "webinar", "Вебинар"
    CONSULTATION = "consultation", "Консультация"
    MUTUAL_VISIT = "mutual_visit", "Взаимопосещение"
    ROUND_TABLE = "round_table", "Круглый стол"
    OTHER = "other", "Другое"


# «Другое» needs its own name; every listed form must not carry one.
_FORM_OTHER_NAMED = (Q(form=WorkForm.OTHER) & ~Q(form_other="")) | (
    ~Q(form=WorkForm.OTHER) & Q(form_other="")
)


def attachment_path(instance, filename: str) -> str:
    """A generated name: what the user called the file never reaches the disk."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"attachments/{uuid.uuid4().hex}{suffix}"


class JournalEntry(models.Model):
    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="entries",
                                 verbose_name="площадка")
    held_on = models.DateField("дата")
    ends_on = models.DateField("дата окончания", null=True, blank=True,
                               help_text="Для мероприятий длиннее одного дня.")
    form = models.CharField("форма работы", max_length=20, choices=WorkForm.choices)
    form_other = models.CharField("другая форма", max_length=200, blank=True)
    topic = models.CharField("тема", max_length=500)
    venue = models.ForeignKey(Organization, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="hosted_events", verbose_name="место проведения")
    hosts = models.ManyToManyField(ManagementTeam, related_name="hosted_entries",
                                   verbose_name="проводящие команды")
    description = models.TextField("описание", blank=True)
    # Optimistic locking: a save names the version it was based on.
    version = models.PositiveIntegerField("версия", default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто создал")
    created_at = models.DateTimeField("создано", auto_now_add=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто изменил")
    updated_at = models.DateTimeField("изменено", auto_now=True)
    history = HistoricalRecords(m2m_fields=[hosts])

    class Meta:
        verbose_name = "мероприятие журнала"
        verbose_name_plural = "мероприятия журнала"
        ordering = ["-held_on", "-id"]
        indexes = [
            # The journal of a platform, newest first, filtered by date range.
            models.Index(fields=["platform", "held_on"], name="entry_platform_date_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("held_on")),
                                   name="entry_ends_after_start"),
            models.CheckConstraint(condition=_FORM_OTHER_NAMED, name="entry_other_form_named"),
            models.CheckConstraint(condition=Q(version__gte=1), name="entry_version_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.held_on:%d.%m.%Y} {self.form_name}: {self.topic}"

    @property
    def form_name(self) -> str:
        return self.form_other if self.form == WorkForm.OTHER else self.get_form_display()


class Outcome(models.TextChoices):
    MASTERED = "mastered", "Освоено"
    PARTIAL = "partial", "Частично освоено"
    NOT_MASTERED = "not_mastered", "Не освоено"


class TeamResult(models.Model):
    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="results",
                              verbose_name="мероприятие")
    team = models.ForeignKey(ManagementTeam, on_delete=models.PROTECT, related_name="results",
                             verbose_name="команда")
    attended = models.BooleanField("участвовала", default=True)
    managers = models.PositiveSmallIntegerField("руководителей", default=0)
    teachers = models.PositiveSmallIntegerField("педагогов", default=0)
    outcome = models.CharField("результат", max_length=20, choices=Outcome.choices, blank=True)
    comment = models.TextField("комментарий", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "результат команды"
        verbose_name_plural = "результаты команд"
        ordering = ["entry", "id"]
        indexes = [
            # A team's participation: its results across entries and platforms.
            models.Index(fields=["team", "entry"], name="result_team_entry_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["entry", "team"], name="result_unique_team"),
            # A team that did not come sent nobody and mastered nothing.
            models.CheckConstraint(
                condition=Q(attended=True) | (Q(managers=0) & Q(teachers=0) & Q(outcome="")),
                name="result_absent_is_empty",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team}: {self.entry}"

    @property
    def people(self) -> int:
        return self.managers + self.teachers


class StoredFile(models.Model):
    """A file a user attached: kept under a generated name, served by a checking view."""

    file = models.FileField("файл", upload_to=attachment_path)
    original_name = models.CharField("имя файла", max_length=255)
    content_type = models.CharField("тип", max_length=100)
    size = models.PositiveIntegerField("размер, байт")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name="кто загрузил")
    uploaded_at = models.DateTimeField("загружено", auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class EntryAttachment(StoredFile):
    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE,
                              related_name="attachments", verbose_name="мероприятие")

    class Meta(StoredFile.Meta):
        verbose_name = "вложение"
        verbose_name_plural = "вложения"


class PlannedEvent(models.Model):
    """A line of the platform's work plan: a month, or an exact date when known."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE,
                                 related_name="planned_events", verbose_name="площадка")
    month = models.DateField("месяц", help_text="Первое число месяца.")
    planned_on = models.DateField("дата", null=True, blank=True)
    form = models.CharField("форма работы", max_length=20, choices=WorkForm.choices)
    form_other = models.CharField("другая форма", max_length=200, blank=True)
    topic = models.CharField("тема", max_length=500)
    responsible = models.ForeignKey(ManagementTeam, on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="planned_events",
                                    verbose_name="ответственная команда")
    entry = models.OneToOneField(JournalEntry, on_delete=models.SET_NULL, null=True,
                                 blank=True, related_name="planned_event",
                                 verbose_name="проведено как")

    class Meta:
        verbose_name = "мероприятие плана"
        verbose_name_plural = "план работы"
        ordering = ["month", "planned_on", "id"]
        indexes = [
            # Overdue plan lines on the curator's home page: not held, due before today.
            models.Index(fields=["platform", "month"], name="plan_platform_month_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(month__day=1), name="plan_month_first_day"),
            models.CheckConstraint(condition=_FORM_OTHER_NAMED, name="plan_other_form_named"),
        ]

    def __str__(self) -> str:
        return f"{self.month:%m.%Y}: {self.topic}"


class CouncilMeeting(models.Model):
    """A protocol of the scientific-methodological council (научно-методический совет)."""

    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="council_meetings",
                               verbose_name="учебный год")
    number = models.PositiveSmallIntegerField("номер протокола")
    held_on = models.DateField("дата заседания")
    attendees = models.TextField("присутствовали")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто записал")
    created_at = models.DateTimeField("записано", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "протокол научно-методического совета"
        verbose_name_plural = "протоколы научно-методического совета"
        ordering = ["-held_on", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["period", "number"], name="council_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="council_number_positive"),
        ]

    def __str__(self) -> str:
        return f"Протокол № {self.number} от {self.held_on:%d.%m.%Y}"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(CouncilMeeting, on_delete=models.CASCADE, related_name="items",
                                verbose_name="протокол")
    position = models.PositiveSmallIntegerField("№ вопроса")
    question = models.TextField("слушали")
    decision = models.TextField("решили", blank=True)
    placements = models.ManyToManyField(Placement, blank=True, related_name="council_items",
                                        verbose_name="утверждённые распределения")
    transfers = models.ManyToManyField(Transfer, blank=True, related_name="council_items",
                                       verbose_name="утверждённые переводы")

    class Meta:
        verbose_name = "вопрос повестки"
        verbose_name_plural = "вопросы повестки"
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"],
                                    name="agenda_unique_position"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.question[:60]}"


class CouncilAttachment(StoredFile):
    meeting = models.ForeignKey(CouncilMeeting, on_delete=models.CASCADE,
                                related_name="attachments", verbose_name="протокол")

    class Meta(StoredFile.Meta):
        verbose_name = "вложение протокола"
        verbose_name_plural = "вложения протоколов"
