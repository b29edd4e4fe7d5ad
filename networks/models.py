"""Networks across municipalities: partners, networks, memberships, agreements with their
parties' signatures, network events with participants and materials, and joint reports
with a part for every member, and the protocols of its coordination council.

A membership, an agreement's party and an event's host are each exactly one of a
municipality, an organization or a partner; the database holds that rule (CHECK).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from internships.models import CouncilMeeting, Programme, StoredFile, attachment_path
from teams.models import Municipality, Organization


def exactly_one(prefix: str = "") -> Q:
    """Exactly one of ``municipality``, ``organization`` and ``partner`` (with a prefix)."""
    names = [f"{prefix}municipality", f"{prefix}organization", f"{prefix}partner"]
    options = Q()
    for chosen in names:
        option = Q(**{f"{chosen}__isnull": False})
        for other in names:
            if other != chosen:
                option &= Q(**{f"{other}__isnull": True})
        options |= option
    return options


class PartiedModel(models.Model):
    """One of a municipality, an organization or a partner: a member, a party, a host."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="+",
                                     verbose_name="муниципальное образование")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="+", verbose_name="организация")
    partner = models.ForeignKey("Partner", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name="партнёр")

    class Meta:
        abstract = True

    @property
    def side(self):
        return self.municipality or self.organization or self.partner

    @property
    def side_name(self) -> str:
        if self.organization_id:
            return f"{self.organization.short_name} ({self.organization.municipality.name})"
        side = self.side
        return getattr(side, "short_name", "") or str(side)

    def municipality_of_side(self) -> int | None:
        """The municipality this side belongs to (none for a partner)."""
        if self.municipality_id:
            return self.municipality_id
        if self.organization_id:
            return self.organization.municipality_id
        return None


class PartnerKind(models.TextChoices):
    UNIVERSITY = "university", "Вуз"
    INSTITUTE = "institute", "Институт развития образования"
    PRIVATE = "private", "Частная образовательная организация"
    OTHER = "other", "Другая организация"


class Partner(models.Model):
    """An organization outside the portal's municipalities: a university, the regional
    institute, a private training provider."""

    name = models.CharField("полное наименование", max_length=500, unique=True)
    short_name = models.CharField("краткое наименование", max_length=200)
    kind = models.CharField("вид", max_length=20, choices=PartnerKind.choices)
    locality = models.CharField("населённый пункт", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "партнёр"
        verbose_name_plural = "партнёры"
        ordering = ["short_name", "pk"]

    def __str__(self) -> str:
        return self.short_name or self.name


class Network(models.Model):
    """A network that crosses municipal borders, run from its hub."""

    title = models.CharField("название", max_length=500)
    hub_municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="hub_networks",
        verbose_name="муниципалитет ресурсного центра")
    hub_organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, null=True, blank=True,
        related_name="hub_networks", verbose_name="методическая служба (ресурсный центр)",
        help_text="Организация, которая ведёт сеть как методическая служба.")
    description = models.TextField("описание", blank=True)
    programme = models.ForeignKey(Programme, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="networks", verbose_name="проект")
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание", null=True, blank=True)
    coordinators = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                          related_name="coordinated_networks",
                                          verbose_name="координаторы")
    history = HistoricalRecords(m2m_fields=[coordinators])

    class Meta:
        verbose_name = "сеть"
        verbose_name_plural = "сети"
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__isnull=True)
                                   | Q(ends_on__gte=models.F("starts_on")),
                                   name="network_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.title


class MembershipRole(models.TextChoices):
    MEMBER = "member", "участник сети"
    PARTNER = "partner", "партнёр"


class MembershipStatus(models.TextChoices):
    PREPARING = "preparing", "в подготовке"
    SIGNED = "signed", "подписано"
    ENDED = "ended", "прекращено"


