"""Forms of routes, steps, mentoring, help requests and the growth journal."""

from django import forms
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from core.forms import CrispyForm, SearchableCheckboxes
from internships.attachments import extensions_text
from people.models import ModularProgramme, Teacher, TeacherPlatform
from routes.enrolment import EVIDENCE_EXTENSIONS, RouteDetails
from routes.models import ActivityType, Route, RouteKind, RouteStatus, StepStatus

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Введите дату в формате ДД.ММ.ГГГГ.",
                "required": "Укажите дату."}
_FILE_HELP = f"{extensions_text(EVIDENCE_EXTENSIONS)}, до 20 МБ."


def _date(label: str, *, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, widget=_DATE, required=required,
                           error_messages=_DATE_ERRORS)


def _text(label: str, *, required: bool = True, rows: int = 3,
          message: str = "Заполните поле.") -> forms.CharField:
    return forms.CharField(label=label, required=required,
                           widget=forms.Textarea(attrs={"rows": rows}),
                           error_messages={"required": message})


def _choice(label: str, choices, message: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices,
                             error_messages={"required": message,
                                             "invalid_choice": message})


class RouteForm(CrispyForm):
    programme = forms.ModelChoiceField(
        label="Модульная программа", queryset=ModularProgramme.objects.none(),
        empty_label="— выберите программу —",
        error_messages={"required": "Выберите программу.",
                        "invalid_choice": "Выберите программу из списка."})
    kind = _choice("Вид маршрута", RouteKind.choices, "Выберите вид маршрута.")
    title = forms.CharField(label="Название", max_length=300,
                            error_messages={"required": "Укажите название маршрута."})
    master = forms.ModelChoiceField(
        label="Педагог-мастер", queryset=Teacher.objects.none(),
        empty_label="— выберите педагога-мастера —",
        error_messages={"required": "Выберите педагога-мастера.",
                        "invalid_choice": "Выберите педагога-мастера из списка."})
    participants = forms.ModelMultipleChoiceField(
        label="Участники", queryset=Teacher.objects.none(),
        widget=SearchableCheckboxes,
        help_text="У индивидуального маршрута (ИОМ) — один участник.",
        error_messages={"required": "Выберите хотя бы одного участника.",
                        "invalid_choice": "Выберите участников из списка."})
    starts_on = _date("Начало")
    ends_on = _date("Окончание")
    status = _choice("Состояние", RouteStatus.choices, "Выберите состояние маршрута.")
    product_title = forms.CharField(label="Итоговый продукт", max_length=300,
                                    error_messages={"required": "Укажите итоговый продукт."})
    product_note = _text("Продукт: описание или ссылка", required=False)
    product_file = forms.FileField(label="Продукт: файл", required=False,
                                   help_text=_FILE_HELP)
    product_done_on = _date("Продукт представлен", required=False)

    def __init__(self, *args, programmes: QuerySet, teachers: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes.select_related("platform")
        self.fields["master"].queryset = teachers.filter(master_since__isnull=False)
        self.fields["participants"].queryset = teachers

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data[
                "starts_on"]:
            self.add_error("ends_on", "Окончание маршрута не может быть раньше начала.")
        return data

    def details(self) -> RouteDetails:
        data = self.cleaned_data
        return RouteDetails(
            programme=data["programme"], kind=data["kind"], title=data["title"],
            master=data["master"], starts_on=data["starts_on"], ends_on=data["ends_on"],
            participants=tuple(data["participants"]), status=data["status"],
            product_title=data["product_title"], product_note=data["product_note"],
            product_done_on=data["product_done_on"])


def route_initial(route: Route) -> dict:
    fields = ("programme", "kind", "title", "master", "starts_on", "ends_on", "status",
              "product_title", "product_note", "product_done_on")
    return {**{name: getattr(route, name) for name in fields},
            "participants": list(route.participants.all())}


class StepForm(CrispyForm):
    number = forms.IntegerField(label="Номер", min_value=1, required=False,
                                help_text="Пусто — следующий по порядку.",
                                error_messages={"min_value": "Номер шага — от 1.",
                                                "invalid": "Номер шага — целое число."})
    activity = _choice("Вид деятельности", ActivityType.choices, "Выберите вид деятельности.")
    title = forms.CharField(label="Содержание", max_length=500,
                            error_messages={"required": "Опишите шаг."})
    due_on = _date("Срок")
    status = _choice("Состояние", [(value, label) for value, label in StepStatus.choices
                                   if value != StepStatus.DONE],
                     "Выберите состояние из списка.")

    def __init__(self, *args, editing: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not editing:
            del self.fields["status"]
        else:
            self.fields["number"].required = True


class ProgressForm(CrispyForm):
    submit_label = "Отметить"
    status = _choice("Отметка", [(StepStatus.IN_PROGRESS, "Выполняется"),
                                 (StepStatus.DONE, "Выполнен")], "Выберите отметку.")
    note = _text("Что сделано", required=False, rows=2)
    file = forms.FileField(label="Файл-подтверждение", required=False, help_text=_FILE_HELP)


class RemarkForm(CrispyForm):
    submit_label = "Вернуть на доработку"
    remark = _text("Что доработать", rows=2, message="Напишите, что нужно доработать.")


class JournalForm(CrispyForm):
    submit_label = "Добавить запись"
    text = _text("Запись", message="Запись не может быть пустой.")
    written_on = _date("Дата")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["written_on"].initial = timezone.localdate()


class HelpForm(CrispyForm):
    submit_label = "Отправить запрос"
    text = _text("В чём нужна помощь", message="Опишите, в чём нужна помощь.")
    master = forms.ModelChoiceField(label="Педагогу-мастеру", required=False,
                                    queryset=Teacher.objects.none(),
                                    empty_label="— не выбрано —")
    platform = forms.ModelChoiceField(label="или площадке", required=False,
                                      queryset=TeacherPlatform.objects.none(),
                                      empty_label="— не выбрано —")

    def __init__(self, *args, masters: QuerySet, platforms: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["master"].queryset = masters
        self.fields["platform"].queryset = platforms

    def clean(self):
        data = super().clean()
        if bool(data.get("master")) == bool(data.get("platform")):
            raise forms.ValidationError("Адресуйте запрос либо площадке, либо "
                                        "педагогу-мастеру — выберите одно.")
        return data


class AnswerForm(CrispyForm):
    submit_label = "Ответить"
    answer = _text("Ответ", rows=2, message="Напишите ответ.")


class PairForm(CrispyForm):
    master = forms.ModelChoiceField(label="Педагог-мастер", queryset=Teacher.objects.none(),
                                    empty_label="— выберите педагога-мастера —",
                                    error_messages={"required": "Выберите педагога-мастера.",
                                                    "invalid_choice": "Выберите из списка."})
    trainee = forms.ModelChoiceField(label="Стажёр", queryset=Teacher.objects.none(),
                                     empty_label="— выберите стажёра —",
                                     error_messages={"required": "Выберите стажёра.",
                                                     "invalid_choice": "Выберите из списка."})
    started_on = _date("Начало")

    def __init__(self, *args, teachers: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["master"].queryset = teachers.filter(master_since__isnull=False)
        self.fields["trainee"].queryset = teachers
        self.fields["started_on"].initial = timezone.localdate()


class PairEndForm(CrispyForm):
    submit_label = "Завершить"
    ended_on = _date("Дата окончания")


class CapacityForm(CrispyForm):
    submit_label = "Сохранить нагрузку"
    master = forms.ModelChoiceField(label="Педагог-мастер", queryset=Teacher.objects.none(),
                                    empty_label="— выберите педагога-мастера —",
                                    error_messages={"required": "Выберите педагога-мастера.",
                                                    "invalid_choice": "Выберите из списка."})
    max_trainees = forms.IntegerField(label="Стажёров не больше", min_value=1, max_value=50,
                                      error_messages={"required": "Укажите число стажёров.",
                                                      "min_value": "Число стажёров — от 1.",
                                                      "max_value": "Число стажёров — до 50.",
                                                      "invalid": "Введите целое число."})

    def __init__(self, *args, teachers: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["master"].queryset = teachers.filter(master_since__isnull=False)
        self.helper.form_action = reverse("mentoring_capacity")


class ProposalForm(CrispyForm):
    submit_label = "Предложить"
    teacher = forms.ModelChoiceField(label="Педагог", queryset=Teacher.objects.none(),
                                     empty_label="— выберите педагога —",
                                     error_messages={"required": "Выберите педагога.",
                                                     "invalid_choice": "Выберите из списка."})
    programme = forms.ModelChoiceField(label="Модульная программа",
                                       queryset=ModularProgramme.objects.none(),
                                       empty_label="— выберите программу —",
                                       error_messages={"required": "Выберите программу.",
                                                       "invalid_choice": "Выберите из списка."})
    note = _text("Зачем педагогу маршрут", required=False, rows=2)

    def __init__(self, *args, teachers: QuerySet, programmes: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teacher"].queryset = teachers
        self.fields["programme"].queryset = programmes.select_related("platform")
