"""The form of a coordination council protocol: the council book's own fields (number, date,
attendees, questions «слушали — решили»), and the academic year of the network's programme.
Placements and transfers stay with the municipality's own council."""

from django import forms

from internships.council_forms import AgendaItemForm, CouncilMeetingForm
from internships.models import AgendaItem, CouncilMeeting, Period


class ProtocolForm(CouncilMeetingForm):
    """``periods``: the years of the network's programme; none when the protocol's year is
    already fixed (a protocol being rewritten keeps its year)."""

    period = forms.ModelChoiceField(
        label="Учебный год", queryset=Period.objects.none(), empty_label=None,
        error_messages={"required": "Выберите учебный год проекта сети.",
                        "invalid_choice": "Выберите учебный год из проекта сети."},
    )
    field_order = ["period", "number", "held_on", "attendees"]

    def __init__(self, *args, periods=None, **kwargs):
        super().__init__(*args, **kwargs)
        if periods is None:
            del self.fields["period"]
        else:
            self.fields["period"].queryset = periods


class QuestionForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["question", "decision"]
        widgets = AgendaItemForm.Meta.widgets
        error_messages = AgendaItemForm.Meta.error_messages


QuestionFormSet = forms.inlineformset_factory(
    CouncilMeeting, AgendaItem, form=QuestionForm, fields=["question", "decision"],
    extra=1, can_delete=True, max_num=50,
)


def question_formset(data, *, meeting: CouncilMeeting):
    items = meeting.items.all() if meeting.pk else AgendaItem.objects.none()
    return QuestionFormSet(data, instance=meeting, prefix="items", queryset=items)
