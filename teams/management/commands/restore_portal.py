"""``manage.py restore_portal FOLDER [--force]``: the configured database and MEDIA_ROOT
restored from a backup folder of ``backup_portal`` (see teams/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from teams.backup import BackupError, restore


class Command(BaseCommand):
    help = ("Восстанавливает базу данных портала (из DATABASE_URL) и файлы MEDIA_ROOT из "
            "папки резервной копии, затем сверяет число строк каждой таблицы с копией. "
            "Непустую базу или папку файлов заменяет только с --force.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="Папка копии portal-<дата-время>.")
        parser.add_argument(
            "--force", action="store_true",
            help="Заменить содержимое непустой базы копией (pg_restore --clean) и записать "
                 "файлы поверх имеющихся в MEDIA_ROOT.")

    def handle(self, *args, **options) -> None:
        folder = options["folder"]
        try:
            restored = restore(folder=folder, force=options["force"])
        except BackupError as error:
            raise CommandError(error.message) from error
        manifest = restored.manifest
        tables = manifest["tables"]
        if restored.differences:
            for line in restored.differences:
                self.stderr.write(line)
            raise CommandError(
                f"Копия {folder} восстановлена в базу {connection.settings_dict['NAME']}, но "
                f"число строк не совпадает с копией в таблицах: {len(restored.differences)}.")
        self.stdout.write(self.style.SUCCESS(
            f"Восстановлено из {folder} (копия от {manifest.get('created_at', '?')}): "
            f"база {connection.settings_dict['NAME']} — таблиц {len(tables)}, строк "
            f"{sum(tables.values())}, всё совпадает с копией; файлов в MEDIA_ROOT — "
            f"{manifest.get('media_files', '?')}."))
