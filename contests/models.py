"""Conferences and contests of a programme («Инновационный поиск», seed 002): the regulation,
windows, nominations for teachers and organizations, applications, experts and their scores,
results; statuses awarded to organizations and the regional round."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from innovation.models import InnovationProject
from internships.models import Programme
from people.models import Teacher
from teams.models import Organization


class EventKind(models.TextChoices):
    CONFERENCE = "conference", "Конференция"
    CONTEST = "contest", "Конкурс"


class CategoryMethod(models.TextChoices):
    PLACES = "places", "По местам в номинации"
    THRESHOLDS = "thresholds", "По порогам среднего балла"


class Contest(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="contests",
                                  verbose_name="проект (программа)")
    kind = models.CharField("вид мероприятия", max_length=20, choices=EventKind.choices,
                            default=EventKind.CONTEST)
    title = models.CharField("название", max_length=300,
                             help_text="Например, «Инновационный поиск — 2023».")
    year = models.PositiveSmallIntegerField("год проведения")
    description = models.TextField("описание", blank=True)
    regulation_number = models.CharField(
        "номер приказа о положении", max_length=50, blank=True,
        help_text="Положение о конференции или конкурсе утверждается приказом.")
    regulation_date = models.DateField("дата приказа о положении", null=True, blank=True)
    regulation_issuer = models.CharField("кто издал приказ", max_length=200, blank=True,
                                         help_text="Например, «Управление образования».")
    regulation_file = models.FileField("файл положения", upload_to="contests/regulations/",
                                       blank=True)
    category_method = models.CharField(
        "как определяются категории", max_length=20, choices=CategoryMethod.choices,
        default=CategoryMethod.PLACES,
        help_text="По местам: первые места в номинации — победитель, следующие — призёры, "
                  "затем лауреаты. По порогам: категория по среднему баллу заявки.")
    winner_places = models.PositiveSmallIntegerField("мест победителя в номинации", default=1)
    prize_places = models.PositiveSmallIntegerField("мест призёров в номинации", default=2)
    laureate_places = models.PositiveSmallIntegerField("мест лауреатов в номинации",
                                                       default=3)
    winner_min = models.DecimalField("порог победителя, баллов", max_digits=6,
                                     decimal_places=2, null=True, blank=True)
    prize_min = models.DecimalField("порог призёра, баллов", max_digits=6, decimal_places=2,
                                    null=True, blank=True)
    laureate_min = models.DecimalField("порог лауреата, баллов", max_digits=6,
                                       decimal_places=2, null=True, blank=True)
    illustrative = models.BooleanField(
        "номинации и критерии иллюстративные", default=False,
        help_text="Отметьте, если номинации, критерии и шкалы не взяты из утверждённого "
                  "положения (демонстрационные данные).")
    results_approved_at = models.DateTimeField("итоги утверждены", null=True, blank=True)
    results_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name="кто утвердил итоги")

    class Meta:
        verbose_name = "конференция или конкурс"
        verbose_name_plural = "конференции и конкурсы"
        ordering = ["-year", "title"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "title"],
                                    name="contest_unique_title_in_programme"),
            models.CheckConstraint(
                condition=~Q(category_method=CategoryMethod.THRESHOLDS)
                | (Q(winner_min__isnull=False) & Q(prize_min__isnull=False)
                   & Q(laureate_min__isnull=False) & Q(winner_min__gte=F("prize_min"))
                   & Q(prize_min__gte=F("laureate_min"))),
                name="contest_thresholds_descend",
            ),
            models.CheckConstraint(
                condition=Q(results_approved_at__isnull=True, results_approved_by__isnull=True)
                | Q(results_approved_at__isnull=False, results_approved_by__isnull=False),
                name="contest_approval_has_author",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def results_approved(self) -> bool:
        return self.results_approved_at is not None


class ApplicationWindow(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="windows",
                                verbose_name="мероприятие")
    opens_on = models.DateField("приём заявок с")
    closes_on = models.DateField("приём заявок по")

    class Meta:
        verbose_name = "окно приёма заявок"
        verbose_name_plural = "окна приёма заявок"
        ordering = ["opens_on"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")),
                                   name="window_closes_after_opening"),
        ]

    def __str__(self) -> str:
        return f"{self.opens_on:%d.%m.%Y} — {self.closes_on:%d.%m.%Y}"


class Audience(models.TextChoices):
    TEACHER = "teacher", "Для педагогов"
    ORGANIZATION = "organization", "Для образовательных организаций"


class Nomination(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="nominations",
                                verbose_name="мероприятие")
    audience = models.CharField("для кого", max_length=20, choices=Audience.choices)
    title = models.CharField("название", max_length=300)
    description = models.TextField("описание", blank=True)

    class Meta:
        verbose_name = "номинация"
        verbose_name_plural = "номинации"
        ordering = ["audience", "title"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "title"],
                                    name="nomination_unique_title_in_contest"),
        ]

    def __str__(self) -> str:
        return self.title


class Criterion(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="criteria",
                                verbose_name="мероприятие")
    number = models.PositiveSmallIntegerField("номер")
    title = models.CharField("критерий", max_length=300)
    description = models.TextField("что оценивается", blank=True)
    maximum = models.PositiveSmallIntegerField("максимальный балл")

    class Meta:
        verbose_name = "критерий оценки"
        verbose_name_plural = "критерии оценки"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "number"],
                                    name="criterion_unique_number_in_contest"),
            models.CheckConstraint(condition=Q(maximum__gt=0), name="criterion_maximum_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Expert(models.Model):
    """A user who scores applications of a contest, alongside whatever role they hold."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="experts",
                                verbose_name="мероприятие")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="contest_experts", verbose_name="пользователь")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="место работы эксперта",
        help_text="Заявки этой организации и её педагогов эксперт не оценивает.")
    nominations = models.ManyToManyField(Nomination, related_name="experts",
                                         verbose_name="номинации")

    class Meta:
        verbose_name = "эксперт"
        verbose_name_plural = "эксперты"
        ordering = ["user__last_name", "user__first_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "user"],
                                    name="expert_unique_in_contest"),
        ]

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()


