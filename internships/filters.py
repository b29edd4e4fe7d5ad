import django_filters
from django import forms

from internships.models import Direction, Period, Placement, Tier
from teams.models import Locality, Organization, OrganizationKind
from teams.search import search_organizations


def drop_idle_locality(filterset: django_filters.FilterSet, localities) -> None:
    """Offer the locality filter only where it can narrow anything: the organizations seen
    lie in both urban and rural localities (or a locality is asked for in the address).
    ``localities`` None keeps it (the API's filters, whose callers may ask for any)."""
    if localities is None:
        return
    if len({value for value in localities if value}) < 2 and not filterset.data.get("locality"):
        del filterset.filters["locality"]


class PlacementFilter(django_filters.FilterSet):
    """The placement matrix's filters. ``period`` always has a value (the view sets it)."""

    period = django_filters.ModelChoiceFilter(
        field_name="platform__period", queryset=Period.objects.none(), label="Учебный год",
        empty_label=None,
    )
    direction = django_filters.ModelChoiceFilter(
        field_name="platform__direction", queryset=Direction.objects.none(),
        label="Направление", empty_label="Все направления",
    )
    tier = django_filters.ChoiceFilter(choices=Tier.choices, label="Уровень",
                                       empty_label="Все уровни")
    kind = django_filters.ChoiceFilter(
        field_name="team__organization__kind", choices=OrganizationKind.choices,
        label="Тип организации", empty_label="Все типы",
    )
    locality = django_filters.ChoiceFilter(
        field_name="team__organization__locality", choices=Locality.choices,
        label="Местность", empty_label="Любая",
    )
    q = django_filters.CharFilter(
        method="filter_name", label="Организация",
        widget=forms.TextInput(attrs={"placeholder": "часть названия"}),
    )

    class Meta:
        model = Placement
        fields = ["period", "direction", "tier", "kind", "locality", "q"]

    def __init__(self, *args, periods, directions, localities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["period"].queryset = periods
        self.filters["direction"].queryset = directions
        drop_idle_locality(self, localities)

    def filter_name(self, queryset, name, value):
        return search_organizations(queryset, value, prefix="team__organization__")


class OrganizationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_name", label="Название")
    kind = django_filters.ChoiceFilter(choices=OrganizationKind.choices, label="Тип",
                                       empty_label="Все типы")
    locality = django_filters.ChoiceFilter(choices=Locality.choices, label="Местность",
                                           empty_label="Любая")
    leads = django_filters.ChoiceFilter(
        method="filter_leads", label="Лидерство",
        choices=[("none", "Не лидирует ни в одном направлении"),
                 ("some", "Лидирует хотя бы в одном")],
        empty_label="Все",
    )
    sort = django_filters.OrderingFilter(
        fields=[("sort_rank", "rank"), ("number", "number"), ("short_name", "name"),
                ("leading_count", "leading"), ("placement_count", "placements")],
        field_labels={"rank": "Тип школы", "number": "Номер", "name": "Название",
                      "leading": "Лидирует в направлениях",
                      "placements": "Участвует в направлениях"},
        label="Сортировка",
        empty_label="По умолчанию",
    )

    class Meta:
        model = Organization
        fields = ["q", "kind", "locality", "leads"]

    def __init__(self, *args, localities=None, **kwargs):
        super().__init__(*args, **kwargs)
        drop_idle_locality(self, localities)

    def filter_name(self, queryset, name, value):
        return search_organizations(queryset, value)

    def filter_leads(self, queryset, name, value):
        if value == "none":
            return queryset.filter(leading_count=0)
        return queryset.filter(leading_count__gt=0)
