"""The upload form of an import page: the file and the table's one option."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.xlsx_safety import MAX_FILE_BYTES, check_container
from diagnostics.imports.diagnoses import current_round
from diagnostics.models import DiagnosticRound
from internships.models import Period
from internships.periods import municipality_default_period
from teams.models import Municipality

CHECK, LOAD = "check", "load"


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Файл Excel (.xlsx)",
        help_text="До 10 МБ. Читается первый лист; строку заголовков программа найдёт сама.",
        widget=forms.ClearableFileInput(attrs={
            "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }),
        error_messages={"required": "Выберите файл .xlsx.",
                        "empty": "Файл пуст.", "invalid": "Выберите файл .xlsx."},
    )

    def __init__(self, *args, table: str, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        if table == "indicators":
            self.fields["period"] = forms.ModelChoiceField(
                label="Учебный год", required=False,
                queryset=Period.objects.filter(programme__municipality=municipality)
                .order_by("-starts_on"),
                initial=municipality_default_period(municipality=municipality,
                                                    today=timezone.localdate()),
                empty_label="— текущий —",
                help_text="Для строк, где учебный год не указан.",
            )
        elif table == "staffing":
            self.fields["as_of"] = forms.DateField(
                label="На дату", required=False, initial=timezone.localdate,
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                help_text="Для строк, где дата не указана.",
                error_messages={"invalid": "Введите дату в формате ДД.ММ.ГГГГ."},
            )
        elif table == "diagnoses":
            self.fields["diagnostic_round"] = forms.ModelChoiceField(
                label="Диагностика", required=False,
                queryset=DiagnosticRound.objects.filter(programme__municipality=municipality)
                .order_by("-starts_on"),
                initial=current_round(municipality), empty_label="— текущая —",
                help_text="Для строк, где диагностика не указана.",
            )
        self.helper = FormHelper()
        self.helper.add_input(Submit(CHECK, "Проверить", css_class="btn-outline-primary"))
        self.helper.add_input(Submit(LOAD, "Загрузить"))

    def clean_file(self):
        """Only what is quick is checked here (the size, the container, the number of
        sheets); the rows are read by the background job."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                "Файл больше 10 МБ. Разделите таблицу на части или удалите лишние листы.")
        try:
            check_container(upload)
        except ValidationError as error:
            raise forms.ValidationError(f"Файл не принят. {error.messages[0]}") from error
        return upload

    def options(self) -> dict:
        """The table's option as ``import_file`` takes it (None fields left to defaults)."""
        return {key: value for key, value in self.cleaned_data.items()
                if key != "file" and value is not None}
