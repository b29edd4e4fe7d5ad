"""What the read endpoints of networks, plans and registers return. People's names stay
out where they are not the published work: who signed an agreement, who is responsible for
an event or a plan's item, who recorded a mark. Authors and reviewers of the registers are
served, as the register pages show them to everyone who reads the register."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers import DescribedModelSerializer
from networks.models import (
    Agreement,
    AgreementParty,
    EventMaterial,
    EventParticipation,
    Membership,
    Network,
    NetworkEvent,
    Partner,
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
        url = reverse(self.url_name, args=[value.pk])
        request = self.context.get("request")
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
