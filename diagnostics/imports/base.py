"""The import engine: all or nothing, with a report of every bad row.

Each table (``organizations``, ``indicators``, ``staffing``, ``diagnoses``, ``teachers``) is a
``TableImport`` that turns one sheet row into one record. ``run_import`` reads
the file safely, finds the header, and feeds the rows to the table inside one
transaction; any bad row (or a dry run) rolls the whole transaction back, so
the report of a dry run is exactly the report of the real import.
"""

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import BinaryIO, ClassVar

from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from openpyxl.utils import get_column_letter

from core.sheet_headers import Column, Header, find_header, normalise
from core.xlsx_safety import UNCOMPUTED_FORMULA, read_first_sheet
from internships.models import Period
from teams.models import Municipality

CREATED, UPDATED = "created", "updated"

# ``progress(rows checked, rows accepted so far, rows in the table)``, told every
# PROGRESS_EVERY_ROWS rows and at the end; accepted rows are written only if all are.
ProgressCallback = Callable[[int, int, int], None]
PROGRESS_EVERY_ROWS = 100

# No count the portal keeps comes near this; a larger number is a typo (or a hostile file)
# and would not fit the database column anyway.
MAX_COUNT = 1_000_000

ORGANIZATION = Column(
    "organization", "Организация",
    aliases=("организация", "наименование", "полное наименование", "образовательное учреждение",
             "образовательная организация", "наименование оо", "оо", "название", "учреждение",
             "наименование организации", "наименование образовательной организации",
             "наименование учреждения", "школа"),
    keywords=(("наименован",), ("образовательн", "учрежден"), ("образовательн", "организац")),
    required=True,
)


@dataclass(frozen=True)
class Problem:
    row: int
    column: str  # «C · Всего педагогических работников», or «—» for the row as a whole
    reason: str


@dataclass(frozen=True)
class SkippedRow:
    row: int
    reason: str


@dataclass(frozen=True)
class RowWarning:
    """Something the file prints that the portal does not take as given (a printed subtotal
    or percentage that disagrees with the rows); the rows are still written."""

    row: int
    reason: str


