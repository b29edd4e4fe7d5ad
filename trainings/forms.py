"""Forms and filters of the sessions, attendance, completions and effectiveness maps."""

import django_filters
from django import forms
from django.db.models.functions import Lower

from core.forms import CrispyForm
from people.models import ModularProgramme, ProgrammeModule, Teacher, TeacherPlatform
from trainings.models import Completion, EffectivenessCriterion, PlatformSession, SessionForm
from trainings.sessions import SessionInput

_DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Введите дату в формате ДД.ММ.ГГГГ.",
                "required": "Укажите дату."}


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, teacher):
        return f"{teacher.full_name} — {teacher.organization.short_name}"


class SessionFilter(django_filters.FilterSet):
    platform = django_filters.ModelChoiceFilter(
        queryset=TeacherPlatform.objects.none(), label="Площадка", empty_label="Все площадки")
    programme = django_filters.ModelChoiceFilter(
        queryset=ModularProgramme.objects.none(), label="Программа",
        empty_label="Все программы")
    date_from = django_filters.DateFilter(field_name="held_on", lookup_expr="gte",
                                          label="С", widget=_DATE_WIDGET)
    date_to = django_filters.DateFilter(field_name="held_on", lookup_expr="lte",
                                        label="По", widget=_DATE_WIDGET)

    class Meta:
        model = PlatformSession
        fields = ["platform", "programme", "date_from", "date_to"]

    def __init__(self, *args, platforms, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["platform"].queryset = platforms
        self.filters["programme"].queryset = programmes


class PlatformSessionForm(CrispyForm):
    held_on = forms.DateField(label="Дата", widget=_DATE_WIDGET, error_messages=_DATE_ERRORS)
    topic = forms.CharField(label="Тема", max_length=500,
                            error_messages={"required": "Укажите тему занятия."})
    form = forms.ChoiceField(label="Форма", choices=SessionForm.choices)
    programme = forms.ModelChoiceField(label="Модульная программа", required=False,
                                       queryset=ModularProgramme.objects.none(),
                                       empty_label="— без программы —")
    module = forms.ModelChoiceField(label="Модуль", required=False,
                                    queryset=ProgrammeModule.objects.none(),
                                    empty_label="— без модуля —")
    led_by = PersonChoiceField(label="Проводит", required=False,
                               queryset=Teacher.objects.none(), empty_label="— не указано —",
                               help_text="Руководитель площадки или педагог-мастер.")
    place = forms.CharField(label="Место", max_length=300, required=False)
    notes = forms.CharField(label="Примечания", required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, platform: TeacherPlatform, session=None, **kwargs):
        if session is not None:
            kwargs.setdefault("initial", {
                "held_on": session.held_on, "topic": session.topic, "form": session.form,
                "programme": session.programme_id, "module": session.module_id,
                "led_by": session.led_by_id, "place": session.place, "notes": session.notes})
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = platform.programmes.all()
        self.fields["module"].queryset = ProgrammeModule.objects.filter(
            programme__platform=platform).select_related("programme")
        leaders = Teacher.objects.filter(working_groups=platform)
        if platform.head_id:
            leaders = leaders | Teacher.objects.filter(pk=platform.head_id)
        self.fields["led_by"].queryset = leaders.distinct().select_related("organization")

    def session_input(self) -> SessionInput:
        return SessionInput(**self.cleaned_data)


class AttendanceForm(forms.Form):
    """The people allowed, as a checkbox list the page filters by typing."""

    teachers = forms.ModelMultipleChoiceField(
        label="Пришли на занятие", required=False, queryset=Teacher.objects.none(),
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teachers"].queryset = candidates


class CompletionForm(CrispyForm):
    teacher = PersonChoiceField(label="Работник", queryset=Teacher.objects.none(),
                                empty_label="— выберите работника —",
                                error_messages={"required": "Выберите работника."})
    programme = forms.ModelChoiceField(label="Модульная программа",
                                       queryset=ModularProgramme.objects.none(),
                                       empty_label="— выберите программу —",
                                       error_messages={"required": "Выберите программу."})
    completed_on = forms.DateField(label="Дата завершения", widget=_DATE_WIDGET,
                                   error_messages=_DATE_ERRORS)
    document = forms.CharField(label="Документ, номер", max_length=300,
                               help_text="Например, «удостоверение № 231200012345».",
                               error_messages={"required": "Укажите документ и его номер."})
    hours = forms.IntegerField(label="Часов", required=False, min_value=1, max_value=2000,
                               error_messages={"min_value": "Часов должно быть не меньше 1.",
                                               "invalid": "Введите целое число часов."})

    def __init__(self, *args, teachers, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teacher"].queryset = teachers.select_related("organization")
        self.fields["programme"].queryset = programmes


class CriterionForm(CrispyForm):
    submit_label = "Добавить критерий"
    number = forms.IntegerField(label="Номер", min_value=1, max_value=99,
                                error_messages={"min_value": "Номер критерия — от 1."})
    title = forms.CharField(label="Критерий", max_length=500)
    scale_min = forms.IntegerField(label="Шкала от", required=False)
    scale_max = forms.IntegerField(label="Шкала до", required=False)
    description = forms.CharField(label="Описание (если шкалы нет)", required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    illustrative = forms.BooleanField(label="Иллюстративный (для примера)", required=False)


class MarkForm(CrispyForm):
    submit_label = "Записать отметку"
    criterion = forms.ModelChoiceField(label="Критерий",
                                       queryset=EffectivenessCriterion.objects.none(),
                                       empty_label="— выберите критерий —",
                                       error_messages={"required": "Выберите критерий."})
    marked_on = forms.DateField(label="Дата", widget=_DATE_WIDGET, error_messages=_DATE_ERRORS)
    value = forms.IntegerField(label="Балл", required=False)
    comment = forms.CharField(label="Отметка словами", required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].queryset = criteria.select_related("programme")
        self.fields["criterion"].label_from_instance = (
            lambda item: f"{item.programme.title}: {item.number}. {item.title}")


class CompletionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_name", label="ФИО",
                                  widget=forms.TextInput(
                                      attrs={"placeholder": "часть фамилии или имени"}))
    programme = django_filters.ModelChoiceFilter(
        queryset=ModularProgramme.objects.none(), label="Программа",
        empty_label="Все программы")
    date_from = django_filters.DateFilter(field_name="completed_on", lookup_expr="gte",
                                          label="С", widget=_DATE_WIDGET)
    date_to = django_filters.DateFilter(field_name="completed_on", lookup_expr="lte",
                                        label="По", widget=_DATE_WIDGET)

    class Meta:
        model = Completion
        fields = ["q", "programme", "date_from", "date_to"]

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["programme"].queryset = programmes

    def filter_name(self, queryset, name, value):
        folded = " ".join(value.split()).lower()
        if not folded:
            return queryset
        return queryset.alias(name_folded=Lower("teacher__full_name")).filter(
            name_folded__contains=folded)


_PERCENT_ERRORS = {"required": "Укажите цель в процентах.",
                   "invalid": "Введите число процентов, например 41.",
                   "min_value": "Цель — процент от 0 до 100.",
                   "max_value": "Цель — процент от 0 до 100."}


class CoverageTargetForm(CrispyForm):
    teachers_percent = forms.DecimalField(
        label="Педагоги участвующих организаций, не менее %", min_value=0, max_value=100,
        max_digits=5, decimal_places=1, error_messages=_PERCENT_ERRORS)
    specialists_percent = forms.DecimalField(
        label="Специалисты УО и методической службы, не менее %", min_value=0,
        max_value=100, max_digits=5, decimal_places=1, error_messages=_PERCENT_ERRORS)


class PeriodForm(forms.Form):
    date_from = forms.DateField(label="С", widget=_DATE_WIDGET, error_messages=_DATE_ERRORS)
    date_to = forms.DateField(label="По", widget=_DATE_WIDGET, error_messages=_DATE_ERRORS)

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("date_from") and cleaned.get("date_to")
                and cleaned["date_to"] < cleaned["date_from"]):
            raise forms.ValidationError("Конец периода раньше начала.")
        return cleaned
