"""Headers are recognised by meaning, wherever the header row is."""

import pytest

from core.sheet_headers import find_header, normalise
from diagnostics.imports import indicators, organizations, staffing
from tests.imports.workbooks import P18


def test_it_normalises_case_yo_punctuation_and_spacing():
    assert normalise("  Всего   педагогических\nработников (Поб)") == \
        "всего педагогических работников поб"
    assert normalise("Призёров") == normalise("ПРИЗЕРОВ")


def test_it_reads_the_two_row_header_of_seed_004_under_a_title():
    rows = [
        ("Информация о педагогических работниках ОО на 30.06.2021г",),
        ("№", "Образовательное учреждение", "Всего педагогических работников (Поб)",
         "Педагогические работники", None, None, None, P18,
         "Не имеют квалификационную категорию", "Критическое состояние (более 50%)",
         "КК=Пвп/Поб"),
        (None, None, None, "Не имеют квалификационную категорию",
         "Имеют первую квалификационную категорию (Пп)",
         "Имеют высшую квалификационную категорию (Пв)",
         "Аттестация на соответствие занимаемой должности"),
        (1, "МБОУ «Ермаковская СШ № 1»", 56, 22, 25, 9, 16, 6, None, "39,30%", "60,70%"),
    ]
    header = find_header(staffing.COLUMNS, rows)
    assert (header.first_row, header.rows, header.data_starts) == (2, 2, 4)
    assert header.positions == {
        "organization": 1, "teachers_total": 2, "without_category": 3, "first_category": 4,
        "highest_category": 5, "attested_for_position": 6, "not_subject_to_attestation": 7,
        "critical": 9, "quality": 10,
    }
    # The second «Не имеют…» (the printed share) is not read as the count.
    assert "Не имеют квалификационную категорию" in header.ignored


@pytest.mark.parametrize(("heading", "key"), [
    ("ВСЕГО ПЕДАГОГОВ", "teachers_total"),
    ("Поб", "teachers_total"),
    ("без категории", "without_category"),
    ("Первая кв. категория", "first_category"),
    ("высшая_категория", "highest_category"),
    ("Пв", "highest_category"),
    ("СЗД", "attested_for_position"),
    ("п. 18 Порядка", "not_subject_to_attestation"),
    ("Наименование ОО", "organization"),
    ("Дата", "as_of"),
    ("Коэффициент качества", "quality"),
])
def test_it_recognises_staffing_aliases(heading, key):
    header = find_header(staffing.COLUMNS, [("Организация", heading)])
    assert header.positions.get(key) == 1 or header.positions.get(key) == 0


@pytest.mark.parametrize(("heading", "key"), [
    ("ШНОР", "low_results"),
    ("Школа с низкими образовательными результатами", "low_results"),
    ("Признаки необъективности", "non_objective"),
    ("Число обучающихся", "students_total"),
    ("Победители и призёры олимпиад", "olympiad_winners"),
    ("Выпускники с высокими результатами ГИА", "graduates_high_gia"),
    ("Выпускников", "graduates_total"),
    ("Педагоги — победители конкурсов", "teachers_competition_winners"),
    ("Учебный год", "period"),
])
def test_it_recognises_indicator_aliases(heading, key):
    header = find_header(indicators.COLUMNS, [("Организация", heading)])
    assert header.positions[key] == 1


def test_it_tells_the_short_name_from_the_full_name():
    header = find_header(organizations.COLUMNS, [
        ("Наименование организации", "Краткое наименование организации", "Головная")])
    assert header.positions == {"name": 0, "short_name": 1, "parent": 2}


def test_it_returns_none_without_any_known_heading():
    assert find_header(staffing.COLUMNS, [("a", "b"), (1, 2)]) is None
