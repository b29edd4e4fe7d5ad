from diagnostics.imports.commands import ExportCommand


class Command(ExportCommand):
    table = "teachers"
