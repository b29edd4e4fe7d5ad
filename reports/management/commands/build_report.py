"""``manage.py build_report indicators|monitoring|handbook --municipality NAME
[--period TITLE] [--control-point ID] --output FILE``: a report built by the job's code."""

import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from diagnostics.imports.base import current_period, find_period
from diagnostics.imports.commands import municipality_named
from internships.models import ControlPoint
from reports.errors import ReportError
from reports.jobs import build_to_file
from reports.models import ReportKind


class Command(BaseCommand):
    help = ("Формирует отчёт тем же кодом, что и фоновая задача: indicators — показатели "
            "проекта (Excel), monitoring — мониторинговый отчёт (PDF), handbook — "
            "методическое пособие (PDF).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=list(ReportKind.values))
        parser.add_argument("--municipality", required=True,
                            help="Название муниципального образования (или его часть).")
        parser.add_argument("--period", default="",
                            help="Учебный год, например 2021–2022; по умолчанию текущий.")
        parser.add_argument("--control-point", type=int, default=None,
                            help="Номер (id) контрольной точки — для мониторингового отчёта.")
        parser.add_argument("--output", required=True, type=Path, help="Куда записать файл.")

    def handle(self, *args, **options) -> None:
        self.verbosity = options["verbosity"]
        municipality = municipality_named(options["municipality"])
        if options["period"]:
            period = find_period(municipality, options["period"])
            if period is None:
                raise CommandError(f"Учебный год «{options['period']}» не найден.")
        else:
            period = current_period(municipality)
            if period is None:
                raise CommandError("У муниципального образования нет ни одного учебного года.")
        parameters = {}
        if options["control_point"] is not None:
            if options["kind"] != ReportKind.MONITORING:
                raise CommandError("Контрольная точка указывается только для мониторингового "
                                   "отчёта.")
            if not ControlPoint.objects.filter(pk=options["control_point"],
                                               programme_id=period.programme_id).exists():
                raise CommandError(f"Контрольная точка № {options['control_point']} не найдена "
                                   "в проекте этого учебного года.")
            parameters["control_point"] = options["control_point"]
        output: Path = options["output"].resolve()
        if not output.parent.is_dir():
            raise CommandError(f"Папки {output.parent} нет.")
        # As in the job: the file appears under its name only when complete.
        handle, temp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}-",
                                        suffix=".part")
        os.close(handle)
        try:
            build_to_file(kind=options["kind"], municipality=municipality, period=period,
                          parameters=parameters, output=Path(temp), progress=self._progress)
            os.replace(temp, output)
        except ReportError as error:
            raise CommandError(error.message) from error
        finally:
            Path(temp).unlink(missing_ok=True)
        self.stdout.write(str(output))

    def _progress(self, percent: int, stage: str) -> None:
        if self.verbosity >= 2:
            self.stderr.write(f"{percent:3d} % {stage}")
