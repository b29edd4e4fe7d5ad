from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac

from internships.models import Period
from teams.models import Municipality


class ReportKind(models.TextChoices):
    INDICATORS = "indicators", "Показатели проекта (Excel)"
    MONITORING = "monitoring", "Мониторинговый отчёт (PDF)"
    HANDBOOK = "handbook", "Методическое пособие (PDF)"
    CONTEST_PDF = "contest_pdf", "Протокол итогов конкурса (PDF)"
    CONTEST_XLSX = "contest_xlsx", "Протокол итогов конкурса (Excel)"


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
    stays produced: the «методических пособий» indicator counts these rows, one per year
    however often the handbook is ordered again.
    """

    period = models.OneToOneField(Period, on_delete=models.CASCADE,
                                  related_name="produced_handbook", verbose_name="учебный год")
    produced_at = models.DateTimeField("впервые сформировано")

    class Meta:
        verbose_name = "сформированное методическое пособие"
        verbose_name_plural = "сформированные методические пособия"

    def __str__(self) -> str:
        return f"Методическое пособие {self.period}"
