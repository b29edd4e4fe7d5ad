"""Backing the portal up into one folder, and restoring it from one.

A backup folder ``portal-<YYYYmmdd-HHMMSS>`` holds:

- ``database.dump`` — the database: for PostgreSQL a ``pg_dump -Fc`` archive, for SQLite a
  copy of the database file made by SQLite's online backup;
- ``media.tar.gz`` — every file of MEDIA_ROOT (report files, attachments);
- ``manifest.json`` — the kind of database, the applied migrations, the number of rows of
  every table, the SHA-256 of both files and when the copy was made.

The row counts and the dump come from the same moment (one exported snapshot on
PostgreSQL), so the counts say exactly what a restore must give back. A restore checks the
checksums and refuses to overwrite a database or a MEDIA_ROOT that is not empty unless
forced; afterwards it counts the rows again and names every table that differs.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "manifest.json"
FOLDER_PREFIX = "portal-"
SUPPORTED_VENDORS = ("postgresql", "sqlite")


class BackupError(Exception):
    """Why a backup or a restore cannot go on; the message is Russian and shown as is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def back_up(*, output: Path, now: datetime | None = None) -> Path:
    """Write a new backup folder inside ``output``; its path.

    A failure leaves no half-written folder behind.
    """
    vendor = _vendor()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    if Path(output).resolve().is_relative_to(media_root):
        raise BackupError(f"Папка копий {output} лежит внутри MEDIA_ROOT ({media_root}): "
                          "каждая копия вошла бы в следующую. Выберите папку вне её.")
    stamp = timezone.localtime(now or timezone.now())
    folder = _new_folder(Path(output), stamp)
    try:
        if vendor == "postgresql":
            tables, migrations = _dump_postgresql(folder / DATABASE_FILE)
        else:
            tables, migrations = _copy_sqlite(folder / DATABASE_FILE)
        media_files = _archive_media(media_root, folder / MEDIA_FILE)
        manifest = {
            "format": FORMAT,
            "created_at": stamp.isoformat(timespec="seconds"),
            "database": {"vendor": vendor, "name": str(connection.settings_dict["NAME"])},
            "migrations": migrations,
            "tables": tables,
            "media_files": media_files,
            "files": {name: {"sha256": _sha256(folder / name),
                             "bytes": (folder / name).stat().st_size}
                      for name in (DATABASE_FILE, MEDIA_FILE)},
        }
        manifest_path = folder / MANIFEST_FILE
        manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2,
                                            sort_keys=True) + "\n", encoding="utf-8")
        for path in folder.iterdir():
            path.chmod(0o600)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


@dataclass(frozen=True)
class Restored:
    manifest: dict
    # Tables whose row count differs from the manifest's, in Russian; empty when complete.
    differences: list[str]


