from django.utils import translation

from core.formatting import ru_number, ru_percent


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
