"""Search in the registers: Russian morphology on PostgreSQL, words in any case on both."""

import datetime

import pytest
from django.db import connection

from registers.models import BankEntry, BankKind, Level, NormativeDocument
from registers.search import BANK_FIELDS, DOCUMENT_FIELDS, search

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql",
                                   reason="полнотекстовый поиск с русской морфологией — "
                                          "только PostgreSQL")


def _entry(world, title, **fields):
    return BankEntry.objects.create(municipality=world.municipality, kind=BankKind.PROGRAMME,
                                    year=2022, title=title, authors="Иванова А. А.", **fields)


def _found(queryset, text, fields):
    return sorted(item.title for item in search(queryset, text, fields=fields))


@on_postgresql
def test_it_finds_a_programme_by_another_form_of_the_word(world):
    _entry(world, "Программа стажировки управленческих команд")
    _entry(world, "Кейс для наставников")

    found = _found(BankEntry.objects.all(), "программы", BANK_FIELDS)

    assert found == ["Программа стажировки управленческих команд"]
    assert _found(BankEntry.objects.all(), "наставник", BANK_FIELDS) == ["Кейс для наставников"]


@on_postgresql
def test_it_finds_a_normative_document_by_a_word_form_in_its_title(world):
    NormativeDocument.objects.create(
        municipality=world.municipality, level=Level.FEDERAL, kind="Постановление",
        number="662", issued_on=datetime.date(2013, 8, 5),
        title="Об осуществлении мониторинга системы образования")

    assert _found(NormativeDocument.objects.all(), "мониторинг образование",
                  DOCUMENT_FIELDS) == ["Об осуществлении мониторинга системы образования"]


def test_every_word_must_be_found_in_any_case(world):
    _entry(world, "Программа стажировки", audience="Управленческие команды школ")
    _entry(world, "Программа наставничества")

    assert _found(BankEntry.objects.all(), "ПРОГРАММА школ", BANK_FIELDS) == [
        "Программа стажировки"]
    assert _found(BankEntry.objects.all(), "  ", BANK_FIELDS) == [
        "Программа наставничества", "Программа стажировки"]
