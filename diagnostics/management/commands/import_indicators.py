from diagnostics.imports.commands import PeriodImportCommand


class Command(PeriodImportCommand):
    table = "indicators"
