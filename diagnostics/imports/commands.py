"""What the import_* and export_* management commands share."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from diagnostics.exports import export_sheet
from diagnostics.imports.base import find_period, parse_day
from diagnostics.imports.diagnoses import find_round
from diagnostics.imports.tables import TABLES, import_file
from teams.models import Municipality


def municipality_named(name: str) -> Municipality:
    exact = Municipality.objects.filter(name__iexact=name.strip()).first()
    if exact is not None:
        return exact
    found = list(Municipality.objects.filter(name__icontains=name.strip())[:2])
    if len(found) != 1:
        known = "; ".join(Municipality.objects.values_list("name", flat=True)) or "их нет"
        raise CommandError(f"Муниципальное образование «{name}» не найдено однозначно. "
                           f"Известные: {known}.")
    return found[0]


class ImportCommand(BaseCommand):
    """``manage.py import_<table> FILE --municipality NAME [--dry-run]`` and the table's option."""

    table: str

    @property
    def help(self) -> str:
        return (f"Загрузить таблицу «{TABLES[self.table].title}» из файла .xlsx: всё или ничего, "
                f"с отчётом об ошибках по строкам.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="файл .xlsx")
        parser.add_argument("--municipality", required=True,
                            help="муниципальное образование (название или его часть)")
        parser.add_argument("--dry-run", action="store_true",
                            help="только проверить файл, ничего не записывать")

    def options_for(self, municipality: Municipality, options: dict) -> dict:
        return {}

    def handle(self, *args, **options) -> None:
        municipality = municipality_named(options["municipality"])
        table_options = self.options_for(municipality, options)
        try:
            file = open(options["file"], "rb")  # noqa: SIM115 - closed below
        except OSError as error:
            raise CommandError(f"Не удаётся открыть файл: {error.strerror}.") from error
        with file:
            report = import_file(self.table, municipality=municipality, file=file,
                                 dry_run=options["dry_run"], **table_options)
        if not report.ok:
            raise CommandError(report.as_text(), returncode=1)
        self.stdout.write(report.as_text())


class PeriodImportCommand(ImportCommand):
    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--period", help="учебный год для строк без него, например "
                                             "2021–2022 (по умолчанию текущий)")

    def options_for(self, municipality: Municipality, options: dict) -> dict:
        if not options.get("period"):
            return {}
        period = find_period(municipality, options["period"])
        if period is None:
            raise CommandError(f"Учебный год «{options['period']}» не найден.")
        return {"period": period}


class DateImportCommand(ImportCommand):
    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--date", help="дата для строк без неё, ДД.ММ.ГГГГ "
                                           "(по умолчанию сегодня)")

    def options_for(self, municipality: Municipality, options: dict) -> dict:
        if not options.get("date"):
            return {}
        day = parse_day(options["date"])
        if day is None:
            raise CommandError(f"Дата «{options['date']}» не распознана: нужна ДД.ММ.ГГГГ.")
        return {"as_of": day}


class RoundImportCommand(ImportCommand):
    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--round", help="диагностика для строк без неё: название или id "
                                            "(по умолчанию текущая)")

    def options_for(self, municipality: Municipality, options: dict) -> dict:
        if not options.get("round"):
            return {}
        diagnostic_round = find_round(municipality, options["round"])
        if diagnostic_round is None:
            raise CommandError(f"Диагностика «{options['round']}» не найдена.")
        return {"diagnostic_round": diagnostic_round}


class ExportCommand(BaseCommand):
    """``manage.py export_<table> --municipality NAME --output FILE``."""

    table: str

    @property
    def help(self) -> str:
        return f"Выгрузить таблицу «{TABLES[self.table].title}» в файл .xlsx."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipality", required=True,
                            help="муниципальное образование (название или его часть)")
        parser.add_argument("--output", required=True, help="куда записать файл .xlsx")

    def handle(self, *args, **options) -> None:
        municipality = municipality_named(options["municipality"])
        sheet = export_sheet(self.table, municipality=municipality, viewer=None)
        try:
            with open(options["output"], "wb") as output:
                output.write(sheet.content())
        except OSError as error:
            raise CommandError(f"Не удаётся записать файл: {error.strerror}.") from error
        self.stdout.write(f"{TABLES[self.table].title}: строк — {len(sheet.rows)}, "
                          f"файл {options['output']}.")
