import datetime

from django import forms
from django.utils import timezone

from core.forms import CrispyForm
from internships.models import Tier
from teams.models import ManagementTeam


class TeamChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", "— выберите команду —")
        super().__init__(*args, **kwargs)

    def label_from_instance(self, team):
        return team.organization.short_name


class MentorChoiceField(TeamChoiceField):
    """Says which direction each candidate leads (this one, or another one for mentoring
    across directions) and how many teams it mentors already, so a full one stands out."""

    def label_from_instance(self, team):
        label = super().label_from_instance(team)
        if getattr(team, "leads_here", True):
            label = f"{label} — лидер этого направления"
        else:
            label = (f"{label} — лидер направления {team.led_direction}, "
                     f"наставник другой стажировки")
        count = getattr(team, "mentee_count", None)
        return label if count is None else f"{label} (подопечных сейчас: {count})"


def default_date(period) -> datetime.date:
    """Today, or the nearest day of the period when today lies outside it."""
    today = timezone.localdate()
    return min(max(today, period.starts_on), period.ends_on)


class PlacementForm(CrispyForm):
    submit_label = "Распределить"
    team = TeamChoiceField(label="Команда", queryset=ManagementTeam.objects.none(),
                           error_messages={"required": "Выберите команду.",
                                           "invalid_choice": "Выберите команду из списка."})
    tier = forms.ChoiceField(label="Уровень", choices=Tier.choices,
                             error_messages={"required": "Выберите уровень."})

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


class TransferForm(CrispyForm):
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


class MentorshipForm(CrispyForm):
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


class EndMentorshipForm(CrispyForm):
    submit_label = "Завершить наставничество"
    ended_on = forms.DateField(
        label="Дата окончания",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Укажите дату окончания.",
                        "invalid": "Введите дату в формате ДД.ММ.ГГГГ."},
    )
