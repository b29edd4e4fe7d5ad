"""Opening an uploaded workbook without trusting it.

Only .xlsx is accepted, recognised by its content rather than its name. The
zip directory is checked before anything is decompressed (a zip bomb declares
sizes it cannot exceed: Python's zipfile stops at the declared size and fails
the CRC), openpyxl parses with defusedxml (no entity expansion), and the sheet
is streamed in read-only mode with bounded rows and columns.
"""

import zipfile
from typing import BinaryIO

from django.core.exceptions import ValidationError
from openpyxl import load_workbook

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_ZIP_ENTRIES = 1000
MAX_ROWS = 10_000
MAX_COLUMNS = 100

_ZIP_SIGNATURE = b"PK\x03\x04"
_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")


def _refuse(message: str) -> ValidationError:
    return ValidationError(message, code="refused")


def _size_of(file: BinaryIO) -> int:
    file.seek(0, 2)
    size = file.tell()
    file.seek(0)
    return size


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "cp1251"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        return all(char.isprintable() or char in "\r\n\t" for char in text)
    return False


def _refuse_ole2(file: BinaryIO) -> ValidationError:
    # A password-protected .xlsx is an OLE2 container holding an «EncryptedPackage» stream.
    content = file.read(MAX_FILE_BYTES)
    if "EncryptedPackage".encode("utf-16-le") in content:
        return _refuse(
            "Файл защищён паролем. Снимите защиту в Excel (Файл → Сведения → Защита книги) "
            "и сохраните книгу как .xlsx."
        )
    return _refuse(
        "Это файл старого формата Excel (.xls). Откройте его в Excel и сохраните "
        "как «Книга Excel (.xlsx)»."
    )


def check_container(file: BinaryIO) -> None:
    """Refuse anything that is not a plausibly sized .xlsx, before parsing a byte of XML."""
    size = _size_of(file)
    if size == 0:
        raise _refuse("Файл пуст.")
    if size > MAX_FILE_BYTES:
        raise _refuse("Файл больше 10 МБ. Разделите таблицу на части или удалите лишние листы.")
    head = file.read(8)
    file.seek(0)
    if head.startswith(_OLE2_SIGNATURE):
        raise _refuse_ole2(file)
    if not head.startswith(_ZIP_SIGNATURE):
        if _looks_like_text(file.read(4096)):
            raise _refuse(
                "Это текстовый файл (например, CSV), а не книга Excel. Откройте его в Excel "
                "и сохраните как «Книга Excel (.xlsx)»."
            )
        raise _refuse("Файл не является книгой Excel (.xlsx).")
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
        raise _refuse(
            "Файл повреждён или загружен не полностью: его не удаётся открыть как книгу Excel."
        ) from error
    finally:
        file.seek(0)
    if len(entries) > MAX_ZIP_ENTRIES:
        raise _refuse("Файл содержит слишком много частей для таблицы и не будет прочитан.")
    if sum(entry.file_size for entry in entries) > MAX_UNZIPPED_BYTES:
        raise _refuse("Распакованный файл больше 100 МБ: такой файл не будет прочитан.")
    names = {entry.filename for entry in entries}
    if not all(part in names for part in _REQUIRED_PARTS):
        raise _refuse(
            "Это архив, но не книга Excel (.xlsx). Сохраните таблицу как «Книга Excel (.xlsx)»."
        )
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise _refuse("Файл защищён паролем. Снимите защиту и сохраните книгу как .xlsx.")


def read_first_sheet(file: BinaryIO) -> list[tuple]:
    """The values of the workbook's first sheet, row by row (row 1 first), as plain Python.

    Raises ValidationError with a Russian message for every file it will not read.
    """
    check_container(file)
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception as error:  # any parser failure of a hostile or broken file
        raise _refuse(
            "Книгу Excel не удаётся прочитать: файл повреждён или содержит недопустимые данные."
        ) from error
    try:
        if not workbook.sheetnames:
            raise _refuse("В книге нет листов.")
        sheet = workbook[workbook.sheetnames[0]]
        # The declared dimension is not trusted: rows are read only as far as the limits.
        sheet.reset_dimensions()
        rows = []
        for values in sheet.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS,
                                      values_only=True):
            values = list(values)
            while values and values[-1] is None:
                values.pop()
            rows.append(tuple(values))
        if len(rows) > MAX_ROWS:
            raise _refuse(f"В таблице больше {MAX_ROWS} строк. Разделите её на части.")
        return rows
    except ValidationError:
        raise
    except Exception as error:
        raise _refuse(
            "Лист книги не удаётся прочитать: файл повреждён или содержит недопустимые данные."
        ) from error
    finally:
        workbook.close()