@dataclass
class ImportReport:
    title: str
    dry_run: bool
    refused: str = ""
    header_row: int | None = None
    created: int = 0
    updated: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)
    # Non-empty rows under the header, each checked once.
    rows: int = 0

    def as_dict(self) -> dict:
        """The report as JSON keeps it (an import job stores it this way)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ImportReport":
        return cls(**{
            **data,
            "skipped": [SkippedRow(**line) for line in data.get("skipped", [])],
            "problems": [Problem(**line) for line in data.get("problems", [])],
            "warnings": [RowWarning(**line) for line in data.get("warnings", [])],
        })

    @property
    def ok(self) -> bool:
        return not self.refused and not self.problems

    @property
    def written(self) -> bool:
        return self.ok and not self.dry_run

    @property
    def bad_rows(self) -> int:
        return len({problem.row for problem in self.problems})

    def summary(self) -> str:
        if self.refused:
            return f"Файл не принят: {self.refused}"
        counts = (f"новых — {self.created}, обновлено — {self.updated}, "
                  f"пропущено строк — {len(self.skipped)}")
        if self.problems:
            return (f"Ничего не записано: строк с ошибками — {self.bad_rows}. "
                    f"Исправьте их и загрузите файл снова.")
        warned = (f" Предупреждений — {len(self.warnings)}: напечатанные в файле итоги или "
                  "доли расходятся с пересчитанными по строкам, строки при этом принимаются."
                  if self.warnings else "")
        if self.dry_run:
            return f"Проверка пройдена, ничего не записано. При загрузке: {counts}.{warned}"
        return f"Загружено: {counts}.{warned}"

    def as_text(self) -> str:
        lines = [f"{self.title}. {self.summary()}"]
        lines += [f"Строка {p.row}, столбец {p.column}: {p.reason}" for p in self.problems]
        lines += [f"Строка {w.row}, предупреждение: {w.reason}" for w in self.warnings]
        lines += [f"Строка {s.row} пропущена: {s.reason}" for s in self.skipped]
        if self.ignored_columns:
            lines.append("Не учтены столбцы: " + "; ".join(self.ignored_columns))
        return "\n".join(lines)


_TOTAL_ROW = re.compile(r"^(итого|итог|всего|по району|по округу|по муниципалитету)\b")
_TRUE = {"да", "+", "1", "yes", "true", "истина", "есть", "v", "✓", "x", "х"}
_FALSE = {"нет", "-", "–", "—", "0", "no", "false", "ложь"}


class Row:
    """One data row with typed access to its cells; problems are collected, never raised."""

    def __init__(self, *, number: int, values: tuple, header: Header,
                 columns: dict[str, Column], report: ImportReport):
        self.number = number
        self._values = values
        self._header = header
        self._columns = columns
        self._report = report
        self.has_problems = False
        self.skip_reason = ""

    def has(self, key: str) -> bool:
        return key in self._header.positions

    def raw(self, key: str, *, what: str = "значение"):
        index = self._header.positions.get(key)
        if index is None or index >= len(self._values):
            return None
        value = self._values[index]
        if value is UNCOMPUTED_FORMULA:
            self.problem(key, f"в ячейке формула без вычисленного значения — вставьте {what}")
            return None
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def column_label(self, key: str | None) -> str:
        if key is None:
            return "—"
        heading = self._header.headings.get(key) or self._columns[key].title
        index = self._header.positions.get(key)
        return f"{get_column_letter(index + 1)} · {heading}" if index is not None else heading

    def problem(self, key: str | None, reason: str) -> None:
        self.has_problems = True
        self._report.problems.append(Problem(self.number, self.column_label(key), reason))

    def skip(self, reason: str) -> None:
        self.skip_reason = reason

    def warn(self, reason: str) -> None:
        """Tell something the row prints that disagrees with what the portal computes."""
        self._report.warnings.append(RowWarning(self.number, reason))

    def text(self, key: str, *, required: bool = False, max_length: int | None = None,
             multiline: bool = False) -> str:
        """The cell as text: names and codes on one line, free text (``multiline``) with its
        line breaks kept."""
        value = self.raw(key)
        if value is None:
            text = ""
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        elif multiline:
            text = "\n".join(line.rstrip() for line in str(value).replace("\r\n", "\n")
                             .replace("\r", "\n").strip().split("\n"))
        else:
            text = " ".join(str(value).split())
        if required and not text:
            self.problem(key, "не заполнено")
        elif max_length and len(text) > max_length:
            self.problem(key, f"не длиннее {max_length} символов (сейчас {len(text)})")
        return text

    def integer(self, key: str, *, required: bool = False, maximum: int = MAX_COUNT
                ) -> int | None:
        value = self.raw(key, what="число")
        if value is None:
            if required:
                self.problem(key, "не заполнено: нужно целое число")
            return None
        number = as_integer(value)
        if number is None:
            self.problem(key, f"нужно целое число, а не «{value}»")
        elif number < 0:
            self.problem(key, f"число не может быть отрицательным ({number})")
            return None
        elif number > maximum:
            self.problem(key, f"число не может быть больше {maximum} ({number})")
            return None
        return number

    def boolean(self, key: str) -> bool | None:
        value = self.raw(key)
        if value is None:
            return None
        if isinstance(value, bool):
            return value
        text = " ".join(str(value).lower().split())
        if isinstance(value, int | float):
            text = str(int(value)) if float(value).is_integer() else text
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        self.problem(key, f"ожидается «да» или «нет», а не «{value}»")
        return None

    def date(self, key: str) -> datetime.date | None:
        value = self.raw(key)
        if value is None:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        day = parse_day(str(value))
        if day is None:
            self.problem(key, f"нужна дата в формате ДД.ММ.ГГГГ, а не «{value}»")
        return day


def as_integer(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = re.sub(r"\s+", "", str(value)).replace(",", ".")
    if re.fullmatch(r"-?\d+(\.0+)?", text):
        return int(float(text))
    return None


def parse_day(text: str) -> datetime.date | None:
    text = re.sub(r"\s*г(г|ода?)?\.?$", "", text.strip())
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


class TableImport:
    """One importable table; subclasses set the columns and turn a row into a record."""

    title: ClassVar[str]
    columns: ClassVar[tuple[Column, ...]]
    # Rows without this cell are subtotals or section headings: skipped and listed.
    name_column: ClassVar[str] = "organization"
    unnamed_row: ClassVar[str] = "нет наименования организации (итоговая строка или заголовок)"
    # Constraint name → what the row breaks, in Russian.
    constraint_messages: ClassVar[dict[str, str]] = {}
    # At least one of these columns must be in the file: without any, every row would
    # be written empty (a file of another table, say).
    data_columns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *, municipality: Municipality):
        self.municipality = municipality
        self._seen: dict[tuple, int] = {}

    def begin(self) -> None:
        """Load the lookups the rows need (called inside the transaction)."""

    def finish(self) -> None:
        """Complete what needed the whole file (called inside the transaction, last)."""

    def summary_row(self, row: Row, *, name: str) -> None:
        """Check a subtotal or heading row that is skipped (``name`` may be empty)."""

    def import_row(self, row: Row) -> str | None:
        """Write the row's record; CREATED or UPDATED, or None when the row has problems."""
        raise NotImplementedError

    def once(self, row: Row, identity: tuple, what: str) -> bool:
        """False (and a problem) if an earlier row of the file already gave this record."""
        earlier = self._seen.setdefault(identity, row.number)
        if earlier != row.number:
            row.problem(None, f"{what} уже есть в строке {earlier}")
            return False
        return True

    def explain(self, error: IntegrityError) -> str:
        message = str(error)
        for name, reason in self.constraint_messages.items():
            if name in message:
                return reason
        return "строка противоречит уже сохранённым данным"


