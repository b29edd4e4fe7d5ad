"""Organizations are found by their full or short name, whatever the typing."""

import pytest

from diagnostics.imports.matching import OrganizationMatcher, name_key
from teams.models import Organization


@pytest.mark.parametrize("typed", [
    "МБОУ «Ермаковская СШ № 4»",
    "мбоу ермаковская сш №4",
    'МБОУ "Ермаковская СШ N 4"',
    "МБОУ 'Ермаковская  СШ  No 4'",
    "МБОУ\n«Ермаковская СШ № 4",
    "МБОУ “Ермаковская Сш № 4”",
])
def test_it_ignores_quotes_spacing_case_and_number_signs(typed):
    assert name_key(typed) == name_key("МБОУ «Ермаковская СШ № 4»")


def test_it_treats_yo_as_ye():
    assert name_key("Новоозёрновская ОШ") == name_key("Новоозерновская ОШ")


def test_it_keeps_different_numbers_apart():
    assert name_key("СШ № 1") != name_key("СШ № 11")


def _organization(pk, name, short_name):
    return Organization(pk=pk, name=name, short_name=short_name)


def test_it_finds_by_full_or_short_name():
    school = _organization(1, "МБОУ «Ермаковская СШ № 1»", "Ермаковская СШ № 1")
    matcher = OrganizationMatcher([school])
    assert matcher.find("ермаковская сш №1") == (school, "")
    assert matcher.find("МБОУ Ермаковская СШ N 1")[0] == school


def test_it_says_in_russian_when_nothing_or_several_match():
    matcher = OrganizationMatcher([
        _organization(1, "Школа", "СОШ № 1"), _organization(2, "Школа", "СОШ № 2")])
    assert matcher.find("Лицей")[1].startswith("организация «Лицей» не найдена")
    assert "нескольким организациям (СОШ № 1, СОШ № 2)" in matcher.find("школа")[1]
