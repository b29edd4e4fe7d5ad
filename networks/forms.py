"""Forms of networks: the network, a member or partner, a membership's status, an agreement,
a signature, an event, its report and its materials."""

from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.forms import CrispyForm, SearchableCheckboxes
from internships.attachments import extensions_text
from networks.files import DOCUMENT_EXTENSIONS, MATERIAL_EXTENSIONS
from networks.models import (
    AgreementKind,
    EventForm,
    MembershipRole,
    MembershipStatus,
    PartnerKind,
)

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Введите дату в формате ДД.ММ.ГГГГ.", "required": "Укажите дату."}
DOCUMENT_HELP = f"{extensions_text(DOCUMENT_EXTENSIONS)}, до 20 МБ."
MATERIAL_HELP = f"{extensions_text(MATERIAL_EXTENSIONS)}, до 20 МБ."


def _date(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(label=label, widget=_DATE, required=required, help_text=help_text,
                           error_messages=_DATE_ERRORS,
                           initial=timezone.localdate if required else None)


def _text(label: str, *, required: bool = False, rows: int = 3, help_text: str = "",
          max_length: int | None = None) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows > 1 else forms.TextInput
    return forms.CharField(label=label, required=required, help_text=help_text,
                           max_length=max_length, widget=widget,
                           error_messages={"required": "Заполните поле."})


class NetworkForm(CrispyForm):
    title = _text("Название сети", required=True, rows=1, max_length=500)
    hub_organization = forms.ModelChoiceField(
        label="Методическая служба (ресурсный центр)", queryset=None, required=False,
        empty_label="— управление образования —",
        help_text="Организация вашего муниципалитета, которая ведёт сеть.")
    description = _text("Описание", rows=4)
    programme = forms.ModelChoiceField(label="Проект", queryset=None, required=False,
                                       empty_label="— без проекта —")
    starts_on = _date("Начало")
    ends_on = _date("Окончание", required=False)

    def __init__(self, *args, organizations, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hub_organization"].queryset = organizations
        self.fields["programme"].queryset = programmes

    def clean(self):
        data = super().clean()
        if data.get("ends_on") and data.get("starts_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "Окончание раньше начала.")
        return data


class MemberForm(CrispyForm):
    submit_label = "Добавить"
    municipality = forms.ModelChoiceField(
        label="Муниципальное образование", queryset=None, required=False,
        empty_label="—", help_text="Муниципалитет (его методическая служба) — участник сети.")
    organization = forms.ModelChoiceField(label="Организация", queryset=None, required=False,
                                          empty_label="—")
    partner = forms.ModelChoiceField(label="Партнёр", queryset=None, required=False,
                                     empty_label="—",
                                     help_text="Вуз, институт развития образования, частная "
                                               "организация.")
    partner_name = _text("Новый партнёр: полное наименование", rows=1, max_length=500,
                         help_text="Если партнёра нет в списке.")
    partner_short_name = _text("Новый партнёр: краткое наименование", rows=1, max_length=200)
    partner_kind = forms.ChoiceField(label="Новый партнёр: вид", required=False,
                                     choices=[("", "—"), *PartnerKind.choices])
    role = forms.ChoiceField(label="Роль в сети", choices=MembershipRole.choices)
    status = forms.ChoiceField(label="Статус", choices=MembershipStatus.choices[:2])
    joined_on = _date("Дата вступления", required=False)

    def __init__(self, *args, municipalities, organizations, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["organization"].queryset = organizations
        self.fields["partner"].queryset = partners

    def clean(self):
        data = super().clean()
        new_partner = bool(data.get("partner_name"))
        if new_partner and not data.get("partner_kind"):
            self.add_error("partner_kind", "Укажите вид нового партнёра.")
        chosen = [name for name in ("municipality", "organization", "partner")
                  if data.get(name)] + (["new"] if new_partner else [])
        if len(chosen) != 1:
            raise ValidationError("Выберите ровно одного участника: муниципалитет, "
                                  "организацию или партнёра (или впишите нового партнёра).")
        return data


class MembershipForm(CrispyForm):
    status = forms.ChoiceField(label="Статус", choices=MembershipStatus.choices)
    joined_on = _date("Дата вступления", required=False)
    ended_on = _date("Дата выхода", required=False, help_text="Для статуса «прекращено».")
    note = _text("Примечание", rows=1, max_length=500)
    document_title = _text("Документ: название", rows=1, max_length=300,
                           help_text="Например: «Согласие управления образования».")
    document = forms.FileField(label="Документ: файл", required=False, help_text=DOCUMENT_HELP)

    def clean(self):
        data = super().clean()
        if data.get("document") and not data.get("document_title"):
            self.add_error("document_title", "Назовите документ.")
        return data


class AgreementForm(CrispyForm):
    kind = forms.ChoiceField(label="Вид документа", choices=AgreementKind.choices)
    title = _text("Название", required=True, rows=1, max_length=500)
    subject = _text("Предмет", rows=4)
    number = _text("Номер", rows=1, max_length=50)
    concluded_on = _date("Дата", required=False)
    valid_from = _date("Действует с", required=False)
    valid_to = _date("Действует по", required=False)
    file = forms.FileField(label="Файл соглашения", required=False, help_text=DOCUMENT_HELP)
    parties = forms.MultipleChoiceField(
        label="Стороны", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Участники и партнёры сети, которые подписывают документ.")

    def __init__(self, *args, party_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        if party_choices:
            self.fields["parties"].choices = party_choices
        else:
            del self.fields["parties"]


class SignatureForm(CrispyForm):
    submit_label = "Отметить подписание"
    signed_on = _date("Дата подписания")
    signed_by = _text("Кто подписал", required=True, rows=1, max_length=200,
                      help_text="Должность и Ф. И. О. подписавшего.")
    scan = forms.FileField(label="Скан подписанного экземпляра", required=False,
                           help_text=DOCUMENT_HELP)


class NetworkEventForm(CrispyForm):
    starts_on = _date("Дата")
    ends_on = _date("Дата окончания", required=False,
                    help_text="Если мероприятие идёт несколько дней.")
    form = forms.ChoiceField(label="Форма", choices=EventForm.choices)
    topic = _text("Тема", required=True, rows=2, max_length=500)
    audience = _text("Целевая аудитория", rows=1, max_length=500)
    host = forms.ChoiceField(label="Кто проводит", choices=())
    responsible = _text("Ответственный", rows=1, max_length=300)

    def __init__(self, *args, host_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].choices = host_choices


class ReportForm(CrispyForm):
    submit_label = "Сохранить отчёт"
    outcome = _text("Итоги", required=True, rows=4)

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        for municipality in municipalities:
            self.fields[f"participants_{municipality.pk}"] = forms.IntegerField(
                label=f"Участников: {municipality.name}", required=False, min_value=0,
                error_messages={"min_value": "Число участников не может быть меньше нуля.",
                                "invalid": "Введите целое число."})

    def participants(self) -> dict[int, int | None]:
        return {int(name.removeprefix("participants_")): value
                for name, value in self.cleaned_data.items()
                if name.startswith("participants_")}


class MaterialForm(CrispyForm):
    submit_label = "Добавить материал"
    title = _text("Название материала", required=True, rows=1, max_length=300)
    file = forms.FileField(label="Файл", help_text=MATERIAL_HELP,
                           error_messages={"required": "Выберите файл."})


class CoordinatorsForm(CrispyForm):
    coordinators = forms.ModelMultipleChoiceField(
        label="Координаторы", queryset=None, required=False, widget=SearchableCheckboxes,
        help_text="Специалисты управлений образования и методических служб муниципалитетов "
                  "сети. Координатор ведёт участников, соглашения и мероприятия сети.")

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinators"].queryset = users
        self.fields["coordinators"].label_from_instance = (
            lambda user: f"{user.get_full_name() or user.username} — {user.profile.municipality}")


# A suggestion only: the document names no sections, the coordinator sets them.
SUGGESTED_SECTIONS = ("Мероприятия сети, проведённые участником\n"
                      "Результаты и продукты за период\n"
                      "Трудности и предложения на следующий период")


class JointReportForm(CrispyForm):
    title = _text("Название", required=True, rows=1, max_length=300,
                  help_text="Например: «Совместный отчёт сети за первое полугодие 2022 года».")
    period_starts_on = _date("Начало отчётного периода")
    period_ends_on = _date("Окончание отчётного периода")
    due_on = _date("Срок сдачи частей", help_text="До этой даты участники сдают свои части.")
    sections = _text("Разделы отчёта", required=True, rows=5,
                     help_text="По одному разделу в строке. Каждый участник пишет текст в "
                               "каждом разделе своей части.")
    instructions = _text("Что написать участникам", rows=3)


class PartForm(CrispyForm):
    """A text per section of the report, and a file with its title."""

    submit_label = "Сохранить черновик"
    file_title = _text("Файл: название", rows=1, max_length=300,
                       help_text="Например: «Программа методического дня».")
    file = forms.FileField(label="Файл", required=False, help_text=MATERIAL_HELP)

    def __init__(self, *args, sections, instructions: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        texts = {}
        for section in sections:
            texts[f"section_{section.pk}"] = _text(f"{section.number}. {section.title}",
                                                   rows=5)
        if texts and instructions:
            next(iter(texts.values())).help_text = f"Координатор: {instructions}"
        self.fields = {**texts, **self.fields}
        self.helper.add_input(Submit("submit_part", "Сдать часть",
                                     css_class="btn-success ms-2"))

    def texts(self) -> dict[int, str]:
        return {int(name.removeprefix("section_")): value
                for name, value in self.cleaned_data.items() if name.startswith("section_")}

    def clean(self):
        data = super().clean()
        if data.get("file") and not data.get("file_title"):
            self.add_error("file_title", "Назовите файл.")
        return data


class ReturnPartForm(CrispyForm):
    submit_label = "Вернуть на доработку"
    comment = _text("Что доработать", required=True, rows=4)
