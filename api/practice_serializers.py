"""What the read endpoints of networks, plans and registers return. People's names stay
out where they are not the published work: who signed an agreement, who is responsible for
an event or a plan's item, who recorded a mark. Authors and reviewers of the registers are
served, as the register pages show them to everyone who reads the register."""

from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers import DescribedModelSerializer
from networks.joint_report_reads import is_overdue, part_state
from networks.models import (
    Agreement,
    AgreementParty,
    EventMaterial,
    EventParticipation,
    JointReport,
    JointReportAnswer,
    JointReportFile,
    JointReportPart,
    JointReportSection,
    Membership,
    Network,
    NetworkEvent,
    Partner,
    PartStatus,
)
from plans.models import Plan
from plans.recurrence import STATUS_LABELS
from registers.models import BankEntry, NormativeDocument, Product, Review

SIDE_FIELDS = ["municipality", "organization", "partner"]


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class WebFileField(serializers.Field):
    """The address of the page of the portal that serves the record's file to the same
    caller; null when the record holds no file."""

    def __init__(self, url_name: str, file_attribute: str = "file", **kwargs):
        self.url_name, self.file_attribute = url_name, file_attribute
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        if not getattr(value, self.file_attribute):
            return None
        return _absolute(self.context, reverse(self.url_name, args=[value.pk]))


def _absolute(context: dict, url: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


def _side_name(**kwargs) -> serializers.CharField:
    return serializers.CharField(source="side_name", read_only=True, **kwargs)


class PartnerSerializer(DescribedModelSerializer):
    class Meta:
        model = Partner
        fields = ["id", "name", "short_name", "kind", "locality"]


class MembershipSerializer(DescribedModelSerializer):
    name = _side_name(help_text="Участник или партнёр, как его называет страница сети.")
    partner = PartnerSerializer(read_only=True, allow_null=True,
                                help_text="Партнёр вне муниципалитетов портала (вуз, институт "
                                          "развития образования); null — участник портала.")

    class Meta:
        model = Membership
        fields = ["id", "role", "status", "joined_on", "ended_on", *SIDE_FIELDS, "name", "note"]


class NetworkSerializer(DescribedModelSerializer):
    members = MembershipSerializer(
        source="memberships", many=True, read_only=True,
        help_text="Участники и партнёры сети со статусом и датами, включая вышедших.")

    class Meta:
        model = Network
        fields = ["id", "title", "hub_municipality", "hub_organization", "description",
                  "programme", "starts_on", "ends_on", "members"]


class PartySerializer(DescribedModelSerializer):
    name = _side_name(help_text="Сторона соглашения.")
    signed = serializers.SerializerMethodField(help_text="Сторона подписала соглашение.")
    scan_url = WebFileField("network_party_scan", "scan",
                            help_text="Страница портала со сканом подписанного экземпляра; "
                                      "null — скан не загружен.")

    class Meta:
        model = AgreementParty
        fields = ["id", *SIDE_FIELDS, "name", "signed", "signed_on", "scan_url"]

    def get_signed(self, party: AgreementParty) -> bool:
        return party.signed_on is not None


class AgreementSerializer(DescribedModelSerializer):
    file_url = WebFileField("network_agreement_file",
                            help_text="Страница портала с файлом соглашения; null — файла нет.")
    parties = PartySerializer(many=True, read_only=True,
                              help_text="Стороны соглашения с датами подписания.")

    class Meta:
        model = Agreement
        fields = ["id", "kind", "municipality", "network", "programme", "title", "subject",
                  "number", "concluded_on", "valid_from", "valid_to", "file_url", "parties"]


class ParticipationSerializer(DescribedModelSerializer):
    class Meta:
        model = EventParticipation
        fields = ["municipality", "participants"]


class MaterialSerializer(DescribedModelSerializer):
    url = WebFileField("network_material", help_text="Страница портала с файлом материала.")

    class Meta:
        model = EventMaterial
        fields = ["id", "title", "municipality", "url"]


class NetworkEventSerializer(DescribedModelSerializer):
    host = _side_name(help_text="Кто проводит мероприятие.")
    participations = ParticipationSerializer(
        many=True, read_only=True, help_text="Сколько человек участвовало от муниципалитетов.")
    materials = MaterialSerializer(many=True, read_only=True, help_text="Материалы мероприятия.")

    class Meta:
        model = NetworkEvent
        fields = ["id", "network", "starts_on", "ends_on", "form", "topic", "audience",
                  "status", "outcome", *SIDE_FIELDS, "host", "participations", "materials"]


# --- Plans ---------------------------------------------------------------------------------

STATUS_HELP = ("Статус: " + ", ".join(f"{key} — {label}" for key, label in STATUS_LABELS.items())
               + ".")


class StatusCountsSerializer(serializers.Serializer):
    done = serializers.IntegerField(help_text="Проведено (сроки с отметкой о проведении).")
    due = serializers.IntegerField(help_text="Предстоит (срок ещё не прошёл).")
    overdue = serializers.IntegerField(help_text="Просрочено (срок прошёл, отметки нет).")


class PlanSerializer(DescribedModelSerializer):
    items_count = serializers.IntegerField(read_only=True, help_text="Пунктов в плане.")
    counts = StatusCountsSerializer(
        read_only=True, help_text="Сроки пунктов плана по статусам на сегодня; проведения "
                                  "«по мере запроса» не считаются.")

    class Meta:
        model = Plan
        fields = ["id", "programme", "network", "title", "kind", "starts_on", "ends_on",
                  "school_years", "approval", "source", "items_count", "counts"]


class OccurrenceSerializer(serializers.Serializer):
    due_on = serializers.DateField(source="due.due_on", allow_null=True, default=None,
                                   help_text="Срок проведения; null — проведение по запросу.")
    label = serializers.CharField(source="due.label", default="по запросу",
                                  help_text="Срок, как его пишет страница плана.")
    status = serializers.CharField(help_text=STATUS_HELP)
    record = serializers.IntegerField(source="record.pk", allow_null=True, default=None,
                                      help_text="Отметка о проведении (идентификатор); null — "
                                                "не отмечено.")
    held_on = serializers.DateField(source="record.held_on", allow_null=True, default=None,
                                    help_text="Дата проведения по отметке.")
    journal_entry = serializers.IntegerField(source="record.journal_entry_id", allow_null=True,
                                             default=None,
                                             help_text="Подтверждение: мероприятие журнала.")
    product = serializers.IntegerField(source="record.product_id", allow_null=True,
                                       default=None,
                                       help_text="Подтверждение: продукт реестра продуктов.")
    illustrative = serializers.BooleanField(source="record.illustrative", default=False,
                                            help_text="Отметка иллюстративная (демо).")


class PlanItemSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="item.pk", help_text="Постоянный идентификатор "
                                                              "пункта плана.")
    section = serializers.CharField(source="item.section", help_text="Раздел плана.")
    number = serializers.CharField(source="item.number", help_text="Номер пункта.")
    form = serializers.CharField(source="item.form", help_text="Форма мероприятия.")
    topic = serializers.CharField(source="item.topic", help_text="Мероприятие (тема).")
    audience = serializers.CharField(source="item.audience", help_text="Целевая группа.")
    organization = serializers.IntegerField(source="item.organization_id", allow_null=True,
                                            help_text="Организация-исполнитель.")
    term_kind = serializers.CharField(source="item.term_kind",
                                      help_text="Срок: date, range, periodic или none.")
    periodicity = serializers.CharField(source="item.periodicity",
                                        help_text="Периодичность; пусто — не периодический.")
    term_text = serializers.CharField(source="item.term_text",
                                      help_text="Срок, как в документе.")
    expected_result = serializers.CharField(source="item.expected_result",
                                            help_text="Ожидаемый результат.")
    occurrences = OccurrenceSerializer(
        many=True, help_text="Сроки пункта, развёрнутые по его периодичности, со статусом, "
                             "и проведения по запросу.")


