from django.conf import settings
from django.db import models
from django.db.models import F, Q

from diagnostics.models import DiagnosticRound
from internships.models import Period
from teams.models import Municipality


class ProposalStatus(models.TextChoices):
    QUEUED = "queued", "в очереди"
    RUNNING = "running", "считается"
    DONE = "done", "готово"
    FAILED = "failed", "ошибка"


class DistributionProposal(models.Model):
    """A proposed distribution of teams over tiers and mentors, computed in the background.

    Nothing in the placements changes until staff accept it; ``result`` keeps the
    proposal as computed, ``input_fingerprint`` the data it was computed from, so an
    acceptance after that data changed is refused.
    """

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="distribution_proposals",
                                     verbose_name="муниципальное образование")
    source_period = models.ForeignKey(Period, on_delete=models.CASCADE,
                                      related_name="distribution_proposals",
                                      verbose_name="текущее распределение за учебный год")
    target_period = models.ForeignKey(
        Period, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name="учебный год распределения",
        help_text="Пусто — следующий учебный год, он создаётся при принятии.",
    )
    # The next year as it was when the proposal was requested: accepting creates exactly
    # this year, and is refused once another acceptance has opened a year since.
    new_period_title = models.CharField("новый учебный год", max_length=20, blank=True)
    new_period_starts_on = models.DateField("начало нового учебного года", null=True,
                                            blank=True)
    new_period_ends_on = models.DateField("окончание нового учебного года", null=True,
                                          blank=True)
    diagnostic_round = models.ForeignKey(DiagnosticRound, on_delete=models.SET_NULL,
                                         null=True, blank=True, related_name="+",
                                         verbose_name="диагностика")
    parameters = models.JSONField("параметры подбора", default=dict)
    status = models.CharField("состояние", max_length=10, choices=ProposalStatus.choices,
                              default=ProposalStatus.QUEUED)
    progress = models.PositiveSmallIntegerField("готовность, %", default=0)
    stage = models.CharField("что делается", max_length=200, blank=True)
    result = models.JSONField("предложение", default=dict, blank=True)
    input_fingerprint = models.CharField("отпечаток исходных данных", max_length=64,
                                         blank=True)
    error = models.TextField("причина ошибки", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто запросил")
    created_at = models.DateTimeField("запрошено", auto_now_add=True)
    finished_at = models.DateTimeField("рассчитано", null=True, blank=True)
    accepted = models.JSONField("принятые изменения и пары", default=dict, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name="кто принял")
    accepted_at = models.DateTimeField("принято", null=True, blank=True)

    class Meta:
        verbose_name = "подбор распределения"
        verbose_name_plural = "подборы распределения"
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The recent proposals listed on the «Подбор распределения» page.
            models.Index(fields=["municipality", "-created_at"], name="proposal_recent_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100),
                                   name="proposal_progress_at_most_100"),
            # Only a computed proposal can be accepted, and it is accepted once.
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(status="done"),
                name="proposal_accepted_only_when_done",
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | ~Q(input_fingerprint=""),
                name="proposal_done_has_fingerprint",
            ),
            models.CheckConstraint(
                condition=Q(new_period_starts_on__isnull=True)
                | Q(new_period_ends_on__gt=F("new_period_starts_on")),
                name="proposal_new_period_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"Подбор распределения № {self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status in (ProposalStatus.DONE, ProposalStatus.FAILED)
