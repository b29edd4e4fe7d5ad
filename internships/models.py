from django.conf import settings
from django.db import models
from django.db.models import F, Q

from teams.models import ManagementTeam, Municipality


class Programme(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT,
                                     related_name="programmes",
                                     verbose_name="муниципальное образование")
    title = models.CharField("название", max_length=500)
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")

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


class StageKind(models.TextChoices):
    PREPARATORY = "preparatory", "Подготовительный"
    IMPLEMENTATION = "implementation", "Внедренческий"
    ANALYTICAL = "analytical", "Аналитический"


class Stage(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="stages",
                                  verbose_name="проект")
    kind = models.CharField("этап", max_length=20, choices=StageKind.choices)
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")

    class Meta:
        verbose_name = "этап"
        verbose_name_plural = "этапы"
        ordering = ["starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "kind"], name="stage_unique_kind"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="stage_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} этап"


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
    annex = models.CharField("программа стажировки", max_length=200, blank=True,
                             help_text="Например, «приложение № 1».")

    class Meta:
        verbose_name = "направление"
        verbose_name_plural = "направления"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"],
                                    name="direction_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="direction_number_positive"),
        ]

    def __str__(self) -> str:
        return f"Стажировка {self.number}. {self.title}"


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
        return f"Стажировка {self.direction.number} ({self.period.title})"


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