class Membership(PartiedModel):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships",
                                verbose_name="сеть")
    role = models.CharField("роль", max_length=10, choices=MembershipRole.choices,
                            default=MembershipRole.MEMBER)
    status = models.CharField("статус", max_length=10, choices=MembershipStatus.choices,
                              default=MembershipStatus.PREPARING)
    joined_on = models.DateField("дата вступления", null=True, blank=True)
    ended_on = models.DateField("дата выхода", null=True, blank=True)
    note = models.CharField("примечание", max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "участие в сети"
        verbose_name_plural = "участники и партнёры сетей"
        ordering = ["role", "pk"]
        constraints = [
            models.CheckConstraint(condition=exactly_one(), name="membership_exactly_one_side"),
            models.CheckConstraint(
                condition=~Q(status=MembershipStatus.ENDED) | Q(ended_on__isnull=False),
                name="membership_ended_has_date"),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(joined_on__isnull=True)
                | Q(ended_on__gte=models.F("joined_on")),
                name="membership_ends_after_joining"),
            models.UniqueConstraint(fields=["network", "municipality"],
                                    condition=Q(municipality__isnull=False),
                                    name="membership_unique_municipality"),
            models.UniqueConstraint(fields=["network", "organization"],
                                    condition=Q(organization__isnull=False),
                                    name="membership_unique_organization"),
            models.UniqueConstraint(fields=["network", "partner"],
                                    condition=Q(partner__isnull=False),
                                    name="membership_unique_partner"),
        ]

    def __str__(self) -> str:
        return f"{self.side_name} — {self.network}"


class MembershipDocument(StoredFile):
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE,
                                   related_name="documents", verbose_name="участие")
    title = models.CharField("документ", max_length=300)

    class Meta(StoredFile.Meta):
        verbose_name = "документ участника сети"
        verbose_name_plural = "документы участников сетей"


class AgreementKind(models.TextChoices):
    NETWORK = "network", "соглашение о сетевом взаимодействии"
    CONSENT = "consent", "согласие органа управления образованием"
    CONTRACT = "contract", "договор"
    JOINT = "joint", "соглашение о совместной деятельности"


class Agreement(models.Model):
    """An agreement, a contract or a consent: of a network, of a programme (the department
    and each organization), or of the municipality alone."""

    kind = models.CharField("вид", max_length=10, choices=AgreementKind.choices)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT,
                                     related_name="agreements",
                                     verbose_name="муниципалитет, который ведёт документ")
    network = models.ForeignKey(Network, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="agreements", verbose_name="сеть")
    programme = models.ForeignKey(Programme, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="agreements", verbose_name="проект")
    title = models.CharField("название", max_length=500)
    subject = models.TextField("предмет", blank=True)
    number = models.CharField("номер", max_length=50, blank=True)
    concluded_on = models.DateField("дата", null=True, blank=True)
    valid_from = models.DateField("действует с", null=True, blank=True)
    valid_to = models.DateField("действует по", null=True, blank=True)
    file = models.FileField("файл", upload_to=attachment_path, blank=True)
    file_name = models.CharField("имя файла", max_length=255, blank=True)
    file_type = models.CharField("тип файла", max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "соглашение"
        verbose_name_plural = "соглашения и согласия"
        ordering = ["-concluded_on", "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="agreement_term_in_order"),
        ]

    def __str__(self) -> str:
        return self.title


class AgreementParty(PartiedModel):
    """A side of an agreement and its signature: when, who, the scan."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties",
                                  verbose_name="соглашение")
    signed_on = models.DateField("дата подписания", null=True, blank=True)
    signed_by = models.CharField("кто подписал", max_length=200, blank=True)
    scan = models.FileField("скан подписанного экземпляра", upload_to=attachment_path,
                            blank=True)
    scan_name = models.CharField("имя файла скана", max_length=255, blank=True)
    scan_type = models.CharField("тип файла скана", max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "сторона соглашения"
        verbose_name_plural = "стороны соглашений"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=exactly_one(), name="party_exactly_one_side"),
            models.CheckConstraint(condition=Q(signed_on__isnull=False) | Q(signed_by=""),
                                   name="party_signer_only_when_signed"),
            models.UniqueConstraint(fields=["agreement", "municipality"],
                                    condition=Q(municipality__isnull=False),
                                    name="party_unique_municipality"),
            models.UniqueConstraint(fields=["agreement", "organization"],
                                    condition=Q(organization__isnull=False),
                                    name="party_unique_organization"),
            models.UniqueConstraint(fields=["agreement", "partner"],
                                    condition=Q(partner__isnull=False),
                                    name="party_unique_partner"),
        ]

    def __str__(self) -> str:
        return f"{self.side_name} — {self.agreement}"


class EventForm(models.TextChoices):
    SESSION = "session", "стажировочная сессия"
    WEBINAR = "webinar", "вебинар"
    SEMINAR = "seminar", "семинар"
    METHOD_DAY = "method_day", "методический день"
    CONFERENCE = "conference", "конференция"
    CONTEST = "contest", "конкурс"
    MASTER_CLASS = "master_class", "мастер-класс"
    ROUND_TABLE = "round_table", "круглый стол"
    CONSULTATION = "consultation", "консультация"
    WORKING_GROUP = "working_group", "заседание рабочей группы"
    OTHER = "other", "другое"


class EventStatus(models.TextChoices):
    PLANNED = "planned", "запланировано"
    HELD = "held", "проведено"


class NetworkEvent(PartiedModel):
    """An event of the network, hosted by one of its members or partners."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="events",
                                verbose_name="сеть")
    starts_on = models.DateField("дата")
    ends_on = models.DateField("дата окончания", null=True, blank=True,
                               help_text="Если мероприятие идёт несколько дней.")
    form = models.CharField("форма", max_length=20, choices=EventForm.choices)
    topic = models.CharField("тема", max_length=500)
    audience = models.CharField("целевая аудитория", max_length=500, blank=True)
    responsible = models.CharField("ответственный", max_length=300, blank=True)
    status = models.CharField("статус", max_length=10, choices=EventStatus.choices,
                              default=EventStatus.PLANNED)
    outcome = models.TextField("итоги", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "мероприятие сети"
        verbose_name_plural = "мероприятия сетей"
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=exactly_one(), name="event_exactly_one_host"),
            models.CheckConstraint(condition=Q(ends_on__isnull=True)
                                   | Q(ends_on__gte=models.F("starts_on")),
                                   name="event_ends_after_start"),
        ]
        indexes = [
            # The network page lists its events by date.
            models.Index(fields=["network", "starts_on"], name="network_event_by_date"),
        ]

    def __str__(self) -> str:
        return self.topic


