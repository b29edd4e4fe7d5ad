from django import forms

from api.models import TokenScope
from core.forms import CrispyForm
from teams.models import Municipality

REGION = "region"


class TokenForm(CrispyForm):
    submit_label = "Выпустить токен"

    name = forms.CharField(
        label="Название", max_length=200,
        help_text="Какая система будет обращаться к порталу, например «Электронный журнал».",
        error_messages={"required": "Укажите название: по нему токен узнают в списке."},
    )
    scope = forms.ChoiceField(
        label="Права", choices=TokenScope.choices, initial=TokenScope.READ,
        widget=forms.RadioSelect,
        help_text="Выпускайте токен с записью, только если система будет передавать данные.",
    )

    def __init__(self, *args, municipalities=None, **kwargs):
        """``municipalities``: the choice an administrator has, the region included."""
        super().__init__(*args, **kwargs)
        if municipalities is not None:
            self.fields["area"] = forms.ChoiceField(
                label="Муниципальное образование",
                choices=[(REGION, "Весь регион"),
                         *((str(item.pk), item.name) for item in municipalities)],
                help_text="Региональный токен видит данные всех муниципальных образований.",
            )

    def chosen_municipality(self) -> Municipality | None:
        area = self.cleaned_data.get("area", REGION)
        return None if area == REGION else Municipality.objects.get(pk=int(area))
