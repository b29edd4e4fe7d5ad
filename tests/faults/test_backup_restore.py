"""The backup and restore drill: ``backup_portal`` of the test database and files, then
``restore_portal`` run as the operator runs it (another process, DATABASE_URL and MEDIA_ROOT
of a new empty database and folder), then every table and file compared with the source.

On PostgreSQL the copy is pg_dump's and the target a database created for the test; on
SQLite the copy is SQLite's online backup and the target a new database file.
"""

import hashlib
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg2
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from internships.models import EntryAttachment, JournalEntry, Platform
from services.models import Deliverable
from teams import backup

PROJECT = Path(__file__).resolve().parents[2]
ATTACHMENT = b"%PDF-1.4 programme of the internship session\n" + bytes(range(256))
REPORT = b"PK\x03\x04 a finished report"


@dataclass
class Target:
    """An empty database to restore into, as a DATABASE_URL and a way to open it."""

    url: str
    name: str

    def connect(self):
        return open_database(self.name)


def open_database(name: str):
    """A plain DB-API connection (not Django's) to a database of the tests' vendor."""
    if connection.vendor == "sqlite":
        # Values converted as Django's own connection converts them (its converters are
        # registered with the sqlite3 module): the source is read through that one.
        return sqlite3.connect(name, detect_types=sqlite3.PARSE_DECLTYPES
                               | sqlite3.PARSE_COLNAMES)
    config = connection.settings_dict
    raw = psycopg2.connect(dbname=name, host=config["HOST"] or "127.0.0.1",
                           port=config["PORT"] or 5432, user=config["USER"],
                           password=config["PASSWORD"] or None)
    raw.autocommit = True
    with raw.cursor() as cursor:
        # Timestamps read alike from both databases.
        cursor.execute("SET TIME ZONE 'UTC'")
    return raw


def contents(raw) -> dict[str, tuple[int, str]]:
    """Every table: its number of rows and a digest of all of them, in any order."""
    cursor = raw.cursor()
    tables = backup.table_names(cursor, connection.vendor)
    found = {}
    for table in tables:
        cursor.execute(f'SELECT * FROM "{table}"')
        rows = sorted(repr(row) for row in cursor.fetchall())
        found[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    cursor.close()
    return found


def source_contents() -> dict[str, tuple[int, str]]:
    if connection.vendor == "sqlite":
        # The test database lives in this process's memory: read it through Django's own.
        connection.ensure_connection()
        return contents(connection.connection)
    raw = open_database(connection.settings_dict["NAME"])
    try:
        return contents(raw)
    finally:
        raw.close()


def target_contents(target: Target) -> dict[str, tuple[int, str]]:
    raw = target.connect()
    try:
        return contents(raw)
    finally:
        raw.close()


def files_under(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def restore_portal(folder: Path, target: Target, media_root: Path, *options: str):
    """``manage.py restore_portal`` as the operator runs it, on the target's settings."""
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("DJANGO_", "PYTEST_"))}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", DATABASE_URL=target.url,
                       MEDIA_ROOT=str(media_root))
    return subprocess.run([sys.executable, "manage.py", "restore_portal", str(folder), *options],
                          cwd=PROJECT, env=environment, capture_output=True, text=True,
                          timeout=300)


def back_up(output: Path) -> Path:
    printed = io.StringIO()
    call_command("backup_portal", output=output, stdout=printed)
    return Path(printed.getvalue().strip())


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def portal_data(media_root):
    """The demo district, a journal attachment and a report file in MEDIA_ROOT."""
    call_command("load_demo", stdout=io.StringIO())
    platform = Platform.objects.order_by("pk").first()
    entry = JournalEntry.objects.create(platform=platform, held_on=platform.period.starts_on,
                                        form="seminar", topic="Стажировочная сессия")
    EntryAttachment.objects.create(entry=entry, file=ContentFile(ATTACHMENT, "программа.pdf"),
                                   original_name="Программа сессии.pdf",
                                   content_type="application/pdf", size=len(ATTACHMENT))
    default_storage.save("reports/2022/05/Показатели проекта.xlsx", ContentFile(REPORT))
    return media_root


@pytest.fixture
def empty_target(tmp_path):
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        yield Target(url=f"sqlite:///{path}", name=str(path))
        return
    config = connection.settings_dict
    name = f"{config['NAME']}_restore_{uuid.uuid4().hex[:10]}"
    server = open_database("postgres")
    try:
        with server.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        credentials = config["USER"] + (f":{config['PASSWORD']}" if config["PASSWORD"] else "")
        yield Target(url=f"postgres://{credentials}@{config['HOST'] or '127.0.0.1'}:"
                         f"{config['PORT'] or 5432}/{name}", name=name)
    finally:
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.close()


@pytest.mark.django_db(transaction=True)
def test_it_restores_every_row_and_file_into_an_empty_database(portal_data, empty_target,
                                                               tmp_path):
    folder = back_up(tmp_path / "backups")

    assert folder.parent == tmp_path / "backups"
    assert re.fullmatch(r"portal-\d{8}-\d{6}", folder.name)
    assert sorted(path.name for path in folder.iterdir()) == [
        "database.dump", "manifest.json", "media.tar.gz"]
    manifest = json.loads((folder / "manifest.json").read_text())
    source = source_contents()
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["tables"] == {table: rows for table, (rows, _) in source.items()}
    assert manifest["tables"]["internships_entryattachment"] == 1
    assert manifest["tables"]["teams_organization"] > 0
    assert manifest["migrations"]["teams"]["applied"] >= 1
    # The demo's own files (the passport's ticked results), the attachment and the report.
    demo_files = Deliverable.objects.exclude(file="").count()
    assert demo_files > 0
    assert manifest["media_files"] == demo_files + 2 == len(files_under(portal_data))
    for name in ("database.dump", "media.tar.gz"):
        assert manifest["files"][name]["sha256"] == \
            hashlib.sha256((folder / name).read_bytes()).hexdigest()
    restored_media = tmp_path / "restored-media"

    restored = restore_portal(folder, empty_target, restored_media)

    assert restored.returncode == 0, restored.stderr
    assert "всё совпадает с копией" in restored.stdout
    assert target_contents(empty_target) == source
    assert files_under(restored_media) == files_under(portal_data)
    assert ATTACHMENT in files_under(restored_media).values()


