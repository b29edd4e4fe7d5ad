from diagnostics.imports.commands import ImportCommand


class Command(ImportCommand):
    table = "teachers"
