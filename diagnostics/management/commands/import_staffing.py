from diagnostics.imports.commands import DateImportCommand


class Command(DateImportCommand):
    table = "staffing"