class PlanDetailSerializer(PlanSerializer):
    items = PlanItemSerializer(source="item_rows", many=True, read_only=True,
                               help_text="Пункты плана по порядку с их сроками.")

    class Meta(PlanSerializer.Meta):
        fields = [*PlanSerializer.Meta.fields, "items"]


# --- Registers -----------------------------------------------------------------------------

class ReviewSerializer(DescribedModelSerializer):
    class Meta:
        model = Review
        fields = ["id", "reviewer", "reviewed_on", "verdict", "comment", "recorded_at"]


class BankEntrySerializer(DescribedModelSerializer):
    file_url = WebFileField("register_bank_file",
                            help_text="Страница портала с файлом материала; null — файла нет.")
    reviews = ReviewSerializer(many=True, read_only=True,
                               help_text="Рецензии, последние сначала.")

    class Meta:
        model = BankEntry
        fields = ["id", "municipality", "kind", "title", "authors", "organization",
                  "organization_name", "direction", "competence_area", "audience", "year",
                  "description", "approved_by", "approved_on", "illustrative", "file_url",
                  "created_at", "updated_at", "reviews"]


class ProductSerializer(DescribedModelSerializer):
    file_url = WebFileField("register_product_file",
                            help_text="Страница портала с файлом продукта; null — файла нет.")

    class Meta:
        model = Product
        fields = ["id", "municipality", "kind", "title", "authors", "organization",
                  "organization_name", "year", "issued_on", "programme", "period", "link",
                  "origin", "illustrative", "file_url", "created_at", "updated_at"]


class NormativeDocumentSerializer(DescribedModelSerializer):
    citation = serializers.CharField(read_only=True,
                                     help_text="Документ, как его цитирует программа.")
    file_url = WebFileField("register_document_file",
                            help_text="Страница портала с файлом документа; null — файла нет.")

    class Meta:
        model = NormativeDocument
        fields = ["id", "municipality", "level", "kind", "issuer", "number", "issued_on",
                  "title", "citation", "link", "file_url", "created_at", "updated_at"]