@pytest.mark.django_db(transaction=True)
def test_it_refuses_a_database_with_tables_unless_forced(portal_data, empty_target, tmp_path):
    folder = back_up(tmp_path / "backups")
    restored_media = tmp_path / "restored-media"
    assert restore_portal(folder, empty_target, restored_media).returncode == 0
    raw = empty_target.connect()
    try:
        raw.cursor().execute('DELETE FROM "internships_entryattachment"')
        raw.commit()
    finally:
        raw.close()
    changed = target_contents(empty_target)

    refused = restore_portal(folder, empty_target, restored_media)

    assert refused.returncode == 1
    assert "уже есть таблицы" in refused.stderr
    assert "--force" in refused.stderr
    assert target_contents(empty_target) == changed

    forced = restore_portal(folder, empty_target, restored_media, "--force")

    assert forced.returncode == 0, forced.stderr
    assert target_contents(empty_target) == source_contents()
    assert files_under(restored_media) == files_under(portal_data)


@pytest.mark.django_db(transaction=True)
def test_it_refuses_a_media_folder_with_files_unless_forced(world, media_root, empty_target,
                                                            tmp_path):
    folder = back_up(tmp_path / "backups")
    restored_media = tmp_path / "restored-media"
    restored_media.mkdir()
    (restored_media / "kept.txt").write_bytes(b"a file already there")

    refused = restore_portal(folder, empty_target, restored_media)

    assert refused.returncode == 1
    assert "уже есть файлы" in refused.stderr
    assert target_contents(empty_target) == {}
    assert files_under(restored_media) == {"kept.txt": b"a file already there"}


@pytest.mark.django_db(transaction=True)
def test_it_refuses_a_folder_whose_checksum_does_not_match(world, media_root, empty_target,
                                                           tmp_path):
    folder = back_up(tmp_path / "backups")
    dump = folder / "database.dump"
    damaged = bytearray(dump.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    dump.write_bytes(bytes(damaged))
    restored_media = tmp_path / "restored-media"

    refused = restore_portal(folder, empty_target, restored_media)

    assert refused.returncode == 1
    assert "Контрольная сумма database.dump не совпадает" in refused.stderr
    assert target_contents(empty_target) == {}
    assert not restored_media.exists()


@pytest.mark.django_db(transaction=True)
def test_it_refuses_an_archive_with_a_path_outside_the_media_folder(world, media_root,
                                                                    empty_target, tmp_path):
    folder = back_up(tmp_path / "backups")
    evil = folder / "media.tar.gz"
    with tarfile.open(evil, "w:gz") as archive:
        member = tarfile.TarInfo("attachments/../../escaped.txt")
        member.size = 4
        archive.addfile(member, io.BytesIO(b"evil"))
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"]["media.tar.gz"]["sha256"] = hashlib.sha256(evil.read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest))
    restored_media = tmp_path / "restored-media"

    refused = restore_portal(folder, empty_target, restored_media)

    assert refused.returncode == 1
    assert "недопустимый элемент «attachments/../../escaped.txt»" in refused.stderr
    assert target_contents(empty_target) == {}
    assert not (tmp_path / "escaped.txt").exists()
    assert not restored_media.exists()


@pytest.mark.django_db(transaction=True)
def test_it_refuses_to_keep_backups_inside_the_media_folder(world, media_root):
    with pytest.raises(CommandError, match="лежит внутри MEDIA_ROOT"):
        back_up(media_root / "backups")

    assert not (media_root / "backups").exists()


def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("Проверка pg_dump: тесты идут на SQLite, где копия делается без него.")


@pytest.mark.django_db(transaction=True)
def test_it_says_pg_dump_is_missing_and_leaves_no_folder(world, media_root, tmp_path,
                                                         monkeypatch):
    postgresql_only()
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))

    with pytest.raises(CommandError, match="Не найдена программа pg_dump"):
        back_up(tmp_path / "backups")

    assert list((tmp_path / "backups").iterdir()) == []


@pytest.mark.django_db(transaction=True)
def test_it_reports_a_failing_pg_dump_and_leaves_no_half_copy(world, media_root, tmp_path,
                                                              monkeypatch):
    postgresql_only()
    programs = tmp_path / "bin"
    programs.mkdir()
    fake = programs / "pg_dump"
    fake.write_text("#!/bin/sh\necho 'pg_dump: error: connection to server failed' >&2\n"
                    "exit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{programs}{os.pathsep}{os.environ['PATH']}")

    with pytest.raises(CommandError) as failure:
        back_up(tmp_path / "backups")

    assert "pg_dump завершился с ошибкой (код 1)" in str(failure.value)
    assert "connection to server failed" in str(failure.value)
    assert list((tmp_path / "backups").iterdir()) == []
