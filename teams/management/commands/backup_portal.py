"""``manage.py backup_portal --output DIR``: the database and MEDIA_ROOT in a new folder
``DIR/portal-<YYYYmmdd-HHMMSS>`` (see teams/backup.py); prints the folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from teams.backup import BackupError, back_up


class Command(BaseCommand):
    help = ("Резервная копия портала: база данных (PostgreSQL — pg_dump, SQLite — копия "
            "файла базы), файлы MEDIA_ROOT и manifest.json с числом строк каждой таблицы и "
            "контрольными суммами. Печатает папку копии.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", required=True, type=Path,
                            help="Папка, в которой создаётся папка копии portal-<дата-время>.")

    def handle(self, *args, **options) -> None:
        try:
            folder = back_up(output=options["output"])
        except BackupError as error:
            raise CommandError(error.message) from error
        self.stdout.write(str(folder))
