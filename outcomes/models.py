"""Which catalogued deficits a journal event or a work-plan item addresses."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from diagnostics.models import Deficit
from internships.models import JournalEntry, PlannedEvent


class AddressedDeficit(models.Model):
    """A deficit named by one held event or by one planned item of a platform's work plan.

    An event addresses the deficits named on it and those of the plan line it carries out.
    """

    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, null=True, blank=True,
                              related_name="addressed_deficits", verbose_name="мероприятие")
    planned = models.ForeignKey(PlannedEvent, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="addressed_deficits",
                                verbose_name="мероприятие плана")
    deficit = models.ForeignKey(Deficit, on_delete=models.PROTECT, related_name="addressed_by",
                                verbose_name="дефицит")
    named_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, blank=True, related_name="+",
                                 verbose_name="кто указал")
    named_at = models.DateTimeField("когда указан", auto_now_add=True)

    class Meta:
        verbose_name = "дефицит, на который направлено мероприятие"
        verbose_name_plural = "дефициты, на которые направлены мероприятия"
        constraints = [
            models.CheckConstraint(
                condition=(Q(entry__isnull=False, planned__isnull=True)
                           | Q(entry__isnull=True, planned__isnull=False)),
                name="addressed_deficit_entry_xor_planned",
                violation_error_message="Дефицит указывается либо у проведённого мероприятия, "
                                        "либо у мероприятия плана.",
            ),
            models.UniqueConstraint(fields=["entry", "deficit"],
                                    condition=Q(entry__isnull=False),
                                    name="addressed_deficit_once_per_entry",
                                    violation_error_message="Этот дефицит уже указан у "
                                                            "мероприятия."),
            models.UniqueConstraint(fields=["planned", "deficit"],
                                    condition=Q(planned__isnull=False),
                                    name="addressed_deficit_once_per_plan_line",
                                    violation_error_message="Этот дефицит уже указан у "
                                                            "мероприятия плана."),
        ]

    def __str__(self) -> str:
        return str(self.deficit)
