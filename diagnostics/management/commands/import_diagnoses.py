from diagnostics.imports.commands import RoundImportCommand


class Command(RoundImportCommand):
    table = "diagnoses"
