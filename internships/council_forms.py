"""Forms of the council's book of protocols."""

import django_filters
from crispy_forms.helper import FormHelper
from django import forms
from django.db.models import Q
from django.db.models.functions import Lower

from core.forms import CrispyForm, SearchableCheckboxes
from internships.council import (
    ALLOWED_EXTENSIONS_TEXT,
    ATTACHMENT_EXTENSIONS,
    AgendaItemInput,
)
from internships.models import TIER_SHORT, AgendaItem, CouncilMeeting, Period, Placement, Transfer

_DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CouncilMeetingForm(forms.Form):
    number = forms.IntegerField(
        label="Номер протокола", min_value=1, max_value=32767,
        error_messages={"required": "Укажите номер протокола.",
                        "invalid": "Номер протокола — целое число.",
                        "min_value": "Номер протокола — положительное число.",
                        "max_value": "Слишком большой номер протокола."},
    )
    held_on = forms.DateField(
        label="Дата заседания", widget=_DATE_WIDGET,
        error_messages={"required": "Укажите дату заседания.",
                        "invalid": "Введите дату в формате ДД.ММ.ГГГГ."},
    )
    attendees = forms.CharField(
        label="Присутствовали", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
        help_text="Председатель, секретарь и члены совета — через запятую или с новой строки.",
        error_messages={"required": "Перечислите присутствовавших."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


def placement_choices(period: Period) -> list:
    """The period's placements grouped by direction, for one query whatever the formset size."""
    groups: dict[str, list] = {}
    placements = Placement.objects.filter(platform__period=period).select_related(
        "platform__direction", "team__organization"
    ).order_by("platform__direction__number", "team__organization__sort_rank",
               "team__organization__number", "team__organization__short_name")
    for placement in placements:
        direction = placement.platform.direction
        groups.setdefault(direction.label, []).append(
            (placement.pk, f"{placement.team.organization.short_name} — {placement.tier_short}")
        )
    return list(groups.items())


def transfer_choices(period: Period) -> list:
    transfers = Transfer.objects.filter(placement__platform__period=period).select_related(
        "placement__platform__direction", "placement__team__organization"
    ).order_by("-transferred_on", "-id")
    return [
        (transfer.pk,
         f"{transfer.transferred_on:%d.%m.%Y} · "
         f"{transfer.placement.platform.direction.label} · "
         f"{transfer.placement.team.organization.short_name}: "
         f"{TIER_SHORT[transfer.from_tier]} → {TIER_SHORT[transfer.to_tier]}")
        for transfer in transfers
    ]


class AgendaItemForm(forms.ModelForm):
    placements = forms.TypedMultipleChoiceField(
        label="Утверждённые распределения", coerce=int, required=False,
        widget=SearchableCheckboxes,
        help_text="Отметьте команды, чьи распределения совет утвердил; список можно искать.",
        error_messages={"invalid_choice": "Распределения можно выбрать только из списка: "
                                          "этого учебного года и своего района."},
    )
    transfers = forms.TypedMultipleChoiceField(
        label="Утверждённые переводы", coerce=int, required=False,
        widget=SearchableCheckboxes,
        help_text="Переводы команд между уровнями, которые совет утвердил.",
        error_messages={"invalid_choice": "Переводы можно выбрать только из списка: "
                                          "этого учебного года и своего района."},
    )

    class Meta:
        model = AgendaItem
        fields = ["question", "decision"]
        widgets = {
            "question": forms.Textarea(attrs={"rows": 2}),
            "decision": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {"question": {"required": "Запишите, что слушали."}}

    def __init__(self, *args, placement_choices, transfer_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["placements"].choices = placement_choices
        self.fields["transfers"].choices = transfer_choices
        if self.instance.pk:
            self.initial.setdefault(
                "placements", [placement.pk for placement in self.instance.placements.all()]
            )
            self.initial.setdefault(
                "transfers", [transfer.pk for transfer in self.instance.transfers.all()]
            )


AgendaItemFormSet = forms.inlineformset_factory(
    CouncilMeeting, AgendaItem, form=AgendaItemForm, fields=["question", "decision"],
    extra=1, can_delete=True, max_num=50,
)


def agenda_formset(data, *, meeting: CouncilMeeting, period: Period):
    items = meeting.items.prefetch_related("placements", "transfers") if meeting.pk else (
        AgendaItem.objects.none()
    )
    return AgendaItemFormSet(
        data, instance=meeting, queryset=items, prefix="items",
        form_kwargs={"placement_choices": placement_choices(period),
                     "transfer_choices": transfer_choices(period)},
    )


def agenda_inputs(formset) -> list[AgendaItemInput]:
    """The questions kept in the formset, in their order on the page."""
    inputs = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data or data.get("DELETE"):
            continue
        inputs.append(AgendaItemInput(
            question=data["question"],
            decision=data.get("decision", ""),
            placement_ids=data.get("placements", []),
            transfer_ids=data.get("transfers", []),
            item=form.instance if form.instance.pk else None,
        ))
    return inputs


class AttachmentForm(CrispyForm):
    submit_label = "Приложить файл"
    file = forms.FileField(
        label="Файл",
        help_text=f"{ALLOWED_EXTENSIONS_TEXT}.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ATTACHMENT_EXTENSIONS)}),
        error_messages={"required": "Выберите файл.", "empty": "Файл пустой.",
                        "invalid": "Не удалось прочитать файл."},
    )


class CouncilMeetingFilter(django_filters.FilterSet):
    period = django_filters.ModelChoiceFilter(
        queryset=Period.objects.none(), label="Учебный год", empty_label="Все годы",
    )
    q = django_filters.CharFilter(
        method="filter_text", label="Текст",
        widget=forms.TextInput(attrs={"placeholder": "номер, присутствовавшие, повестка"}),
    )

    class Meta:
        model = CouncilMeeting
        fields = ["period", "q"]

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["period"].queryset = periods

    def filter_text(self, queryset, name, value):
        folded = " ".join(value.split()).lower()
        if not folded:
            return queryset
        matches = CouncilMeeting.objects.alias(
            attendees_folded=Lower("attendees"),
            question_folded=Lower("items__question"),
            decision_folded=Lower("items__decision"),
        ).filter(
            Q(attendees_folded__contains=folded) | Q(question_folded__contains=folded)
            | Q(decision_folded__contains=folded)
        )
        number = folded.removeprefix("№").strip()
        condition = Q(pk__in=matches.values("pk"))
        if number.isdigit():
            condition |= Q(number=int(number))
        return queryset.filter(condition)
