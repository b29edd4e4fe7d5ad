"""The order form of the «Отчёты» page."""

from dataclasses import dataclass

from django import forms
from django.utils import timezone

from internships.models import ControlPoint, Period
from internships.periods import municipality_default_period
from reports.handbook_texts import MAX_TEXT_LENGTH, screen_words
from reports.models import PERIOD_KINDS, HandbookTopic, ReportKind
from reports.pdf.data import control_point_mismatch
from teams.models import Municipality


class ControlPointSelect(forms.Select):
    """Each control point names its academic year (data-period) and, when it has not begun,
    that it has no data yet (data-future): the page offers only the chosen year's points
    with data (static/js/report-form.js)."""

    period_of: dict[int, int | None] = {}
    future: frozenset[int] = frozenset()

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        point_id = getattr(value, "value", None)
        if point_id is not None:
            option["attrs"]["data-period"] = self.period_of.get(point_id) or ""
            if point_id in self.future:
                option["attrs"]["data-future"] = ""
        return option


class ControlPointChoice(forms.ModelChoiceField):
    widget = ControlPointSelect

    def label_from_instance(self, obj: ControlPoint) -> str:
        return f"{obj.title} ({obj.starts_on:%d.%m.%Y}–{obj.ends_on:%d.%m.%Y})"


@dataclass(frozen=True)
class PointsNote:
    """Why an academic year is not offered some control points."""

    period: Period
    missing: list[tuple[str, str]]


def points_notes(*, periods: list[Period], points: list[ControlPoint],
                 today) -> tuple[dict[int, int | None], frozenset[int], list[PointsNote]]:
    """Each point's year, the points that have not begun, and per year the points it is not
    offered with the reason (Russian)."""
    period_of = {}
    for point in points:
        home = next((period for period in periods if period.programme_id == point.programme_id
                     and period.starts_on <= point.starts_on <= period.ends_on), None)
        period_of[point.pk] = home.pk if home else None
    titles = {period.pk: period.title for period in periods}
    future = frozenset(point.pk for point in points if point.starts_on > today)
    notes = []
    for period in periods:
        missing = []
        for point in points:
            if period_of[point.pk] == period.pk:
                if point.pk in future:
                    missing.append((point.title, f"ещё не началась — данные появятся с "
                                                 f"{point.starts_on:%d.%m.%Y}"))
            elif period_of[point.pk] is None:
                missing.append((point.title, "проходит вне учебных годов проекта"))
            else:
                missing.append((point.title,
                                f"проходит в {titles[period_of[point.pk]]} учебном году"))
        notes.append(PointsNote(period=period, missing=missing))
    return period_of, future, notes


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label="Отчёт", choices=[(kind.value, kind.label) for kind in PERIOD_KINDS],
        initial=ReportKind.INDICATORS,
        widget=forms.RadioSelect,
        error_messages={"required": "Выберите вид отчёта.",
                        "invalid_choice": "Такого вида отчёта нет: выберите из списка."},
    )
    period = forms.ModelChoiceField(
        label="Учебный год", queryset=Period.objects.none(), empty_label=None,
        error_messages={"required": "Выберите учебный год.",
                        "invalid_choice": "Такого учебного года нет в проекте: "
                                          "выберите из списка."},
    )
    control_point = ControlPointChoice(
        label="Контрольная точка", queryset=ControlPoint.objects.none(), required=False,
        empty_label="— весь учебный год —",
        help_text="Только для мониторингового отчёта.",
        error_messages={"invalid_choice": "Такой контрольной точки нет в проекте: "
                                          "выберите из списка."},
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["period"].queryset = Period.objects.filter(
            programme__municipality=municipality
        ).order_by("-starts_on")
        self.fields["period"].initial = municipality_default_period(
            municipality=municipality, today=today)
        self.fields["control_point"].queryset = ControlPoint.objects.filter(
            programme__municipality=municipality
        ).order_by("starts_on", "pk")
        widget = self.fields["control_point"].widget
        widget.period_of, widget.future, self.points_notes = points_notes(
            periods=list(self.fields["period"].queryset),
            points=list(self.fields["control_point"].queryset), today=today)
        self.chosen_period_id = self._chosen_period_id()

    def _chosen_period_id(self) -> int | None:
        try:
            return int(self["period"].value())
        except (TypeError, ValueError):
            return None

    def clean(self):
        cleaned = super().clean()
        point = cleaned.get("control_point")
        period = cleaned.get("period")
        if point is None:
            return cleaned
        if cleaned.get("kind") != ReportKind.MONITORING:
            self.add_error("control_point", "Контрольная точка выбирается только для "
                                            "мониторингового отчёта.")
        elif period is not None:
            mismatch = control_point_mismatch(point, period)
            if mismatch:
                self.add_error("control_point", mismatch)
        return cleaned

    def parameters(self) -> dict:
        point = self.cleaned_data.get("control_point")
        return {"control_point": point.pk} if point else {}


class HandbookTextsForm(forms.Form):
    """One Markdown text per narrative section of the handbook."""

    def __init__(self, *args, initial_texts: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for topic, label in HandbookTopic.choices:
            self.fields[topic] = forms.CharField(
                label=label, required=False, initial=initial_texts.get(topic, ""),
                max_length=MAX_TEXT_LENGTH, strip=True,
                widget=forms.Textarea(attrs={"rows": 8, "class": "font-monospace"}),
                help_text=TOPIC_HELP.get(topic, ""),
                error_messages={"max_length": f"Текст раздела длиннее {MAX_TEXT_LENGTH} "
                                              "знаков: сократите его или разделите по "
                                              "другим разделам."},
            )

    def clean(self):
        cleaned = super().clean()
        for topic in HandbookTopic.values:
            found = screen_words(cleaned.get(topic) or "")
            if found:
                self.add_error(topic, "Пособие читают и вне портала: уберите указания по "
                                      f"работе с его экранами («{found}»).")
        return cleaned

    def texts(self) -> dict[str, str]:
        return {topic: self.cleaned_data.get(topic, "") for topic in HandbookTopic.values}


TOPIC_HELP = {
    HandbookTopic.APPROVAL: "Кем и когда пособие рассмотрено или утверждено, например: "
                            "«Рекомендовано научно-методическим советом, протокол № 3 от …».",
    HandbookTopic.INTRODUCTION: "Для кого пособие и почему тема актуальна для района.",
    HandbookTopic.REGULATION: "Законы, постановления, приказы и локальные акты проекта.",
    HandbookTopic.MODEL: "Идея модели и механизмы её работы. Пустой раздел — пособие "
                         "печатает общее описание модели взаимных стажировок.",
    HandbookTopic.SETUP: "Шаги подготовительного этапа: приказы, рабочая группа, "
                         "соглашения. Этапы проекта печатаются после этого текста.",
    HandbookTopic.FORMS: "Какие формы работы применяются и чем они хороши.",
    HandbookTopic.DIAGNOSTICS: "Методики и инструменты диагностики. Каталог дефицитов и "
                               "диагностики печатаются после этого текста.",
    HandbookTopic.NETWORK: "С кем и в каких формах проект взаимодействует за пределами района.",
    HandbookTopic.CONCLUSIONS: "Выводы и рекомендации тем, кто будет выстраивать такую систему.",
}