class EventParticipation(models.Model):
    """How many people of a member municipality took part in an event."""

    event = models.ForeignKey(NetworkEvent, on_delete=models.CASCADE,
                              related_name="participations", verbose_name="мероприятие")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+",
                                     verbose_name="муниципальное образование")
    participants = models.PositiveIntegerField("участников")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "участники от муниципалитета"
        verbose_name_plural = "участники от муниципалитетов"
        ordering = ["municipality__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "municipality"],
                                    name="participation_once_per_municipality"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality}: {self.participants}"


class EventMaterial(StoredFile):
    event = models.ForeignKey(NetworkEvent, on_delete=models.CASCADE, related_name="materials",
                              verbose_name="мероприятие")
    title = models.CharField("материал", max_length=300)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="+",
                                     verbose_name="от муниципалитета")

    class Meta(StoredFile.Meta):
        verbose_name = "материал мероприятия сети"
        verbose_name_plural = "материалы мероприятий сетей"


class JointReport(models.Model):
    """A joint report of the network for a period (Vyselki's roadmap, item 1.4: «Подготовка
    совместного отчета о результатах реализации проекта», each December and June): the
    coordinator sets its sections, every member writes its part before the due date."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE,
                                related_name="joint_reports", verbose_name="сеть")
    title = models.CharField("название", max_length=300)
    period_starts_on = models.DateField("начало отчётного периода")
    period_ends_on = models.DateField("окончание отчётного периода")
    due_on = models.DateField("срок сдачи частей",
                              help_text="До этой даты участники сдают свои части отчёта.")
    instructions = models.TextField("что написать участникам", blank=True,
                                    help_text="Пояснение координатора к разделам отчёта.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name="кто создал")
    created_at = models.DateTimeField("создан", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "совместный отчёт сети"
        verbose_name_plural = "совместные отчёты сетей"
        ordering = ["-period_starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_ends_on__gte=models.F("period_starts_on")),
                name="joint_report_period_in_order",
                violation_error_message="Отчётный период кончается раньше, чем начинается."),
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("period_starts_on")),
                name="joint_report_due_after_period_start",
                violation_error_message="Срок сдачи раньше начала отчётного периода."),
            models.UniqueConstraint(
                fields=["network", "period_starts_on", "period_ends_on"],
                name="joint_report_one_per_period",
                violation_error_message="За этот период у сети уже есть совместный отчёт."),
        ]
        indexes = [
            # The joint reports list: a network's reports, latest period first.
            models.Index(fields=["network", "-period_starts_on"], name="joint_report_by_period"),
        ]

    def __str__(self) -> str:
        return self.title


class JointReportSection(models.Model):
    """A section of the joint report that every member fills in its part."""

    report = models.ForeignKey(JointReport, on_delete=models.CASCADE, related_name="sections",
                               verbose_name="совместный отчёт")
    number = models.PositiveSmallIntegerField("номер")
    title = models.CharField("раздел", max_length=300)

    class Meta:
        verbose_name = "раздел совместного отчёта"
        verbose_name_plural = "разделы совместных отчётов"
        ordering = ["number", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1),
                                   name="joint_report_section_number_positive",
                                   violation_error_message="Разделы нумеруются с единицы."),
            models.UniqueConstraint(fields=["report", "number"],
                                    name="joint_report_section_unique_number",
                                    violation_error_message="Номер раздела повторяется."),
            models.UniqueConstraint(fields=["report", "title"],
                                    name="joint_report_section_unique_title",
                                    violation_error_message="Раздел с таким названием уже "
                                                            "есть в отчёте."),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class PartStatus(models.TextChoices):
    DRAFT = "draft", "черновик"
    SUBMITTED = "submitted", "сдана"
    RETURNED = "returned", "возвращена на доработку"


class JointReportPart(models.Model):
    """A member's part of a joint report: its texts by section and its files."""

    report = models.ForeignKey(JointReport, on_delete=models.CASCADE, related_name="parts",
                               verbose_name="совместный отчёт")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE,
                                   related_name="joint_report_parts",
                                   verbose_name="участник сети")
    status = models.CharField("состояние", max_length=10, choices=PartStatus.choices,
                              default=PartStatus.DRAFT)
    submitted_at = models.DateTimeField("сдана", null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+",
                                     verbose_name="кто сдал")
    returned_at = models.DateTimeField("возвращена", null=True, blank=True)
    return_comment = models.TextField("замечание координатора", blank=True,
                                      help_text="Что доработать, когда часть возвращена.")
    updated_at = models.DateTimeField("изменена", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "часть совместного отчёта"
        verbose_name_plural = "части совместных отчётов"
        ordering = ["report", "membership__role", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "membership"],
                                    name="joint_report_part_once_per_member",
                                    violation_error_message="У участника уже есть часть "
                                                            "этого отчёта."),
            models.CheckConstraint(
                condition=~Q(status=PartStatus.SUBMITTED) | Q(submitted_at__isnull=False),
                name="joint_report_part_submitted_has_time",
                violation_error_message="У сданной части должна быть дата сдачи."),
            models.CheckConstraint(
                condition=~Q(status=PartStatus.RETURNED) | (Q(returned_at__isnull=False)
                                                            & ~Q(return_comment="")),
                name="joint_report_part_returned_has_comment",
                violation_error_message="Возвращённая часть должна иметь замечание."),
        ]

    def __str__(self) -> str:
        return f"{self.membership.side_name} — {self.report}"


