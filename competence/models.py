"""Competence diagnostics of persons: rounds that place teachers (and the methodologists of the
centre) at a level of a scale in each competence area, the scale each round defines, the
results from an expert or from the person themselves, and the bank of the instruments used.

The practices give no scale: every round states its own levels, and which of them count as a
deficit in the area («дефицит»). Dynamics compare two rounds by the ranks of these levels.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.crypto import get_random_string

from people.models import CompetenceArea, Teacher
from teams.models import Municipality


class InstrumentKind(models.TextChoices):
    TEST = "test", "Тест"
    QUESTIONNAIRE = "questionnaire", "Анкета"
    OBSERVATION = "observation", "Наблюдение"
    CASE = "case", "Кейс"
    OTHER = "other", "Другое"


class Instrument(models.Model):
    """A diagnostic method of the municipality's bank: a test, a questionnaire, a case…"""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="competence_instruments",
                                     verbose_name="муниципальное образование")
    title = models.CharField("название", max_length=300)
    kind = models.CharField("вид", max_length=20, choices=InstrumentKind.choices)
    description = models.TextField("описание", blank=True)
    competence_areas = models.ManyToManyField(CompetenceArea, blank=True,
                                              related_name="instruments",
                                              verbose_name="области компетенций")
    file = models.FileField("файл", upload_to="competence/instruments/", blank=True)
    link = models.URLField("ссылка", blank=True)

    class Meta:
        verbose_name = "диагностический инструмент"
        verbose_name_plural = "банк диагностических методик"
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "title"],
                                    name="instrument_unique_title",
                                    violation_error_message="Инструмент с таким названием "
                                                            "уже есть в банке методик."),
            models.CheckConstraint(condition=~Q(title=""), name="instrument_title_not_blank",
                                   violation_error_message="Укажите название инструмента."),
            models.CheckConstraint(condition=Q(kind__in=InstrumentKind.values),
                                   name="instrument_known_kind",
                                   violation_error_message="Выберите вид инструмента."),
        ]

    def __str__(self) -> str:
        return self.title


class PersonRound(models.Model):
    """A round of competence diagnostics of persons, with its entry window."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="person_rounds",
                                     verbose_name="муниципальное образование")
    title = models.CharField("название", max_length=300)
    academic_year = models.CharField("учебный год", max_length=20, blank=True,
                                     help_text="Например, «2025–2026».")
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")
    entry_opens = models.DateField("приём результатов с")
    entry_closes = models.DateField(
        "приём результатов по",
        help_text="После этой даты вносить результаты может только управление образования.")
    # Codes of people.WorkerCategory: who is diagnosed (teachers, specialists of ТМС/ЦРО…).
    worker_categories = models.JSONField("кого диагностируют", default=list)
    competence_areas = models.ManyToManyField(CompetenceArea, related_name="person_rounds",
                                              verbose_name="области компетенций")
    instruments = models.ManyToManyField(Instrument, blank=True, related_name="rounds",
                                         verbose_name="инструменты")
    illustrative_scale = models.BooleanField(
        "демонстрационная шкала", default=False,
        help_text="Шкала придумана для примера: документ практики её не задаёт.")

    class Meta:
        verbose_name = "диагностика компетенций"
        verbose_name_plural = "диагностики компетенций"
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "title"],
                                    name="person_round_unique_title",
                                    violation_error_message="Диагностика с таким названием "
                                                            "уже есть."),
            models.CheckConstraint(condition=~Q(title=""), name="person_round_title_not_blank",
                                   violation_error_message="Укажите название диагностики."),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="person_round_ends_after_start",
                                   violation_error_message="Дата окончания не может быть "
                                                           "раньше даты начала."),
            models.CheckConstraint(condition=Q(entry_closes__gte=F("entry_opens")),
                                   name="person_round_window_in_order",
                                   violation_error_message="Приём результатов не может "
                                                           "закрыться раньше, чем откроется."),
        ]

    def __str__(self) -> str:
        return self.title

    def is_open_on(self, day) -> bool:
        return self.entry_opens <= day <= self.entry_closes


class Level(models.Model):
    """A level of a round's scale; a higher rank is a higher level of the competence."""

    round = models.ForeignKey(PersonRound, on_delete=models.CASCADE, related_name="levels",
                              verbose_name="диагностика")
    rank = models.PositiveSmallIntegerField("ранг",
                                            help_text="1 — низший уровень; выше ранг — выше "
                                                      "уровень.")
    title = models.CharField("название", max_length=200)
    is_deficit = models.BooleanField("дефицит",
                                     help_text="Уровень считается дефицитом в области.",
                                     default=False)

    class Meta:
        verbose_name = "уровень шкалы"
        verbose_name_plural = "уровни шкалы"
        ordering = ["round", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["round", "rank"], name="level_unique_rank",
                                    violation_error_message="Уровень с таким рангом уже есть "
                                                            "в шкале."),
            models.UniqueConstraint(fields=["round", "title"], name="level_unique_title",
                                    violation_error_message="Уровень с таким названием уже "
                                                            "есть в шкале."),
            models.CheckConstraint(condition=Q(rank__gte=1), name="level_rank_positive",
                                   violation_error_message="Ранг — целое число от 1."),
            models.CheckConstraint(condition=~Q(title=""), name="level_title_not_blank",
                                   violation_error_message="Укажите название уровня."),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.title}"


class ResultSource(models.TextChoices):
    EXPERT = "expert", "Эксперт"
    SELF = "self", "Самооценка"


class PersonResult(models.Model):
    """Round × person × area × source: the level found."""

    round = models.ForeignKey(PersonRound, on_delete=models.CASCADE, related_name="results",
                              verbose_name="диагностика")
    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE,
                                related_name="competence_results", verbose_name="работник")
    area = models.ForeignKey(CompetenceArea, on_delete=models.PROTECT,
                             related_name="person_results", verbose_name="область компетенций")
    source = models.CharField("источник", max_length=10, choices=ResultSource.choices)
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="results",
                              verbose_name="уровень")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто внёс")
    updated_at = models.DateTimeField("когда", auto_now=True)

    class Meta:
        verbose_name = "результат диагностики компетенций"
        verbose_name_plural = "результаты диагностики компетенций"
        ordering = ["round", "teacher", "area__number", "source"]
        constraints = [
            models.UniqueConstraint(fields=["round", "teacher", "area", "source"],
                                    name="person_result_unique",
                                    violation_error_message="Результат этого работника в этой "
                                                            "области уже внесён."),
            models.CheckConstraint(condition=Q(source__in=ResultSource.values),
                                   name="person_result_known_source",
                                   violation_error_message="Источник — эксперт или "
                                                           "самооценка."),
        ]

    def __str__(self) -> str:
        return f"{self.teacher}: {self.area}, {self.level.title}"


def results_upload_path(instance, filename: str) -> str:
    """Where the uploads of the former results import jobs went; migration 0001 names it."""
    return f"competence/imports/{get_random_string(32)}.xlsx"
