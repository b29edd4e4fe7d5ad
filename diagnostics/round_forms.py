"""Forms of the deficit catalogue, the diagnostic rounds and the diagnosis entry pages."""

from dataclasses import dataclass, field

import django_filters
from django import forms

from core.forms import CrispyForm
from diagnostics.diagnoses import MAX_SCORE
from diagnostics.models import Deficit, DiagnosisSource, RoundKind
from internships.models import ControlPoint, Direction, Programme

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _date_field(label: str, required_message: str, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label, widget=DATE_WIDGET,
        error_messages={"required": required_message,
                        "invalid": "Введите дату в формате ДД.ММ.ГГГГ."},
        **kwargs,
    )


class DirectionChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", "— выберите направление —")
        super().__init__(*args, **kwargs)

    def label_from_instance(self, direction):
        return f"{direction.number}. {direction.title}"


class DeficitFilter(django_filters.FilterSet):
    direction = django_filters.ModelChoiceFilter(
        queryset=Direction.objects.none(), label="Направление", empty_label="Все направления",
    )
    state = django_filters.ChoiceFilter(
        method="filter_state", label="Состояние", empty_label="Все",
        choices=[("active", "Действующие"), ("inactive", "Выключенные"),
                 ("template", "Шаблонные формулировки")],
    )

    class Meta:
        model = Deficit
        fields = ["direction", "state"]

    def __init__(self, *args, directions, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["direction"].queryset = directions
        self.filters["direction"].field_class = DirectionChoiceField

    def filter_state(self, queryset, name, value):
        if value == "template":
            return queryset.filter(from_template=True)
        return queryset.filter(active=value == "active")


class DeficitForm(CrispyForm):
    direction = DirectionChoiceField(
        label="Направление", queryset=Direction.objects.none(),
        error_messages={"required": "Выберите направление.",
                        "invalid_choice": "Выберите направление из списка."},
    )
    code = forms.CharField(label="Код", max_length=20,
                           help_text="Короткий код внутри направления, например «1.3».",
                           error_messages={"required": "Укажите код дефицита.",
                                           "max_length": "Код — не длиннее 20 знаков."})
    wording = forms.CharField(
        label="Формулировка", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
        help_text="Как недостаток управленческой команды: «Не выстроена система …».",
        error_messages={"required": "Сформулируйте дефицит."},
    )
    active = forms.BooleanField(
        label="Действует", required=False, initial=True,
        help_text="Выключенный дефицит не предлагается в новых диагностиках, "
                  "но остаётся в прежних результатах.",
    )
    wording_checked = forms.BooleanField(
        label="Формулировка проверена — больше не считать её шаблонной", required=False,
    )

    def __init__(self, *args, directions, deficit: Deficit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["direction"].queryset = directions
        if deficit is None or not deficit.from_template:
            del self.fields["wording_checked"]


class RoundForm(CrispyForm):
    programme = forms.ModelChoiceField(
        label="Проект", queryset=Programme.objects.none(), empty_label=None,
        error_messages={"required": "Выберите проект.",
                        "invalid_choice": "Выберите проект из списка."},
    )
    kind = forms.ChoiceField(label="Вид", choices=RoundKind.choices,
                             error_messages={"required": "Выберите вид диагностики."})
    title = forms.CharField(label="Название", max_length=300,
                            help_text="Например, «Промежуточная диагностика, май 2022».",
                            error_messages={"required": "Укажите название диагностики."})
    control_point = forms.ModelChoiceField(
        label="Контрольная точка плана", queryset=ControlPoint.objects.none(), required=False,
        empty_label="— без контрольной точки —",
        error_messages={"invalid_choice": "Выберите контрольную точку из списка."},
    )
    starts_on = _date_field("Начало", "Укажите дату начала.")
    ends_on = _date_field("Окончание", "Укажите дату окончания.")
    entry_opens = _date_field("Приём результатов с", "Укажите, с какого дня принимаются "
                                                     "результаты.")
    entry_closes = _date_field(
        "Приём результатов по", "Укажите, по какой день принимаются результаты.",
        help_text="После этой даты кураторы и команды не могут менять результаты; "
                  "управление образования может.",
    )

    def __init__(self, *args, programmes, control_points, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        self.fields["control_point"].queryset = control_points
        if editing:
            del self.fields["programme"]
        elif len(programmes) == 1:
            self.fields["programme"].widget = forms.HiddenInput()


@dataclass
class EntryRow:
    """One row of a diagnosis entry form: a team in a direction."""

    key: str
    team: object
    direction: Direction
    label: str
    # (deficit id, code, wording, active) of the deficits that may be marked.
    deficits: list[tuple[int, str, str, bool]]
    stored: object = None
    note: str = ""
    fields: dict = field(default_factory=dict)
    # The row's deficit checkboxes lined up with the form's ``columns`` (None: not offered).
    cells: list = field(default_factory=list)


class DiagnosisRowsForm(forms.Form):
    """A row per team (or per direction) with its deficits, score and comment.

    Field names carry the row key: ``assessed-<key>``, ``deficits-<key>``, ``score-<key>``,
    ``comment-<key>``. Choices come from plain lists, so validating costs no queries.
    """

    def __init__(self, *args, rows: list[EntryRow], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            stored = row.stored
            self.fields[f"assessed-{row.key}"] = forms.BooleanField(
                label="Результат внесён", required=False, initial=stored is not None,
                widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
            )
            self.fields[f"deficits-{row.key}"] = forms.TypedMultipleChoiceField(
                label="Выявленные дефициты", required=False, coerce=int,
                choices=[(pk, f"{code}. {wording}" + ("" if active else " (выключен)"))
                         for pk, code, wording, active in row.deficits],
                widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
                initial=[deficit.pk for deficit in stored.deficits.all()] if stored else [],
                error_messages={"invalid_choice": "Отметьте дефициты из списка направления."},
            )
            self.fields[f"score-{row.key}"] = forms.IntegerField(
                label="Балл", required=False, min_value=0, max_value=MAX_SCORE,
                initial=stored.score if stored else None,
                widget=forms.NumberInput(attrs={"class": "form-control form-control-sm",
                                                "min": 0, "max": MAX_SCORE,
                                                "aria-describedby": "score-scale"}),
                error_messages={"invalid": "Балл — целое число от 0 до 100.",
                                "min_value": "Балл не может быть меньше 0.",
                                "max_value": "Балл не может быть больше 100."},
            )
            self.fields[f"comment-{row.key}"] = forms.CharField(
                label="Комментарий", required=False, max_length=2000,
                initial=stored.comment if stored else "",
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
                error_messages={"max_length": "Комментарий — не длиннее 2000 знаков."},
            )
            row.fields = {name: self[f"{name}-{row.key}"]
                          for name in ("assessed", "deficits", "score", "comment")}
        # The deficits of all rows as the columns of one table, in catalogue order.
        columns = {}
        for row in rows:
            for pk, code, wording, active in row.deficits:
                columns.setdefault(pk, (pk, code, wording, active))
        self.columns = list(columns.values())
        for row in rows:
            boxes = {box.data["value"]: box for box in row.fields["deficits"].subwidgets}
            row.cells = [boxes.get(pk) for pk, *_ in self.columns]

    def row_values(self, row: EntryRow) -> dict:
        """What a valid form says about a row; a row with any content counts as assessed."""
        data = self.cleaned_data
        deficits = frozenset(data[f"deficits-{row.key}"])
        score = data[f"score-{row.key}"]
        comment = data[f"comment-{row.key}"].strip()
        assessed = bool(data[f"assessed-{row.key}"] or deficits or score is not None or comment)
        return {"assessed": assessed, "deficit_ids": deficits, "score": score,
                "comment": comment}


class DynamicsForm(forms.Form):
    """Two rounds to compare; choices come from the rounds the page has already read."""

    first = forms.TypedChoiceField(label="Сравнить диагностику", coerce=int,
                                   error_messages={"invalid_choice": "Выберите диагностику "
                                                                     "из списка."})
    second = forms.TypedChoiceField(label="с диагностикой", coerce=int,
                                    error_messages={"invalid_choice": "Выберите диагностику "
                                                                      "из списка."})
    source = forms.ChoiceField(label="Источник", choices=DiagnosisSource.choices,
                               required=False)

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(r.pk, r.title) for r in rounds]
        self.fields["first"].choices = choices
        self.fields["second"].choices = choices
