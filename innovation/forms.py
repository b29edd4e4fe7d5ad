"""Forms of innovation projects: the card, stage moves, methodological help, people,
documents, remarks and the application's sections."""

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from core.forms import CrispyForm
from innovation.models import AssignmentKind, HelpForm, PathStage, ProjectDocument
from innovation.projects import DOCUMENT_EXTENSIONS
from internships.attachments import extensions_text
from internships.models import Period
from teams.models import Organization

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Введите дату в формате ДД.ММ.ГГГГ.", "required": "Укажите дату."}
FILE_HELP = f"{extensions_text(DOCUMENT_EXTENSIONS)}, до 20 МБ."


def _date(label: str) -> forms.DateField:
    return forms.DateField(label=label, widget=_DATE, error_messages=_DATE_ERRORS,
                           initial=timezone.localdate)


def _text(label: str, *, required: bool = False, rows: int = 3, help_text: str = "",
          message: str = "Заполните поле.") -> forms.CharField:
    return forms.CharField(label=label, required=required, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": rows}),
                           error_messages={"required": message})


class ProjectForm(CrispyForm):
    organization = forms.ModelChoiceField(
        label="Образовательная организация", queryset=Organization.objects.none(),
        empty_label="— выберите организацию —",
        error_messages={"required": "Выберите организацию.",
                        "invalid_choice": "Выберите организацию из списка."})
    period = forms.ModelChoiceField(
        label="Учебный год", queryset=Period.objects.none(), empty_label="— выберите год —",
        help_text="Проект управления образования и учебный год, в котором школа заявляет "
                  "проект.",
        error_messages={"required": "Выберите учебный год.",
                        "invalid_choice": "Выберите учебный год из списка."})
    is_pilot = forms.BooleanField(label="Пилотная школа", required=False,
                                  help_text="Школа входит в число пилотных школ проекта "
                                            "(по приказу управления образования).")
    theme = forms.CharField(label="Тема проекта", max_length=500,
                            error_messages={"required": "Укажите тему проекта."})
    key_problem = _text("Ключевая проблема",
                        help_text="Главная проблема школы по итогам проблемного анализа "
                                  "(IV этап). Можно заполнить позже.")
    idea = _text("Проектная идея", help_text="Идея развития школы на ближайший период "
                                             "(V этап).")
    innovation_object = _text("Объект нововведений", rows=2)
    plan = _text("План управленческих действий", rows=5,
                 help_text="Конкретные действия по реализации идеи (VI этап).")

    def __init__(self, *args, organizations: QuerySet | None, periods: QuerySet | None,
                 sets_pilot: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if organizations is None:
            del self.fields["organization"]
        else:
            self.fields["organization"].queryset = organizations.order_by("name")
            if organizations.count() == 1:
                self.fields["organization"].initial = organizations.first().pk
        if periods is None:
            del self.fields["period"]
        else:
            self.fields["period"].queryset = periods.select_related("programme").order_by(
                "programme__title", "-starts_on")
            self.fields["period"].label_from_instance = (
                lambda period: f"{period.programme.title} — {period.title}")
        if not sets_pilot:
            del self.fields["is_pilot"]


class MoveForm(CrispyForm):
    submit_label = "Перевести"
    to_stage = forms.ModelChoiceField(
        label="Новый этап", queryset=PathStage.objects.none(), empty_label="— выберите этап —",
        error_messages={"required": "Выберите этап.",
                        "invalid_choice": "Выберите этап из списка."})
    moved_on = _date("Дата перехода")
    evidence = _text("Чем подтверждён переход", required=True,
                     help_text="Что показала школа: протокол педсовета, приказ, результаты "
                               "проблемного анализа, план.",
                     message="Укажите, чем подтверждён переход.")
    evidence_document = forms.ModelChoiceField(
        label="Документ проекта", queryset=ProjectDocument.objects.none(), required=False,
        empty_label="— без документа —",
        error_messages={"invalid_choice": "Выберите документ из списка."})
    evidence_file = forms.FileField(label="Или загрузите документ-подтверждение",
                                    required=False, help_text=FILE_HELP)

    def __init__(self, *args, stages: QuerySet, documents: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].queryset = stages
        self.fields["to_stage"].label_from_instance = str
        self.fields["evidence_document"].queryset = documents
        if not documents.exists():
            del self.fields["evidence_document"]

    def clean(self):
        data = super().clean()
        if data.get("evidence_document") and data.get("evidence_file"):
            self.add_error("evidence_file", "Выберите документ проекта или загрузите новый, "
                                            "но не оба сразу.")
        return data


class ConsultationForm(CrispyForm):
    held_on = _date("Дата")
    form = forms.ChoiceField(label="Форма", choices=HelpForm.choices,
                             error_messages={"required": "Выберите форму помощи.",
                                             "invalid_choice": "Выберите форму из списка."})
    form_other = forms.CharField(label="Другая форма", max_length=200, required=False,
                                 help_text="Только для формы «Другое».")
    topic = forms.CharField(label="Тема", max_length=500,
                            error_messages={"required": "Укажите тему."})
    advisers = forms.CharField(label="Кто проводил", max_length=300,
                               error_messages={"required": "Укажите, кто проводил."})
    participants = forms.CharField(label="С кем", max_length=300, required=False,
                                   help_text="Кто был от школы: директор, заместители, "
                                             "рабочая группа.")
    outcome = _text("Итог", help_text="Что решили, что школа сделает к следующей встрече.")

    def clean(self):
        data = super().clean()
        if data.get("form") == HelpForm.OTHER and not data.get("form_other", "").strip():
            self.add_error("form_other", "Назовите форму помощи.")
        return data


class AssignmentForm(CrispyForm):
    submit_label = "Назначить"
    kind = forms.ChoiceField(label="Назначить как", choices=AssignmentKind.choices,
                             error_messages={"required": "Выберите, кем назначить.",
                                             "invalid_choice": "Выберите из списка."})
    user = forms.ModelChoiceField(
        label="Пользователь", queryset=None, empty_label="— выберите пользователя —",
        help_text="Куратор — специалист управления образования или методического центра; "
                  "тьютор — любой пользователь муниципального образования.",
        error_messages={"required": "Выберите пользователя.",
                        "invalid_choice": "Выберите пользователя из списка."})
    assigned_on = _date("С какого числа")

    def __init__(self, *args, users: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["user"].label_from_instance = (
            lambda user: user.get_full_name() or user.get_username())


class DocumentForm(CrispyForm):
    submit_label = "Загрузить"
    title = forms.CharField(label="Что это за документ", max_length=300, required=False,
                            help_text="Например, «Приказ о рабочей группе».")
    file = forms.FileField(label="Файл", help_text=FILE_HELP,
                           error_messages={"required": "Выберите файл."})


class CommentForm(CrispyForm):
    submit_label = "Добавить замечание"
    text = _text("Замечание", required=True, message="Напишите замечание.")


class ApplicationForm(CrispyForm):
    """One text field per section of the template, named ``section_<id>``."""

    submit_label = "Сохранить новую версию"
    title = forms.CharField(label="Заголовок заявки", max_length=500, required=False,
                            help_text="Например, номинация. Пусто — тема проекта.")
    note = forms.CharField(label="Что изменено в этой версии", max_length=300, required=False)

    def __init__(self, *args, sections: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = sections
        for section in sections:
            self.fields[f"section_{section.pk}"] = forms.CharField(
                label=str(section), required=False, help_text=section.hint,
                widget=forms.Textarea(attrs={"rows": 4}))

    def texts(self) -> dict[int, str]:
        return {section.pk: self.cleaned_data.get(f"section_{section.pk}", "")
                for section in self.sections}
