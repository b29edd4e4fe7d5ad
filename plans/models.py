"""Plans that recur (seeds 001, 002): a programme's plan-graph, network support plan, roadmap
or work plan (an organization's own plan of a programme among them, seed 004); its items
with a term that is a date, a range or a periodicity; and the occurrences someone recorded
as held, with their evidence.

Only recorded occurrences are stored: the due ones are computed from the items' terms by
``plans/recurrence.py``.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from internships.models import JournalEntry, Programme, attachment_path
from networks.models import Network
from registers.models import Product
from teams.models import Organization


class PlanKind(models.TextChoices):
    SCHEDULE = "schedule", "План-график"
    SUPPORT = "support", "План сетевого сопровождения"
    ROADMAP = "roadmap", "Дорожная карта"
    WORK = "work", "План работы"


class Plan(models.Model):
    # The owner is a programme or a network, exactly one of them (CHECK): a network's plan
    # is shared with its member municipalities like the network's other objects.
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="plans", verbose_name="проект (программа)")
    network = models.ForeignKey(Network, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="plans", verbose_name="сеть",
                                help_text="План сети видят участники сети из всех её "
                                          "муниципалитетов.")
    title = models.CharField("название", max_length=500)
    kind = models.CharField("вид плана", max_length=20, choices=PlanKind.choices)
    starts_on = models.DateField("начало срока плана")
    ends_on = models.DateField("окончание срока плана")
    school_years = models.BooleanField(
        "годы плана — учебные", default=False,
        help_text="Отметьте, если «ежегодно», «1 раз в полугодие» и «3 раза в год» считаются "
                  "по учебным годам (с сентября), а не по календарным.")
    approval = models.CharField("утверждение", max_length=500, blank=True,
                                help_text="Кем и каким документом утверждён план.")
    source = models.CharField("источник", max_length=500, blank=True,
                              help_text="Раздел документа, из которого взят план.")
    # A programme's plan may be an organization's own plan of events for the project
    # (seed 004, criterion 4: «план мероприятий … представленный на сайтах»); the
    # organization keeps it and publishes it on its site.
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="plans",
                                     verbose_name="организация",
                                     help_text="План мероприятий организации по проекту.")
    published_url = models.URLField("опубликован на сайте ОО", max_length=500, blank=True,
                                    help_text="Адрес страницы сайта организации с планом.")
    published_on = models.DateField("дата публикации", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "план мероприятий"
        verbose_name_plural = "планы мероприятий"
        ordering = ["starts_on", "title"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "title"],
                                    name="plan_unique_title_in_programme"),
            models.UniqueConstraint(fields=["network", "title"],
                                    condition=Q(network__isnull=False),
                                    name="plan_unique_title_in_network",
                                    violation_error_message="План с таким названием в сети "
                                                            "уже есть."),
            models.CheckConstraint(
                condition=Q(programme__isnull=False, network__isnull=True)
                | Q(programme__isnull=True, network__isnull=False),
                name="plan_one_owner",
                violation_error_message="План принадлежит либо проекту, либо сети — "
                                        "укажите одно из двух."),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="plan_ends_after_start"),
            models.CheckConstraint(
                condition=Q(organization__isnull=True) | Q(programme__isnull=False),
                name="plan_organization_with_programme",
                violation_error_message="План организации — это план проекта: укажите проект."),
            models.UniqueConstraint(
                fields=["programme", "organization"], condition=Q(organization__isnull=False),
                name="plan_one_per_organization_in_programme",
                violation_error_message="У организации уже есть план мероприятий по этому "
                                        "проекту."),
            models.CheckConstraint(
                condition=Q(published_url="", published_on__isnull=True)
                | (~Q(published_url="") & Q(published_on__isnull=False)),
                name="plan_published_with_date",
                violation_error_message="Опубликованный план — с адресом и датой публикации."),
            models.CheckConstraint(
                condition=Q(published_url="") | Q(organization__isnull=False),
                name="plan_published_by_organization",
                violation_error_message="Ссылку на сайт указывают для плана организации."),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return bool(self.published_url)

    @property
    def owner(self) -> Programme | Network:
        return self.programme if self.programme_id else self.network

    @property
    def municipality_id(self) -> int:
        """The municipality that keeps the plan: the programme's, or the network's hub."""
        if self.programme_id:
            return self.programme.municipality_id
        return self.network.hub_municipality_id


class TermKind(models.TextChoices):
    DATE = "date", "Дата"
    RANGE = "range", "Период (с — по)"
    PERIODIC = "periodic", "Периодичность"
    NONE = "none", "Срок не указан"


class Periodicity(models.TextChoices):
    ANNUAL = "annual", "ежегодно"
    SEMIANNUAL = "semiannual", "1 раз в полугодие"
    QUARTERLY = "quarterly", "1 раз в квартал"
    THRICE = "thrice", "3 раза в год"
    MONTHLY = "monthly", "ежемесячно"
    ON_REQUEST = "on_request", "по мере запроса"


class PlanItem(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items",
                             verbose_name="план")
    position = models.PositiveIntegerField("порядок", default=0)
    section = models.CharField("раздел", max_length=300, blank=True,
                               help_text="Например, «2021» или «1. Организационные мероприятия».")
    number = models.CharField("номер", max_length=20, blank=True)
    form = models.CharField("форма", max_length=300, blank=True)
    topic = models.TextField("мероприятие (тема)")
    audience = models.CharField("целевая группа", max_length=500, blank=True)
    responsible = models.CharField("ответственный", max_length=500, blank=True)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="+",
                                     verbose_name="организация-исполнитель")
    term_kind = models.CharField("срок", max_length=10, choices=TermKind.choices)
    due_on = models.DateField("дата", null=True, blank=True)
    starts_on = models.DateField("начало", null=True, blank=True)
    ends_on = models.DateField("окончание", null=True, blank=True)
    periodicity = models.CharField("периодичность", max_length=20, blank=True,
                                   choices=Periodicity.choices)
    term_text = models.CharField("срок, как в документе", max_length=300, blank=True)
    expected_result = models.TextField("ожидаемый результат", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "пункт плана"
        verbose_name_plural = "пункты плана"
        ordering = ["plan", "position", "id"]
        constraints = [
            models.CheckConstraint(
                name="plan_item_term_consistent",
                condition=(
                    Q(term_kind=TermKind.DATE, due_on__isnull=False, starts_on__isnull=True,
                      ends_on__isnull=True, periodicity="")
                    | Q(term_kind=TermKind.RANGE, due_on__isnull=True, starts_on__isnull=False,
                        ends_on__isnull=False, ends_on__gte=F("starts_on"), periodicity="")
                    | (Q(term_kind=TermKind.PERIODIC, due_on__isnull=True,
                         starts_on__isnull=False, ends_on__isnull=False,
                         ends_on__gte=F("starts_on"))
                       & ~Q(periodicity=""))
                    | Q(term_kind=TermKind.NONE, due_on__isnull=True, starts_on__isnull=True,
                        ends_on__isnull=True, periodicity="")
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.topic}".strip()


class Occurrence(models.Model):
    """An occurrence of an item recorded as held, with what evidences it.

    ``due_on`` names the computed occurrence it closes; an item held «по мере запроса» has
    none, and may hold any number of recorded occurrences. The evidence is a journal entry
    of the portal, a product of the register of products and publications, a file (a
    report) or a note.
    """

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="occurrences",
                             verbose_name="пункт плана")
    due_on = models.DateField("срок", null=True, blank=True)
    held_on = models.DateField("проведено")
    # Deleting the journal entry takes away the evidence, so the occurrence is due again.
    journal_entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, null=True,
                                      blank=True, related_name="plan_occurrences",
                                      verbose_name="мероприятие журнала")
    # Deleting the product takes away the evidence too.
    product = models.ForeignKey(Product, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="plan_occurrences",
                                verbose_name="продукт (реестр продуктов)")
    file = models.FileField("отчёт (файл)", upload_to=attachment_path, blank=True)
    original_name = models.CharField("имя файла", max_length=255, blank=True)
    content_type = models.CharField("тип файла", max_length=100, blank=True)
    note = models.TextField("примечание", blank=True)
    illustrative = models.BooleanField("иллюстративная отметка", default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name="кто отметил")
    recorded_at = models.DateTimeField("отмечено", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "проведение пункта плана"
        verbose_name_plural = "проведения пунктов плана"
        ordering = ["item", "due_on", "held_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "due_on"], condition=Q(due_on__isnull=False),
                                    name="occurrence_unique_due_per_item"),
            models.CheckConstraint(
                name="occurrence_evidenced",
                condition=Q(journal_entry__isnull=False) | Q(product__isnull=False)
                | ~Q(file="") | ~Q(note=""),
                violation_error_message="Подтвердите проведение: мероприятием журнала, "
                                        "продуктом, отчётом или примечанием.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.held_on:%d.%m.%Y}"
