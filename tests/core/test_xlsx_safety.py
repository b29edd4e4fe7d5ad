"""Hostile and broken files get a clear Russian refusal, never a crash."""

import io
import random
import time
import zipfile

import pytest
from defusedxml import DefusedXmlException
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from core import xlsx_safety as safety
from core.xlsx_safety import read_first_sheet
from tests.imports.workbooks import (
    handmade_workbook,
    save,
    table_workbook,
    with_part_replaced,
    zip_file,
)

BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">
<si><t>&lol9;</t></si></sst>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE sst [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">
<si><t>&secret;</t></si></sst>"""


def _refusal(file) -> str:
    with pytest.raises(ValidationError) as caught:
        read_first_sheet(file)
    return caught.value.messages[0]


def _workbook_with_text() -> io.BytesIO:
    return table_workbook(["Организация"], [["МБОУ СОШ № 1"]])


def test_it_reads_text_from_shared_strings():
    assert read_first_sheet(handmade_workbook()) == [("Организация",)]


def test_it_reads_a_real_workbook_row_by_row():
    rows = read_first_sheet(table_workbook(["Организация", "Всего"], [["СОШ № 1", 5]],
                                           above=[["Заголовок отчёта"]]))
    assert rows == [("Заголовок отчёта",), ("Организация", "Всего"), ("СОШ № 1", 5)]


def test_it_refuses_random_bytes():
    data = random.Random(1).randbytes(4096)
    assert "не является книгой Excel" in _refusal(io.BytesIO(b"\x01" + data))


def test_it_refuses_a_csv_renamed_to_xlsx():
    data = "Организация;Всего\nМБОУ СОШ № 1;56\n".encode()
    assert "текстовый файл (например, CSV)" in _refusal(io.BytesIO(data))


def test_it_refuses_a_csv_in_windows_encoding():
    data = "Организация;Всего\nМБОУ СОШ № 1;56\n".encode("cp1251")
    assert "текстовый файл" in _refusal(io.BytesIO(data))


def test_it_refuses_an_old_xls_by_its_ole2_header():
    data = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504 + "Workbook".encode("utf-16-le")
    assert "старого формата Excel (.xls)" in _refusal(io.BytesIO(data))


def test_it_tells_a_password_protected_workbook_apart_from_an_old_one():
    data = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504
            + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le"))
    assert "защищён паролем" in _refusal(io.BytesIO(data))


def test_it_refuses_a_truncated_workbook():
    whole = _workbook_with_text().getvalue()
    assert "повреждён или загружен не полностью" in _refusal(
        io.BytesIO(whole[: len(whole) // 2]))


def test_it_refuses_an_empty_file():
    assert _refusal(io.BytesIO(b"")) == "Файл пуст."


def test_it_refuses_a_file_over_the_size_cap():
    data = b"PK\x03\x04" + b"\x00" * safety.MAX_FILE_BYTES
    assert "больше 10 МБ" in _refusal(io.BytesIO(data))


def test_it_refuses_a_zip_that_is_not_a_workbook():
    document = zip_file({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
    assert "архив, но не книга Excel" in _refusal(document)


def test_it_refuses_a_zip_bomb_from_the_declared_sizes_before_unpacking(monkeypatch):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (safety.MAX_UNZIPPED_BYTES + 1))
    assert len(buffer.getvalue()) < safety.MAX_FILE_BYTES
    parsed = []
    monkeypatch.setattr(safety, "_FirstSheetReader", lambda *a, **k: parsed.append(1))
    assert "больше 20 МБ" in _refusal(buffer)
    assert parsed == []


def test_it_refuses_a_zip_with_too_many_entries():
    parts = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}
    parts |= {f"xl/media/{index}.bin": b"" for index in range(safety.MAX_ZIP_ENTRIES)}
    assert "слишком много частей" in _refusal(zip_file(parts))


def _refused_by_defusedxml(file) -> bool:
    with pytest.raises(ValidationError) as caught:
        read_first_sheet(file)
    error = caught.value
    while error is not None:
        if isinstance(error, DefusedXmlException):
            return True
        error = error.__cause__ or error.__context__
    return False


def test_it_refuses_a_billion_laughs_in_shared_strings():
    hostile = handmade_workbook(shared_strings=BILLION_LAUGHS)
    assert "не удаётся прочитать" in _refusal(hostile)
    # defusedxml refused the entity declarations; nothing was expanded.
    assert _refused_by_defusedxml(handmade_workbook(shared_strings=BILLION_LAUGHS))


def test_it_refuses_an_external_entity_in_shared_strings():
    hostile = handmade_workbook(shared_strings=EXTERNAL_ENTITY)
    assert "не удаётся прочитать" in _refusal(hostile)
    assert _refused_by_defusedxml(handmade_workbook(shared_strings=EXTERNAL_ENTITY))


def test_it_refuses_a_billion_laughs_in_the_sheet_itself():
    sheet = BILLION_LAUGHS.replace(b"<sst", b"<worksheet").replace(b"</sst>", b"</worksheet>")
    hostile = handmade_workbook(sheet=sheet)
    assert "не удаётся прочитать" in _refusal(hostile)


def test_it_does_not_trust_a_huge_declared_dimension():
    workbook = Workbook()
    workbook.active.append(["Организация"])
    original = save(workbook)
    with zipfile.ZipFile(original) as source:
        sheet = source.read("xl/worksheets/sheet1.xml")
    sheet = sheet.replace(b'<dimension ref="A1"/>', b'<dimension ref="A1:XFD1048576"/>')
    rows = read_first_sheet(with_part_replaced(original, "xl/worksheets/sheet1.xml", sheet))
    assert rows == [("Организация",)]


def test_it_refuses_more_rows_than_the_cap(monkeypatch):
    monkeypatch.setattr(safety, "MAX_ROWS", 3)
    file = table_workbook(["Организация"], [[f"СОШ № {n}"] for n in range(5)])
    assert "больше 3 строк" in _refusal(file)


_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _sheet(body: bytes, *, dimension: bytes = b"") -> bytes:
    return (f"<worksheet {_NS}>".encode() + dimension + b"<sheetData>" + body
            + b"</sheetData></worksheet>")


def test_it_refuses_a_part_packed_implausibly_tight():
    # One row of 300 000 identical cells: 5 MB unpacked, a few KB packed.
    sheet = _sheet(b'<row r="1">' + b"<c><v>1</v></c>" * 300_000 + b"</row>")
    file = handmade_workbook(sheet=sheet)
    assert len(file.getvalue()) * safety.MAX_COMPRESSION_RATIO < len(sheet)
    assert "сжат неправдоподобно сильно" in _refusal(file)


def test_it_accepts_an_ordinary_large_table():
    rows = [[f"Школа № {n}", n, n * 3 % 17] for n in range(3000)]
    assert len(read_first_sheet(table_workbook(["Организация", "A", "B"], rows))) == 3001


def test_it_refuses_too_many_shared_strings():
    strings = b"".join(b"<si><t>%s</t></si>" % random.randbytes(24).hex().encode()
                       for _ in range(100_000))
    shared = f"<sst {_NS}>".encode() + strings + b"</sst>"
    assert safety.MAX_SHARED_STRINGS_BYTES < len(shared) < safety.MAX_UNZIPPED_BYTES
    assert "Текстов в книге больше" in _refusal(handmade_workbook(shared_strings=shared))


def _workbook_with_sheets(count: int) -> io.BytesIO:
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheets = "".join(f'<sheet name="Лист{n}" sheetId="{n + 1}" r:id="rId1"/>'
                     for n in range(count))
    workbook = (f'<workbook {_NS} xmlns:r="{relationships}"><sheets>{sheets}</sheets>'
                "</workbook>").encode()
    return with_part_replaced(handmade_workbook(), "xl/workbook.xml", workbook)


def test_it_refuses_a_workbook_with_too_many_sheets():
    assert f"больше {safety.MAX_SHEETS} листов" in _refusal(
        _workbook_with_sheets(safety.MAX_SHEETS + 1))
    assert read_first_sheet(_workbook_with_sheets(safety.MAX_SHEETS)) == [("Организация",)]


def _rows_without_dimension(count: int) -> io.BytesIO:
    body = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n)
                    for n in range(1, count + 1))
    return handmade_workbook(sheet=_sheet(body))


def test_it_refuses_a_million_rows_without_dimension_quickly():
    file = _rows_without_dimension(1_000_001)
    started = time.monotonic()
    assert "Распакованный файл больше 20 МБ" in _refusal(file)
    assert time.monotonic() - started < 3


def test_it_reads_the_rows_up_to_the_cap_without_parsing_the_rest(monkeypatch):
    # Under the size caps, yet far over the row cap: reading stops at the cap.
    file = _rows_without_dimension(300_000)
    assert len(file.getvalue()) < safety.MAX_FILE_BYTES
    started = time.monotonic()
    assert f"больше {safety.MAX_ROWS} строк" in _refusal(file)
    assert time.monotonic() - started < 1.5


def test_it_marks_a_formula_without_a_stored_value():
    sheet = _sheet(b'<row r="1"><c r="A1"><f>1+1</f></c><c r="B1"><f>2+2</f><v>4</v></c>'
                   b"</row>")
    assert read_first_sheet(handmade_workbook(sheet=sheet)) == [
        (safety.UNCOMPUTED_FORMULA, 4)]
