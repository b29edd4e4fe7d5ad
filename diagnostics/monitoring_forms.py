"""Forms and filters of the monitoring pages: indicators, staffing, needs and offers."""

import django_filters
from django import forms
from django.db.models import F

from core.forms import CrispyForm
from diagnostics.models import Aspect, SchoolIndicator, Staffing
from diagnostics.monitoring import NeedsLine
from diagnostics.monitoring_rules import (
    INDICATOR_COUNTS,
    STAFFING_FIELDS,
    indicator_errors,
    staffing_errors,
)
from teams.models import Organization, OrganizationKind, SchoolLevel

YES_NO_UNKNOWN = [("", "нет данных"), ("yes", "да"), ("no", "нет")]
_AS_BOOL = {"yes": True, "no": False, "": None}
_AS_CHOICE = {True: "yes", False: "no", None: ""}

NUMBER_ERRORS = {"invalid": "Введите целое число.",
                 "min_value": "Число не может быть отрицательным."}


def _count_field(model, name: str, *, required: bool) -> forms.IntegerField:
    messages = dict(NUMBER_ERRORS, required="Укажите число (0, если таких нет).")
    return forms.IntegerField(
        label=model._meta.get_field(name).verbose_name.capitalize(), min_value=0,
        required=required, error_messages=messages,
    )


class IndicatorForm(CrispyForm):
    """The year's indicators of one organization; a blank field means «нет данных»."""

    low_results = forms.TypedChoiceField(
        label="Школа с низкими образовательными результатами (ШНОР)", choices=YES_NO_UNKNOWN,
        coerce=_AS_BOOL.get, empty_value=None, required=False,
    )
    non_objective = forms.TypedChoiceField(
        label="Признаки необъективности оценивания", choices=YES_NO_UNKNOWN,
        coerce=_AS_BOOL.get, empty_value=None, required=False,
    )

    def __init__(self, *args, indicator: SchoolIndicator | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in INDICATOR_COUNTS:
            self.fields[name] = _count_field(SchoolIndicator, name, required=False)
            self.fields[name].help_text = "Оставьте пустым, если данных нет."
        if indicator is not None:
            self.initial.update({name: getattr(indicator, name) for name in INDICATOR_COUNTS})
            self.initial["low_results"] = _AS_CHOICE[indicator.low_results]
            self.initial["non_objective"] = _AS_CHOICE[indicator.non_objective]

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            for name, message in indicator_errors(cleaned).items():
                self.add_error(name, message)
        return cleaned


class StaffingForm(CrispyForm):
    as_of = forms.DateField(
        label="На дату", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Укажите дату.",
                        "invalid": "Введите дату в формате ДД.ММ.ГГГГ."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in STAFFING_FIELDS:
            self.fields[name] = _count_field(Staffing, name, required=True)

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            for name, message in staffing_errors(cleaned).items():
                self.add_error(name, message)
        return cleaned


class NeedsForm(forms.Form):
    """The organization's map for a year: directions × aspects, two marks and a note each."""

    def __init__(self, *args, directions, existing, **kwargs):
        super().__init__(*args, **kwargs)
        self.grid = []
        for direction in directions:
            cells = []
            for aspect, label in Aspect.choices:
                prefix = f"d{direction.pk}_{aspect}"
                line = existing.get((direction.pk, aspect))
                self.fields[f"{prefix}_needs"] = forms.BooleanField(
                    label="нужна консультативная поддержка", required=False,
                    initial=bool(line and line.needs_support))
                self.fields[f"{prefix}_offers"] = forms.BooleanField(
                    label="готовы представить свою практику", required=False,
                    initial=bool(line and line.offers_practice))
                self.fields[f"{prefix}_note"] = forms.CharField(
                    label="Пояснение", required=False, max_length=500,
                    initial=line.note if line else "",
                    error_messages={"max_length": "Пояснение — не длиннее 500 знаков."},
                    widget=forms.TextInput(attrs={"placeholder": "кратко: что именно"}))
                cells.append((direction.pk, aspect, label, prefix))
            self.grid.append((direction, cells))

    def rows(self):
        """For the template: each direction with its aspects' bound fields."""
        return [
            (direction, [(label, self[f"{prefix}_needs"], self[f"{prefix}_offers"],
                          self[f"{prefix}_note"]) for _, _, label, prefix in cells])
            for direction, cells in self.grid
        ]

    def clean(self):
        cleaned = super().clean()
        for _, cells in self.grid:
            for _, _, _, prefix in cells:
                if cleaned.get(f"{prefix}_note", "").strip() and not (
                    cleaned.get(f"{prefix}_needs") or cleaned.get(f"{prefix}_offers")
                ):
                    self.add_error(f"{prefix}_note",
                                   "Отметьте «нужна поддержка» или «готовы представить "
                                   "практику» либо сотрите пояснение.")
        return cleaned

    def lines(self) -> list[NeedsLine]:
        return [
            NeedsLine(direction_id=direction_id, aspect=aspect,
                      needs_support=self.cleaned_data[f"{prefix}_needs"],
                      offers_practice=self.cleaned_data[f"{prefix}_offers"],
                      note=self.cleaned_data[f"{prefix}_note"])
            for _, cells in self.grid
            for direction_id, aspect, _, prefix in cells
        ]


def _nulls_last(name: str, descending: bool):
    expression = F(name)
    return expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)


class IndicatorFilter(django_filters.FilterSet):
    """The municipal indicator table's filters; the queryset is
    ``organizations_with_indicators``."""

    kind = django_filters.ChoiceFilter(choices=OrganizationKind.choices, label="Тип",
                                       empty_label="Все типы")
    level = django_filters.ChoiceFilter(choices=SchoolLevel.choices, label="Уровень школы",
                                        empty_label="Все уровни")
    low_results = django_filters.ChoiceFilter(
        method="filter_low_results", label="ШНОР", empty_label="Все",
        choices=[("yes", "ШНОР"), ("no", "не ШНОР"), ("unknown", "нет данных")],
    )
    sort = django_filters.ChoiceFilter(
        method="sort_by", label="Сортировка", empty_label="По умолчанию",
        choices=[("name", "Название"), ("-olympiad", "Доля олимпиадников"),
                 ("-high_gia", "Доля высоких результатов ГИА"),
                 ("-competition", "Доля победителей конкурсов"),
                 ("-students", "Обучающихся")],
    )

    SORT_FIELDS = {"name": "short_name", "olympiad": "olympiad_ratio",
                   "high_gia": "high_gia_ratio", "competition": "competition_ratio",
                   "students": "ind_students_total"}

    class Meta:
        model = Organization
        fields = ["kind", "level", "low_results"]

    def filter_low_results(self, queryset, name, value):
        if value == "unknown":
            return queryset.filter(ind_low_results__isnull=True)
        return queryset.filter(ind_low_results=(value == "yes"))

    def sort_by(self, queryset, name, value):
        descending = value.startswith("-")
        field = self.SORT_FIELDS[value.lstrip("-")]
        return queryset.order_by(_nulls_last(field, descending), "sort_rank", "number",
                                 "short_name")


class NeedsMapForm(forms.Form):
    aspect = forms.ChoiceField(label="Аспект", required=False,
                               choices=[("", "Оба аспекта"), *Aspect.choices])
