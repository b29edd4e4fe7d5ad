"""Forms and filters of the registers. The forms check fields and the model's rules; the
writes (bank.py, products.py, normative.py) check scope and files."""

import django_filters
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Layout, Submit
from django import forms

from registers.models import (
    BankEntry,
    BankKind,
    Level,
    NormativeDocument,
    Product,
    ProductKind,
    Review,
    Verdict,
)
from registers.records import FILE_EXTENSIONS, FILE_MAX_BYTES

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
FILE_HELP = (f"{', '.join(e.lstrip('.').upper() for e in FILE_EXTENSIONS)}, до "
             f"{FILE_MAX_BYTES // (1024 * 1024)} МБ. Новый файл заменяет прежний; прежний "
             f"остаётся в истории записи.")


class _RegisterForm(forms.ModelForm):
    file = forms.FileField(label="Файл", required=False, help_text=FILE_HELP)

    def __init__(self, *args, scope: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for name, queryset in scope.items():
            if name in self.fields:
                self.fields[name].queryset = queryset
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Сохранить"))

    def details(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "file"}


class BankEntryForm(_RegisterForm):
    class Meta:
        model = BankEntry
        fields = ["kind", "title", "authors", "organization", "organization_name", "direction",
                  "competence_area", "audience", "network", "year", "description",
                  "approved_by", "approved_on", "illustrative"]
        widgets = {"approved_on": DATE_WIDGET, "description": forms.Textarea(attrs={"rows": 3})}


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["reviewer", "reviewed_on", "verdict", "comment"]
        widgets = {"reviewed_on": DATE_WIDGET, "comment": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].help_text = ("Обязательно, если материал отправлен на доработку "
                                            "или отклонён.")
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Записать рецензию"))


LINK_FIELD = forms.URLField(label="Ссылка", required=False, max_length=500, assume_scheme="https",
                            help_text="Адрес документа в интернете, если он там опубликован.")


class ProductForm(_RegisterForm):
    link = LINK_FIELD
    class Meta:
        model = Product
        fields = ["kind", "title", "authors", "organization", "organization_name", "year",
                  "issued_on", "period", "link", "illustrative"]
        widgets = {"issued_on": DATE_WIDGET}


class DocumentForm(_RegisterForm):
    link = LINK_FIELD
    class Meta:
        model = NormativeDocument
        fields = ["level", "kind", "issuer", "number", "issued_on", "title", "link"]
        widgets = {"issued_on": DATE_WIDGET}


CITATIONS_HELP = (
    '<p class="form-text">Поставьте номер у каждого документа, на который ссылается проект: '
    'в этом порядке документы печатаются в главе «Нормативная база» методического пособия, '
    'по уровням. Пустое поле — документ в перечень проекта не входит. Нет нужного '
    'документа — сначала добавьте его в реестр.</p>')


class CitationsForm(forms.Form):
    """The programme's normative base: a place in the list for each cited document."""

    def __init__(self, *args, documents, cited: dict[int, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.documents = list(documents)
        for document in self.documents:
            self.fields[f"doc_{document.pk}"] = forms.IntegerField(
                label=document.citation, required=False, min_value=1, max_value=500,
                initial=cited.get(document.pk))
        self.helper = FormHelper()
        self.helper.layout = Layout(HTML(CITATIONS_HELP), *self.fields)
        self.helper.add_input(Submit("submit", "Сохранить перечень"))

    def ordered(self) -> list[NormativeDocument]:
        chosen = [(self.cleaned_data[f"doc_{document.pk}"], document.citation, document)
                  for document in self.documents
                  if self.cleaned_data.get(f"doc_{document.pk}") is not None]
        return [document for _, _, document in sorted(chosen, key=lambda item: item[:2])]


SEARCH_WIDGET = forms.TextInput(attrs={"placeholder": "слова из названия, авторов…",
                                       "type": "search"})


def style_filter_fields(filterset: django_filters.FilterSet) -> None:
    """Small Bootstrap controls for the filter row above a register's list."""
    for field in filterset.form.fields.values():
        small = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
        field.widget.attrs.setdefault("class", f"{small} {small}-sm")


def _year_choices(queryset) -> list[tuple[int, int]]:
    years = queryset.order_by("-year").values_list("year", flat=True).distinct()
    return [(year, year) for year in years]


class BankFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Поиск", widget=SEARCH_WIDGET)
    kind = django_filters.ChoiceFilter(choices=BankKind.choices, label="Вид",
                                       empty_label="Все виды")
    year = django_filters.ChoiceFilter(label="Год", empty_label="Все годы")
    direction = django_filters.ModelChoiceFilter(label="Направление", queryset=None,
                                                 empty_label="Все направления")
    competence_area = django_filters.ModelChoiceFilter(label="Область компетенций",
                                                       queryset=None, empty_label="Все области")
    verdict = django_filters.ChoiceFilter(
        choices=[*Verdict.choices, ("none", "без рецензии")], method="filter_verdict",
        label="Рецензия", empty_label="Любая")

    class Meta:
        model = BankEntry
        fields = ["q", "kind", "year", "direction", "competence_area", "verdict"]

    def __init__(self, *args, search, directions, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.search = search
        self.filters["year"].extra["choices"] = _year_choices(self.queryset)
        self.filters["direction"].queryset = directions
        self.filters["competence_area"].queryset = areas
        style_filter_fields(self)

    def filter_text(self, queryset, name, value):
        return self.search(queryset, value)

    def filter_verdict(self, queryset, name, value):
        if value == "none":
            return queryset.filter(reviews__isnull=True)
        return queryset.filter(reviews__verdict=value).distinct()


class ProductFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Поиск", widget=SEARCH_WIDGET)
    kind = django_filters.ChoiceFilter(choices=ProductKind.choices, label="Вид",
                                       empty_label="Все виды")
    year = django_filters.ChoiceFilter(label="Год", empty_label="Все годы")
    programme = django_filters.ModelChoiceFilter(label="Проект", queryset=None,
                                                 empty_label="Все проекты")

    class Meta:
        model = Product
        fields = ["q", "kind", "year", "programme"]

    def __init__(self, *args, search, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.search = search
        self.filters["year"].extra["choices"] = _year_choices(self.queryset)
        self.filters["programme"].queryset = programmes
        style_filter_fields(self)

    def filter_text(self, queryset, name, value):
        return self.search(queryset, value)


class DocumentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Поиск", widget=SEARCH_WIDGET)
    level = django_filters.ChoiceFilter(choices=Level.choices, label="Уровень",
                                        empty_label="Все уровни")
    programme = django_filters.ModelChoiceFilter(label="Цитирует проект", queryset=None,
                                                 field_name="citations__programme",
                                                 empty_label="Любой")

    class Meta:
        model = NormativeDocument
        fields = ["q", "level", "programme"]

    def __init__(self, *args, search, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.search = search
        self.filters["programme"].queryset = programmes
        style_filter_fields(self)

    def filter_text(self, queryset, name, value):
        return self.search(queryset, value)
