import datetime

from django.contrib.auth.models import User
from django.utils import translation

from core.formatting import history_line, keep_number, person_short_name, ru_number, ru_percent


def test_it_writes_a_decimal_comma_rounded_half_up():
    assert ru_number(12.25) == "12,3"
    assert ru_number(0.7, 2) == "0,70"


def test_it_drops_zero_decimals_when_asked():
    assert ru_number(3.0, trim=True) == "3"
    assert ru_number(3.5, trim=True) == "3,5"


def test_it_groups_thousands_with_a_non_breaking_space():
    assert ru_number(12345.678, grouped=True) == "12\u00a0345,7"


def test_it_is_russian_whatever_language_is_active():
    with translation.override("en"):
        assert ru_number(1.5) == "1,5"


def test_it_writes_a_percentage_with_its_sign():
    assert ru_percent(40) == "40,0 %"


def test_it_writes_a_history_line_with_initials_and_the_moscow_time():
    user = User(username="volodina", first_name="Зоя Андреевна", last_name="Володина")
    when = datetime.datetime(2022, 2, 15, 9, 30, tzinfo=datetime.UTC)

    assert history_line("~", user, when) == "Изменено: З. А. Володина, 15.02.2022 12:30"
    assert history_line("+", User(username="staff"), when).startswith("Создано: staff, ")
    assert history_line("-", None, when).startswith("Удалено: без указания автора, ")


def test_it_shows_a_user_without_a_surname_by_the_name_given():
    assert person_short_name(User(username="x", first_name="Отдел кадров")) == "Отдел кадров"


def test_it_keeps_a_schools_number_with_its_sign_and_kind():
    assert keep_number("МБОУ СОШ № 4") == "МБОУ СОШ\u00a0№\u00a04"
    assert keep_number("МБОУ ООШ №66") == "МБОУ ООШ\u00a0№66"
    assert keep_number("Детский сад «Солнышко»") == "Детский сад «Солнышко»"
