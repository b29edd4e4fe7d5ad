"""The form of «Подбор распределения»: which year, which round, which rules."""

from django import forms

from core.forms import CrispyForm
from distribution import engine
from distribution.proposals import FORM_PARAMETERS, parameters_from
from internships.periods import PeriodSpan, next_period_span, no_next_period_message

NEW_PERIOD = "new"
# Only a guard against typos: a large municipality may need hundreds of leaders per direction.
LARGEST_COUNT = 10_000


class PeriodChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, period):
        return f"{period.title} учебный год"


class TargetChoiceField(forms.ChoiceField):
    """A new year is not offered once the programme has ended, but asking for it gets
    that reason rather than «not in the list»."""

    def valid_value(self, value):
        return value == NEW_PERIOD or super().valid_value(value)


class RoundChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, diagnostic_round):
        return diagnostic_round.title


def _integer(label: str, help_text: str, minimum: int) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, help_text=help_text, min_value=minimum, max_value=LARGEST_COUNT,
        error_messages={"required": f"Укажите: {label.lower()}.",
                        "invalid": "Введите целое число.",
                        "min_value": f"Не меньше {minimum}.",
                        "max_value": "Не больше 10 000."},
    )


def _share(label: str, help_text: str) -> forms.FloatField:
    # Localized, so «0,7» is read as the department types it.
    return forms.FloatField(
        label=label, help_text=help_text, min_value=0, max_value=1, localize=True,
        error_messages={"required": f"Укажите: {label.lower()}.",
                        "invalid": "Введите число, например 0,5.",
                        "min_value": "Число от 0 до 1.", "max_value": "Число от 0 до 1."},
    )


class DistributionForm(CrispyForm):
    submit_label = "Рассчитать предложение"

    source_period = PeriodChoiceField(
        label="Текущее распределение", queryset=None, empty_label=None,
        help_text="Учебный год, чьи уровни и пары наставничества считаются текущими.",
        error_messages={"required": "Выберите учебный год.",
                        "invalid_choice": "Выберите учебный год из списка."},
    )
    target = TargetChoiceField(
        label="Распределение на",
        error_messages={"required": "Выберите, на какой учебный год распределять.",
                        "invalid_choice": "Выберите учебный год из списка."},
    )
    diagnostic_round = RoundChoiceField(
        label="Диагностика", queryset=None, required=False,
        empty_label="— без диагностики: по текущим уровням —",
        help_text="Сила команды по направлению — балл диагностики или доля невыявленных "
                  "дефицитов; без результата — по текущему уровню.",
        error_messages={"invalid_choice": "Выберите диагностику из списка."},
    )
    leaders_min = _integer("Лидеров на направление, не меньше", "", 0)
    leaders_max = _integer("Лидеров на направление, не больше", "", 1)
    max_directions_led = _integer("Направлений, которые ведёт одна команда, не больше", "", 1)
    mentees_per_leader = _integer(
        "Подопечных на команду-лидера", "По всем направлениям вместе; норма проекта.", 0)
    change_cost = forms.FloatField(
        label="Цена изменения", min_value=0, max_value=10, localize=True,
        help_text="Чем больше, тем меньше предложение отходит от текущего распределения.",
        error_messages={"required": "Укажите цену изменения.",
                        "invalid": "Введите число, например 0,05.",
                        "min_value": "Цена не может быть отрицательной.",
                        "max_value": "Не больше 10."},
    )
    leader_floor = _share(
        "Порог лидера",
        "Команда слабее порога становится лидером, только чтобы вести хотя бы одно "
        "направление.")
    promising_threshold = _share(
        "Порог «подающих надежды»",
        "Не лидеры с силой от порога — подающие надежды, ниже — скрытые резервы.")
    keep_narrow = forms.BooleanField(
        label="Команды узкой специализации остаются лидерами своих направлений",
        required=False)

    def __init__(self, *args, periods, rounds, new_period: PeriodSpan | None, **kwargs):
        """``new_period`` is the year the latest programme would open next, None when it
        has ended: then a new year is not offered."""
        super().__init__(*args, **kwargs)
        self.fields["source_period"].queryset = periods
        self.fields["diagnostic_round"].queryset = rounds
        self.periods = {str(period.pk): period for period in periods}
        choices = [(key, f"{period.title} учебный год") for key, period in self.periods.items()]
        if new_period is not None:
            choices.append(
                (NEW_PERIOD, f"новый учебный год {new_period.title} — будет создан при принятии"))
        self.fields["target"].choices = choices

    def clean(self):
        data = super().clean()
        source = data.get("source_period")
        target_key = data.get("target")
        data["target_period"] = data["new_period"] = None
        if source is not None and target_key == NEW_PERIOD:
            data["new_period"] = next_period_span(programme=source.programme)
            if data["new_period"] is None:
                self.add_error("target", no_next_period_message(source.programme))
        elif source is not None and target_key:
            target = self.periods[target_key]
            if target.programme_id != source.programme_id:
                self.add_error("target", "Этот учебный год относится к другому проекту.")
            elif target.starts_on < source.starts_on:
                self.add_error("target", "Распределять можно на тот же или на более поздний "
                                         "учебный год, чем текущее распределение.")
            data["target_period"] = target
        diagnostic_round = data.get("diagnostic_round")
        if (source is not None and diagnostic_round is not None
                and diagnostic_round.programme_id != source.programme_id):
            self.add_error("diagnostic_round", "Эта диагностика относится к другому проекту.")
        if not self.errors:
            try:
                engine.validate_parameters(parameters_from(self.parameters()))
            except ValueError as error:
                self.add_error(None, f"Параметры не подходят: {error}.")
        return data

    def parameters(self) -> dict:
        return {name: self.cleaned_data[name] for name in FORM_PARAMETERS}
