"""Excel import of expert results: all or nothing with a Russian report; the export of the
same columns; the registration hook in diagnostics."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from competence.imports import INFO, SLUG, CompetenceResultImport, results_sheet
from competence.models import PersonResult
from diagnostics.imports.base import TableImport
from diagnostics.imports.tables import REGISTERED, TABLES, build_table, register_table
from people.models import TeacherRecordView

pytestmark = pytest.mark.django_db
HEADER = ("Диагностика", "Организация", "ФИО", "Область компетенций", "Уровень")


def workbook(*rows) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "kompetencii.xlsx"
    return data


def upload(client, data, *, load=True):
    return client.post("/competence/excel/", {"file": data, **({"load": "1"} if load else {})})


def test_it_registers_the_table_beside_the_hub_tables(world):
    assert SLUG in REGISTERED and SLUG not in TABLES
    table = build_table(SLUG, municipality=world.municipality, imported_by=world.staff)
    assert isinstance(table, CompetenceResultImport) and table.imported_by == world.staff


def test_it_refuses_to_register_a_slug_the_hub_already_has():
    with pytest.raises(ValueError, match="уже есть"):
        register_table(TABLES["teachers"], lambda **options: TableImport(**options))
    assert REGISTERED[SLUG][0] == INFO


def test_it_loads_expert_levels_by_titles_and_ranks(world, diag, login):
    client = login(world.staff)
    response = upload(client, workbook(
        ("Стартовая диагностика", "СОШ № 1", "Учителева Анна 1", "Методические компетенции",
         "Базовый"),
        ("Стартовая диагностика", "СОШ № 1", "Учителева Анна 1", "2", "3"),
    ))
    assert response.status_code == 200
    assert "Загружено: новых — 2" in response.content.decode()
    levels = dict(PersonResult.objects.values_list("area__number", "level__rank"))
    assert levels == {1: 1, 2: 3}


def test_it_refuses_bad_rows_with_a_russian_report_and_writes_nothing(world, diag, login):
    client = login(world.staff)
    response = upload(client, workbook(
        ("Стартовая диагностика", "СОШ № 1", "Учителева Анна 1", "1", "Базовый"),
        ("Стартовая диагностика", "СОШ № 1", "Неизвестная Мария", "1", "Базовый"),
        ("Стартовая диагностика", "СОШ № 1", "Учителева Анна 2", "1", "Отличный"),
        ("Нет такой", "СОШ № 1", "Учителева Анна 3", "1", "Базовый"),
        ("Стартовая диагностика", "СОШ № 1", "Методистова Вера", "1", "Базовый"),
    ))
    text = response.content.decode()
    assert "Ничего не записано: строк с ошибками — 4" in text
    assert "нет в реестре организации" in text
    assert "«Отличный» не найдено среди уровня шкалы" in text
    assert "Диагностика «Нет такой» не найдена" in text
    assert "не участвует в диагностике" in text
    assert "E · Уровень" in text
    assert not PersonResult.objects.exists()


def test_it_only_checks_a_file_on_a_dry_run(world, diag, login):
    response = upload(login(world.staff), workbook(
        ("Стартовая диагностика", "СОШ № 1", "Учителева Анна 1", "1", "Базовый")), load=False)
    assert "Проверка пройдена, ничего не записано" in response.content.decode()
    assert not PersonResult.objects.exists()


def test_it_exports_the_import_columns_and_audits_the_names(world, diag):
    PersonResult.objects.create(round=diag.first, teacher=diag.people[0], area=diag.areas[0],
                                source="expert", level=diag.level(diag.first, 2))
    sheet = results_sheet(municipality=world.municipality, viewer=world.staff)
    rows = list(load_workbook(io.BytesIO(sheet.content())).active.values)
    assert rows[0] == HEADER
    assert rows[1] == ("Стартовая диагностика", "СОШ № 1", "Учителева Анна 1",
                       "Методические компетенции", "Достаточный")
    assert TeacherRecordView.objects.filter(teacher=diag.people[0]).count() == 1


def test_it_round_trips_an_exported_file(world, diag, login):
    PersonResult.objects.create(round=diag.first, teacher=diag.people[0], area=diag.areas[0],
                                source="expert", level=diag.level(diag.first, 2))
    data = io.BytesIO(results_sheet(municipality=world.municipality,
                                    viewer=world.staff).content())
    data.name = "export.xlsx"
    response = upload(login(world.staff), data)
    assert "Загружено: новых — 0, обновлено — 1" in response.content.decode()
    assert PersonResult.objects.get().level.rank == 2
