"""Forms of the journal: its filters, the entry, the teams' results and the work plan."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.functions import Lower

from core.forms import CrispyForm, SearchableCheckboxes
from internships.forms import default_date
from internships.journal import ALLOWED_EXTENSIONS_TEXT, check_attachment
from internships.models import JournalEntry, Outcome, Tier, WorkForm
from teams.models import ManagementTeam, Organization
from teams.search import search_organizations

DATE_WIDGET = {"type": "date"}
# The id of the journal page's datalist of team names.
TEAM_NAMES_LIST = "journal-team-names"
DATE_ERRORS = {"invalid": "Введите дату в формате ДД.ММ.ГГГГ."}


def _date_field(label: str, *, required: bool, required_message: str = "",
                help_text: str = "") -> forms.DateField:
    errors = dict(DATE_ERRORS)
    if required_message:
        errors["required"] = required_message
    return forms.DateField(
        label=label, required=required, error_messages=errors, help_text=help_text,
        widget=forms.DateInput(attrs=DATE_WIDGET, format="%Y-%m-%d"),
    )


class JournalFilter(django_filters.FilterSet):
    """Filters of the journal page; transfers are narrowed by the same choices."""

    held_from = django_filters.DateFilter(
        field_name="held_on", lookup_expr="gte", label="С даты",
        widget=forms.DateInput(attrs=DATE_WIDGET),
    )
    held_to = django_filters.DateFilter(
        field_name="held_on", lookup_expr="lte", label="По дату",
        widget=forms.DateInput(attrs=DATE_WIDGET),
    )
    form = django_filters.ChoiceFilter(choices=WorkForm.choices, label="Форма работы",
                                       empty_label="Все, с переводами")
    # A platform has hundreds of teams: a text field with the names as suggestions (a
    # datalist on the page) instead of a select that renders every team on every view.
    team = django_filters.CharFilter(
        method="filter_team", label="Команда",
        help_text="Название организации или его часть; подсказки — по мере ввода.",
        widget=forms.TextInput(attrs={"list": TEAM_NAMES_LIST, "autocomplete": "off"}),
    )
    tier = django_filters.ChoiceFilter(choices=Tier.choices, method="filter_tier",
                                       label="Уровень", empty_label="Все уровни")

    class Meta:
        model = JournalEntry
        fields = ["held_from", "held_to", "form", "team", "tier"]

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, **kwargs)
        self.platform = platform

    def chosen_teams(self):
        """The platform's teams named in the team field: the one whose organization bears
        exactly that name (a chosen suggestion), otherwise every name containing the text."""
        text = " ".join(self.form.cleaned_data["team"].split())
        teams = ManagementTeam.objects.filter(placements__platform=self.platform)
        exact = teams.alias(folded_name=Lower("organization__short_name")).filter(
            folded_name=text.lower())
        if exact.exists():
            return exact.values("pk")
        return search_organizations(teams, text, prefix="organization__").values("pk")

    def filter_team(self, queryset, name, value):
        if not value.strip():
            return queryset
        teams = self.chosen_teams()
        ids = JournalEntry.objects.filter(
            Q(hosts__in=teams) | Q(results__team__in=teams)
        ).values("pk")
        return queryset.filter(pk__in=ids)

    def filter_tier(self, queryset, name, tier):
        teams = self.platform.placements.filter(tier=tier).values("team_id")
        ids = JournalEntry.objects.filter(
            Q(hosts__in=teams) | Q(results__team__in=teams)
        ).values("pk")
        return queryset.filter(pk__in=ids)

    def transfers(self, queryset):
        """The platform's transfers narrowed by the same choices as the entries."""
        data = self.form.cleaned_data
        if data.get("form"):
            return queryset.none()
        if data.get("held_from"):
            queryset = queryset.filter(transferred_on__gte=data["held_from"])
        if data.get("held_to"):
            queryset = queryset.filter(transferred_on__lte=data["held_to"])
        if data.get("team", "").strip():
            queryset = queryset.filter(placement__team__in=self.chosen_teams())
        if data.get("tier"):
            queryset = queryset.filter(Q(from_tier=data["tier"]) | Q(to_tier=data["tier"]))
        return queryset


