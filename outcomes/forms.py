from django import forms

from diagnostics.models import Deficit, DiagnosticRound
from outcomes.reads import Suggestions


class DeficitLabelChoice(forms.ModelMultipleChoiceField):
    """Checkboxes labelled with the deficit and how many of the platform's teams had it."""

    def __init__(self, *args, suggestions: Suggestions, **kwargs):
        self.suggestions = suggestions
        super().__init__(*args, **kwargs)

    def label_from_instance(self, deficit: Deficit) -> str:
        label = f"{deficit.code}. {deficit.wording}"
        teams = self.suggestions.counts.get(deficit.pk)
        if teams:
            label += f" — у {teams} из {self.suggestions.teams_diagnosed} команд площадки"
        if not deficit.active:
            label += " (выведен из каталога)"
        return label


class AddressedDeficitsForm(forms.Form):
    def __init__(self, *args, queryset, suggestions: Suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deficits"] = DeficitLabelChoice(
            queryset=queryset, suggestions=suggestions, required=False,
            widget=forms.CheckboxSelectMultiple, label="Дефициты, на которые направлено",
            help_text="Сначала идут дефициты, чаще всего выявленные у команд площадки "
                      "в последней диагностике. Можно не отмечать ничего.",
        )


class RoundPairForm(forms.Form):
    first = forms.TypedChoiceField(label="Первая диагностика", coerce=int)
    second = forms.TypedChoiceField(label="Вторая диагностика", coerce=int)

    def __init__(self, *args, rounds: list[DiagnosticRound], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(r.pk, r.title) for r in rounds]
        self.fields["first"].choices = choices
        self.fields["second"].choices = choices

    def clean(self):
        data = super().clean()
        if data.get("first") and data.get("first") == data.get("second"):
            self.add_error("second", "Выберите две разные диагностики.")
        return data


class GapsForm(forms.Form):
    round = forms.TypedChoiceField(label="Диагностика", coerce=int)
    direction = forms.TypedChoiceField(label="Направление", coerce=int, required=False,
                                       empty_value=None)

    def __init__(self, *args, rounds: list[DiagnosticRound], directions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].choices = [(r.pk, r.title) for r in rounds]
        self.fields["direction"].choices = [("", "Все направления")] + [
            (d.pk, f"{d.label}. {d.title}") for d in directions]
