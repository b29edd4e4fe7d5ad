"""Filters of the read endpoints of networks, plans and registers. ``updated_since`` reads
the records' history (simple_history) where they keep one, so a change of a nested row —
a member, a party's signature, a plan's item, a recorded occurrence, a review — brings its
parent back into the next incremental sync."""

import django_filters
from django.db.models import Exists, OuterRef, Q

from api.filters import IdFilter, UpdatedSinceFilter
from networks.models import (
    Agreement,
    AgreementKind,
    AgreementParty,
    EventForm,
    EventParticipation,
    EventStatus,
    JointReport,
    JointReportAnswer,
    JointReportPart,
    Membership,
    Network,
    NetworkEvent,
)
from plans.models import Occurrence, Plan, PlanItem, PlanKind
from registers.models import (
    BankEntry,
    BankKind,
    Level,
    NormativeDocument,
    Product,
    ProductKind,
    Review,
)
from reports.models import ReportJob


def _choices_help(text: str, choices) -> str:
    return f"{text}: " + ", ".join(f"{value} — {label}" for value, label in choices) + "."


def changed_since(queryset, value, *histories, also: Q | None = None):
    """Rows of ``queryset`` with a historical record at or after ``value`` in any of
    ``histories``: pairs of a history manager and the field that points to the row; or
    matching ``also``."""
    changed = also or Q()
    for history, pointer in histories:
        changed |= Q(Exists(history.filter(**{pointer: OuterRef("pk")},
                                           history_date__gte=value)))
    return queryset.filter(changed)


def _updated_since(method: str) -> UpdatedSinceFilter:
    return UpdatedSinceFilter(method=method)


class NetworkFilter(django_filters.FilterSet):
    programme = IdFilter(help_text="Проект, в рамках которого работает сеть (идентификатор).")
    hub_municipality = IdFilter(help_text="Муниципалитет ресурсного центра (идентификатор).")
    updated_since = _updated_since("filter_updated_since")

    class Meta:
        model = Network
        fields = ["programme", "hub_municipality", "updated_since"]

    def filter_updated_since(self, queryset, name, value):
        """The network or one of its memberships changed."""
        return changed_since(queryset, value, (Network.history, "id"),
                             (Membership.history, "network_id"))


class AgreementFilter(django_filters.FilterSet):
    network = IdFilter(help_text="Сеть (идентификатор).")
    kind = django_filters.ChoiceFilter(choices=AgreementKind.choices,
                                       help_text=_choices_help("Вид", AgreementKind.choices))
    updated_since = _updated_since("filter_updated_since")

    class Meta:
        model = Agreement
        fields = ["network", "kind", "updated_since"]

    def filter_updated_since(self, queryset, name, value):
        """The agreement or one of its parties (a signature recorded) changed."""
        return changed_since(queryset, value, (Agreement.history, "id"),
                             (AgreementParty.history, "agreement_id"))


class NetworkEventFilter(django_filters.FilterSet):
    network = IdFilter(help_text="Сеть (идентификатор).")
    form = django_filters.ChoiceFilter(choices=EventForm.choices,
                                       help_text=_choices_help("Форма", EventForm.choices))
    status = django_filters.ChoiceFilter(choices=EventStatus.choices,
                                         help_text=_choices_help("Статус", EventStatus.choices))
    starts_from = django_filters.DateFilter(field_name="starts_on", lookup_expr="gte",
                                            help_text="Дата не раньше (ГГГГ-ММ-ДД).")
    starts_to = django_filters.DateFilter(field_name="starts_on", lookup_expr="lte",
                                          help_text="Дата не позже (ГГГГ-ММ-ДД).")
    updated_since = _updated_since("filter_updated_since")

    class Meta:
        model = NetworkEvent
        fields = ["network", "form", "status", "starts_from", "starts_to", "updated_since"]

    def filter_updated_since(self, queryset, name, value):
        """The event or the participants of a municipality (recorded or removed) changed."""
        return changed_since(queryset, value, (NetworkEvent.history, "id"),
                             (EventParticipation.history, "event_id"))