# --- Joint reports -------------------------------------------------------------------------

PART_STATES = ("Где часть на сегодня: submitted — сдана в срок, late — сдана с опозданием, "
               "returned — возвращена на доработку, overdue — не сдана, срок прошёл, "
               "missing — не сдана.")


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class AssembledPdfField(serializers.Field):
    """The download page of the report's latest assembled PDF (``pdf_job``, annotated by
    the view from the jobs the caller sees); null when none is ready."""

    def __init__(self, **kwargs):
        super().__init__(source="pdf_job", read_only=True, **kwargs)

    def to_representation(self, value):
        return _absolute(self.context, reverse("report_job_download", args=[value]))


class JointReportSectionSerializer(DescribedModelSerializer):
    class Meta:
        model = JointReportSection
        fields = ["id", "number", "title"]


class JointReportPartSerializer(DescribedModelSerializer):
    member = serializers.CharField(source="membership.side_name", read_only=True,
                                   help_text="Участник или партнёр, как его называет страница "
                                             "отчёта.")
    role = serializers.CharField(source="membership.role", read_only=True,
                                 help_text="Роль в сети: member — участник, partner — партнёр.")
    state = serializers.SerializerMethodField(help_text=PART_STATES)
    state_label = serializers.SerializerMethodField(
        help_text="Состояние части словами страницы отчёта.")
    return_comment = serializers.SerializerMethodField(
        help_text="Замечание координатора, пока часть возвращена на доработку; иначе пусто.")

    class Meta:
        model = JointReportPart
        fields = ["id", "membership", "member", "role", "status", "state", "state_label",
                  "submitted_at", "returned_at", "return_comment", "updated_at"]

    def _state(self, part: JointReportPart) -> tuple[str, str]:
        today = self.context.get("today") or timezone.localdate()
        return part_state(part, part.report, today=today)

    def get_state(self, part: JointReportPart) -> str:
        return self._state(part)[0]

    def get_state_label(self, part: JointReportPart) -> str:
        return self._state(part)[1]

    def get_return_comment(self, part: JointReportPart) -> str:
        return part.return_comment if part.status == PartStatus.RETURNED else ""


class JointReportAnswerSerializer(DescribedModelSerializer):
    class Meta:
        model = JointReportAnswer
        fields = ["section", "text"]


class JointReportFileSerializer(DescribedModelSerializer):
    url = WebFileField("network_joint_report_file",
                       help_text="Страница портала с файлом части отчёта.")

    class Meta:
        model = JointReportFile
        fields = ["id", "title", "original_name", "url"]


class JointReportPartDetailSerializer(JointReportPartSerializer):
    texts_shown = serializers.BooleanField(
        read_only=True, help_text="Тексты и файлы части видны вызывающему, как на странице "
                                  "части: сданная — всем, кто видит отчёт; черновик и "
                                  "возвращённая — только тем, кто её пишет.")
    answers = JointReportAnswerSerializer(
        source="shown_answers", many=True, read_only=True,
        help_text="Тексты части по разделам; пусто, когда тексты не видны вызывающему.")
    files = JointReportFileSerializer(
        source="shown_files", many=True, read_only=True,
        help_text="Файлы части; пусто, когда они не видны вызывающему.")

    class Meta(JointReportPartSerializer.Meta):
        fields = [*JointReportPartSerializer.Meta.fields, "texts_shown", "answers", "files"]


class JointReportSerializer(DescribedModelSerializer):
    overdue = serializers.SerializerMethodField(help_text="Срок сдачи частей прошёл.")
    member_count = serializers.IntegerField(read_only=True,
                                            help_text="Участников и партнёров сети сейчас.")
    submitted_count = serializers.IntegerField(read_only=True, help_text="Сдано частей.")
    sections = JointReportSectionSerializer(many=True, read_only=True,
                                            help_text="Разделы отчёта по порядку.")
    parts = JointReportPartSerializer(
        many=True, read_only=True,
        help_text="Части участников с их состоянием, как на странице отчёта: части "
                  "действующих участников и сданные части вышедших. Тексты — в записи "
                  "отчёта.")
    pdf_url = AssembledPdfField(help_text="Страница портала с последним собранным PDF "
                                          "отчёта; null — PDF ещё не собирали.")

    class Meta:
        model = JointReport
        fields = ["id", "network", "title", "period_starts_on", "period_ends_on", "due_on",
                  "instructions", "created_at", "overdue", "member_count", "submitted_count",
                  "sections", "parts", "pdf_url"]

    def get_overdue(self, report: JointReport) -> bool:
        return is_overdue(report, today=self.context.get("today") or timezone.localdate())


class JointReportDetailSerializer(JointReportSerializer):
    parts = JointReportPartDetailSerializer(
        many=True, read_only=True,
        help_text="Части участников с их состоянием, текстами по разделам и файлами, когда "
                  "страница части показывает их вызывающему.")
