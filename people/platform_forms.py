"""Forms of the platforms for teachers, their modular programmes and the competence areas."""

import django_filters
from crispy_forms.helper import FormHelper
from django import forms
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Concat, Lower

from core.forms import CrispyForm, SearchableCheckboxes
from people.models import CompetenceArea, PlatformKind, Teacher, TeacherPlatform
from people.platform_reads import KIND_GROUPS
from people.platforms import MAX_MODULE_NUMBER, ModuleInput, PlatformInput, ProgrammeInput
from teams.models import Organization

_DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Введите дату в формате ДД.ММ.ГГГГ."}


class TeacherPlatformFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        method="filter_kind", label="Вид площадки", empty_label="Все виды",
        choices=[(key, title) for key, (title, _) in KIND_GROUPS.items()],
    )
    q = django_filters.CharFilter(
        method="filter_text", label="Тема или база",
        widget=forms.TextInput(attrs={"placeholder": "часть темы или названия ОО"}),
    )

    class Meta:
        model = TeacherPlatform
        fields = ["kind", "q"]

    def filter_kind(self, queryset, name, value):
        return queryset.filter(kind__in=KIND_GROUPS[value][1])

    def filter_text(self, queryset, name, value):
        folded = " ".join(value.split()).lower()
        if not folded:
            return queryset
        return queryset.alias(
            title_folded=Lower("title"),
            host_folded=Lower(Concat("host__short_name", Value(" | "), "host__name")),
        ).filter(Q(title_folded__contains=folded) | Q(host_folded__contains=folded))


class TeacherChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, teacher):
        return f"{teacher.full_name} — {teacher.organization.short_name}"


class MasterChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, teacher):
        return f"{teacher.full_name} — {teacher.organization.short_name}"


class PlatformForm(CrispyForm):
    host = forms.ModelChoiceField(
        label="База площадки", queryset=Organization.objects.none(),
        empty_label="— выберите организацию —",
        help_text="Школа, детский сад или другая организация, на базе которой работает площадка.",
        error_messages={"required": "Выберите организацию — базу площадки.",
                        "invalid_choice": "Выберите организацию своего муниципального "
                                          "образования из списка."},
    )
    kind = forms.ChoiceField(label="Вид площадки", choices=PlatformKind.choices,
                             error_messages={"required": "Выберите вид площадки."})
    title = forms.CharField(label="Тема", max_length=500,
                            error_messages={"required": "Укажите тему площадки."})
    head = TeacherChoiceField(
        label="Руководитель", queryset=Teacher.objects.none(), required=False,
        empty_label="— не назначен —",
        error_messages={"invalid_choice": "Выберите руководителя из педагогов своего "
                                          "муниципального образования."},
    )
    masters = MasterChoiceField(
        label="Рабочая группа педагогов-мастеров", queryset=Teacher.objects.none(),
        required=False, widget=SearchableCheckboxes,
        help_text="В список входят педагоги со статусом «Педагог-мастер».",
        error_messages={"invalid_choice": "В рабочую группу входят только педагоги-мастера "
                                          "своего муниципального образования.",
                        "invalid_pk_value": "Выберите педагогов-мастеров из списка."},
    )
    starts_on = forms.DateField(label="Начало работы", required=False, widget=_DATE_WIDGET,
                                error_messages=_DATE_ERRORS)
    ends_on = forms.DateField(label="Окончание работы", required=False, widget=_DATE_WIDGET,
                              error_messages=_DATE_ERRORS)

    def __init__(self, *args, hosts: QuerySet[Organization], teachers: QuerySet[Teacher],
                 platform: TeacherPlatform | None = None, **kwargs):
        if platform is not None:
            kwargs.setdefault("initial", {
                "host": platform.host_id, "kind": platform.kind, "title": platform.title,
                "head": platform.head_id, "starts_on": platform.starts_on,
                "ends_on": platform.ends_on,
                "masters": [teacher.pk for teacher in platform.masters.all()],
            })
        super().__init__(*args, **kwargs)
        teachers = teachers.select_related("organization")
        self.fields["host"].queryset = hosts
        self.fields["head"].queryset = teachers
        # The present members stay listed, so that one who lost the status can be seen
        # and taken out of the group.
        present = platform.masters.values("pk") if platform is not None else []
        self.fields["masters"].queryset = teachers.filter(
            Q(master_since__isnull=False) | Q(pk__in=present))

    def platform_input(self) -> PlatformInput:
        data = self.cleaned_data
        return PlatformInput(
            host=data["host"], kind=data["kind"], title=data["title"], head=data["head"],
            masters=tuple(data["masters"]), starts_on=data["starts_on"],
            ends_on=data["ends_on"],
        )