class RegionalOutcome(models.TextChoices):
    NONE = "", "Не направлялась"
    PASSED = "passed", "Прошла I этап"
    NOT_PASSED = "not_passed", "Не прошла I этап"


class Application(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT,
                                   related_name="applications", verbose_name="номинация")
    teacher = models.ForeignKey(Teacher, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="contest_applications", verbose_name="педагог")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="contest_applications",
                                     verbose_name="организация")
    title = models.CharField("тема работы", max_length=500)
    project = models.ForeignKey(
        InnovationProject, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="contest_applications", verbose_name="инновационный проект ОО",
        help_text="Проект организации заявителя, если работа представляет его.")
    submitted_at = models.DateTimeField("подана", auto_now_add=True)
    withdrawn_at = models.DateTimeField("отозвана", null=True, blank=True)
    withdrawal_reason = models.CharField("причина отзыва", max_length=500, blank=True)
    regional_outcome = models.CharField(
        "региональный этап", max_length=20, choices=RegionalOutcome.choices, blank=True,
        default=RegionalOutcome.NONE)
    regional_note = models.TextField(
        "анализ ошибок", blank=True,
        help_text="Обязателен, если работа не прошла I этап краевого конкурса.")

    class Meta:
        verbose_name = "заявка"
        verbose_name_plural = "заявки"
        ordering = ["nomination", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(teacher__isnull=False, organization__isnull=True)
                | Q(teacher__isnull=True, organization__isnull=False),
                name="application_exactly_one_applicant",
            ),
            models.UniqueConstraint(fields=["nomination", "teacher"],
                                    condition=Q(teacher__isnull=False),
                                    name="application_one_per_teacher_in_nomination"),
            models.UniqueConstraint(fields=["nomination", "organization"],
                                    condition=Q(organization__isnull=False),
                                    name="application_one_per_org_in_nomination"),
            models.CheckConstraint(
                condition=~Q(regional_outcome=RegionalOutcome.NOT_PASSED) | ~Q(regional_note=""),
                name="application_failed_round_has_analysis",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=False) | Q(withdrawal_reason=""),
                name="application_reason_only_when_withdrawn",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def applicant_organization_id(self) -> int:
        """The organization the application comes from: its own, or its teacher's."""
        if self.organization_id is not None:
            return self.organization_id
        return self.teacher.organization_id


class Score(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="scores", verbose_name="заявка")
    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="scores",
                               verbose_name="эксперт")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores",
                                  verbose_name="критерий")
    value = models.SmallIntegerField("балл")

    class Meta:
        verbose_name = "оценка эксперта"
        verbose_name_plural = "оценки экспертов"
        constraints = [
            models.UniqueConstraint(fields=["application", "expert", "criterion"],
                                    name="score_unique_per_expert_and_criterion"),
            models.CheckConstraint(condition=Q(value__gte=0), name="score_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class StatusKind(models.TextChoices):
    MIP = "mip", "МИП — муниципальная инновационная площадка"
    KIP = "kip", "КИП — краевая инновационная площадка"
    FIP = "fip", "ФИП — федеральная инновационная площадка"
    NETWORK_LEADER = "network_leader", "Лидер сетевого взаимодействия"


class OrganizationStatus(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT,
                                     related_name="innovation_statuses",
                                     verbose_name="организация")
    kind = models.CharField("статус", max_length=20, choices=StatusKind.choices)
    order_number = models.CharField("номер приказа", max_length=50)
    order_date = models.DateField("дата приказа")
    issuer = models.CharField("кто присвоил", max_length=300,
                              help_text="Например, «ГБОУ ИРО Краснодарского края».")
    valid_until = models.DateField("действует до", null=True, blank=True)
    application = models.ForeignKey(
        Application, on_delete=models.SET_NULL, null=True, blank=True, related_name="statuses",
        verbose_name="по итогам заявки")

    class Meta:
        verbose_name = "статус организации"
        verbose_name_plural = "статусы организаций"
        ordering = ["-order_date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "kind", "order_number"],
                                    name="status_unique_order"),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("order_date")),
                name="status_valid_after_order"),
            models.CheckConstraint(condition=~Q(order_number="") & ~Q(issuer=""),
                                   name="status_order_named"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.organization})"
