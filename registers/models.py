"""The municipality's registers: the bank of programmes and methodological developments
(with reviews), the register of products and publications, and the register of normative
documents that programmes cite (seed 003 «банк программ и методических разработок»; seed
000 §3 «нормативно-правовое обеспечение» and §9 «количество методических пособий»)."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from internships.models import Direction, Period, Programme
from networks.models import Network
from people.models import CompetenceArea
from teams.models import Municipality, Organization

MIN_YEAR, MAX_YEAR = 1990, 2100


def register_file_path(instance, filename: str) -> str:
    """A generated name: what the user called the file never reaches the disk."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"registers/{uuid.uuid4().hex}{suffix}"


def _year_in_range(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(year__gte=MIN_YEAR, year__lte=MAX_YEAR), name=name,
        violation_error_message=f"Укажите год от {MIN_YEAR} до {MAX_YEAR}.")


class Level(models.TextChoices):
    FEDERAL = "federal", "федеральный"
    REGIONAL = "regional", "региональный"
    MUNICIPAL = "municipal", "муниципальный"
    INSTITUTIONAL = "institutional", "институциональный"


class NormativeDocument(models.Model):
    """A law, decree, order or local act: who issued it, its number and date, its title."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="normative_documents",
                                     verbose_name="муниципальное образование")
    level = models.CharField("уровень", max_length=20, choices=Level.choices)
    kind = models.CharField("вид документа", max_length=200,
                            help_text="Например, «Федеральный закон», «Приказ».")
    issuer = models.CharField("кем принят", max_length=300, blank=True,
                              help_text="Например, «Министерство просвещения Российской "
                                        "Федерации».")
    number = models.CharField("номер", max_length=50, blank=True)
    issued_on = models.DateField("дата")
    title = models.CharField("название", max_length=800)
    file = models.FileField("файл", upload_to=register_file_path, blank=True)
    filename = models.CharField("имя файла", max_length=255, blank=True)
    link = models.URLField("ссылка", max_length=500, blank=True)
    created_at = models.DateTimeField("внесён", auto_now_add=True)
    updated_at = models.DateTimeField("изменён", auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто изменил")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "нормативный документ"
        verbose_name_plural = "реестр нормативных документов"
        ordering = ["issued_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(level__in=Level.values),
                                   name="normative_known_level",
                                   violation_error_message="Выберите уровень документа."),
            models.CheckConstraint(condition=~Q(title="") & ~Q(kind=""),
                                   name="normative_title_not_blank",
                                   violation_error_message="Укажите вид и название "
                                                           "документа."),
            models.UniqueConstraint(fields=["municipality", "kind", "number", "issued_on"],
                                    condition=~Q(number=""), name="normative_unique_number",
                                    violation_error_message="Документ этого вида с таким "
                                                            "номером и датой уже есть в "
                                                            "реестре."),
        ]

    def __str__(self) -> str:
        return self.citation

    @property
    def printed_kind(self) -> str:
        """The kind with its issuer when the kind is one bare word: «Приказ (Министерство
        просвещения Российской Федерации)»; «Приказ Минобрнауки России» already names it."""
        if self.issuer and len(self.kind.split()) == 1:
            return f"{self.kind} ({self.issuer})"
        return self.kind

    @property
    def citation(self) -> str:
        """«Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»»."""
        number = f" № {self.number}" if self.number else ""
        return f"{self.printed_kind} от {self.issued_on:%d.%m.%Y}{number} «{self.title}»"


class Citation(models.Model):
    """A programme cites a normative document, at its place in the programme's list."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="citations",
                                  verbose_name="проект")
    document = models.ForeignKey(NormativeDocument, on_delete=models.CASCADE,
                                 related_name="citations", verbose_name="документ")
    position = models.PositiveSmallIntegerField("номер в перечне")

    class Meta:
        verbose_name = "ссылка проекта на документ"
        verbose_name_plural = "ссылки проектов на документы"
        ordering = ["programme", "position"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "document"],
                                    name="citation_unique_document",
                                    violation_error_message="Проект уже ссылается на этот "
                                                            "документ."),
            models.UniqueConstraint(fields=["programme", "position"],
                                    name="citation_unique_position"),
            models.CheckConstraint(condition=Q(position__gte=1),
                                   name="citation_position_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.programme}: {self.position}. {self.document}"


class BankKind(models.TextChoices):
    PROGRAMME = "programme", "программа"
    DEVELOPMENT = "development", "методическая разработка"
    RECOMMENDATIONS = "recommendations", "методические рекомендации"
    DIDACTIC = "didactic", "дидактические материалы"
    DIAGNOSTIC = "diagnostic", "диагностический инструментарий"
    OTHER = "other", "другое"


class BankEntry(models.Model):
    """A programme or methodological development in the municipality's bank."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="bank_entries",
                                     verbose_name="муниципальное образование")
    kind = models.CharField("вид", max_length=20, choices=BankKind.choices)
    title = models.CharField("название", max_length=500)
    authors = models.CharField("авторы", max_length=500)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="bank_entries",
                                     verbose_name="организация")
    organization_name = models.CharField(
        "другая организация", max_length=300, blank=True,
        help_text="Если автор работает не в образовательной организации района: ИМЦ, "
                  "ЦРО, вуз.")
    direction = models.ForeignKey(Direction, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="bank_entries", verbose_name="направление")
    competence_area = models.ForeignKey(CompetenceArea, on_delete=models.SET_NULL, null=True,
                                        blank=True, related_name="bank_entries",
                                        verbose_name="область компетенций")
    audience = models.CharField("для кого", max_length=300, blank=True,
                                help_text="Например, «управленческие команды школ».")
    # A product of a network goes to the network's review (экспертиза сетевых продуктов);
    # the network's effectiveness counts how many of them were reviewed.
    network = models.ForeignKey(Network, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="bank_entries", verbose_name="продукт сети",
                                help_text="Если материал представлен на экспертизу как "
                                          "продукт сети, в которой участвует муниципалитет.")
    year = models.PositiveSmallIntegerField("год")
    description = models.TextField("аннотация", blank=True)
    file = models.FileField("файл", upload_to=register_file_path, blank=True)
    filename = models.CharField("имя файла", max_length=255, blank=True)
    approved_by = models.CharField("кем утверждена", max_length=300, blank=True,
                                   help_text="Например, «научно-методический совет ИМЦ».")
    approved_on = models.DateField("дата утверждения", null=True, blank=True)
    illustrative = models.BooleanField("иллюстративная запись", default=False)
    created_at = models.DateTimeField("внесена", auto_now_add=True)
    updated_at = models.DateTimeField("изменена", auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто изменил")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "программа или методическая разработка"
        verbose_name_plural = "банк программ и методических разработок"
        ordering = ["-year", "title", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=BankKind.values),
                                   name="bank_known_kind",
                                   violation_error_message="Выберите вид материала."),
            models.CheckConstraint(condition=~Q(title="") & ~Q(authors=""),
                                   name="bank_title_authors_not_blank",
                                   violation_error_message="Укажите название и авторов."),
            _year_in_range("bank_year_in_range"),
            models.CheckConstraint(
                condition=Q(approved_on__isnull=True, approved_by="")
                | (Q(approved_on__isnull=False) & ~Q(approved_by="")),
                name="bank_approval_complete",
                violation_error_message="Укажите и кем, и когда материал утверждён (или ни "
                                        "того, ни другого)."),
            models.CheckConstraint(
                condition=Q(direction__isnull=True) | Q(competence_area__isnull=True),
                name="bank_direction_or_area",
                violation_error_message="Укажите направление или область компетенций, не "
                                        "то и другое сразу."),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def organization_label(self) -> str:
        if self.organization_id:
            return self.organization.short_name or self.organization.name
        return self.organization_name

    @property
    def subject_label(self) -> str:
        if self.direction_id:
            return self.direction.title
        if self.competence_area_id:
            return self.competence_area.title
        return ""


class Verdict(models.TextChoices):
    RECOMMENDED = "recommended", "рекомендовано"
    REVISE = "revise", "на доработку"
    REJECTED = "rejected", "отклонено"


class Review(models.Model):
    """A reviewer's verdict on a bank entry; a verdict other than «рекомендовано» says why."""

    entry = models.ForeignKey(BankEntry, on_delete=models.CASCADE, related_name="reviews",
                              verbose_name="материал")
    reviewer = models.CharField("рецензент", max_length=300,
                                help_text="Фамилия, имя, отчество и должность.")
    reviewed_on = models.DateField("дата рецензии")
    verdict = models.CharField("заключение", max_length=20, choices=Verdict.choices)
    comment = models.TextField("замечания", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name="кто внёс")
    recorded_at = models.DateTimeField("внесена", auto_now_add=True)

    class Meta:
        verbose_name = "рецензия"
        verbose_name_plural = "рецензии"
        ordering = ["entry", "-reviewed_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(verdict__in=Verdict.values),
                                   name="review_known_verdict",
                                   violation_error_message="Выберите заключение."),
            models.CheckConstraint(condition=~Q(reviewer=""), name="review_reviewer_not_blank",
                                   violation_error_message="Укажите рецензента."),
            models.CheckConstraint(
                condition=Q(verdict=Verdict.RECOMMENDED) | ~Q(comment=""),
                name="review_reason_given",
                violation_error_message="Материал на доработку или отклонённый — напишите "
                                        "замечания рецензента."),
            models.UniqueConstraint(fields=["entry", "reviewer", "reviewed_on"],
                                    name="review_unique_per_day",
                                    violation_error_message="Рецензия этого рецензента на "
                                                            "эту дату уже внесена."),
        ]

    def __str__(self) -> str:
        return f"{self.entry}: {self.get_verdict_display()} ({self.reviewed_on:%d.%m.%Y})"