class ProgrammeForm(forms.Form):
    title = forms.CharField(label="Название", max_length=500,
                            error_messages={"required": "Укажите название программы."})
    competence_areas = forms.ModelMultipleChoiceField(
        label="Области компетенций", queryset=CompetenceArea.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Выберите области компетенций из списка своего "
                                          "муниципального образования.",
                        "invalid_pk_value": "Выберите области компетенций из списка."},
    )
    months_from = forms.IntegerField(
        label="Срок обучения, от (мес.)", required=False, min_value=1, max_value=120,
        help_text="Например, 12 для программы «на 1–1,5 года». Можно не указывать.",
        error_messages={"invalid": "Срок — целое число месяцев.",
                        "min_value": "Срок обучения — не меньше одного месяца.",
                        "max_value": "Срок обучения — не больше 120 месяцев."},
    )
    months_to = forms.IntegerField(
        label="до (мес.)", required=False, min_value=1, max_value=120,
        help_text="Например, 18. Пусто, если срок один.",
        error_messages={"invalid": "Срок — целое число месяцев.",
                        "min_value": "Срок обучения — не меньше одного месяца.",
                        "max_value": "Срок обучения — не больше 120 месяцев."},
    )
    author = forms.CharField(label="Автор (составитель)", max_length=300, required=False)
    summary = forms.CharField(label="Содержание", required=False, max_length=10000,
                              widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, areas: QuerySet[CompetenceArea], programme=None, **kwargs):
        if programme is not None:
            kwargs.setdefault("initial", {
                "title": programme.title, "months_from": programme.months_from,
                "months_to": programme.months_to, "author": programme.author,
                "summary": programme.summary,
                "competence_areas": [area.pk for area in programme.competence_areas.all()],
            })
        super().__init__(*args, **kwargs)
        self.fields["competence_areas"].queryset = areas
        self.helper = FormHelper()
        self.helper.form_tag = False

    def programme_input(self) -> ProgrammeInput:
        data = self.cleaned_data
        return ProgrammeInput(
            title=data["title"], competence_areas=tuple(data["competence_areas"]),
            months_from=data["months_from"], months_to=data["months_to"],
            author=data["author"], summary=data["summary"],
        )


class ModuleForm(forms.Form):
    module_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    number = forms.IntegerField(
        label="№", min_value=1, max_value=MAX_MODULE_NUMBER,
        error_messages={"required": "Укажите номер модуля.",
                        "invalid": "Номер модуля — целое число.",
                        "min_value": "Номер модуля — положительное число.",
                        "max_value": f"Номер модуля — не больше {MAX_MODULE_NUMBER}."},
    )
    title = forms.CharField(label="Название модуля", max_length=500,
                            error_messages={"required": "Укажите название модуля."})
    hours = forms.IntegerField(
        label="Часов", required=False, min_value=1, max_value=32767,
        error_messages={"invalid": "Часы — целое число.",
                        "min_value": "Число часов — положительное или не указано.",
                        "max_value": "Слишком большое число часов."},
    )
    form = forms.CharField(label="Форма", max_length=200, required=False)


ModuleFormSet = forms.formset_factory(ModuleForm, extra=1, can_delete=True, max_num=100,
                                      validate_max=True)


def module_formset(data, *, programme=None):
    initial = [
        {"module_id": module.pk, "number": module.number, "title": module.title,
         "hours": module.hours, "form": module.form}
        for module in programme.modules.all()
    ] if programme is not None else []
    return ModuleFormSet(data, initial=initial, prefix="modules")


def module_inputs(formset) -> list[ModuleInput]:
    """The modules kept in the formset, in their order on the page."""
    inputs = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data or data.get("DELETE"):
            continue
        inputs.append(ModuleInput(
            number=data["number"], title=data["title"], hours=data.get("hours"),
            form=data.get("form", ""), module_id=data.get("module_id"),
        ))
    return inputs


class CompetenceAreaForm(CrispyForm):
    number = forms.IntegerField(
        label="Номер", min_value=1, max_value=32767,
        error_messages={"required": "Укажите номер.", "invalid": "Номер — целое число.",
                        "min_value": "Номер — положительное число.",
                        "max_value": "Слишком большой номер."},
    )
    title = forms.CharField(label="Название", max_length=300,
                            help_text="Например, «ИКТ-компетенции».",
                            error_messages={"required": "Укажите название области."})
