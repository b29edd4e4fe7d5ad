"""Forms of the map pages: the map's filters, an organization's line, the curation."""

import django_filters
from django import forms

from aspects.models import MAX_RANK, Aspect, ProcessKind, Side, Statement
from internships.models import Direction


class MapFilter(django_filters.FilterSet):
    """The map's filters; the rows they keep are chosen in ``aspects.map_reads``, so the
    participants (the denominator of every share) stay the whole year's."""

    year = django_filters.ChoiceFilter(field_name="school_year", label="Учебный год",
                                       empty_label=None)
    process_kind = django_filters.ChoiceFilter(choices=ProcessKind.choices, label="Процесс",
                                               empty_label="Оба процесса")
    side = django_filters.ChoiceFilter(choices=Side.choices, label="Сторона",
                                       empty_label="Обе стороны")
    direction = django_filters.ModelChoiceFilter(
        queryset=Direction.objects.none(), field_name="aspect__direction",
        label="Направление", empty_label="Все направления")
    q = django_filters.CharFilter(method="filter_text", label="Поиск по формулировке")

    class Meta:
        model = Statement
        fields = ["year", "process_kind", "side", "direction", "q"]

    def __init__(self, *args, years: list[int], directions, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(year, f"{year}/{year + 1}")
                                                 for year in years]
        self.filters["direction"].queryset = directions

    def filter_text(self, queryset, name, value):
        return queryset.filter(text__icontains=value) if value else queryset


class StatementForm(forms.Form):
    text = forms.CharField(label="Формулировка аспекта", max_length=500,
                           widget=forms.Textarea(attrs={"rows": 2}))
    process_kind = forms.ChoiceField(label="Процесс", choices=ProcessKind.choices)
    side = forms.ChoiceField(label="Сторона", choices=Side.choices)
    rank = forms.IntegerField(label="Место в рейтинге", min_value=1, max_value=MAX_RANK,
                              help_text="1 — самый важный аспект в этом списке.")
    school_year = forms.TypedChoiceField(label="Учебный год", coerce=int)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school_year"].choices = [(year, f"{year}/{year + 1}") for year in years]


class AspectForm(forms.Form):
    wording = forms.CharField(label="Формулировка аспекта", max_length=300)
    process_kind = forms.ChoiceField(label="Процесс", choices=ProcessKind.choices)
    direction = forms.ModelChoiceField(label="Направление (необязательно)",
                                       queryset=Direction.objects.none(), required=False,
                                       empty_label="Без направления")

    def __init__(self, *args, directions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["direction"].queryset = directions


class LinkForm(forms.Form):
    """Normalise a statement: to a catalogue aspect, or to a new one worded as it is."""

    aspect = forms.ModelChoiceField(label="Аспект каталога", queryset=Aspect.objects.none(),
                                    required=False, empty_label="— новый аспект по этой "
                                                                "формулировке —")

    def __init__(self, *args, aspects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aspect"].queryset = aspects


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(label="Объединить с аспектом",
                                      queryset=Aspect.objects.none(),
                                      error_messages={"required": "Выберите аспект, который "
                                                                  "останется.",
                                                      "invalid_choice": "Выберите аспект "
                                                                        "из списка."})

    def __init__(self, *args, aspects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = aspects