def restore(*, folder: Path, force: bool = False) -> Restored:
    """Restore the configured database and MEDIA_ROOT from a backup folder.

    Everything is checked before anything changes: the manifest, both checksums, the kind
    of database, that the database has no tables and MEDIA_ROOT no files (unless
    ``force``), and every path in the files archive. Afterwards the row counts of the
    restored database are compared with the manifest's.
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    verify_checksums(folder, manifest)
    vendor = _vendor()
    made_from = manifest["database"].get("vendor")
    if made_from != vendor:
        raise BackupError(f"Копия сделана из базы {made_from}, а портал настроен на {vendor}: "
                          "восстановите её в базу того же вида.")
    with connection.cursor() as cursor:
        existing = table_names(cursor, vendor)
    if existing and not force:
        raise BackupError(
            f"В базе {connection.settings_dict['NAME']} уже есть таблицы ({len(existing)}): "
            "восстановление их не перезапишет. Укажите пустую базу или добавьте --force, "
            "чтобы заменить её содержимое копией.")
    media_root = Path(settings.MEDIA_ROOT)
    if _has_files(media_root) and not force:
        raise BackupError(
            f"В папке файлов {media_root} уже есть файлы: восстановление их не перезапишет. "
            "Укажите пустую папку (MEDIA_ROOT) или добавьте --force.")
    media = folder / MEDIA_FILE
    _check_archive(media)

    if vendor == "postgresql":
        _restore_postgresql(folder / DATABASE_FILE, clean=force)
    else:
        _restore_sqlite(folder / DATABASE_FILE)
    _extract_media(media, media_root)
    return Restored(manifest=manifest,
                    differences=compare_row_counts(manifest["tables"], current_row_counts()))


def read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST_FILE
    if not path.is_file():
        raise BackupError(f"В папке {folder} нет {MANIFEST_FILE}: это не резервная копия "
                          "портала.")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{path} повреждён: {error}.") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: неизвестный формат копии (ожидается {FORMAT}).")
    for key in ("database", "tables", "files"):
        if not isinstance(manifest.get(key), dict):
            raise BackupError(f"{path} повреждён: нет раздела «{key}».")
    return manifest


def verify_checksums(folder: Path, manifest: dict) -> None:
    for name in (DATABASE_FILE, MEDIA_FILE):
        path = folder / name
        expected = (manifest["files"].get(name) or {}).get("sha256")
        if not path.is_file():
            raise BackupError(f"В копии нет файла {name}.")
        if expected is None or _sha256(path) != expected:
            raise BackupError(
                f"Контрольная сумма {name} не совпадает с {MANIFEST_FILE}: файл повреждён "
                "или изменён после копирования. Восстановление не выполнялось.")


def current_row_counts() -> dict[str, int]:
    """Rows in every table of the configured database, by table name."""
    with connection.cursor() as cursor:
        return row_counts(cursor, _vendor())


def compare_row_counts(expected: dict[str, int], actual: dict[str, int]) -> list[str]:
    differences = []
    for table in sorted(expected.keys() | actual.keys()):
        if table not in actual:
            differences.append(f"таблица {table}: в копии {expected[table]} строк, после "
                               "восстановления таблицы нет")
        elif table not in expected:
            differences.append(f"таблица {table}: её нет в копии, в базе {actual[table]} строк")
        elif expected[table] != actual[table]:
            differences.append(f"таблица {table}: в копии {expected[table]} строк, после "
                               f"восстановления {actual[table]}")
    return differences


def _vendor() -> str:
    if connection.vendor not in SUPPORTED_VENDORS:
        raise BackupError(f"Резервное копирование базы {connection.vendor} не поддерживается: "
                          "только PostgreSQL и SQLite.")
    return connection.vendor


def _new_folder(output: Path, stamp: datetime) -> Path:
    output.mkdir(parents=True, exist_ok=True)
    name = f"{FOLDER_PREFIX}{stamp:%Y%m%d-%H%M%S}"
    for attempt in range(1, 100):
        folder = output / (name if attempt == 1 else f"{name}-{attempt}")
        try:
            # The copy holds personal data and password hashes: for its owner only.
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue
        return folder
    raise BackupError(f"В {output} уже есть копии {name}: выберите другую папку.")


def table_names(cursor, vendor: str) -> list[str]:
    """The tables of the database a DB-API cursor reads (``vendor`` as Django names it)."""
    if vendor == "postgresql":
        cursor.execute(
            "SELECT c.relname FROM pg_catalog.pg_class c "
            "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p') AND pg_catalog.pg_table_is_visible(c.oid) "
            "AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
        )
    else:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                       "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    return sorted(row[0] for row in cursor.fetchall())


def row_counts(cursor, vendor: str) -> dict[str, int]:
    counts = {}
    for table in table_names(cursor, vendor):
        quoted = '"' + table.replace('"', '""') + '"'
        cursor.execute(f"SELECT COUNT(*) FROM {quoted}")
        counts[table] = cursor.fetchone()[0]
    return counts


def _migration_summary(applied: Iterable[tuple[str, str]]) -> dict[str, dict]:
    """Per app: how many migrations are applied and the last of them by name."""
    summary: dict[str, dict] = {}
    for app, name in sorted(applied):
        summary[app] = {"applied": summary.get(app, {}).get("applied", 0) + 1, "latest": name}
    return summary


def _dump_postgresql(target: Path) -> tuple[dict[str, int], dict]:
    pg_dump = _program("pg_dump")
    if connection.in_atomic_block:
        raise BackupError("Резервная копия делается вне транзакции базы данных.")
    # One snapshot for the counts and for pg_dump: the portal may be writing meanwhile.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_catalog.pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        tables = row_counts(cursor, "postgresql")
        migrations = _migration_summary(MigrationRecorder(connection).applied_migrations())
        _run([pg_dump, "--format=custom", "--no-owner", "--no-privileges",
              f"--snapshot={snapshot}", f"--file={target}", *_postgresql_target()])
    return tables, migrations


def _restore_postgresql(dump: Path, *, clean: bool) -> None:
    pg_restore = _program("pg_restore")
    # Django's connection holds nothing open that pg_restore would wait for.
    connection.close()
    _run([pg_restore, "--no-owner", "--no-privileges", "--exit-on-error",
          "--single-transaction", *(["--clean", "--if-exists"] if clean else []),
          *_postgresql_target(), str(dump)])


def _postgresql_target() -> list[str]:
    """Connection options of pg_dump/pg_restore for the configured database; the password
    goes through the environment (see ``_run``), never the command line."""
    config = connection.settings_dict
    options = [f"--dbname={config['NAME']}", "--no-password"]
    if config.get("HOST"):
        options.append(f"--host={config['HOST']}")
    if config.get("PORT"):
        options.append(f"--port={config['PORT']}")
    if config.get("USER"):
        options.append(f"--username={config['USER']}")
    return options


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"Не найдена программа {name}. Установите клиент PostgreSQL той же или более "
            "новой версии, что и сервер (Debian: apt-get install postgresql-client).")
    return path


def _run(command: list[str]) -> None:
    environment = dict(os.environ)
    config = connection.settings_dict
    if config.get("PASSWORD"):
        environment["PGPASSWORD"] = str(config["PASSWORD"])
    sslmode = (config.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        environment["PGSSLMODE"] = str(sslmode)
    program = Path(command[0]).name
    try:
        finished = subprocess.run(command, env=environment, capture_output=True, text=True,
                                  check=False)
    except OSError as error:
        raise BackupError(f"Не удалось запустить {program}: {error}.") from error
    if finished.returncode != 0:
        details = "\n".join(finished.stderr.strip().splitlines()[-10:])
        raise BackupError(f"{program} завершился с ошибкой (код {finished.returncode}):\n"
                          f"{details}")


def _copy_sqlite(target: Path) -> tuple[dict[str, int], dict]:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        # SQLite's online backup: a consistent copy even while the portal writes.
        connection.connection.backup(copy)
        cursor = copy.cursor()
        tables = row_counts(cursor, "sqlite")
        cursor.execute("SELECT app, name FROM django_migrations")
        migrations = _migration_summary(cursor.fetchall())
    finally:
        copy.close()
    return tables, migrations


def _restore_sqlite(dump: Path) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{DATABASE_FILE} не читается как база SQLite: {error}.") from error
    finally:
        source.close()


def _has_files(folder: Path) -> bool:
    return folder.is_dir() and any(path.is_file() for path in folder.rglob("*"))


def _archive_media(media_root: Path, target: Path) -> int:
    """Pack MEDIA_ROOT's folders and regular files; the number of files packed."""
    packed = 0
    with tarfile.open(target, "w:gz") as archive:
        if not media_root.is_dir():
            return 0
        for path in sorted(media_root.rglob("*")):
            # Links and special files are no uploads of the portal's.
            if path.is_symlink() or not (path.is_dir() or path.is_file()):
                continue
            archive.add(path, arcname=path.relative_to(media_root).as_posix(),
                        recursive=False)
            packed += path.is_file()
    return packed


def _check_archive(archive: Path) -> None:
    """Refuse an archive with a path that would land outside MEDIA_ROOT or anything but
    folders and regular files, before anything is restored."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members = tar.getmembers()
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{MEDIA_FILE} не читается: {error}.") from error
    for member in members:
        path = PurePosixPath(member.name)
        if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
            raise BackupError(
                f"{MEDIA_FILE} содержит недопустимый элемент «{member.name}» (путь вне папки "
                "файлов, ссылка или устройство). Восстановление не выполнялось.")


def _extract_media(archive: Path, media_root: Path) -> None:
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        # The "data" filter refuses anything outside media_root as a second guard.
        tar.extractall(media_root, filter="data")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()
