from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from simple_history.models import HistoricalRecords

from innovation.models import ApplicationVersion
from internships.models import Period, Programme
from networks.models import JointReport
from teams.models import Municipality


class ReportKind(models.TextChoices):
    INDICATORS = "indicators", "Показатели проекта (Excel)"
    MONITORING = "monitoring", "Мониторинговый отчёт (PDF)"
    HANDBOOK = "handbook", "Методическое пособие (PDF)"
    APPLICATION_PDF = "application_pdf", "Заявка «Инновационный поиск» (PDF)"
    APPLICATION_DOCX = "application_docx", "Заявка «Инновационный поиск» (Word, .docx)"
    CONTEST_PDF = "contest_pdf", "Протокол итогов конкурса (PDF)"
    CONTEST_XLSX = "contest_xlsx", "Протокол итогов конкурса (Excel)"
    JOINT_REPORT = "joint_report", "Совместный отчёт сети (PDF)"
    ASPECT_MAP_XLSX = "aspect_map_xlsx", "Карта проблем и решений (Excel)"
    ASPECT_MAP_PDF = "aspect_map_pdf", "Карта проблем и решений (PDF)"


# Exports of one application version, ordered from its page rather than the «Отчёты» form.
APPLICATION_KINDS = (ReportKind.APPLICATION_PDF, ReportKind.APPLICATION_DOCX)


# Reports of a school year, ordered on the «Отчёты» page; a contest's protocol is ordered
# on the contest's results page.
PERIOD_KINDS = (ReportKind.INDICATORS, ReportKind.MONITORING, ReportKind.HANDBOOK)


class JobStatus(models.TextChoices):
    QUEUED = "queued", "в очереди"
    RUNNING = "running", "формируется"
    DONE = "done", "готов"
    FAILED = "failed", "ошибка"


def report_path(instance: "ReportJob", filename: str) -> str:
    """The job's file in the storage: one name per job, so a rebuilt job replaces its file.

    The name cannot be guessed from the job's number: files are served only through the
    download view, which checks who asks.
    """
    suffix = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    token = salted_hmac("reports.ReportJob.file", str(instance.pk)).hexdigest()[:24]
    return f"reports/{instance.created_at:%Y/%m}/{instance.pk}-{token}.{suffix}"