class TeamsField(forms.ModelMultipleChoiceField):
    widget = SearchableCheckboxes

    def __init__(self, *args, labels=None, **kwargs):
        self.labels = labels or {}
        super().__init__(*args, **kwargs)

    def label_from_instance(self, team):
        name = team.organization.short_name
        note = self.labels.get(team.pk)
        return f"{name} — {note}" if note else name


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files at once, each checked for size and type."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned = [super(AttachmentsField, self).clean(upload, initial) for upload in uploads]
        errors = []
        for upload in cleaned:
            try:
                check_attachment(upload)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned


def _work_form_fields() -> tuple[forms.Field, forms.Field, forms.Field]:
    """Form of work, its name when «другое», and topic: alike on an entry and a plan line."""
    return (
        forms.ChoiceField(label="Форма работы", choices=WorkForm.choices,
                          error_messages={"required": "Выберите форму работы."}),
        forms.CharField(label="Другая форма", required=False, max_length=200,
                        help_text="Только если в поле «Форма работы» выбрано «Другое»: "
                                  "как называется эта форма."),
        forms.CharField(label="Тема", max_length=500,
                        error_messages={"required": "Укажите тему мероприятия."}),
    )


class EntryForm(CrispyForm):
    submit_label = "Сохранить мероприятие"
    held_on = _date_field("Дата", required=True, required_message="Укажите дату мероприятия.")
    ends_on = _date_field("Дата окончания", required=False,
                          help_text="Для мероприятия на несколько дней; иначе оставьте пустой.")
    form, form_other, topic = _work_form_fields()
    venue = forms.ModelChoiceField(
        label="Место проведения", queryset=Organization.objects.none(), required=False,
        empty_label="— не указано —",
        help_text="Организация, на базе которой прошло мероприятие.",
        error_messages={"invalid_choice": "Выберите организацию из списка."},
    )
    hosts = TeamsField(
        label="Проводящие команды", queryset=ManagementTeam.objects.none(),
        help_text="Команды-лидеры площадки и подающие надежды, которые вели мероприятие.",
        error_messages={
            "required": "Укажите команду, которая проводит мероприятие.",
            "invalid_choice": (
                "Проводить мероприятие могут команды-лидеры площадки и команды, подающие "
                "надежды, распределённые на неё."
            ),
        },
    )
    participants = TeamsField(
        label="Команды-участницы", queryset=ManagementTeam.objects.none(),
        help_text="Команды этой площадки; для взаимного наставничества — и команды других "
                  "площадок того же года.",
        error_messages={
            "required": "Отметьте команды, которые участвовали.",
            "invalid_choice": "Команда не участвует в стажировках этого года.",
        },
    )
    planned_event = forms.ModelChoiceField(
        label="Выполняет пункт плана", queryset=None, required=False,
        empty_label="— вне плана —",
        help_text="Пункт плана работы площадки, который выполнило это мероприятие.",
        error_messages={"invalid_choice": "Выберите невыполненный пункт плана этой площадки."},
    )
    description = forms.CharField(label="Описание", required=False,
                                  help_text="Что было сделано и с каким итогом.",
                                  widget=forms.Textarea(attrs={"rows": 4}), max_length=10000)
    files = AttachmentsField(
        label="Файлы", required=False,
        help_text=f"Программа, презентация, фотографии: {ALLOWED_EXTENSIONS_TEXT}.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, platform, hosts, participants, participant_labels, plan_lines,
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = Organization.objects.filter(
            municipality_id=platform.period.programme.municipality_id
        ).order_by("sort_rank", "number", "short_name")
        self.fields["venue"].label_from_instance = lambda organization: organization.short_name
        self.fields["hosts"].queryset = hosts
        self.fields["hosts"].labels = participant_labels
        self.fields["participants"].queryset = participants
        self.fields["participants"].labels = participant_labels
        self.fields["planned_event"].queryset = plan_lines
        self.fields["planned_event"].label_from_instance = (
            lambda event: f"{event.month:%m.%Y} · {event.topic}"
        )
        if not self.is_bound and "held_on" not in self.initial:
            self.fields["held_on"].initial = default_date(platform.period)

    def clean(self):
        data = super().clean()
        held_on, ends_on = data.get("held_on"), data.get("ends_on")
        if held_on and ends_on and ends_on < held_on:
            self.add_error("ends_on", "Дата окончания не может быть раньше даты начала.")
        if data.get("form") == WorkForm.OTHER and not data.get("form_other", "").strip():
            self.add_error("form_other", "Укажите, какая это форма работы.")
        return data


_COUNT_ERRORS = {"required": "Укажите число (0, если никого).",
                 "min_value": "Число не может быть отрицательным.",
                 "max_value": "Слишком большое число.",
                 "invalid": "Введите целое число."}


class ResultRowForm(forms.Form):
    """One participating team's line of the results table."""

    team = forms.IntegerField(widget=forms.HiddenInput)
    attended = forms.BooleanField(label="Участвовала", required=False)
    # Not required: a team that did not attend sends no numbers (the page disables them).
    managers = forms.IntegerField(
        label="Руководителей", min_value=0, max_value=999, required=False,
        error_messages=_COUNT_ERRORS,
    )
    teachers = forms.IntegerField(
        label="Педагогов", min_value=0, max_value=999, required=False,
        error_messages=_COUNT_ERRORS,
    )
    outcome = forms.ChoiceField(label="Результат", required=False,
                                choices=[("", "—"), *Outcome.choices])
    comment = forms.CharField(label="Комментарий", required=False, max_length=2000,
                              widget=forms.TextInput)

    def clean(self):
        data = super().clean()
        if not data.get("attended") and (
            data.get("managers") or data.get("teachers") or data.get("outcome")
        ):
            raise ValidationError(
                "Команда не участвовала — укажите 0 руководителей, 0 педагогов и не выбирайте "
                "результат. Если команда была, отметьте «Участвовала»."
            )
        for name in ("managers", "teachers"):
            if data.get(name) is None and name not in self.errors:
                if data.get("attended"):
                    self.add_error(name, _COUNT_ERRORS["required"])
                else:
                    data[name] = 0
        return data


class BaseResultFormSet(forms.BaseFormSet):
    def __init__(self, *args, names, **kwargs):
        super().__init__(*args, **kwargs)
        self.names = names
        for form in self.forms:
            team_id = form.initial.get("team") or form.data.get(form.add_prefix("team"))
            form.team_name = names.get(int(team_id)) if str(team_id).isdigit() else "?"

    def clean(self):
        wanted = set(self.names)
        given = {form.cleaned_data.get("team") for form in self.forms
                 if hasattr(form, "cleaned_data")}
        if given != wanted:
            raise ValidationError(
                "Список команд мероприятия изменился, пока открыта форма: откройте её заново."
            )


ResultFormSet = forms.formset_factory(ResultRowForm, formset=BaseResultFormSet, extra=0,
                                      min_num=0, max_num=1000)


class ResultsVersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class PlanForm(CrispyForm):
    submit_label = "Сохранить пункт плана"
    month = forms.DateField(
        label="Месяц", input_formats=["%Y-%m", "%m.%Y"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        error_messages={"required": "Укажите месяц.",
                        "invalid": "Введите месяц в формате ММ.ГГГГ."},
    )
    planned_on = _date_field("Точная дата", required=False)
    form, form_other, topic = _work_form_fields()
    responsible = forms.ModelChoiceField(
        label="Ответственная команда", queryset=ManagementTeam.objects.none(), required=False,
        empty_label="— не назначена —",
        error_messages={"invalid_choice": "Выберите команду этой площадки."},
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = teams
        self.fields["responsible"].label_from_instance = lambda team: team.organization.short_name

    def clean(self):
        data = super().clean()
        if data.get("form") == WorkForm.OTHER and not data.get("form_other", "").strip():
            self.add_error("form_other", "Укажите, какая это форма работы.")
        return data

