"""Filters of the read endpoints: the pages' FilterSets where the pages have one, and
``updated_since`` for incremental sync where a model keeps its modification time."""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef

from contests.models import Contest
from diagnostics.models import (
    Deficit,
    Diagnosis,
    DiagnosticRound,
    NeedsOffer,
    SchoolIndicator,
    Staffing,
)
from innovation.models import InnovationProject
from internships.access import periods_for_user
from internships.filters import OrganizationFilter, PlacementFilter
from internships.models import Direction, JournalEntry, Period, Placement
from trainings.models import PlatformSession


class IdFilter(django_filters.NumberFilter):
    """An object's id: a whole number within the column's range, else a 400 with the field,
    never a database error on a number the column cannot hold."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2147483647)
        super().__init__(*args, **kwargs)


UPDATED_SINCE_HELP = ("Только изменённые начиная с этого момента (ISO 8601, например "
                      "2026-09-01T00:00:00+03:00): для пошаговой синхронизации.")


class UtcDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 moment read as UTC: an offset the database cannot hold (such as -17:12)
    or a moment beyond the calendar once converted is a 400 with the field, never a
    database error."""

    def clean(self, value):
        moment = super().clean(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(datetime.UTC)
        except (OverflowError, ValueError) as error:
            raise forms.ValidationError("Момент вне допустимого диапазона дат.",
                                        code="out_of_range") from error


class UpdatedSinceFilter(django_filters.IsoDateTimeFilter):
    """``updated_since``: changed at or after a moment, compared in UTC."""

    field_class = UtcDateTimeField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", UPDATED_SINCE_HELP)
        super().__init__(*args, **kwargs)


class ApiOrganizationFilter(OrganizationFilter):
    """The organization list's filters, without those that depend on a chosen year."""

    leads = None
    sort = None

    class Meta(OrganizationFilter.Meta):
        fields = ["q", "kind", "locality"]


class ApiPlacementFilter(PlacementFilter):
    """The placement matrix's filters over the caller's years; the year is optional here."""

    updated_since = UpdatedSinceFilter(method="filter_updated_since")

    class Meta(PlacementFilter.Meta):
        fields = [*PlacementFilter.Meta.fields, "updated_since"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        periods = (periods_for_user(request.user) if request is not None
                   else Period.objects.none())
        directions = Direction.objects.filter(
            programme__in=periods.values("programme_id"))
        super().__init__(data, queryset, request=request, prefix=prefix, periods=periods,
                         directions=directions)
        self.filters["period"].field.required = False

    def filter_updated_since(self, queryset, name, value):
        """Placements keep their history (simple_history): changed since, by its dates."""
        changed = Placement.history.filter(id=OuterRef("pk"), history_date__gte=value)
        return queryset.filter(Exists(changed))


class DeficitFilter(django_filters.FilterSet):
    direction = IdFilter(help_text="Направление (идентификатор).")
    active = django_filters.BooleanFilter(help_text="Только действующие (true) или "
                                                    "выведенные из каталога (false).")

    class Meta:
        model = Deficit
        fields = ["direction", "active"]


class RoundFilter(django_filters.FilterSet):
    programme = IdFilter(help_text="Проект (идентификатор).")
    kind = django_filters.CharFilter(help_text="Вид: start, intermediate или final.")

    class Meta:
        model = DiagnosticRound
        fields = ["programme", "kind"]


class DiagnosisFilter(django_filters.FilterSet):
    round = IdFilter(help_text="Диагностика (идентификатор).")
    team = IdFilter(help_text="Команда (идентификатор).")
    direction = IdFilter(help_text="Направление (идентификатор).")
    source = django_filters.CharFilter(help_text="Источник: expert или self.")
    updated_since = UpdatedSinceFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Diagnosis
        fields = ["round", "team", "direction", "source", "updated_since"]


class SchoolIndicatorFilter(django_filters.FilterSet):
    period = IdFilter(help_text="Учебный год (идентификатор).")
    organization = IdFilter(help_text="Организация (идентификатор).")

    class Meta:
        model = SchoolIndicator
        fields = ["period", "organization"]


class StaffingFilter(django_filters.FilterSet):
    organization = IdFilter(help_text="Организация (идентификатор).")
    as_of_from = django_filters.DateFilter(field_name="as_of", lookup_expr="gte",
                                           help_text="На дату не раньше (ГГГГ-ММ-ДД).")

    class Meta:
        model = Staffing
        fields = ["organization", "as_of_from"]


class NeedsOfferFilter(django_filters.FilterSet):
    period = IdFilter(help_text="Учебный год (идентификатор).")
    direction = IdFilter(help_text="Направление (идентификатор).")
    organization = IdFilter(help_text="Организация (идентификатор).")

    class Meta:
        model = NeedsOffer
        fields = ["period", "direction", "organization"]


class JournalEntryFilter(django_filters.FilterSet):
    platform = IdFilter(help_text="Площадка (идентификатор).")
    held_from = django_filters.DateFilter(field_name="held_on", lookup_expr="gte",
                                          help_text="Проведено не раньше (ГГГГ-ММ-ДД).")
    held_to = django_filters.DateFilter(field_name="held_on", lookup_expr="lte",
                                        help_text="Проведено не позже (ГГГГ-ММ-ДД).")
    updated_since = UpdatedSinceFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = JournalEntry
        fields = ["platform", "held_from", "held_to", "updated_since"]


class InnovationProjectFilter(django_filters.FilterSet):
    programme = IdFilter(help_text="Проект программы (идентификатор).")
    period = IdFilter(help_text="Учебный год регистрации (идентификатор).")
    organization = IdFilter(help_text="Организация (идентификатор).")
    stage = IdFilter(help_text="Этап пути инновационного проекта (идентификатор).")
    is_pilot = django_filters.BooleanFilter(help_text="Только пилотные школы (true) или "
                                                      "остальные (false).")
    updated_since = UpdatedSinceFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = InnovationProject
        fields = ["programme", "period", "organization", "stage", "is_pilot", "updated_since"]


class ContestFilter(django_filters.FilterSet):
    programme = IdFilter(help_text="Проект программы (идентификатор).")
    year = IdFilter(min_value=1900, max_value=2100, help_text="Год проведения.")
    kind = django_filters.CharFilter(help_text="Вид: conference (конференция) или contest "
                                               "(конкурс).")

    class Meta:
        model = Contest
        fields = ["programme", "year", "kind"]


class TrainingSessionFilter(django_filters.FilterSet):
    platform = IdFilter(help_text="Площадка повышения квалификации (идентификатор).")
    held_from = django_filters.DateFilter(field_name="held_on", lookup_expr="gte",
                                          help_text="Проведено не раньше (ГГГГ-ММ-ДД).")
    held_to = django_filters.DateFilter(field_name="held_on", lookup_expr="lte",
                                        help_text="Проведено не позже (ГГГГ-ММ-ДД).")

    class Meta:
        model = PlatformSession
        fields = ["platform", "held_from", "held_to"]
