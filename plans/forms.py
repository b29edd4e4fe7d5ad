"""Forms of plans: the plan, its item, the record of a held occurrence."""

from django import forms

from core.forms import CrispyForm
from plans.items import ItemDetails, PlanDetails
from plans.models import Periodicity, PlanKind, TermKind

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _date(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE_WIDGET, error_messages={
        "required": f"Укажите дату: {label.lower()}.",
        "invalid": "Введите дату в формате ДД.ММ.ГГГГ."}, **kwargs)


def _text(label: str, max_length: int, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, required=False, **kwargs)


class PlanForm(CrispyForm):
    programme = forms.ModelChoiceField(
        label="Проект (программа)", queryset=None, required=False, empty_label="—",
        help_text="План проекта видят участники проекта района.",
        error_messages={"invalid_choice": "Выберите проект своего района."})
    network = forms.ModelChoiceField(
        label="Сеть", queryset=None, required=False, empty_label="—",
        help_text="Или сеть: её план видят участники сети из всех её муниципалитетов.",
        error_messages={"invalid_choice": "Выберите сеть, которую вы ведёте: план другой сети "
                                          "добавляет её координатор."})
    title = forms.CharField(label="Название", max_length=500,
                            error_messages={"required": "Укажите название плана."})
    kind = forms.ChoiceField(label="Вид плана", choices=PlanKind.choices)
    starts_on = _date("Начало срока плана")
    ends_on = _date("Окончание срока плана")
    school_years = forms.BooleanField(
        label="Годы плана — учебные (с сентября)", required=False,
        help_text="«Ежегодно», «1 раз в полугодие», «1 раз в квартал» и «3 раза в год» "
                  "считаются тогда от сентября.")
    approval = _text("Утверждение", 500, help_text="Кем и каким документом утверждён план.")
    source = _text("Источник", 500, help_text="Раздел документа, из которого взят план.")

    def __init__(self, *args, programmes, networks, **kwargs):
        """``programmes=None``: the user keeps no programme's plans, only networks'."""
        super().__init__(*args, **kwargs)
        if programmes is None:
            del self.fields["programme"]
            network = self.fields["network"]
            network.required = True
            network.error_messages["required"] = "Выберите сеть, которой принадлежит план."
            network.help_text = "Её план видят участники сети из всех её муниципалитетов."
        else:
            self.fields["programme"].queryset = programmes
        self.fields["network"].queryset = networks

    def clean(self):
        data = super().clean()
        if "programme" not in self.fields:
            return data
        if (data.get("programme") is None) == (data.get("network") is None):
            raise forms.ValidationError("Выберите проект или сеть, которой принадлежит план, — "
                                        "одно из двух.")
        return data

    def details(self) -> PlanDetails:
        data = self.cleaned_data
        return PlanDetails(title=data["title"], kind=data["kind"], starts_on=data["starts_on"],
                           ends_on=data["ends_on"], school_years=data["school_years"],
                           approval=data["approval"], source=data["source"])


class ItemForm(CrispyForm):
    section = _text("Раздел", 300, help_text="Например, «2021» или «1. Организационные "
                                             "мероприятия»: пункты плана группируются по нему.")
    number = _text("Номер", 20)
    form = _text("Форма", 300, help_text="Семинар, вебинар, консультация, конференция…")
    topic = forms.CharField(label="Мероприятие (тема)", widget=forms.Textarea(attrs={"rows": 2}),
                            error_messages={"required": "Укажите мероприятие."})
    audience = _text("Целевая группа", 500)
    responsible = _text("Ответственный", 500)
    organization = forms.ModelChoiceField(label="Организация-исполнитель", queryset=None,
                                          required=False, empty_label="—")
    term_kind = forms.ChoiceField(
        label="Срок", choices=TermKind.choices,
        help_text="Дата — одно мероприятие в этот день; период — одно мероприятие к его концу; "
                  "периодичность — мероприятие в каждом месяце, квартале, полугодии или году "
                  "между началом и окончанием.")
    due_on = _date("Дата", required=False)
    starts_on = _date("Начало", required=False)
    ends_on = _date("Окончание", required=False)
    periodicity = forms.ChoiceField(label="Периодичность", required=False,
                                    choices=[("", "—"), *Periodicity.choices])
    term_text = _text("Срок, как в документе", 300,
                      help_text="Например, «Один раз в квартал» или «Октябрь – декабрь 2020».")
    expected_result = forms.CharField(label="Ожидаемый результат", required=False,
                                      widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

    def details(self) -> ItemDetails:
        data = self.cleaned_data
        return ItemDetails(**{name: data[name] for name in self.fields})


class EvidenceForm(CrispyForm):
    submit_label = "Отметить проведение"
    held_on = _date("Когда проведено")
    journal_entry = forms.ModelChoiceField(
        label="Мероприятие журнала", queryset=None, required=False, empty_label="—",
        help_text="Мероприятие журнала площадки, которое подтверждает проведение.")
    product = forms.ModelChoiceField(
        label="Продукт", queryset=None, required=False, empty_label="—",
        help_text="Продукт или публикация из реестра продуктов, которые подтверждают "
                  "проведение.")
    report = forms.FileField(label="Отчёт (файл)", required=False)
    note = forms.CharField(label="Примечание", required=False,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text="Что проведено и где это видно, если нет ни мероприятия "
                                     "журнала, ни продукта, ни отчёта.")

    def __init__(self, *args, journal_entries, products, report_help, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["journal_entry"].queryset = journal_entries
        self.fields["product"].queryset = products
        self.fields["report"].help_text = report_help


class PublishForm(CrispyForm):
    submit_label = "Опубликовать"
    published_url = forms.URLField(
        label="Ссылка на страницу сайта ОО с планом", required=False, max_length=500,
        assume_scheme="https",
        error_messages={"invalid": "Введите адрес страницы, например https://school.ru/plan."},
        help_text="Оставьте пустым, чтобы снять отметку о публикации.")
