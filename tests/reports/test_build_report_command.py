"""``manage.py build_report``: the job's builders from the command line."""

import datetime
import os
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from internships.models import ControlPoint, ControlPointKind
from reports import builders
from reports.indicators import compute_indicators
from reports.models import ProducedHandbook, ReportKind
from tests import factories


def build(*args) -> str:
    out = StringIO()
    call_command("build_report", *args, stdout=out)
    return out.getvalue().strip()


def test_it_writes_the_indicator_workbook(world, tmp_path):
    output = tmp_path / "показатели.xlsx"

    printed = build("indicators", "--municipality", "Крымский", "--period", "2021-2022",
                    "--output", str(output))

    assert printed == str(output)
    assert load_workbook(output).sheetnames[0] == "Показатели"
    assert [path.name for path in tmp_path.iterdir()] == ["показатели.xlsx"]


@pytest.mark.parametrize("kind", ["monitoring", "handbook"])
def test_it_writes_the_pdf_reports(world, tmp_path, kind):
    output = tmp_path / f"{kind}.pdf"

    build(kind, "--municipality", world.municipality.name, "--output", str(output))

    assert output.read_bytes().startswith(b"%PDF")
    assert [path.name for path in tmp_path.iterdir()] == [output.name]


def test_it_builds_the_monitoring_report_of_a_control_point(world, tmp_path):
    point = ControlPoint.objects.create(
        programme=world.programme, kind=ControlPointKind.INTERMEDIATE_DIAGNOSTICS,
        title="Промежуточная диагностика", starts_on=datetime.date(2022, 1, 10),
        ends_on=datetime.date(2022, 1, 31),
    )
    output = tmp_path / "monitoring.pdf"

    build("monitoring", "--municipality", "Крымский", "--control-point", str(point.pk),
          "--output", str(output))

    assert output.read_bytes().startswith(b"%PDF")


def test_it_names_an_unknown_municipality(world, tmp_path):
    with pytest.raises(CommandError, match="Муниципальное образование «Несуществующий» не "
                                           "найдено однозначно"):
        build("indicators", "--municipality", "Несуществующий", "--output",
              str(tmp_path / "x.xlsx"))


def test_it_names_an_unknown_period(world, tmp_path):
    with pytest.raises(CommandError, match="Учебный год «2030–2031» не найден."):
        build("indicators", "--municipality", "Крымский", "--period", "2030–2031",
              "--output", str(tmp_path / "x.xlsx"))
    assert list(tmp_path.iterdir()) == []


def test_it_refuses_a_control_point_for_the_workbook(world, tmp_path):
    with pytest.raises(CommandError, match="только для мониторингового отчёта"):
        build("indicators", "--municipality", "Крымский", "--control-point", "1",
              "--output", str(tmp_path / "x.xlsx"))


def test_it_refuses_a_control_point_of_another_project(world, tmp_path):
    with pytest.raises(CommandError, match="не найдена в проекте этого муниципального"):
        build("monitoring", "--municipality", "Крымский", "--control-point", "999999",
              "--output", str(tmp_path / "x.pdf"))


def test_it_refuses_a_control_point_outside_the_year_asked_for(world, tmp_path):
    point = ControlPoint.objects.create(
        programme=world.programme, kind=ControlPointKind.CURRENT_MONITORING,
        title="Текущий мониторинг", starts_on=datetime.date(2022, 12, 1),
        ends_on=datetime.date(2022, 12, 31),
    )

    with pytest.raises(CommandError, match="начинается 01.12.2022 — это не 2021–2022 учебный "
                                           "год"):
        build("monitoring", "--municipality", "Крымский", "--period", "2021-2022",
              "--control-point", str(point.pk), "--output", str(tmp_path / "x.pdf"))
    assert list(tmp_path.iterdir()) == []


def test_it_takes_the_control_points_own_year_without_a_period(world, tmp_path,
                                                               monkeypatch):
    factories.PeriodFactory(programme=world.programme, starts_on=datetime.date(2022, 9, 1),
                            ends_on=datetime.date(2023, 8, 31))
    point = ControlPoint.objects.create(
        programme=world.programme, kind=ControlPointKind.INTERMEDIATE_DIAGNOSTICS,
        title="Промежуточная диагностика", starts_on=datetime.date(2022, 1, 10),
        ends_on=datetime.date(2022, 1, 31),
    )
    built = []

    def monitoring(*, period, parameters, output, **kwargs):
        built.append((period, parameters))
        output.write_bytes(b"%PDF-1.7")
        return "Мониторинговый отчёт.pdf"

    monkeypatch.setitem(builders.BUILDERS, ReportKind.MONITORING, monitoring)

    build("monitoring", "--municipality", "Крымский", "--control-point", str(point.pk),
          "--output", str(tmp_path / "monitoring.pdf"))

    assert built == [(world.period, {"control_point": point.pk})]


def test_it_writes_the_file_with_the_usual_permissions(world, tmp_path):
    output = tmp_path / "показатели.xlsx"
    previous = os.umask(0o022)
    try:
        build("indicators", "--municipality", "Крымский", "--output", str(output))
    finally:
        os.umask(previous)

    assert output.stat().st_mode & 0o777 == 0o644


def test_it_counts_a_handbook_built_from_the_command_line(world, tmp_path):
    def handbooks():
        values = compute_indicators(municipality=world.municipality, period=world.period)
        return next(value.value for value in values
                    if value.indicator.code == "handbooks_produced")

    assert handbooks() == 0
    build("handbook", "--municipality", world.municipality.name, "--period",
          world.period.title, "--output", str(tmp_path / "h.pdf"))
    build("handbook", "--municipality", world.municipality.name, "--period",
          world.period.title, "--output", str(tmp_path / "h2.pdf"))

    assert ProducedHandbook.objects.filter(period=world.period).count() == 1
    assert handbooks() == 1
