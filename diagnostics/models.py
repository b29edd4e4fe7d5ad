from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.crypto import get_random_string

from diagnostics.monitoring_rules import INDICATOR_PARTS, STAFFING_CONSTRAINTS
from internships.models import ControlPoint, Direction, Period, Programme
from teams.models import ManagementTeam, Municipality, Organization


class Deficit(models.Model):
    """A catalogued professional deficit of a management team in one direction."""

    direction = models.ForeignKey(Direction, on_delete=models.PROTECT, related_name="deficits",
                                  verbose_name="направление")
    code = models.CharField("код", max_length=20)
    wording = models.TextField("формулировка")
    active = models.BooleanField("действует", default=True)
    from_template = models.BooleanField(
        "из стартового шаблона", default=False,
        help_text="Формулировка из стартового каталога: уточните её под свой район.",
    )

    class Meta:
        verbose_name = "профессиональный дефицит"
        verbose_name_plural = "профессиональные дефициты"
        ordering = ["direction__number", "code"]
        constraints = [
            models.UniqueConstraint(fields=["direction", "code"], name="deficit_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.wording}"


class RoundKind(models.TextChoices):
    START = "start", "Стартовая"
    INTERMEDIATE = "intermediate", "Промежуточная"
    FINAL = "final", "Итоговая"


class DiagnosticRound(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="diagnostic_rounds", verbose_name="проект")
    control_point = models.ForeignKey(ControlPoint, on_delete=models.SET_NULL, null=True,
                                      blank=True, related_name="diagnostic_rounds",
                                      verbose_name="контрольная точка")
    kind = models.CharField("вид", max_length=20, choices=RoundKind.choices)
    title = models.CharField("название", max_length=300)
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")
    entry_opens = models.DateField("приём результатов с")
    entry_closes = models.DateField("приём результатов по",
                                    help_text="После этой даты вносить результаты может "
                                              "только управление образования.")

    class Meta:
        verbose_name = "диагностика"
        verbose_name_plural = "диагностики"
        ordering = ["starts_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "title"], name="round_unique_title"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="round_ends_after_start"),
            models.CheckConstraint(condition=Q(entry_closes__gte=F("entry_opens")),
                                   name="round_window_closes_after_opening"),
        ]

    def __str__(self) -> str:
        return self.title

    def is_open_on(self, day) -> bool:
        return self.entry_opens <= day <= self.entry_closes


class DiagnosisSource(models.TextChoices):
    EXPERT = "expert", "Экспертная оценка куратора"
    SELF = "self", "Самооценка команды"


class Diagnosis(models.Model):
    """Team × round × direction: the deficits found, from one source."""

    team = models.ForeignKey(ManagementTeam, on_delete=models.PROTECT, related_name="diagnoses",
                             verbose_name="команда")
    round = models.ForeignKey(DiagnosticRound, on_delete=models.PROTECT,
                              related_name="diagnoses", verbose_name="диагностика")
    direction = models.ForeignKey(Direction, on_delete=models.PROTECT, related_name="diagnoses",
                                  verbose_name="направление")
    source = models.CharField("источник", max_length=10, choices=DiagnosisSource.choices,
                              default=DiagnosisSource.EXPERT)
    score = models.PositiveSmallIntegerField("балл (0–100)", null=True, blank=True)
    deficits = models.ManyToManyField(Deficit, blank=True, related_name="diagnoses",
                                      verbose_name="выявленные дефициты")
    comment = models.TextField("комментарий", blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто внёс")
    updated_at = models.DateTimeField("изменено", auto_now=True)

    class Meta:
        verbose_name = "результат диагностики"
        verbose_name_plural = "результаты диагностики"
        ordering = ["round__starts_on", "direction__number", "id"]
        indexes = [
            # Dynamics: all diagnoses of a round in a direction, compared with another round.
            models.Index(fields=["round", "direction"], name="diagnosis_round_direction_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["team", "round", "direction", "source"],
                                    name="diagnosis_unique_source"),
            models.CheckConstraint(condition=Q(score__isnull=True) | Q(score__lte=100),
                                   name="diagnosis_score_0_100"),
        ]

    def __str__(self) -> str:
        return f"{self.team}: {self.round}, {self.direction.label}"


class SchoolIndicator(models.Model):
    """Monitoring indicators of one organization for one academic year; blank = not known."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="indicators", verbose_name="организация")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="indicators",
                               verbose_name="учебный год")
    low_results = models.BooleanField("школа с низкими результатами (ШНОР)", null=True,
                                      blank=True)
    non_objective = models.BooleanField("признаки необъективности оценивания", null=True,
                                        blank=True)
    students_total = models.PositiveIntegerField("обучающихся всего", null=True, blank=True)
    olympiad_winners = models.PositiveIntegerField(
        "победителей и призёров олимпиад (от муниципального этапа)", null=True, blank=True)
    graduates_total = models.PositiveIntegerField("выпускников всего", null=True, blank=True)
    graduates_high_gia = models.PositiveIntegerField(
        "выпускников с высокими результатами ГИА", null=True, blank=True)
    teachers_total = models.PositiveIntegerField("педагогов всего", null=True, blank=True)
    teachers_competition_winners = models.PositiveIntegerField(
        "педагогов — победителей и призёров профессиональных конкурсов", null=True, blank=True)

    class Meta:
        verbose_name = "показатели мониторинга"
        verbose_name_plural = "показатели мониторинга"
        ordering = ["organization", "-period__starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "period"],
                                    name="indicator_unique_period"),
            *(rule.check_constraint() for rule in INDICATOR_PARTS),
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.period}"


class Staffing(models.Model):
    """The teaching staff of an organization on a date, by qualification category, as
    in the staffing table of the Ermakovsky project «Взаимообучение ОО Ермаковского района»."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="staffing", verbose_name="организация")
    as_of = models.DateField("на дату")
    teachers_total = models.PositiveIntegerField("всего педагогических работников (Поб)")
    without_category = models.PositiveIntegerField("не имеют квалификационной категории")
    first_category = models.PositiveIntegerField("первая квалификационная категория (Пп)")
    highest_category = models.PositiveIntegerField("высшая квалификационная категория (Пв)")
    attested_for_position = models.PositiveIntegerField(
        "аттестованы на соответствие занимаемой должности", default=0)
    not_subject_to_attestation = models.PositiveIntegerField(
        "без категории, не проходят аттестацию (п. 18 Порядка)", default=0)

    class Meta:
        verbose_name = "кадровый состав"
        verbose_name_plural = "кадровый состав"
        ordering = ["organization", "-as_of"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "as_of"],
                                    name="staffing_unique_date"),
            *STAFFING_CONSTRAINTS,
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.as_of:%d.%m.%Y}"


class Aspect(models.TextChoices):
    PEDAGOGICAL = "pedagogical", "Педагогический процесс"
    MANAGERIAL = "managerial", "Управленческий процесс"


class NeedsOffer(models.Model):
    """A line of the map of problems and effective solutions, as the Ermakovsky project
    «Взаимообучение ОО Ермаковского района» keeps it."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="needs_offers", verbose_name="организация")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="needs_offers",
                               verbose_name="учебный год")
    direction = models.ForeignKey(Direction, on_delete=models.PROTECT,
                                  related_name="needs_offers", verbose_name="направление")
    aspect = models.CharField("аспект", max_length=20, choices=Aspect.choices)
    needs_support = models.BooleanField("нужна консультативная поддержка", default=False)
    offers_practice = models.BooleanField("готовы представить свою практику", default=False)
    note = models.CharField("пояснение", max_length=500, blank=True)

    class Meta:
        verbose_name = "потребность или предложение"
        verbose_name_plural = "карта проблем и эффективных решений"
        ordering = ["organization", "direction__number", "aspect"]
        indexes = [
            # «Who can help»: organizations offering an aspect of a direction in a period.
            models.Index(fields=["period", "direction", "aspect"],
                         name="needs_period_direction_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["organization", "period", "direction", "aspect"],
                                    name="needs_unique_aspect"),
            models.CheckConstraint(condition=Q(needs_support=True) | Q(offers_practice=True),
                                   name="needs_says_something"),
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.direction}, {self.get_aspect_display()}"


class ImportTable(models.TextChoices):
    """The tables an Excel file loads into (``diagnostics/imports/tables.py``)."""

    ORGANIZATIONS = "organizations", "Образовательные организации"
    INDICATORS = "indicators", "Показатели мониторинга"
    STAFFING = "staffing", "Кадровый состав"
    DIAGNOSES = "diagnoses", "Результаты диагностики"
    TEACHERS = "teachers", "Педагогические работники"
    # Registered by the competence app (``diagnostics/imports/tables.py`` register_table).
    COMPETENCE_RESULTS = "competence_results", "Результаты диагностики компетенций"
    # Registered by the reports app.
    REGIONAL_MONITORING = "regional_monitoring", "Мотивирующий мониторинг региона"
    # Registered by the mutual app.
    MUTUAL_ANSWERS = "mutual_answers", "Ответ на техническое задание (взаимообучение ОО)"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "в очереди"
    RUNNING = "running", "выполняется"
    DONE = "done", "завершена"
    FAILED = "failed", "ошибка"


INTERRUPTED_LABEL = "прервана"
INTERRUPTED = ("Загрузка прервана: фоновый обработчик остановился или не взял её в работу. "
               "Ничего не записано — загрузите файл снова.")


def import_upload_path(instance: "ImportJob", filename: str) -> str:
    """Where an uploaded file waits for its job: a random name, since the file may name
    people; it is never served, and is removed once the job ends."""
    return f"imports/{instance.created_at:%Y/%m}/{get_random_string(32)}.xlsx"


def import_limits() -> tuple[timedelta, timedelta]:
    """How long a job may wait in the queue, and run, before it counts as interrupted: a
    running job is stopped by Celery at IMPORT_TIME_LIMIT, so one still running a margin
    later has lost its worker."""
    return (
        timedelta(minutes=settings.IMPORT_QUEUED_LIMIT_MINUTES),
        timedelta(seconds=settings.IMPORT_TIME_LIMIT)
        + timedelta(minutes=settings.IMPORT_STALE_MARGIN_MINUTES),
    )


class ImportJob(models.Model):
    """An uploaded Excel file checked or loaded in the background.

    The job's state lives here: the page follows this row (and, while the job runs, the
    progress the worker leaves next to the file, see ``diagnostics/imports/jobs.py``). The
    row report of a finished job is kept as JSON, the file itself is not.
    """

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="import_jobs",
                                     verbose_name="муниципальное образование")
    table = models.CharField("таблица", max_length=20, choices=ImportTable.choices)
    dry_run = models.BooleanField("только проверка", default=False)
    options = models.JSONField("параметры", default=dict, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="import_jobs",
                                     verbose_name="загрузил")
    file = models.FileField("файл", upload_to=import_upload_path, blank=True)
    filename = models.CharField("имя файла", max_length=255, blank=True)
    status = models.CharField("состояние", max_length=10, choices=ImportStatus.choices,
                              default=ImportStatus.QUEUED)
    rows_total = models.PositiveIntegerField("строк в таблице", default=0)
    rows_checked = models.PositiveIntegerField("проверено строк", default=0)
    rows_written = models.PositiveIntegerField("записано строк", default=0)
    report = models.JSONField("отчёт по строкам", default=dict, blank=True)
    error = models.TextField("причина ошибки", blank=True)
    attempts = models.PositiveSmallIntegerField("попыток", default=0)
    created_at = models.DateTimeField("загружен", default=timezone.now)
    started_at = models.DateTimeField("начата", null=True, blank=True)
    finished_at = models.DateTimeField("завершена", null=True, blank=True)

    class Meta:
        verbose_name = "загрузка Excel"
        verbose_name_plural = "загрузки Excel"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(table__in=ImportTable.values),
                                   name="import_job_known_table",
                                   violation_error_message="Неизвестная таблица загрузки."),
            models.CheckConstraint(condition=Q(rows_checked__lte=F("rows_total")),
                                   name="import_job_checked_within_total"),
            models.CheckConstraint(condition=Q(rows_written__lte=F("rows_checked")),
                                   name="import_job_written_within_checked"),
            # A check writes nothing.
            models.CheckConstraint(condition=Q(dry_run=False) | Q(rows_written=0),
                                   name="import_job_check_writes_nothing"),
            # The upload may name people: a finished job keeps its report, not the file.
            models.CheckConstraint(
                condition=Q(status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING])
                | Q(file=""),
                name="import_job_finished_keeps_no_file",
            ),
        ]
        indexes = [
            # The list of the municipality's uploads (staff), newest first.
            models.Index(fields=["municipality", "-created_at"], name="import_job_list_idx"),
            # The list of a user's own uploads, newest first.
            models.Index(fields=["requested_by", "-created_at"], name="import_job_own_idx"),
            # The cleanup schedule: stuck and old jobs by state and age.
            models.Index(fields=["status", "created_at"], name="import_job_cleanup_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_table_display()} № {self.pk}"

    @property
    def is_interrupted(self) -> bool:
        """Queued or running past its limit: shown as failed before the cleanup records it."""
        queued_limit, running_limit = import_limits()
        now = timezone.now()
        if self.status == ImportStatus.QUEUED:
            return self.created_at < now - queued_limit
        if self.status == ImportStatus.RUNNING:
            return self.started_at is not None and self.started_at < now - running_limit
        return False

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED) or self.is_interrupted

    @property
    def shown_status(self) -> str:
        return ImportStatus.FAILED if self.is_interrupted else self.status

    @property
    def status_label(self) -> str:
        return INTERRUPTED_LABEL if self.is_interrupted else self.get_status_display()

    @property
    def shown_error(self) -> str:
        return INTERRUPTED if self.is_interrupted else self.error
