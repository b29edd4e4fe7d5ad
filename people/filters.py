"""Filters of the register of teachers."""

import datetime

import django_filters
from django import forms
from django.db.models.functions import Lower

from people.models import Teacher, WorkerCategory
from people.teacher_reads import young_on
from teams.models import Organization


class TeacherFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_name", label="ФИО",
        widget=forms.TextInput(attrs={"placeholder": "часть фамилии или имени"}),
    )
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.none(), label="Организация",
        empty_label="Все организации",
    )
    worker_category = django_filters.ChoiceFilter(
        choices=WorkerCategory.choices, label="Категория работника", empty_label="Все категории",
    )
    young = django_filters.BooleanFilter(
        method="filter_young", label="Только молодые педагоги", widget=forms.CheckboxInput,
    )
    masters = django_filters.BooleanFilter(
        method="filter_masters", label="Только педагоги-мастера", widget=forms.CheckboxInput,
    )

    class Meta:
        model = Teacher
        fields = ["q", "organization", "worker_category", "young", "masters"]

    def __init__(self, *args, organizations, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["organization"].queryset = organizations
        self.today = today

    def filter_name(self, queryset, name, value):
        folded = " ".join(value.split()).lower()
        if not folded:
            return queryset
        return queryset.alias(name_folded=Lower("full_name")).filter(
            name_folded__contains=folded)

    def filter_young(self, queryset, name, value):
        return queryset.filter(young_on(self.today)) if value else queryset

    def filter_masters(self, queryset, name, value):
        return queryset.filter(master_since__isnull=False) if value else queryset
