"""Filters of the register of routes."""

import datetime

import django_filters
from django import forms

from people.models import ModularProgramme, TeacherPlatform
from routes.models import Route, RouteKind, RouteStatus
from routes.route_reads import overdue_q


class RouteFilter(django_filters.FilterSet):
    programme = django_filters.ModelChoiceFilter(
        queryset=ModularProgramme.objects.none(), label="Программа",
        empty_label="Все программы")
    platform = django_filters.ModelChoiceFilter(
        queryset=TeacherPlatform.objects.none(), label="Площадка", empty_label="Все площадки",
        field_name="programme__platform")
    kind = django_filters.ChoiceFilter(choices=RouteKind.choices, label="Вид маршрута",
                                       empty_label="Все виды")
    status = django_filters.ChoiceFilter(choices=RouteStatus.choices, label="Состояние",
                                         empty_label="Все состояния")
    overdue = django_filters.BooleanFilter(method="filter_overdue",
                                           label="Только с просроченными шагами",
                                           widget=forms.CheckboxInput)

    class Meta:
        model = Route
        fields = ["programme", "platform", "kind", "status", "overdue"]

    def __init__(self, *args, programmes, platforms, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["programme"].queryset = programmes
        self.filters["platform"].queryset = platforms
        self.today = today

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        late = Route.objects.filter(overdue_q(self.today, "steps__")).values("pk")
        return queryset.filter(pk__in=late)
