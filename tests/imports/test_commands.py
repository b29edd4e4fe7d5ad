"""The management commands run the same import and export as the pages."""

import datetime

import pytest
from django.core.management import base, call_command, execute_from_command_line
from django.core.management.base import CommandError
from openpyxl import load_workbook

from diagnostics.models import Staffing
from teams.models import Organization
from tests.imports.workbooks import table_workbook

HEADERS = ["Организация", "Всего педагогических работников (Поб)", "Без категории",
           "Первая категория", "Высшая категория"]


def _write(tmp_path, rows, name="kadry.xlsx"):
    path = tmp_path / name
    path.write_bytes(table_workbook(HEADERS, rows).getvalue())
    return str(path)


def test_it_imports_staffing_on_the_given_date(district, tmp_path, capsys):
    path = _write(tmp_path, [("Ермаковская СШ № 1", 10, 2, 4, 4)])
    call_command("import_staffing", path, "--municipality", "Ермаковский",
                 "--date", "30.06.2021")
    assert Staffing.objects.get().as_of == datetime.date(2021, 6, 30)
    assert "Загружено: новых — 1" in capsys.readouterr().out


def test_the_date_defaults_to_today(district, tmp_path):
    call_command("import_staffing", _write(tmp_path, [("Ойская СШ", 1, 1, 0, 0)]),
                 municipality="Ермаковский район")
    assert Staffing.objects.get().as_of == datetime.date.today()


def test_a_dry_run_writes_nothing(district, tmp_path, capsys):
    call_command("import_staffing", _write(tmp_path, [("Ойская СШ", 1, 1, 0, 0)]),
                 "--municipality", "Ермаковский район", "--dry-run")
    assert Staffing.objects.count() == 0
    assert "Проверка пройдена, ничего не записано" in capsys.readouterr().out


def test_a_refused_file_exits_non_zero_with_the_report_on_stderr(
    district, tmp_path, capsys, monkeypatch
):
    # A command run from the command line closes the database connections when it
    # ends; inside a test that is the test's own connection, which must stay open.
    monkeypatch.setattr(base.connections, "close_all", lambda: None)
    path = _write(tmp_path, [("Ойская СШ", 5, 1, 0, 0), ("Лицей", 1, 1, 0, 0)])
    with pytest.raises(SystemExit) as exited:
        execute_from_command_line(["manage.py", "import_staffing", path,
                                   "--municipality", "Ермаковский район"])
    assert exited.value.code == 1
    captured = capsys.readouterr()
    assert "Строка 2, столбец B · Всего педагогических работников (Поб): без категории (1)" \
        in captured.err
    assert "Строка 3, столбец A · Организация: организация «Лицей» не найдена" in captured.err
    assert captured.out == ""
    assert Staffing.objects.count() == 0


def test_a_hostile_file_exits_non_zero(district, tmp_path):
    path = tmp_path / "table.xlsx"
    path.write_text("Организация;Всего\n")
    with pytest.raises(CommandError, match="текстовый файл") as refused:
        call_command("import_organizations", str(path), municipality="Ермаковский район")
    assert refused.value.returncode == 1


def test_an_unknown_municipality_or_period_is_an_error(district, tmp_path):
    path = _write(tmp_path, [])
    with pytest.raises(CommandError, match="не найдено однозначно"):
        call_command("import_staffing", path, municipality="Нет такого")
    with pytest.raises(CommandError, match="Учебный год «1999» не найден"):
        call_command("import_indicators", path, municipality="Ермаковский", period="1999")
    with pytest.raises(CommandError, match="Диагностика «Нет» не найдена"):
        call_command("import_diagnoses", path, municipality="Ермаковский", round="Нет")


def test_indicators_and_diagnoses_take_their_period_and_round(district, tmp_path):
    path = tmp_path / "pokazateli.xlsx"
    path.write_bytes(table_workbook(["Организация", "ШНОР", "Обучающихся всего"],
                                    [("Ойская СШ", "да", 90)]).getvalue())
    call_command("import_indicators", str(path), municipality="Ермаковский",
                 period="2022-2023")
    assert district.school_2.indicators.get().period == district.later_period
    path = tmp_path / "diagnostika.xlsx"
    path.write_bytes(table_workbook(["Организация", "Направление", "Балл", "Дефициты"],
                                    [("Ойская СШ", "Стажировка 2", 40, "1.1; 2.1")]
                                    ).getvalue())
    call_command("import_diagnoses", str(path), municipality="Ермаковский",
                 round="Стартовая диагностика 2021")
    diagnosis = district.school_2.team.diagnoses.get()
    assert (diagnosis.direction.number, diagnosis.score) == (2, 40)
    assert sorted(diagnosis.deficits.values_list("code", flat=True)) == ["1.1", "2.1"]


def test_export_commands_write_the_table(district, tmp_path, capsys):
    output = tmp_path / "organizacii.xlsx"
    call_command("export_organizations", municipality="Ермаковский", output=str(output))
    rows = list(load_workbook(output, read_only=True).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Полное наименование", "Краткое наименование")
    assert {row[1] for row in rows[1:]} == {"Ермаковская СШ № 1", "Ойская СШ"}
    assert "строк — 2" in capsys.readouterr().out
    for table in ("indicators", "staffing", "diagnoses"):
        call_command(f"export_{table}", municipality="Ермаковский",
                     output=str(tmp_path / f"{table}.xlsx"))
        # The staffing table has its title above the header, as the district prints it.
        assert load_workbook(tmp_path / f"{table}.xlsx").active.max_row == \
            (2 if table == "staffing" else 1)


def test_the_export_reimports_through_the_command(district, tmp_path):
    output = tmp_path / "organizacii.xlsx"
    call_command("export_organizations", municipality="Ермаковский", output=str(output))
    before = list(Organization.objects.values().order_by("pk"))
    call_command("import_organizations", str(output), municipality="Ермаковский")
    assert list(Organization.objects.values().order_by("pk")) == before


def test_organizations_report_goes_to_stdout_with_counts(district, tmp_path, capsys):
    path = tmp_path / "org.xlsx"
    path.write_bytes(table_workbook(["Наименование", "Тип"],
                                    [("МБОУ «Танзыбейская СШ»", "школа"), (None, None),
                                     ("Итого", None)]).getvalue())
    call_command("import_organizations", str(path), municipality="Ермаковский")
    out = capsys.readouterr().out
    assert "новых — 1, обновлено — 0, пропущено строк — 1" in out
    assert "Строка 4 пропущена: итоговая строка «Итого»" in out
    assert not Organization.objects.filter(name="Итого").exists()
