"""Forms of mutual learning: the responsible group, the assignment, a criterion, both parts
of an answer and the return of a part for rework."""

from crispy_forms.layout import Fieldset, Layout
from django import forms

from core.forms import CrispyForm
from internships.attachments import extensions_text
from mutual.answers import CELLS, QUADRANTS
from mutual.models import (
    ActivityLevel,
    AspectSide,
    CriterionSource,
    GroupRole,
    IndicatorKind,
    ProcessKind,
    ResultArea,
)
from networks.files import DOCUMENT_EXTENSIONS

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Введите дату в формате ДД.ММ.ГГГГ.", "required": "Укажите дату."}


def _date(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(label=label, widget=_DATE, required=required, help_text=help_text,
                           error_messages=_DATE_ERRORS)


def _text(label: str, *, required: bool = False, rows: int = 1, help_text: str = "",
          max_length: int | None = None) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows > 1 else forms.TextInput
    return forms.CharField(label=label, required=required, help_text=help_text,
                           max_length=max_length, widget=widget,
                           error_messages={"required": "Заполните поле."})


class GroupForm(CrispyForm):
    order_number = _text("Номер приказа руководителя", max_length=50)
    order_date = _date("Дата приказа", required=False)
    order_scan = forms.FileField(label="Скан приказа", required=False,
                                 help_text=f"{extensions_text(DOCUMENT_EXTENSIONS)}, до 20 МБ.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        blocks = [Fieldset("Приказ", "order_number", "order_date", "order_scan")]
        for role, label in GroupRole.choices:
            self.fields[f"{role}_name"] = _text(f"ФИО ({label})", max_length=200)
            self.fields[f"{role}_position"] = _text(f"Должность ({label})", max_length=200)
            blocks.append(Fieldset(label.capitalize(), f"{role}_name", f"{role}_position"))
        self.helper.layout = Layout(*blocks)

    def clean(self):
        data = super().clean()
        for role, label in GroupRole.choices:
            if data.get(f"{role}_position") and not data.get(f"{role}_name"):
                self.add_error(f"{role}_name", f"Укажите ФИО: {label}.")
        return data


class AssignmentForm(CrispyForm):
    submit_label = "Опубликовать"
    title = _text("Название", required=True, max_length=300)
    part1_due = _date("Срок первой части")
    part2_due = _date("Срок второй части")
    instructions = _text("Пояснение для организаций", rows=4)

    def clean(self):
        data = super().clean()
        if data.get("part1_due") and data.get("part2_due") \
                and data["part2_due"] < data["part1_due"]:
            self.add_error("part2_due", "Срок второй части не может быть раньше срока первой.")
        return data


class CriterionForm(CrispyForm):
    number = forms.IntegerField(label="№", min_value=1, max_value=99)
    title = _text("Критерий", required=True, rows=2, max_length=500)
    indicator = _text("Показатель", rows=2)
    indicator_kind = forms.ChoiceField(label="Индикатор", choices=IndicatorKind.choices)
    deadline = _text("Сроки достижения", required=True, max_length=100,
                     help_text="Как в документе: «Ноябрь 2021 г.».")
    due_on = _date("Контрольная дата", required=False,
                   help_text="После неё недостигнутый критерий отмечается просроченным.")
    source = forms.ChoiceField(label="Источник данных", choices=CriterionSource.choices)
    agreement = forms.ModelChoiceField(
        label="Соглашение", queryset=None, required=False,
        empty_label="— соглашение о совместной деятельности проекта —")
    joint_plan = forms.ModelChoiceField(label="Совместный план", queryset=None,
                                        required=False, empty_label="— не выбран —")

    def __init__(self, *args, agreements, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = agreements
        self.fields["joint_plan"].queryset = plans


class Part1Form(CrispyForm):
    submit_label = "Сохранить черновик"
    reserves = _text("Анализ внутренних резервов", rows=6,
                     help_text="По показателям мониторинга оценки качества (методика ФИОКО, "
                               "СОКО): что уже есть в ОО для роста результатов.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        blocks = ["reserves"]
        areas = dict(ResultArea.choices)
        levels = dict(ActivityLevel.choices)
        for area in ResultArea.values:
            names = []
            for cell in CELLS:
                if cell[0] != area:
                    continue
                name = cell_name(cell)
                verdict = "успешно" if cell[2] else "неуспешно"
                self.fields[name] = _text(f"{levels[cell[1]].capitalize()}: {verdict}",
                                          rows=2)
                names.append(name)
            blocks.append(Fieldset(f"Рейтинг: {areas[area]}", *names))
        self.helper.layout = Layout(*blocks)

    def cells(self) -> dict:
        return {cell: self.cleaned_data.get(cell_name(cell), "") for cell in CELLS}


def cell_name(cell) -> str:
    area, level, works = cell
    return f"{area}_{level}_{'works' if works else 'fails'}"


def quadrant_name(quadrant) -> str:
    return f"{quadrant[0]}_{quadrant[1]}"


class Part2Form(CrispyForm):
    submit_label = "Сохранить черновик"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        processes, sides = dict(ProcessKind.choices), dict(AspectSide.choices)
        for quadrant in QUADRANTS:
            self.fields[quadrant_name(quadrant)] = _text(
                f"{processes[quadrant[0]].capitalize()}: {sides[quadrant[1]]}", rows=5,
                help_text="Один аспект в строке; первая строка — первое место рейтинга.")

    def lists(self) -> dict:
        return {q: [line.strip() for line in self.cleaned_data.get(quadrant_name(q), "")
                    .splitlines() if line.strip()] for q in QUADRANTS}


class ReturnForm(CrispyForm):
    submit_label = "Вернуть на доработку"
    comment = _text("Что доработать", required=True, rows=3)