class JointReportAnswer(models.Model):
    """A member's text in one section of its part."""

    part = models.ForeignKey(JointReportPart, on_delete=models.CASCADE,
                             related_name="answers", verbose_name="часть отчёта")
    section = models.ForeignKey(JointReportSection, on_delete=models.CASCADE,
                                related_name="answers", verbose_name="раздел")
    text = models.TextField("текст", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "текст раздела части отчёта"
        verbose_name_plural = "тексты разделов частей отчётов"
        ordering = ["section__number", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["part", "section"],
                                    name="joint_report_answer_once_per_section",
                                    violation_error_message="Текст раздела уже есть в части."),
        ]

    def __str__(self) -> str:
        return f"{self.section} — {self.part}"


class JointReportFile(StoredFile):
    part = models.ForeignKey(JointReportPart, on_delete=models.CASCADE, related_name="files",
                             verbose_name="часть отчёта")
    title = models.CharField("документ", max_length=300)

    class Meta(StoredFile.Meta):
        verbose_name = "файл части совместного отчёта"
        verbose_name_plural = "файлы частей совместных отчётов"


class CouncilProtocol(models.Model):
    """A protocol of the network's coordination council (seed 001: «Проведение заседаний
    Координационного совета — 4 раза в год»), kept in the council book: the protocol itself
    is the book's CouncilMeeting, in a period of the network's programme (networks/council.py
    checks that, the schema cannot)."""

    meeting = models.OneToOneField(CouncilMeeting, on_delete=models.CASCADE, primary_key=True,
                                   related_name="network_protocol", verbose_name="протокол")
    network = models.ForeignKey(Network, on_delete=models.CASCADE,
                                related_name="council_protocols", verbose_name="сеть")

    class Meta:
        verbose_name = "протокол координационного совета сети"
        verbose_name_plural = "протоколы координационных советов сетей"
        ordering = ["network", "meeting"]

    def __str__(self) -> str:
        return f"{self.meeting} — {self.network}"
