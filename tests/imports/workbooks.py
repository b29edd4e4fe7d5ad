"""Workbooks built for the import tests: real .xlsx files, and hostile ones made by hand."""

import io
import zipfile

from openpyxl import Workbook

TITLE = "Информация о педагогических работниках ОО в Ермаковском районе на 30.06.2021г"
P18 = ("Число педагогических работников в без квалификационной категории (первой, высшей), "
       "которые не проходят аттестацию на соответствие занимаемой должности "
       "(п.18 Порядка аттестации)")

# The Ermakovsky project's staffing table as printed: №, name, Поб, without, Пп, Пв, attested, п.18,
# then the printed (and shifted) percentages; subtotal rows carry no name.
SEED_ROWS = [
    (1, "МБОУ «Ермаковская СШ № 1»", 56, 22, 25, 9, 16, 6, None, "39,30%", "60,70%"),
    (2, "МБОУ «Ермаковская СШ № 2»", 59, 14, 31, 14, 10, 4, None, "24%", "76%"),
    (3, "филиал МБОУ «Ермаковская СШ №2» «Новоозёрновская ОШ»", 16, 8, 6, 2, 3, 5, None,
     "50%", "50%"),
    (4, "МБОУ «Ойская СШ»", 22, 6, 11, 4, 1, 6, None, "32%", "68%"),
    (5, "МБОУ\n\n«Мигнинская СШ", 18, 15, 2, 1, 12, 3, None, "83%", "17%"),
    (6, "МБОУ «Нижнесуэтуцкая СШ»", 28, 11, 9, 8, 6, 5, None, "39,30%", "60,70%"),
    (7, "МБОУ «Разъезженская СШ»", 22, 7, 9, 6, 3, 4, None, "32%", "68%"),
    (8, "Филиал МБОУ «Разъезженская СШ» «Большереченская СШ»", 8, 3, 4, 1, 1, 2, None,
     "38%", "62%"),
    (9, "МБОУ «Семенниковская СОШ»", 21, 13, 7, 1, 13, 0, None, "62%", "38%"),
    (10, "МБОУ «Танзыбейская СШ»", 18, 8, 6, 4, 8, 0, None, "45%", "55%"),
    (11, "МБОУ «Жебластинская СШ»", 21, 15, 4, 2, 15, 0, None, "71%", "29%"),
    (12, "МБОУ «Григорьевская СШ»", 18, 14, 2, 2, 9, 5, None, "77%", "23%"),
    (13, "МБОУ «Новополтавская СШ»", 18, 8, 7, 3, 7, 1, None, "45%", "55%"),
    (14, "МБОУ «Верхнеусинская СШ»", 32, 24, 6, 2, 20, 4, None, "75%", "35%"),
    (15, "МБОУ «Ивановская СШ»", 14, 6, 5, 3, 5, 1, None, "43%", "57%"),
    (16, "МБОУ «Салбинская СШ»", 17, 13, 1, 3, 12, 1, None, "76%", "24%"),
    (17, 'МБОУ "Араданская ОШ"', 11, 11, 0, 0, 9, 2, None, "100%", "0%"),
    (18, 'МБОУ "Нижнеусинская НШ"', None, None, 0, 0, None, None, None, None, None),
    (None, None, 399, 199, 135, 65, 150, 49, None, "49,60%", "51%"),
    (1, "МБДОУ Ермаковский детский сад №1 комбинированного вида «Ромашка»", 18, 9, 8, 1, 5,
     1, None, "50%", "50%"),
    (2, "МБДОУ «Ермаковский детский сад № 3 комбинированного вида»", 12, 8, 3, 1, 1, 7,
     None, "67%", "33%"),
    (3, "МБДОУ «Ермаковский детский сад № 4»", 7, 0, 7, 0, 0, 0, None, None, "100%"),
    (4, 'МБДОУ " Н-Суэтуцкий детский сад', 6, 3, 3, 0, 2, 1, None, "50%", "50%"),
    (5, 'МБДОУ " Ойский детский сад"', 8, 4, 4, 0, 4, 0, None, "50%", "50%"),
    (6, "МБДОУ Ермаковский детский сад №2 комбинированн ого вида «Родничок»", 16, 2, 5, 9, 2,
     0, None, "13%", "87%"),
    (7, 'МБДОУ "Ермаковский детский сад комбинированн ого вида №5"', 14, 3, 7, 4, 1, 2, None,
     "29%", "71%"),
    (8, 'МБДОУ "Танзыбейский детский сад"', 7, 5, 2, 0, 4, 1, None, "71%", "29%"),
    (None, None, 88, 41, 36, 11, 26, 12, None, None, None),
    (1, "МБУДО «Ермаковская ДЮСШ «Ланс»", 8, 4, 4, 0, 2, 2, None, "50%", "50%"),
    (2, "МБУ ДО Ермаковская СЮТ", 8, 4, 2, 2, 2, 2, None, "50%", "50%"),
    (3, "МБУ ДО Ермаковская ЦДО", 28, 10, 14, 4, 4, 6, None, "46%", "64%"),
    (None, None, 44, 18, 20, 6, 8, 10, None, None, None),
]


