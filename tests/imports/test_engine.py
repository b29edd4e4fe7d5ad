"""All or nothing, a report of every bad row, dry runs, repeated imports."""

import datetime

from diagnostics.models import SchoolIndicator, Staffing
from tests.imports.workbooks import table_workbook

DAY = datetime.date(2022, 1, 10)
HEADERS = ["Организация", "Всего педагогических работников (Поб)",
           "Не имеют квалификационной категории", "Первая категория", "Высшая категория",
           "Аттестация на соответствие занимаемой должности", "п. 18 Порядка"]


def staffing_file(*rows, above=None):
    return table_workbook(HEADERS, rows, above=above)


GOOD = ("МБОУ «Ермаковская СШ № 1»", 56, 22, 25, 9, 16, 6)


def test_it_imports_good_rows_and_counts_them(district, run):
    report = run("staffing", staffing_file(GOOD, ("Ойская СШ", 21, 6, 11, 4, 1, 5)),
                 district.municipality, as_of=DAY)
    assert report.ok and report.written
    assert (report.created, report.updated) == (2, 0)
    line = Staffing.objects.get(organization=district.school_1, as_of=DAY)
    assert (line.teachers_total, line.without_category, line.first_category,
            line.highest_category, line.attested_for_position,
            line.not_subject_to_attestation) == (56, 22, 25, 9, 16, 6)


def test_one_bad_row_writes_nothing_and_is_reported_with_row_and_column(district, run):
    file = staffing_file(GOOD, ("Ойская СШ", 22, 6, 11, 4, 1, 5),
                         above=[["Кадровый состав на 10.01.2022"], []])
    report = run("staffing", file, district.municipality, as_of=DAY)
    assert not report.ok and not report.written
    assert Staffing.objects.count() == 0
    [problem] = report.problems
    assert problem.row == 5
    assert problem.column == "B · Всего педагогических работников (Поб)"
    assert problem.reason == ("без категории (6) + первая (11) + высшая (4) = 21, "
                              "а всего указано 22")
    assert "Ничего не записано: строк с ошибками — 1" in report.summary()


def test_it_reports_every_bad_row_and_every_bad_cell(district, run):
    file = staffing_file(
        GOOD,
        ("Ойская СШ", "много", 6, 11, -4, 1, 5),
        ("Лицей № 9", 10, 10, 0, 0, 0, 0),
        ("Ойская СШ", 10, 2, 4, 4, 2, 1),
    )
    report = run("staffing", file, district.municipality, as_of=DAY)
    assert [(p.row, p.column.split(" · ")[0], p.reason) for p in report.problems] == [
        (3, "B", "нужно целое число, а не «много»"),
        (3, "E", "число не может быть отрицательным (-4)"),
        (4, "A", "организация «Лицей № 9» не найдена в муниципальном образовании; "
                 "сначала загрузите список организаций"),
        (5, "C", "аттестованных на соответствие должности (2) и не проходящих аттестацию "
                 "по п. 18 (1) вместе 3 — больше, чем без категории (2)"),
    ]
    assert Staffing.objects.count() == 0


def test_it_reports_a_repeated_record_within_the_file(district, run):
    report = run("staffing", staffing_file(GOOD, GOOD), district.municipality, as_of=DAY)
    assert [(p.row, p.reason) for p in report.problems] == [
        (3, "кадровый состав этой организации на 10.01.2022 уже есть в строке 2")]


def test_a_dry_run_gives_the_same_report_and_writes_nothing(district, run):
    file = staffing_file(GOOD, (None, 56, 22, 25, 9, 16, 6))
    checked = run("staffing", file, district.municipality, as_of=DAY, dry_run=True)
    assert checked.ok and not checked.written
    assert (checked.created, len(checked.skipped)) == (1, 1)
    assert "Проверка пройдена, ничего не записано" in checked.summary()
    assert Staffing.objects.count() == 0
    file.seek(0)
    loaded = run("staffing", file, district.municipality, as_of=DAY)
    assert (loaded.created, loaded.skipped, loaded.problems) == (
        checked.created, checked.skipped, checked.problems)
    assert Staffing.objects.count() == 1


def test_importing_the_same_file_twice_updates_instead_of_duplicating(district, run):
    run("staffing", staffing_file(GOOD), district.municipality, as_of=DAY)
    corrected = ("Ермаковская СШ №1", 57, 23, 25, 9, 16, 6)
    report = run("staffing", staffing_file(corrected), district.municipality, as_of=DAY)
    assert (report.created, report.updated) == (0, 1)
    assert Staffing.objects.get().teachers_total == 57


def test_rows_without_a_name_are_skipped_and_listed(district, run):
    file = staffing_file(GOOD, (None, 56, 22, 25, 9, 16, 6), ("", None, None))
    report = run("staffing", file, district.municipality, as_of=DAY)
    assert report.ok
    assert [(s.row, s.reason) for s in report.skipped] == [
        (3, "нет наименования организации (итоговая строка или заголовок)")]


def test_a_file_without_the_required_columns_is_refused(district, run):
    report = run("staffing", table_workbook(["Организация", "Всего"], [GOOD[:2]]),
                 district.municipality, as_of=DAY)
    assert report.refused.startswith("не найдены столбцы «Не имеют квалификационной "
                                     "категории», «Имеют первую")
    assert "скачайте шаблон" in report.refused


def test_a_date_column_overrides_the_default_date(district, run):
    file = table_workbook(["На дату", *HEADERS], [("30.06.2021", *GOOD)])
    run("staffing", file, district.municipality, as_of=DAY)
    assert Staffing.objects.get().as_of == datetime.date(2021, 6, 30)


def test_numbers_typed_as_text_or_floats_are_read(district, run):
    file = staffing_file(("Ермаковская СШ № 1", "56", 22.0, " 25 ", 9, 16, None))
    report = run("staffing", file, district.municipality, as_of=DAY)
    assert report.ok
    line = Staffing.objects.get()
    assert (line.teachers_total, line.without_category, line.first_category,
            line.not_subject_to_attestation) == (56, 22, 25, 0)


def test_a_file_with_no_column_of_the_table_is_refused_not_loaded_empty(district, run):
    organizations_only = table_workbook(["Организация", "Краткое наименование"],
                                        [(GOOD[0], "Ермаковская СШ № 1")])

    report = run("indicators", organizations_only, district.municipality,
                 period=district.period)

    assert report.refused.startswith("в таблице нет ни одного столбца с данными")
    assert "«Обучающихся всего»" in report.refused
    assert not SchoolIndicator.objects.exists()
