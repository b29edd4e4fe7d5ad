"""Forms of conferences and contests."""

from django import forms

from contests.events import ContestDetails, regulation_help
from contests.models import Audience, CategoryMethod, EventKind, RegionalOutcome, StatusKind
from contests.results import StatusAward
from core.forms import CrispyForm

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _date(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE_WIDGET, error_messages={
        "required": f"Укажите дату: {label.lower()}.",
        "invalid": "Введите дату в формате ДД.ММ.ГГГГ."}, **kwargs)


def _points(label: str) -> forms.DecimalField:
    return forms.DecimalField(label=label, required=False, min_value=0, max_digits=6,
                              decimal_places=2,
                              error_messages={"min_value": "Порог не может быть меньше 0."})


class ContestForm(CrispyForm):
    kind = forms.ChoiceField(label="Вид мероприятия", choices=EventKind.choices)
    title = forms.CharField(label="Название", max_length=300,
                            error_messages={"required": "Укажите название мероприятия."})
    year = forms.IntegerField(label="Год проведения", min_value=2000, max_value=2100,
                              error_messages={"required": "Укажите год проведения."})
    description = forms.CharField(label="Описание", required=False, widget=forms.Textarea(
        attrs={"rows": 3}))
    regulation_number = forms.CharField(label="Номер приказа о положении", max_length=50,
                                        required=False)
    regulation_date = _date("Дата приказа о положении", required=False)
    regulation_issuer = forms.CharField(label="Кто издал приказ", max_length=200,
                                        required=False)
    regulation_file = forms.FileField(label="Файл положения", required=False,
                                      help_text=regulation_help())
    category_method = forms.ChoiceField(label="Как определяются категории",
                                        choices=CategoryMethod.choices)
    winner_places = forms.IntegerField(label="Мест победителя в номинации", min_value=0,
                                       initial=1)
    prize_places = forms.IntegerField(label="Мест призёров в номинации", min_value=0,
                                      initial=2)
    laureate_places = forms.IntegerField(label="Мест лауреатов в номинации", min_value=0,
                                         initial=3)
    winner_min = _points("Порог победителя (средний балл)")
    prize_min = _points("Порог призёра (средний балл)")
    laureate_min = _points("Порог лауреата (средний балл)")
    illustrative = forms.BooleanField(
        label="Номинации и критерии иллюстративные", required=False,
        help_text="Отметьте, если они не взяты из утверждённого положения.")

    def details(self) -> ContestDetails:
        data = dict(self.cleaned_data)
        data.pop("regulation_file", None)
        return ContestDetails(**data)


class WindowForm(CrispyForm):
    submit_label = "Добавить окно"
    opens_on = _date("Приём заявок с")
    closes_on = _date("Приём заявок по")


class NominationForm(CrispyForm):
    audience = forms.ChoiceField(label="Для кого", choices=Audience.choices)
    title = forms.CharField(label="Название номинации", max_length=300,
                            error_messages={"required": "Укажите название номинации."})
    description = forms.CharField(label="Описание", required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))


class CriterionForm(CrispyForm):
    number = forms.IntegerField(label="Номер", min_value=1,
                                error_messages={"required": "Укажите номер критерия."})
    title = forms.CharField(label="Критерий", max_length=300,
                            error_messages={"required": "Укажите название критерия."})
    description = forms.CharField(label="Что оценивается", required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    maximum = forms.IntegerField(label="Максимальный балл", min_value=1, max_value=1000,
                                 error_messages={"required": "Укажите максимальный балл.",
                                                 "min_value": "Максимальный балл — не меньше 1."})


class ExpertForm(CrispyForm):
    submit_label = "Назначить"
    user = forms.ModelChoiceField(label="Пользователь портала", queryset=None,
                                  error_messages={"required": "Выберите пользователя."})
    organization = forms.ModelChoiceField(
        label="Место работы эксперта", queryset=None, required=False,
        help_text="Если пусто — организация его роли. Заявки этой организации и её "
                  "педагогов эксперт не оценивает.")
    nominations = forms.ModelMultipleChoiceField(
        label="Номинации", queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Отметьте хотя бы одну номинацию."})

    def __init__(self, *args, users, organizations, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["user"].label_from_instance = (
            lambda u: f"{u.get_full_name() or u.get_username()} ({u.get_username()})")
        self.fields["organization"].queryset = organizations
        self.fields["nominations"].queryset = nominations


class ApplicationForm(CrispyForm):
    submit_label = "Подать заявку"
    nomination = forms.ModelChoiceField(label="Номинация", queryset=None,
                                        error_messages={"required": "Выберите номинацию."})
    title = forms.CharField(label="Тема работы", max_length=500,
                            error_messages={"required": "Укажите тему работы."})
    project = forms.ModelChoiceField(
        label="Инновационный проект организации", queryset=None, required=False,
        empty_label="— без проекта —",
        help_text="Если работа представляет проект школы, выберите его.")

    def __init__(self, *args, nominations, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomination"].queryset = nominations
        self.fields["project"].queryset = projects


class WithdrawForm(CrispyForm):
    submit_label = "Отозвать заявку"
    reason = forms.CharField(label="Причина отзыва", max_length=500,
                             error_messages={"required": "Укажите причину отзыва."})


class RegionalForm(CrispyForm):
    outcome = forms.ChoiceField(label="Итог I этапа краевого конкурса",
                                choices=RegionalOutcome.choices, required=False)
    note = forms.CharField(label="Анализ ошибок", required=False,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           help_text="Обязателен, если работа не прошла I этап.")


class StatusForm(CrispyForm):
    submit_label = "Записать статус"
    kind = forms.ChoiceField(label="Статус", choices=StatusKind.choices)
    order_number = forms.CharField(label="Номер приказа", max_length=50,
                                   error_messages={"required": "Укажите номер приказа."})
    order_date = _date("Дата приказа")
    issuer = forms.CharField(label="Кто присвоил", max_length=300,
                             error_messages={"required": "Укажите, кто присвоил статус."})
    valid_until = _date("Действует до", required=False)
    application = forms.ModelChoiceField(label="По итогам заявки", queryset=None,
                                         required=False)

    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications

    def award(self) -> StatusAward:
        return StatusAward(**self.cleaned_data)


def score_form_class(criteria):
    """A sheet with one labelled number field per criterion, its scale in the label."""
    fields = {
        f"criterion_{c.pk}": forms.IntegerField(
            label=f"{c.number}. {c.title} (0–{c.maximum})", required=False,
            help_text=c.description,
            # The scale is checked by contests/scoring.py, with the same message everywhere.
            error_messages={"invalid": "Введите целое число баллов."},
            widget=forms.NumberInput(attrs={"min": 0, "max": c.maximum}))
        for c in criteria
    }
    form_class = type("ScoreForm", (CrispyForm,), fields)
    form_class.submit_label = "Сохранить оценки"
    return form_class