class JointReportFilter(django_filters.FilterSet):
    network = IdFilter(help_text="Сеть (идентификатор).")
    period_from = django_filters.DateFilter(
        field_name="period_ends_on", lookup_expr="gte",
        help_text="Отчётный период кончается не раньше этой даты (ГГГГ-ММ-ДД).")
    period_to = django_filters.DateFilter(
        field_name="period_starts_on", lookup_expr="lte",
        help_text="Отчётный период начинается не позже этой даты (ГГГГ-ММ-ДД).")
    due_from = django_filters.DateFilter(field_name="due_on", lookup_expr="gte",
                                         help_text="Срок сдачи частей не раньше (ГГГГ-ММ-ДД).")
    due_to = django_filters.DateFilter(field_name="due_on", lookup_expr="lte",
                                       help_text="Срок сдачи частей не позже (ГГГГ-ММ-ДД).")
    updated_since = _updated_since("filter_updated_since")

    class Meta:
        model = JointReport
        fields = ["network", "period_from", "period_to", "due_from", "due_to", "updated_since"]

    def filter_updated_since(self, queryset, name, value):
        """The report (its card or sections), a member's part or its texts changed, or its
        PDF was assembled."""
        assembled = Q(Exists(ReportJob.objects.filter(joint_report_id=OuterRef("pk"),
                                                      finished_at__gte=value)))
        return changed_since(queryset, value, (JointReport.history, "id"),
                             (JointReportPart.history, "report_id"),
                             (JointReportAnswer.history, "part__report_id"), also=assembled)


class PlanFilter(django_filters.FilterSet):
    programme = IdFilter(help_text="Проект, которому принадлежит план (идентификатор).")
    network = IdFilter(help_text="Сеть, которой принадлежит план (идентификатор).")
    kind = django_filters.ChoiceFilter(choices=PlanKind.choices,
                                       help_text=_choices_help("Вид плана", PlanKind.choices))
    updated_since = _updated_since("filter_updated_since")

    class Meta:
        model = Plan
        fields = ["programme", "network", "kind", "updated_since"]

    def filter_updated_since(self, queryset, name, value):
        """The plan, one of its items or an occurrence recorded (or removed) changed."""
        return changed_since(queryset, value, (Plan.history, "id"),
                             (PlanItem.history, "plan_id"),
                             (Occurrence.history, "item__plan_id"))


class _RegisterFilter(django_filters.FilterSet):
    year = IdFilter(min_value=1990, max_value=2100, help_text="Год.")
    organization = IdFilter(help_text="Организация (идентификатор).")
    updated_since = UpdatedSinceFilter(field_name="updated_at", lookup_expr="gte")


class BankEntryFilter(_RegisterFilter):
    kind = django_filters.ChoiceFilter(choices=BankKind.choices,
                                       help_text=_choices_help("Вид", BankKind.choices))
    direction = IdFilter(help_text="Направление (идентификатор).")
    updated_since = _updated_since("filter_updated_since")

    class Meta:
        model = BankEntry
        fields = ["kind", "year", "direction", "organization", "updated_since"]

    def filter_updated_since(self, queryset, name, value):
        """The entry changed or a review of it was recorded."""
        return queryset.filter(Q(updated_at__gte=value) | Q(Exists(
            Review.objects.filter(entry_id=OuterRef("pk"), recorded_at__gte=value))))


class ProductFilter(_RegisterFilter):
    kind = django_filters.ChoiceFilter(choices=ProductKind.choices,
                                       help_text=_choices_help("Вид", ProductKind.choices))
    programme = IdFilter(help_text="Проект (идентификатор).")
    period = IdFilter(help_text="Учебный год проекта (идентификатор).")

    class Meta:
        model = Product
        fields = ["kind", "year", "programme", "period", "organization", "updated_since"]


class NormativeDocumentFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(choices=Level.choices,
                                        help_text=_choices_help("Уровень", Level.choices))
    issued_from = django_filters.DateFilter(field_name="issued_on", lookup_expr="gte",
                                            help_text="Принят не раньше (ГГГГ-ММ-ДД).")
    updated_since = UpdatedSinceFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = NormativeDocument
        fields = ["level", "issued_from", "updated_since"]
