"""Forms of the competence diagnostics of persons."""

from django import forms

from competence.instruments import InstrumentDetails
from competence.models import InstrumentKind, Level
from competence.rounds import RoundDetails
from core.forms import CrispyForm
from people.models import CompetenceArea, WorkerCategory

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _date(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE_WIDGET, error_messages={
        "required": f"Укажите дату: {label.lower()}.",
        "invalid": "Введите дату в формате ДД.ММ.ГГГГ."}, **kwargs)


class AreaChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, area):
        return f"{area.number}. {area.title}"


class RoundForm(CrispyForm):
    title = forms.CharField(label="Название", max_length=300,
                            error_messages={"required": "Укажите название диагностики."})
    academic_year = forms.CharField(label="Учебный год", max_length=20, required=False,
                                    help_text="Например, «2025–2026».")
    starts_on = _date("Начало")
    ends_on = _date("Окончание")
    entry_opens = _date("Приём результатов с")
    entry_closes = _date("Приём результатов по",
                         help_text="После этой даты вносить результаты может только "
                                   "управление образования.")
    worker_categories = forms.MultipleChoiceField(
        label="Кого диагностируют", choices=WorkerCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Отметьте, кого диагностируют."})
    areas = AreaChoiceField(label="Области компетенций", queryset=CompetenceArea.objects.none(),
                            error_messages={"required": "Отметьте хотя бы одну область "
                                                        "компетенций."})
    instruments = forms.ModelMultipleChoiceField(
        label="Инструменты", required=False, queryset=None,
        widget=forms.CheckboxSelectMultiple)
    illustrative_scale = forms.BooleanField(
        label="Демонстрационная шкала", required=False,
        help_text="Отметьте, если шкала уровней придумана для примера.")

    def __init__(self, *args, areas, instruments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = areas
        self.fields["instruments"].queryset = instruments

    def details(self) -> RoundDetails:
        data = self.cleaned_data
        return RoundDetails(
            title=data["title"], academic_year=data["academic_year"],
            starts_on=data["starts_on"], ends_on=data["ends_on"],
            entry_opens=data["entry_opens"], entry_closes=data["entry_closes"],
            worker_categories=tuple(data["worker_categories"]),
            areas=tuple(data["areas"]), instruments=tuple(data["instruments"]),
            illustrative_scale=data["illustrative_scale"])


class LevelForm(CrispyForm):
    submit_label = "Добавить уровень"
    rank = forms.IntegerField(label="Ранг", min_value=1, max_value=100,
                              help_text="1 — низший уровень.",
                              error_messages={"required": "Укажите ранг уровня.",
                                              "min_value": "Ранг — целое число от 1.",
                                              "invalid": "Ранг — целое число от 1."})
    title = forms.CharField(label="Название уровня", max_length=200,
                            error_messages={"required": "Укажите название уровня."})
    is_deficit = forms.BooleanField(label="Дефицит", required=False,
                                    help_text="Уровень считается дефицитом в области.")


class LevelChangeForm(CrispyForm):
    title = forms.CharField(label="Название уровня", max_length=200,
                            error_messages={"required": "Укажите название уровня."})
    is_deficit = forms.BooleanField(label="Дефицит", required=False,
                                    help_text="Уровень считается дефицитом в области.")


class InstrumentForm(CrispyForm):
    title = forms.CharField(label="Название", max_length=300,
                            error_messages={"required": "Укажите название инструмента."})
    kind = forms.ChoiceField(label="Вид", choices=[("", "— выберите вид —"),
                                                   *InstrumentKind.choices],
                             error_messages={"required": "Выберите вид инструмента."})
    description = forms.CharField(label="Описание", required=False, widget=forms.Textarea(
        attrs={"rows": 4}))
    areas = AreaChoiceField(label="Области компетенций", required=False,
                            queryset=CompetenceArea.objects.none())
    link = forms.URLField(label="Ссылка", required=False, max_length=200, assume_scheme="https",
                          error_messages={"invalid": "Введите ссылку, например "
                                                     "https://example.ru/test."})
    file = forms.FileField(label="Файл", required=False,
                           help_text="Бланк, тест или методика; до 10 МБ.")

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = areas

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and file.size > 10 * 1024 * 1024:
            raise forms.ValidationError("Файл больше 10 МБ: уменьшите его или дайте ссылку.")
        return file

    def details(self) -> InstrumentDetails:
        data = self.cleaned_data
        return InstrumentDetails(title=data["title"], kind=data["kind"],
                                 description=data["description"], areas=tuple(data["areas"]),
                                 link=data["link"], file=data["file"] or None)


def cell_name(teacher_id: int, area_id: int) -> str:
    return f"level-{teacher_id}-{area_id}"


class LevelGridForm(forms.Form):
    """A select per person and area; each labelled with both, for screen readers."""

    def __init__(self, *args, people, areas, levels: list[Level], stored: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.people, self.areas, self.levels = people, areas, {lv.pk: lv for lv in levels}
        choices = [("", "—"), *((str(level.pk), level.title) for level in levels)]
        for teacher in people:
            for area in areas:
                level_id = stored.get((teacher.pk, area.pk))
                self.fields[cell_name(teacher.pk, area.pk)] = forms.TypedChoiceField(
                    label=f"{teacher.full_name} — {area.title}", choices=choices,
                    required=False, coerce=int, empty_value=None,
                    initial=str(level_id) if level_id else "",
                    error_messages={"invalid_choice": "Выберите уровень из шкалы."})

    def rows(self):
        """(teacher, [(area, bound field)]) for the template."""
        return [(teacher, [(area, self[cell_name(teacher.pk, area.pk)]) for area in self.areas])
                for teacher in self.people]

    def entries(self):
        """(teacher, area, level or None) for every cell."""
        return [(teacher, area, self.levels.get(self.cleaned_data[cell_name(teacher.pk,
                                                                            area.pk)]))
                for teacher in self.people for area in self.areas]


class PairForm(forms.Form):
    first = forms.ModelChoiceField(label="Первая диагностика", queryset=None,
                                   empty_label="— выберите —",
                                   error_messages={"required": "Выберите первую диагностику."})
    second = forms.ModelChoiceField(label="Повторная диагностика", queryset=None,
                                    empty_label="— выберите —",
                                    error_messages={"required": "Выберите повторную "
                                                                "диагностику."})

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first"].queryset = rounds
        self.fields["second"].queryset = rounds
