"""Updating stored records: a column the file lacks keeps its stored values; numbers too large,
formulas without values and switched-off deficits are reported, never written or crashed on."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from diagnostics.models import Deficit, Diagnosis, SchoolIndicator, Staffing
from tests.imports.uploads import post_upload
from tests.imports.workbooks import save, table_workbook

STAFFING = ["Организация", "Всего", "Без категории", "Первая категория", "Высшая категория"]


def test_indicators_keep_the_columns_the_file_lacks(district, run):
    SchoolIndicator.objects.create(organization=district.school_2, period=district.period,
                                   low_results=True, students_total=100, olympiad_winners=5)
    file = table_workbook(["Организация", "Выпускников всего"], [("Ойская СШ", 10)])
    report = run("indicators", file, district.municipality, period=district.period)
    assert report.ok, report.as_text()
    line = SchoolIndicator.objects.get()
    assert (line.low_results, line.students_total, line.olympiad_winners,
            line.graduates_total) == (True, 100, 5, 10)


def test_indicators_check_a_part_against_its_stored_whole(district, run):
    SchoolIndicator.objects.create(organization=district.school_2, period=district.period,
                                   students_total=100)
    file = table_workbook(["Организация", "Победителей олимпиад"], [("Ойская СШ", 101)])
    report = run("indicators", file, district.municipality, period=district.period)
    assert "победителей олимпиад (101) больше, чем обучающихся (100)" in report.as_text()
    assert SchoolIndicator.objects.get().olympiad_winners is None


def test_staffing_keeps_the_columns_the_file_lacks(district, run):
    day = datetime.date(2021, 6, 30)
    Staffing.objects.create(organization=district.school_2, as_of=day, teachers_total=22,
                            without_category=6, first_category=11, highest_category=5,
                            attested_for_position=1, not_subject_to_attestation=5)
    report = run("staffing", table_workbook(STAFFING, [("Ойская СШ", 23, 7, 11, 5)]),
                 district.municipality, as_of=day)
    assert report.ok, report.as_text()
    line = Staffing.objects.get()
    assert (line.teachers_total, line.without_category, line.attested_for_position,
            line.not_subject_to_attestation) == (23, 7, 1, 5)


def test_staffing_new_lines_start_the_missing_columns_from_zero(district, run):
    report = run("staffing", table_workbook(STAFFING, [("Ойская СШ", 3, 1, 1, 1)]),
                 district.municipality, as_of=datetime.date(2021, 6, 30))
    assert report.ok, report.as_text()
    assert Staffing.objects.get().attested_for_position == 0


def test_diagnoses_keep_the_columns_the_file_lacks(district, run):
    direction = district.directions[0]
    diagnosis = Diagnosis.objects.create(team=district.school_1.team, round=district.round,
                                         direction=direction, score=70, comment="Итог")
    diagnosis.deficits.set(Deficit.objects.filter(direction=direction, code="1.2"))
    file = table_workbook(["Организация", "Направление", "Балл"],
                          [("Ермаковская СШ № 1", 1, 80)])
    report = run("diagnoses", file, district.municipality, diagnostic_round=district.round)
    assert (report.ok, report.updated) == (True, 1), report.as_text()
    diagnosis.refresh_from_db()
    assert (diagnosis.score, diagnosis.comment) == (80, "Итог")
    assert list(diagnosis.deficits.values_list("code", flat=True)) == ["1.2"]


def test_an_oversized_number_is_a_problem_not_a_crash(district, run):
    file = table_workbook(STAFFING, [("Ойская СШ", "100000000000000000000",
                                      "100000000000000000000", 0, 0)])
    report = run("staffing", file, district.municipality)
    assert "число не может быть больше 1000000" in report.as_text()
    assert not Staffing.objects.exists()


def test_an_oversized_number_on_the_page_shows_the_report(world, as_role):
    file = table_workbook(["Организация", "Обучающихся всего"],
                          [("СОШ № 1", "100000000000000000000")])
    response = post_upload(as_role("staff"), reverse("import_indicators"), {
        "file": SimpleUploadedFile("a.xlsx", file.getvalue()), "load": "Загрузить",
        "period": world.period.pk})
    assert response.status_code == 200
    assert "Число не может быть больше 1000000" in response.content.decode()
    assert not SchoolIndicator.objects.exists()


def _formula_file(headers, row) -> bytes:
    workbook = Workbook()
    workbook.active.append(headers)
    workbook.active.append(row)  # openpyxl stores formulas without a computed value
    return save(workbook)


@pytest.mark.parametrize(("table", "headers", "row", "options"), [
    ("staffing", STAFFING, ["Ойская СШ", "=1+1", 1, 1, 0], {}),
    ("indicators", ["Организация", "Обучающихся всего", "Выпускников всего"],
     ["Ойская СШ", "=1+1", 3], {}),
])
def test_a_formula_without_a_value_is_reported(district, run, table, headers, row, options):
    report = run(table, _formula_file(headers, row), district.municipality, **options)
    assert "в ячейке формула без вычисленного значения — вставьте число" in report.as_text()
    assert not report.ok
    assert not Staffing.objects.exists() and not SchoolIndicator.objects.exists()


def test_switched_off_deficits_are_refused_on_new_results(district, run):
    Deficit.objects.filter(direction=district.directions[0], code="1.2").update(active=False)
    file = table_workbook(["Организация", "Направление", "Дефициты"],
                          [("Ермаковская СШ № 1", 1, "1.1; 1.2")])
    report = run("diagnoses", file, district.municipality, diagnostic_round=district.round)
    assert "дефициты с кодами 1.2 исключены из каталога направления 1" in report.as_text()
    assert not Diagnosis.objects.exists()


def test_switched_off_deficits_stay_on_the_results_that_have_them(district, run):
    direction = district.directions[0]
    diagnosis = Diagnosis.objects.create(team=district.school_1.team, round=district.round,
                                         direction=direction)
    diagnosis.deficits.set(Deficit.objects.filter(direction=direction, code="1.2"))
    Deficit.objects.filter(direction=direction, code="1.2").update(active=False)
    file = table_workbook(["Организация", "Направление", "Дефициты"],
                          [("Ермаковская СШ № 1", 1, "1.1; 1.2")])
    report = run("diagnoses", file, district.municipality, diagnostic_round=district.round)
    assert report.ok, report.as_text()
    assert sorted(diagnosis.deficits.values_list("code", flat=True)) == ["1.1", "1.2"]


def test_a_database_error_on_a_row_is_a_problem_not_a_crash(district, run, monkeypatch):
    from django.db import DataError

    from diagnostics.imports.staffing import StaffingImport

    def fail(self, row):
        raise DataError("value out of range")

    monkeypatch.setattr(StaffingImport, "import_row", fail)
    report = run("staffing", table_workbook(STAFFING, [("Ойская СШ", 3, 1, 1, 1)]),
                 district.municipality)
    assert "строку не удаётся сохранить" in report.as_text()
    assert not report.ok
