"""Forms of the register of teachers."""

from django import forms
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from core.forms import CrispyForm
from people.models import QualificationCategory, Teacher, WorkerCategory
from people.teachers import TeacherDetails
from teams.models import Organization

_DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Введите дату в формате ДД.ММ.ГГГГ."}


class TeacherForm(CrispyForm):
    organization = forms.ModelChoiceField(
        label="Организация", queryset=Organization.objects.none(),
        empty_label="— выберите организацию —",
        error_messages={"required": "Выберите организацию.",
                        "invalid_choice": "Выберите организацию из списка."},
    )
    full_name = forms.CharField(
        label="ФИО", max_length=200,
        help_text="Фамилия, имя, отчество полностью, как в приказе о приёме на работу.",
        error_messages={"required": "Укажите ФИО работника.",
                        "max_length": "ФИО — не длиннее 200 знаков."},
    )
    position = forms.CharField(
        label="Должность", max_length=200,
        widget=forms.TextInput(attrs={"placeholder": "например, учитель математики"}),
        error_messages={"required": "Укажите должность.",
                        "max_length": "Должность — не длиннее 200 знаков."},
    )
    subjects = forms.CharField(
        label="Предметы", max_length=300, required=False,
        help_text="Через запятую, например «математика, информатика».",
        error_messages={"max_length": "Предметы — не длиннее 300 знаков."},
    )
    worker_category = forms.ChoiceField(
        label="Категория работника", choices=[("", "— выберите —"), *WorkerCategory.choices],
        error_messages={"required": "Выберите категорию работника.",
                        "invalid_choice": "Выберите категорию работника из списка."},
    )
    teaching_since = forms.DateField(
        label="Педагогический стаж с", required=False, widget=_DATE_WIDGET,
        help_text="По этой дате портал отмечает молодых педагогов (стаж меньше трёх лет).",
        error_messages=_DATE_ERRORS,
    )
    qualification = forms.ChoiceField(
        label="Квалификационная категория", choices=QualificationCategory.choices,
        initial=QualificationCategory.NONE,
        error_messages={"required": "Выберите квалификационную категорию.",
                        "invalid_choice": "Выберите категорию из списка."},
    )
    qualified_on = forms.DateField(
        label="Дата присвоения категории", required=False, widget=_DATE_WIDGET,
        help_text="Для работника без категории оставьте пустой.",
        error_messages=_DATE_ERRORS,
    )

    def __init__(self, *args, organizations: QuerySet[Organization] | None, **kwargs):
        """``organizations`` to choose from; ``None`` when the organization is fixed."""
        super().__init__(*args, **kwargs)
        if organizations is None:
            del self.fields["organization"]
        else:
            self.fields["organization"].queryset = organizations

    def details(self) -> TeacherDetails:
        data = self.cleaned_data
        return TeacherDetails(
            full_name=data["full_name"], position=data["position"],
            worker_category=data["worker_category"], subjects=data["subjects"],
            teaching_since=data["teaching_since"], qualification=data["qualification"],
            qualified_on=data["qualified_on"],
        )


def teacher_initial(teacher: Teacher) -> dict:
    return {
        "organization": teacher.organization_id, "full_name": teacher.full_name,
        "position": teacher.position, "subjects": teacher.subjects,
        "worker_category": teacher.worker_category, "teaching_since": teacher.teaching_since,
        "qualification": teacher.qualification, "qualified_on": teacher.qualified_on,
    }


class MasterForm(CrispyForm):
    submit_label = "Присвоить статус"
    since = forms.DateField(
        label="Педагог-мастер с", widget=_DATE_WIDGET,
        error_messages={"required": "Укажите дату присвоения статуса.", **_DATE_ERRORS},
    )

    def __init__(self, *args, teacher: Teacher, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["since"].initial = timezone.localdate()
        self.helper.form_action = reverse("teacher_master_grant", args=[teacher.pk])


class AccountForm(CrispyForm):
    """The school opens a teacher's account: a login and a first password to hand over."""

    submit_label = "Открыть учётную запись"
    username = forms.RegexField(
        label="Имя для входа", max_length=150, regex=r"^[A-Za-z0-9.@+_-]+\Z",
        help_text="Латинские буквы, цифры и знаки . @ + - _ без пробелов.",
        error_messages={"required": "Укажите имя для входа.",
                        "invalid": "Имя для входа: только латинские буквы, цифры и . @ + - _.",
                        "max_length": "Имя для входа — не длиннее 150 знаков."},
    )
    password1 = forms.CharField(
        label="Первый пароль", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Не короче 10 знаков, не только цифры. Передайте его работнику лично; "
                  "после входа он сменит пароль сам.",
        error_messages={"required": "Укажите пароль."},
    )
    password2 = forms.CharField(
        label="Пароль ещё раз",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Повторите пароль."},
    )

    def __init__(self, *args, teacher: Teacher, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_action = reverse("teacher_account_open", args=[teacher.pk])

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2") and (
                data["password1"] != data["password2"]):
            self.add_error("password2", "Пароли не совпадают.")
        return data


class NominationForm(CrispyForm):
    submit_label = "Предложить кандидатуру"
    reason = forms.CharField(
        label="Почему работник может стать педагогом-мастером",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Опыт, результаты, что работник готов передавать молодым педагогам.",
        error_messages={"required": "Напишите обоснование кандидатуры."},
    )

    def __init__(self, *args, teacher: Teacher, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_action = reverse("master_nominate", args=[teacher.pk])


class AcceptNominationForm(CrispyForm):
    submit_label = "Присвоить статус"
    since = forms.DateField(
        label="Педагог-мастер с", widget=_DATE_WIDGET,
        error_messages={"required": "Укажите дату присвоения статуса.", **_DATE_ERRORS},
    )

    def __init__(self, *args, nomination, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["since"].initial = timezone.localdate()
        self.fields["since"].widget.attrs["id"] = f"id_since_{nomination.pk}"
        self.helper.form_action = reverse("master_nomination_accept", args=[nomination.pk])


class DeclineNominationForm(CrispyForm):
    submit_label = "Отклонить"
    note = forms.CharField(
        label="Причина отказа", widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Напишите причину отказа: её увидит организация."},
    )

    def __init__(self, *args, nomination, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].widget.attrs["id"] = f"id_note_{nomination.pk}"
        self.helper.form_action = reverse("master_nomination_decline", args=[nomination.pk])