class ProductKind(models.TextChoices):
    HANDBOOK = "handbook", "методическое пособие"
    RECOMMENDATIONS = "recommendations", "методические рекомендации"
    COLLECTION = "collection", "сборник"
    ARTICLE = "article", "статья"


# The kinds §9's «Количество методических пособий» counts: methodological publications,
# not articles in journals.
METHODOLOGICAL_KINDS = (ProductKind.HANDBOOK, ProductKind.RECOMMENDATIONS,
                        ProductKind.COLLECTION)


class Origin(models.TextChoices):
    REGISTERED = "registered", "внесён сотрудником"
    BUILT = "built", "сформирован порталом"


class Product(models.Model):
    """A product or publication of the municipality's practice: a collection, a handbook,
    an article, recommendations. A handbook the portal builds is registered here once per
    academic year of its programme."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE,
                                     related_name="products",
                                     verbose_name="муниципальное образование")
    kind = models.CharField("вид", max_length=20, choices=ProductKind.choices)
    title = models.CharField("название", max_length=500)
    authors = models.CharField("авторы", max_length=500, blank=True)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="products",
                                     verbose_name="организация")
    organization_name = models.CharField("другая организация или издатель", max_length=300,
                                         blank=True)
    year = models.PositiveSmallIntegerField("год")
    issued_on = models.DateField("дата выпуска", null=True, blank=True)
    programme = models.ForeignKey(Programme, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="products", verbose_name="проект")
    period = models.ForeignKey(Period, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="products", verbose_name="учебный год проекта",
                               help_text="Продукт учебного года считается в показателях "
                                         "проекта за этот год.")
    file = models.FileField("файл", upload_to=register_file_path, blank=True)
    filename = models.CharField("имя файла", max_length=255, blank=True)
    link = models.URLField("ссылка", max_length=500, blank=True)
    origin = models.CharField("как внесён", max_length=20, choices=Origin.choices,
                              default=Origin.REGISTERED)
    illustrative = models.BooleanField("иллюстративная запись", default=False)
    created_at = models.DateTimeField("внесён", auto_now_add=True)
    updated_at = models.DateTimeField("изменён", auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто изменил")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "продукт или публикация"
        verbose_name_plural = "реестр продуктов и публикаций"
        ordering = ["-year", "title", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ProductKind.values),
                                   name="product_known_kind",
                                   violation_error_message="Выберите вид продукта."),
            models.CheckConstraint(condition=~Q(title=""), name="product_title_not_blank",
                                   violation_error_message="Укажите название."),
            _year_in_range("product_year_in_range"),
            models.CheckConstraint(
                condition=Q(origin=Origin.REGISTERED)
                | Q(origin=Origin.BUILT, kind=ProductKind.HANDBOOK, period__isnull=False),
                name="product_built_is_year_handbook",
                violation_error_message="Порталом формируется только методическое пособие "
                                        "учебного года."),
            # One built handbook per academic year (and so per programme and year), however
            # often it is built again, from the web or the command line.
            models.UniqueConstraint(fields=["period"], condition=Q(origin=Origin.BUILT),
                                    name="product_one_built_handbook_per_period"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def organization_label(self) -> str:
        if self.organization_id:
            return self.organization.short_name or self.organization.name
        return self.organization_name
