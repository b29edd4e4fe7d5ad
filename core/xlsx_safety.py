"""Opening an uploaded workbook without trusting it.

Only .xlsx is accepted, recognised by its content rather than its name. The
zip directory is checked before anything is decompressed (a zip bomb declares
sizes it cannot exceed: Python's zipfile stops at the declared size and fails
the CRC): the unpacked size, the compression ratio of every large part, the
size of the shared strings and the number of sheets are bounded, so a small
upload cannot cost much time or memory. openpyxl parses with defusedxml (no
entity expansion); only the first sheet is opened, and it is streamed with
bounded rows and columns, its declared dimension never trusted (openpyxl would
otherwise parse the whole sheet to look for it).
"""

import zipfile
from typing import BinaryIO

from defusedxml.ElementTree import fromstring
from django.core.exceptions import ValidationError
from openpyxl.reader.excel import ExcelReader
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNZIPPED_BYTES = 20 * 1024 * 1024
MAX_SHARED_STRINGS_BYTES = 5 * 1024 * 1024
MAX_WORKBOOK_PART_BYTES = 1024 * 1024
# A part may be packed this much tighter than it unpacks only while it is small:
# spreadsheets pack 5–20 times, a part of repeated filler hundreds of times.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_FROM_BYTES = 1024 * 1024
MAX_ZIP_ENTRIES = 1000
MAX_SHEETS = 50
MAX_ROWS = 10_000
MAX_COLUMNS = 100

_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


class _UncomputedFormula:
    """A formula cell saved without its computed value (written by a program, not Excel)."""

    def __repr__(self) -> str:
        return "UNCOMPUTED_FORMULA"

    def __str__(self) -> str:
        return ""


UNCOMPUTED_FORMULA = _UncomputedFormula()

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
        raise _refuse("Распакованный файл больше 20 МБ: такой файл не будет прочитан. "
                      "Разделите таблицу на части.")
    if any(_packed_too_tight(entry) for entry in entries):
        raise _refuse("Файл сжат неправдоподобно сильно для таблицы и не будет прочитан. "
                      "Откройте его в Excel и сохраните заново.")
    names = {entry.filename for entry in entries}
    if not all(part in names for part in _REQUIRED_PARTS):
        raise _refuse(
            "Это архив, но не книга Excel (.xlsx). Сохраните таблицу как «Книга Excel (.xlsx)»."
        )
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise _refuse("Файл защищён паролем. Снимите защиту и сохраните книгу как .xlsx.")
    _check_sheet_count(file)


def _packed_too_tight(entry: zipfile.ZipInfo) -> bool:
    return (entry.file_size > RATIO_CHECKED_FROM_BYTES
            and entry.file_size > MAX_COMPRESSION_RATIO * max(entry.compress_size, 1))


def _check_sheet_count(file: BinaryIO) -> None:
    """Refuse a workbook listing more sheets than a table needs (each costs a parse)."""
    try:
        with zipfile.ZipFile(file) as archive, archive.open("xl/workbook.xml") as part:
            content = part.read(MAX_WORKBOOK_PART_BYTES + 1)
        if len(content) > MAX_WORKBOOK_PART_BYTES:
            raise _refuse("Описание книги слишком велико для таблицы: файл не будет прочитан.")
        root = fromstring(content)
    except ValidationError:
        raise
    except Exception as error:  # a broken zip entry or hostile XML
        raise _refuse(
            "Книгу Excel не удаётся прочитать: файл повреждён или содержит недопустимые данные."
        ) from error
    finally:
        file.seek(0)
    if len(root.findall(f"{_MAIN_NS}sheets/{_MAIN_NS}sheet")) > MAX_SHEETS:
        raise _refuse(f"В книге больше {MAX_SHEETS} листов. Оставьте лист с таблицей "
                      "и сохраните книгу заново.")


class _Parser(WorkSheetParser):
    """Marks a formula without a stored value instead of reading it as an empty cell."""

    def parse_cell(self, element):
        cell = super().parse_cell(element)
        if cell["value"] is None and element.find(FORMULA_TAG) is not None:
            cell["value"] = UNCOMPUTED_FORMULA
        return cell


class _FirstSheetReader(ExcelReader):
    """openpyxl's reader, read-only and data-only, that opens no sheet by itself.

    openpyxl would open every listed sheet and, lacking a ``<dimension>``, parse each one
    whole before a single row is asked for; here only the first worksheet's path is kept.
    """

    def __init__(self, file: BinaryIO):
        super().__init__(file, read_only=True, data_only=True)
        self.first_sheet: str | None = None

    def read_strings(self):
        part = self.package.find("application/vnd.openxmlformats-officedocument"
                                 ".spreadsheetml.sharedStrings+xml")
        if part is not None and (
                self.archive.getinfo(part.PartName[1:]).file_size > MAX_SHARED_STRINGS_BYTES):
            raise _refuse("Текстов в книге больше, чем бывает в таблице (более 5 МБ): "
                          "файл не будет прочитан.")
        super().read_strings()

    def read_worksheets(self):
        for _sheet, rel in self.parser.find_sheets():
            if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                self.first_sheet = rel.target
                return


def _first_sheet_rows(reader: _FirstSheetReader):
    """The first sheet's rows as value tuples, at most MAX_ROWS + 1 of them, gaps filled."""
    workbook = reader.wb
    expected = 1
    with reader.archive.open(reader.first_sheet) as source:
        parser = _Parser(source, reader.shared_strings, data_only=True, epoch=workbook.epoch,
                         date_formats=workbook._date_formats,
                         timedelta_formats=workbook._timedelta_formats)
        for number, cells in parser.parse():
            if number > MAX_ROWS + 1:
                number = MAX_ROWS + 1
            while expected < number:
                yield ()
                expected += 1
            if expected > number:  # rows out of order: not a file Excel writes
                continue
            values = [None] * min(MAX_COLUMNS, max((c["column"] for c in cells), default=0))
            for cell in cells:
                if cell["column"] <= MAX_COLUMNS:
                    values[cell["column"] - 1] = cell["value"]
            yield tuple(values)
            expected += 1
            if expected > MAX_ROWS + 1:
                return


def read_first_sheet(file: BinaryIO) -> list[tuple]:
    """The values of the workbook's first sheet, row by row (row 1 first), as plain Python.

    A formula saved without its value reads as ``UNCOMPUTED_FORMULA``. Raises
    ValidationError with a Russian message for every file it will not read.
    """
    check_container(file)
    try:
        reader = _FirstSheetReader(file)
        reader.read()
    except ValidationError:
        raise
    except Exception as error:  # any parser failure of a hostile or broken file
        raise _refuse(
            "Книгу Excel не удаётся прочитать: файл повреждён или содержит недопустимые данные."
        ) from error
    try:
        if reader.first_sheet is None:
            raise _refuse("В книге нет листов.")
        rows = []
        for values in _first_sheet_rows(reader):
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
        reader.archive.close()
