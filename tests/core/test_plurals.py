import pytest

from core.plurals import ru_plural
from core.templatetags.ru import plural, plural_word


@pytest.mark.parametrize(
    "count, expected",
    [
        (0, "школ"),
        (1, "школа"),
        (2, "школы"),
        (5, "школ"),
        (11, "школ"),
        (12, "школ"),
        (21, "школа"),
        (22, "школы"),
        (25, "школ"),
        (101, "школа"),
        (111, "школ"),
    ],
)
def test_it_picks_the_russian_noun_form_for_a_count(count, expected):
    assert ru_plural(count, "школа", "школы", "школ") == expected


def test_it_writes_the_count_with_its_noun_in_templates():
    assert plural(21, "школа,школы,школ") == "21 школа"
    assert plural(14, "команда, команды, команд") == "14 команд"
    assert plural_word(3, "команда,команды,команд") == "команды"
