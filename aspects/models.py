"""The map of problems and effective solutions (seed 004, ТЗ part 2): organizations'
statements as they wrote them, normalised to a shared aspect catalogue of the municipality.

A statement keeps its text for good; the methodologist links it to an aspect. Merging two
aspects points the statements of the merged one at the survivor and keeps the merged row
(``merged_into``), so its wording and the history of the merge stay readable.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from simple_history.models import HistoricalRecords

from internships.models import Direction
from teams.models import Municipality, Organization

FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_RANK = 99


class ProcessKind(models.TextChoices):
    PEDAGOGICAL = "pedagogical", "Педагогический процесс"
    MANAGEMENT = "management", "Управленческий процесс"


class Side(models.TextChoices):
    NEED = "need", "Нужна консультация"
    OFFER = "offer", "Готовы представить практику"


class StatementSource(models.TextChoices):
    PAGE = "page", "Внесено на портале"
    EXCEL = "excel", "Загружено из Excel"
    ASSIGNMENT = "assignment", "Техническое задание, часть 2"
    DEMO = "demo", "Демонстрационные данные"


class Aspect(models.Model):
    """An aspect of the teaching or management process in the municipality's catalogue."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="aspects",
                                     verbose_name="муниципальное образование")
    wording = models.CharField("формулировка аспекта", max_length=300)
    process_kind = models.CharField("процесс", max_length=20, choices=ProcessKind.choices)
    direction = models.ForeignKey(
        Direction, on_delete=models.SET_NULL, null=True, blank=True, related_name="aspects",
        verbose_name="направление",
        help_text="Необязательно: направление стажировок, к которому относится аспект.",
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged",
        verbose_name="объединён с",
        help_text="Аспект-дубликат, объединённый с этим; его формулировка сохраняется.",
    )
    merged_at = models.DateTimeField("объединён", null=True, blank=True)
    created_at = models.DateTimeField("создан", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "аспект"
        verbose_name_plural = "аспекты карты проблем и решений"
        ordering = ["process_kind", "wording"]
        constraints = [
            models.UniqueConstraint(
                Lower("wording"), "municipality", condition=Q(merged_into__isnull=True),
                name="aspect_unique_active_wording",
                violation_error_message="Такой аспект уже есть в каталоге.",
            ),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | ~Q(merged_into=F("id")),
                name="aspect_not_merged_into_itself",
                violation_error_message="Аспект нельзя объединить с самим собой.",
            ),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True, merged_at__isnull=True)
                | Q(merged_into__isnull=False, merged_at__isnull=False),
                name="aspect_merge_has_date",
                violation_error_message="У объединения должна быть дата.",
            ),
            models.CheckConstraint(
                condition=Q(process_kind__in=ProcessKind.values),
                name="aspect_known_process_kind",
                violation_error_message="Процесс — педагогический или управленческий.",
            ),
            models.CheckConstraint(condition=~Q(wording=""), name="aspect_has_wording",
                                   violation_error_message="Укажите формулировку аспекта."),
        ]

    def __str__(self) -> str:
        return self.wording

    @property
    def is_active(self) -> bool:
        return self.merged_into_id is None


class Statement(models.Model):
    """One line of an organization's ranked list (ТЗ part 2), its text as entered."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="aspect_statements",
                                     verbose_name="организация")
    school_year = models.PositiveSmallIntegerField(
        "учебный год", help_text="Год начала учебного года: 2021 — это 2021/2022.")
    text = models.CharField("формулировка организации", max_length=500)
    process_kind = models.CharField("процесс", max_length=20, choices=ProcessKind.choices)
    side = models.CharField("сторона", max_length=10, choices=Side.choices)
    rank = models.PositiveSmallIntegerField(
        "место в рейтинге", help_text="1 — самый важный аспект в списке организации.")
    aspect = models.ForeignKey(Aspect, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="statements", verbose_name="аспект каталога")
    source = models.CharField("источник", max_length=20, choices=StatementSource.choices,
                              default=StatementSource.PAGE)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто внёс")
    created_at = models.DateTimeField("внесено", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "формулировка организации"
        verbose_name_plural = "формулировки организаций"
        ordering = ["organization", "school_year", "process_kind", "side", "rank"]
        indexes = [
            # The map: the statements of a year by aspect and side.
            models.Index(fields=["school_year", "aspect", "side"],
                         name="statement_map_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "school_year", "process_kind", "side", "rank"],
                name="statement_unique_rank",
                violation_error_message="Это место в рейтинге организации уже занято.",
            ),
            models.CheckConstraint(condition=Q(rank__gte=1, rank__lte=MAX_RANK),
                                   name="statement_rank_range",
                                   violation_error_message=f"Место в рейтинге — от 1 до "
                                                           f"{MAX_RANK}."),
            models.CheckConstraint(
                condition=Q(school_year__gte=FIRST_YEAR, school_year__lte=LAST_YEAR),
                name="statement_school_year_range",
                violation_error_message="Укажите год начала учебного года, например 2021.",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="statement_has_text",
                                   violation_error_message="Укажите формулировку."),
            models.CheckConstraint(condition=Q(side__in=Side.values),
                                   name="statement_known_side",
                                   violation_error_message="Неизвестная сторона карты."),
            models.CheckConstraint(
                condition=Q(process_kind__in=ProcessKind.values),
                name="statement_known_process_kind",
                violation_error_message="Процесс — педагогический или управленческий.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.text}"
