"""The order form of the «Отчёты» page."""

from django import forms
from django.utils import timezone

from internships.models import ControlPoint, Period
from internships.periods import municipality_default_period
from reports.models import PERIOD_KINDS, ReportKind
from reports.pdf.data import control_point_mismatch
from teams.models import Municipality


class ControlPointChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: ControlPoint) -> str:
        return f"{obj.title} ({obj.starts_on:%d.%m.%Y}–{obj.ends_on:%d.%m.%Y})"


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
        self.fields["period"].queryset = Period.objects.filter(
            programme__municipality=municipality
        ).order_by("-starts_on")
        self.fields["period"].initial = municipality_default_period(
            municipality=municipality, today=timezone.localdate())
        self.fields["control_point"].queryset = ControlPoint.objects.filter(
            programme__municipality=municipality
        ).order_by("starts_on", "pk")

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
