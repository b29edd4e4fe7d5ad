import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from internships.models import Tier
from teams.models import ManagementTeam


class TeamChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", "— выберите команду —")
        super().__init__(*args, **kwargs)

    def label_from_instance(self, team):
        return team.organization.short_name


class MentorChoiceField(TeamChoiceField):
    """Shows how many teams each candidate mentors already, so a full one stands out."""

    def label_from_instance(self, team):
        label = super().label_from_instance(team)
        count = getattr(team, "mentee_count", None)
        return label if count is None else f"{label} (подопечных сейчас: {count})"


def default_date(period) -> datetime.date:
    """Today, or the nearest day of the period when today lies outside it."""
    today = timezone.localdate()
    return min(max(today, period.starts_on), period.ends_on)


class _CrispyForm(forms.Form):
    submit_label = "Сохранить"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", self.submit_label))


class PlacementForm(_CrispyForm):
    submit_label = "Распределить"
    team = TeamChoiceField(label="Команда", queryset=ManagementTeam.objects.none(),
                           error_messages={"required": "Выберите команду.",
                                           "invalid_choice": "Выберите команду из списка."})
    tier = forms.ChoiceField(label="Уровень", choices=Tier.choices,
                             error_messages={"required": "Выберите уровень."})

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


class TransferForm(_CrispyForm):
    submit_label = "Перевести"
    to_tier = forms.ChoiceField(label="Новый уровень", choices=Tier.choices,
                                error_messages={"required": "Выберите новый уровень."})
    transferred_on = forms.DateField(
        label="Дата перевода", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Укажите дату перевода.",
                        "invalid": "Введите дату в формате ДД.ММ.ГГГГ."},
    )
    reason = forms.CharField(label="Основание", widget=forms.Textarea(attrs={"rows": 3}),
                             max_length=2000,
                             error_messages={"required": "Укажите основание перевода."})

    def __init__(self, *args, current_tier, period, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_tier"].choices = [
            (value, label) for value, label in Tier.choices if value != current_tier
        ]
        self.fields["transferred_on"].initial = default_date(period)


class MentorshipForm(_CrispyForm):
    submit_label = "Назначить наставника"
    mentor = MentorChoiceField(label="Команда-наставник", queryset=ManagementTeam.objects.none(),
                             error_messages={"required": "Выберите команду-наставника.",
                                             "invalid_choice": "Выберите команду из списка."})
    mentee = TeamChoiceField(label="Подопечная команда", queryset=ManagementTeam.objects.none(),
                             error_messages={"required": "Выберите подопечную команду.",
                                             "invalid_choice": "Выберите команду из списка."})
    started_on = forms.DateField(
        label="Дата начала", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Укажите дату начала.",
                        "invalid": "Введите дату в формате ДД.ММ.ГГГГ."},
    )

    def __init__(self, *args, mentors, mentees, period, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = mentors
        self.fields["mentee"].queryset = mentees
        self.fields["started_on"].initial = default_date(period)


class EndMentorshipForm(_CrispyForm):
    submit_label = "Завершить наставничество"
    ended_on = forms.DateField(
        label="Дата окончания",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Укажите дату окончания.",
                        "invalid": "Введите дату в формате ДД.ММ.ГГГГ."},
    )


def apply_posted_form(request, form: forms.Form, apply) -> tuple[bool, object]:
    """On a valid POST, ``(True, apply(cleaned_data))``; otherwise ``(False, None)``.

    A refusal of the business rule (ValidationError) is shown on the form and counts
    as not applied, so the page is shown again with what the user typed.
    """
    if request.method != "POST" or not form.is_valid():
        return False, None
    try:
        return True, apply(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return False, None


def add_service_errors(form: forms.Form, error) -> None:
    """Show a business rule's refusal on the form fields it names."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