def run_import(*, table: TableImport, file: BinaryIO, dry_run: bool,
               progress: ProgressCallback | None = None) -> ImportReport:
    """Import the first sheet of ``file`` into ``table``: everything, or nothing and a report."""
    report = ImportReport(title=table.title, dry_run=dry_run)
    try:
        rows = read_first_sheet(file)
    except ValidationError as error:
        report.refused = error.messages[0]
        return report
    header = find_header(table.columns, rows)
    columns = {column.key: column for column in table.columns}
    report.refused = _header_refusal(table=table, header=header, columns=columns)
    if report.refused:
        return report
    report.header_row = header.first_row
    report.ignored_columns = list(header.ignored)
    lines = [(number, values) for number, values in enumerate(rows[header.data_starts - 1:],
                                                              start=header.data_starts)
             if any(value is not None and str(value).strip() for value in values)]
    report.rows = len(lines)
    with transaction.atomic():
        table.begin()
        for checked, (number, values) in enumerate(lines, start=1):
            _import_one(table=table, report=report, row=Row(
                number=number, values=values, header=header, columns=columns, report=report))
            if progress is not None and (checked % PROGRESS_EVERY_ROWS == 0
                                         or checked == report.rows):
                progress(checked, report.created + report.updated, report.rows)
        table.finish()
        if not report.ok or dry_run:
            transaction.set_rollback(True)
    return report


def _header_refusal(*, table: TableImport, header: Header | None,
                    columns: dict[str, Column]) -> str:
    """Why the file cannot be this table (its required or data columns are not found), or ""."""
    required = [column for column in table.columns if column.required]
    missing = [c.title for c in required if header is None or c.key not in header.positions]
    if missing:
        return (
            "не найдены столбцы " + ", ".join(f"«{title}»" for title in missing)
            + ". Проверьте заголовки таблицы или скачайте шаблон."
        )
    if table.data_columns and not any(key in header.positions for key in table.data_columns):
        return (
            "в таблице нет ни одного столбца с данными — ожидался хотя бы один из: "
            + ", ".join(f"«{columns[key].title}»" for key in table.data_columns)
            + ". Проверьте, та ли это таблица, или скачайте шаблон."
        )
    return ""