class ReportJob(models.Model):
    """A report someone asked for, produced in the background.

    The job's state lives here, not in Celery's result store: the page polls this row.
    """

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="report_jobs",
                                     verbose_name="муниципальное образование")
    kind = models.CharField("отчёт", max_length=20, choices=ReportKind.choices)
    period = models.ForeignKey(Period, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="report_jobs", verbose_name="учебный год")
    parameters = models.JSONField("параметры", default=dict, blank=True)
    application_version = models.ForeignKey(
        ApplicationVersion, on_delete=models.CASCADE, null=True, blank=True,
        related_name="report_jobs", verbose_name="версия заявки",
        help_text="Для выгрузки заявки: какую версию выгрузить.")
    joint_report = models.ForeignKey(
        JointReport, on_delete=models.CASCADE, null=True, blank=True,
        related_name="report_jobs", verbose_name="совместный отчёт сети",
        help_text="Для PDF совместного отчёта: какой отчёт собрать.")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="report_jobs",
                                     verbose_name="заказал")
    status = models.CharField("состояние", max_length=10, choices=JobStatus.choices,
                              default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField("готовность, %", default=0)
    stage = models.CharField("что делается", max_length=200, blank=True)
    file = models.FileField("файл", upload_to=report_path, blank=True)
    filename = models.CharField("имя файла для скачивания", max_length=255, blank=True)
    error = models.TextField("причина ошибки", blank=True)
    attempts = models.PositiveSmallIntegerField("попыток", default=0)
    created_at = models.DateTimeField("заказан", auto_now_add=True)
    started_at = models.DateTimeField("начат", null=True, blank=True)
    finished_at = models.DateTimeField("завершён", null=True, blank=True)

    class Meta:
        verbose_name = "отчёт"
        verbose_name_plural = "отчёты"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100),
                                   name="report_job_progress_at_most_100"),
            # A finished-looking job always has its file; a failed one never does.
            models.CheckConstraint(
                condition=~models.Q(status=JobStatus.DONE) | ~models.Q(file=""),
                name="report_job_done_has_file",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=JobStatus.FAILED) | models.Q(file=""),
                name="report_job_failed_has_no_file",
            ),
            # An application export names its version; no other report does.
            models.CheckConstraint(
                condition=(models.Q(kind__in=APPLICATION_KINDS)
                           & models.Q(application_version__isnull=False))
                | (~models.Q(kind__in=APPLICATION_KINDS)
                   & models.Q(application_version__isnull=True)),
                name="report_job_version_iff_application",
            ),
            # A joint report's PDF names its report; no other report does.
            models.CheckConstraint(
                condition=(models.Q(kind=ReportKind.JOINT_REPORT)
                           & models.Q(joint_report__isnull=False))
                | (~models.Q(kind=ReportKind.JOINT_REPORT)
                   & models.Q(joint_report__isnull=True)),
                name="report_job_joint_report_iff_kind",
                violation_error_message="PDF совместного отчёта называет свой отчёт, "
                                        "другие отчёты — нет.",
            ),
        ]
        indexes = [
            # The «Отчёты» page: a municipality's jobs, newest first.
            models.Index(fields=["municipality", "-created_at"], name="report_job_list_idx"),
            # The cleanup schedule: finished jobs older than the retention period.
            models.Index(fields=["status", "finished_at"], name="report_job_cleanup_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} № {self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def duration(self) -> timedelta | None:
        """How long the build took, or has taken so far."""
        if self.started_at is None:
            return None
        return (self.finished_at or timezone.now()) - self.started_at

    @property
    def duration_text(self) -> str:
        """«2 мин 05 с», «14 с»; empty before the build starts."""
        if self.duration is None:
            return ""
        seconds = max(0, round(self.duration.total_seconds()))
        minutes, seconds = divmod(seconds, 60)
        if minutes:
            return f"{minutes} мин {seconds:02d} с"
        return f"{seconds} с"


class ProducedHandbook(models.Model):
    """The methodological handbook of an academic year, once the portal has produced it.

    Report jobs and their files are deleted after REPORT_RETENTION_DAYS, but the handbook
    stays produced, one row per year however often the handbook is ordered again. The same
    moment enters the register of products (``registers.Product``, built by the portal),
    which is what the «методических пособий» indicator counts.
    """

    period = models.OneToOneField(Period, on_delete=models.CASCADE,
                                  related_name="produced_handbook", verbose_name="учебный год")
    produced_at = models.DateTimeField("впервые сформировано")

    class Meta:
        verbose_name = "сформированное методическое пособие"
        verbose_name_plural = "сформированные методические пособия"

    def __str__(self) -> str:
        return f"Методическое пособие {self.period}"


class HandbookTopic(models.TextChoices):
    """The narrative sections of the methodological handbook, in the order it prints them."""

    APPROVAL = "approval", "Гриф титульного листа"
    INTRODUCTION = "introduction", "Введение и актуальность"
    REGULATION = "regulation", "Нормативная база"
    MODEL = "model", "Модель сопровождения: идея и механизмы"
    SETUP = "setup", "Пошаговая организация системы"
    FORMS = "forms", "Формы работы"
    DIAGNOSTICS = "diagnostics", "Диагностические методики и инструменты"
    NETWORK = "network", "Сетевое взаимодействие"
    CONCLUSIONS = "conclusions", "Выводы и рекомендации"


class HandbookText(models.Model):
    """A narrative section of a programme's handbook, written by the department in Markdown.

    The data sections (plans, journals, diagnostics, indicators) are generated; these
    texts carry what only the people running the programme can say. A blank text is
    left out of the handbook.
    """

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="handbook_texts",
                                  verbose_name="инновационный проект")
    topic = models.CharField("раздел", max_length=20, choices=HandbookTopic.choices)
    text = models.TextField("текст", blank=True,
                            help_text="Разметка Markdown: абзацы, списки, **полужирный**, "
                                      "*курсив*, таблицы.")
    updated_at = models.DateTimeField("изменён", auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто изменил")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "текст методического пособия"
        verbose_name_plural = "тексты методического пособия"
        ordering = ["programme", "topic"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "topic"],
                                    name="handbook_text_one_per_topic"),
            models.CheckConstraint(condition=models.Q(topic__in=HandbookTopic.values),
                                   name="handbook_text_known_topic"),
        ]

    def __str__(self) -> str:
        return f"{self.get_topic_display()} — {self.programme.title}"


class RegionalIndicator(models.Model):
    """A figure of the region's motivating monitoring (мотивирующий мониторинг региональной
    системы образования) for a municipality and an academic year: the value and the
    municipality's place among the region's municipalities, as the region publishes them.
    Section 10 of the Krymsky programme names it as a source of the project's effect."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="regional_indicators",
                                     verbose_name="муниципальное образование")
    period = models.ForeignKey(Period, on_delete=models.PROTECT,
                               related_name="regional_indicators", verbose_name="учебный год")
    number = models.CharField("номер показателя", max_length=20,
                              help_text="Как в таблице мониторинга, например «1.2».")
    name = models.CharField("показатель", max_length=500)
    unit = models.CharField("единица", max_length=20, blank=True,
                            help_text="«%» — значение в процентах.")
    value = models.DecimalField("значение", max_digits=12, decimal_places=3)
    rank = models.PositiveSmallIntegerField("место муниципального образования", null=True,
                                            blank=True)
    ranked = models.PositiveSmallIntegerField("муниципальных образований в рейтинге",
                                              null=True, blank=True)
    illustrative = models.BooleanField(
        "иллюстративные данные", default=False,
        help_text="Демонстрационные значения, не опубликованные регионом.")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "показатель мотивирующего мониторинга"
        verbose_name_plural = "показатели мотивирующего мониторинга"
        ordering = ["municipality", "period", "number"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "period", "number"],
                                    name="regional_indicator_unique_number"),
            models.CheckConstraint(condition=models.Q(rank__isnull=True) | models.Q(rank__gte=1),
                                   name="regional_indicator_rank_positive"),
            models.CheckConstraint(
                condition=models.Q(rank__isnull=True) | models.Q(ranked__isnull=True)
                | models.Q(rank__lte=models.F("ranked")),
                name="regional_indicator_rank_within_ranked"),
            models.CheckConstraint(
                condition=~models.Q(unit="%") | models.Q(value__gte=0, value__lte=100),
                name="regional_indicator_percent_range"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name} — {self.municipality}, {self.period}"
