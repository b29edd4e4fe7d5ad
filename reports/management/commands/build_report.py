"""``manage.py build_report indicators|monitoring|handbook --municipality NAME
[--period TITLE] [--control-point ID] --output FILE``: a report built by the job's code."""

import os
import secrets
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from diagnostics.imports.base import find_period
from diagnostics.imports.commands import municipality_named
from internships.models import ControlPoint, Period
from internships.periods import municipality_default_period
from reports.errors import ReportError
from reports.jobs import build_to_file, record_produced_handbook
from reports.models import PERIOD_KINDS, ReportKind
from reports.pdf.data import control_point_mismatch, period_of_control_point


class Command(BaseCommand):
    help = ("Формирует отчёт тем же кодом, что и фоновая задача: indicators — показатели "
            "проекта (Excel), monitoring — мониторинговый отчёт (PDF), handbook — "
            "методическое пособие (PDF).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=[kind.value for kind in PERIOD_KINDS])
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
        point = self._control_point(options, municipality)
        period = self._period(options, municipality, point)
        parameters = {}
        if point is not None:
            mismatch = control_point_mismatch(point, period)
            if mismatch:
                raise CommandError(mismatch)
            parameters["control_point"] = point.pk
        output: Path = options["output"].resolve()
        if not output.parent.is_dir():
            raise CommandError(f"Папки {output.parent} нет.")
        # As in the job: the file appears under its name only when complete. Created with
        # the usual permissions (the umask decides), like any file the user writes.
        temp = output.parent / f".{output.name}-{secrets.token_hex(8)}.part"
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        try:
            build_to_file(kind=options["kind"], municipality=municipality, period=period,
                          parameters=parameters, output=temp, progress=self._progress)
            os.replace(temp, output)
            if options["kind"] == ReportKind.HANDBOOK:
                record_produced_handbook(period_id=period.pk, at=timezone.now())
        except ReportError as error:
            raise CommandError(error.message) from error
        finally:
            temp.unlink(missing_ok=True)
        self.stdout.write(str(output))

    def _control_point(self, options, municipality) -> ControlPoint | None:
        if options["control_point"] is None:
            return None
        if options["kind"] != ReportKind.MONITORING:
            raise CommandError("Контрольная точка указывается только для мониторингового "
                               "отчёта.")
        point = ControlPoint.objects.filter(pk=options["control_point"],
                                            programme__municipality=municipality).first()
        if point is None:
            raise CommandError(f"Контрольная точка № {options['control_point']} не найдена "
                               "в проекте этого муниципального образования.")
        return point

    def _period(self, options, municipality, point: ControlPoint | None) -> Period:
        """The year asked for; else the control point's year; else the current one."""
        if options["period"]:
            period = find_period(municipality, options["period"])
            if period is None:
                raise CommandError(f"Учебный год «{options['period']}» не найден.")
            return period
        if point is not None:
            period = period_of_control_point(point)
            if period is None:
                raise CommandError(f"Контрольная точка «{point.title}» "
                                   f"({point.starts_on:%d.%m.%Y}) не входит ни в один учебный "
                                   "год проекта.")
            return period
        period = municipality_default_period(municipality=municipality,
                                             today=timezone.localdate())
        if period is None:
            raise CommandError("У муниципального образования нет ни одного учебного года.")
        return period

    def _progress(self, percent: int, stage: str) -> None:
        if self.verbosity >= 2:
            self.stderr.write(f"{percent:3d} % {stage}")