def _import_one(*, table: TableImport, report: ImportReport, row: Row) -> None:
    """Skip, refuse or write one non-empty row, and count it on the report."""
    name = row.text(table.name_column)
    skip_reason = _not_a_record(name, unnamed=table.unnamed_row)
    if skip_reason:
        table.summary_row(row, name=name)
        report.skipped.append(SkippedRow(row.number, skip_reason))
        return
    outcome = _write_row(table=table, row=row)
    if row.has_problems:
        return
    if row.skip_reason:
        report.skipped.append(SkippedRow(row.number, row.skip_reason))
    elif outcome == CREATED:
        report.created += 1
    elif outcome == UPDATED:
        report.updated += 1


def _not_a_record(name: str, *, unnamed: str) -> str:
    """Why a row with this name is a subtotal or a section heading, or "" for a record."""
    if not name:
        return unnamed
    if _TOTAL_ROW.match(normalise(name)):
        return f"итоговая строка «{name}»"
    return ""


def _write_row(*, table: TableImport, row: Row) -> str | None:
    """The table's outcome for the row, in a savepoint of its own: a row with problems
    leaves nothing behind (its problems are on the report, the outcome is None)."""
    try:
        with transaction.atomic():
            outcome = table.import_row(row)
            if row.has_problems:
                raise _RowRefused
    except _RowRefused:
        return None
    except IntegrityError as error:
        row.problem(None, table.explain(error))
        return None
    except DatabaseError:
        row.problem(None, "строку не удаётся сохранить: проверьте числа и длину текста")
        return None
    return outcome


class _RowRefused(Exception):
    """Rolls back a row's savepoint when a problem is found after something was written."""


def find_period(municipality: Municipality, title: str) -> Period | None:
    """A period by its title («2021–2022», «2021-2022», «2021/2022») or id."""
    wanted = re.sub(r"\D+", "-", title.strip()).strip("-")
    periods = Period.objects.filter(programme__municipality=municipality)
    if wanted.isdigit() and periods.filter(pk=int(wanted)).exists():
        return periods.get(pk=int(wanted))
    for period in periods.order_by("-starts_on"):
        if re.sub(r"\D+", "-", period.title).strip("-") == wanted:
            return period
    return None


class RecordRow(Row):
    """A row given as a record (an item of an API request): its fields are named by their
    keys, not by sheet letters, and a field the record leaves out keeps the stored value."""

    def __init__(self, *, record: dict, **row):
        super().__init__(**row)
        self._present = set(record)

    def has(self, key: str) -> bool:
        return key in self._present

    def column_label(self, key: str | None) -> str:
        return "—" if key is None else key


def run_records(*, table: TableImport, records: Sequence[dict], dry_run: bool) -> ImportReport:
    """Import ``records`` (column key → value) with the same row checks, messages and
    all-or-nothing transaction as a sheet; record i is reported as row i + 1. A key a
    record leaves out is, for that record, a column the table lacks: the stored value stays."""
    report = ImportReport(title=table.title, dry_run=dry_run, rows=len(records))
    keys = [column.key for column in table.columns
            if any(column.key in record for record in records)]
    header = Header(first_row=0, rows=1, positions={key: index for index, key in enumerate(keys)},
                    headings={key: key for key in keys})
    columns = {column.key: column for column in table.columns}
    with transaction.atomic():
        table.begin()
        for number, record in enumerate(records, start=1):
            _import_one(table=table, report=report, row=RecordRow(
                record=record, number=number, values=tuple(record.get(key) for key in keys),
                header=header, columns=columns, report=report))
        table.finish()
        if not report.ok or dry_run:
            transaction.set_rollback(True)
    return report