def save(workbook: Workbook, name: str = "table.xlsx") -> io.BytesIO:
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = name
    return buffer


def seed_staffing_workbook(rows=SEED_ROWS) -> io.BytesIO:
    """The staffing table laid out as the Ermakovsky project prints it: a title, a two-row
    header with the merged group «Педагогические работники», three groups each closed by a
    subtotal."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([TITLE])
    sheet.merge_cells("A1:K1")
    sheet.append(["№", "Образовательное учреждение", "Всего педагогических работников (Поб)",
                  "Педагогические работники", None, None, None, P18,
                  "Не имеют квалификационную категорию", "Критическое состояние (более 50%)",
                  "КК=Пвп/Поб"])
    sheet.append([None, None, None, "Не имеют квалификационную категорию",
                  "Имеют первую квалификационную категорию (Пп)",
                  "Имеют высшую квалификационную категорию (Пв)",
                  "Аттестация на соответствие занимаемой должности"])
    sheet.merge_cells("D2:G2")
    for column in "ABCHIJK":
        sheet.merge_cells(f"{column}2:{column}3")
    for row in rows:
        sheet.append(list(row))
    return save(workbook)


def table_workbook(headers: list, rows: list, *, above: list | None = None) -> io.BytesIO:
    """A plain one-row-header table, optionally with some rows above the header."""
    workbook = Workbook()
    sheet = workbook.active
    for line in above or []:
        sheet.append(line)
    sheet.append(headers)
    for row in rows:
        sheet.append(list(row))
    return save(workbook)


def zip_file(parts: dict[str, bytes], name: str = "table.xlsx") -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    buffer.seek(0)
    buffer.name = name
    return buffer


def with_part_replaced(workbook: io.BytesIO, part: str, content: bytes) -> io.BytesIO:
    """A copy of a real workbook whose ``part`` is replaced (or added)."""
    with zipfile.ZipFile(workbook) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts[part] = content
    return zip_file(parts)


_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="{_PACKAGE}/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="{_SHEET_TYPE}.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SHEET_TYPE}.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="{_SHEET_TYPE}.sharedStrings+xml"/>
</Types>""".encode()
_ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{_PACKAGE}/relationships">
<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>""".encode()
_WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{_RELS}">
<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""".encode()
_WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{_PACKAGE}/relationships">
<Relationship Id="rId1" Type="{_RELS}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{_RELS}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>""".encode()
SHEET_WITH_SHARED_STRING = b"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"""
SHARED_STRINGS = """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">
<si><t>Организация</t></si></sst>""".encode()


def handmade_workbook(*, sheet: bytes = SHEET_WITH_SHARED_STRING,
                      shared_strings: bytes = SHARED_STRINGS) -> io.BytesIO:
    """A minimal .xlsx written part by part, its text in sharedStrings.xml."""
    return zip_file({
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": shared_strings,
    })
