"""Forms of the services' pages: fields and the model's rules; the writes (staff.py,
passports.py) check scope and files."""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone

from core.forms import SearchableCheckboxes
from services.models import (
    Deliverable,
    MethodService,
    PassportStage,
    ProgrammePassport,
    ServiceDepartment,
    ServiceDirection,
    Specialist,
)
from services.passports import FILE_EXTENSIONS, FILE_MAX_BYTES, PASSPORT_FIELDS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT_ROWS = forms.Textarea(attrs={"rows": 3})


class _Form(forms.ModelForm):
    submit_label = "Сохранить"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", self.submit_label))


class ServiceForm(_Form):
    class Meta:
        model = MethodService
        fields = ["name", "short_name"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.municipality = municipality


class DepartmentForm(_Form):
    class Meta:
        model = ServiceDepartment
        fields = ["name"]

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.service = service


class DirectionForm(_Form):
    class Meta:
        model = ServiceDirection
        fields = ["title"]

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.service = service


class SpecialistForm(_Form):
    class Meta:
        model = Specialist
        fields = ["full_name", "position", "department", "heads_department", "directions"]
        widgets = {"directions": SearchableCheckboxes}

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.service = service
        self.fields["department"].queryset = service.departments.all()
        self.fields["directions"].queryset = service.directions.all()
        self.fields["full_name"].help_text = ("Только ФИО, должность, отдел и направления: "
                                              "контакты и другие сведения портал не хранит.")


class PassportForm(_Form):
    class Meta:
        model = ProgrammePassport
        fields = list(PASSPORT_FIELDS)
        widgets = {name: TEXT_ROWS for name in PASSPORT_FIELDS if name != "nomination"}


class StageForm(_Form):
    class Meta:
        model = PassportStage
        fields = ["number", "title", "starts_on", "ends_on", "tasks"]
        widgets = {"starts_on": DATE_WIDGET, "ends_on": DATE_WIDGET, "tasks": TEXT_ROWS}

    def __init__(self, *args, passport, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.passport = passport


class DeliverableForm(_Form):
    submit_label = "Добавить результат"

    class Meta:
        model = Deliverable
        fields = ["text"]
        widgets = {"text": TEXT_ROWS}


class TickForm(forms.Form):
    done_on = forms.DateField(label="Дата получения", widget=DATE_WIDGET)
    file = forms.FileField(
        label="Файл результата",
        help_text=(f"{', '.join(e.lstrip('.').upper() for e in FILE_EXTENSIONS if e != '.jpeg')}"
                   f", до {FILE_MAX_BYTES // (1024 * 1024)} МБ. Без файла результат не "
                   f"отмечается полученным."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["done_on"].initial = timezone.localdate()
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Отметить полученным"))

    def clean_done_on(self) -> datetime.date:
        done_on = self.cleaned_data["done_on"]
        if done_on > timezone.localdate():
            raise forms.ValidationError("Дата получения не может быть в будущем.")
        return done_on
