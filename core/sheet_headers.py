"""Recognising a table's header by meaning, wherever it sits on the sheet.

A heading matches a column when, normalised (letter case, ё/е, punctuation and
spacing ignored), it equals one of the column's aliases or contains every word
stem of one of its keyword sets. The header may take one row or two (a merged
group heading above its sub-headings, as in a staffing table with a
«категория» group over its kinds).
"""

import re
from dataclasses import dataclass, field

HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class Column:
    """One column of an importable table; ``title`` is the heading templates and exports use."""

    key: str
    title: str
    aliases: tuple[str, ...] = ()
    keywords: tuple[tuple[str, ...], ...] = ()
    required: bool = False
    # Computed by the portal (exports show them); recognised on import and ignored.
    derived: bool = False


def normalise(text) -> str:
    """Lower case, ё→е, № kept, every other non-alphanumeric run a single space."""
    if text is None:
        return ""
    value = str(text).lower().replace("ё", "е")
    value = re.sub(r"[^\w№%]+", " ", value)
    return " ".join(value.replace("_", " ").split())


def _matches(column: Column, heading: str) -> int:
    """How well a heading names the column: an alias beats any keyword set, and a set
    of more stems beats a set of fewer («краткое наименование» over «наименование»)."""
    if not heading:
        return 0
    if heading in {normalise(alias) for alias in column.aliases}:
        return 100
    words = heading.split()
    return max((len(stems) for stems in column.keywords
                if all(any(word.startswith(stem) for word in words) for stem in stems)),
               default=0)


def recognise(columns: tuple[Column, ...], heading: str) -> Column | None:
    best, best_score = None, 0
    for column in columns:
        score = _matches(column, heading)
        if score > best_score:
            best, best_score = column, score
    return best


@dataclass
class Header:
    """Where the header is and which sheet column holds which table column."""

    first_row: int  # 1-based sheet row of the (first) header row
    rows: int  # 1 or 2
    positions: dict[str, int] = field(default_factory=dict)  # column key → 0-based index
    headings: dict[str, str] = field(default_factory=dict)  # column key → heading as written
    ignored: list[str] = field(default_factory=list)  # headings not recognised

    @property
    def data_starts(self) -> int:
        return self.first_row + self.rows


def _text(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _candidate(columns, top: tuple, sub: tuple | None, first_row: int) -> Header:
    header = Header(first_row=first_row, rows=2 if sub is not None else 1)
    width = max(len(top), len(sub or ()))
    group = ""
    for index in range(width):
        above = _text(top[index]) if index < len(top) else ""
        below = _text(sub[index]) if sub is not None and index < len(sub) else ""
        if above:
            group = above
        elif not below:
            group = ""
        if below:
            # A sub-heading is read alone, then together with its group heading.
            column = recognise(columns, normalise(below)) or recognise(
                columns, normalise(f"{group} {below}"))
            written = below
        else:
            column = recognise(columns, normalise(above))
            written = above
        if not written:
            continue
        if column is None or column.key in header.positions:
            header.ignored.append(written)
            continue
        header.positions[column.key] = index
        header.headings[column.key] = written
    return header


def _score(columns, header: Header) -> tuple[int, int]:
    required = sum(1 for c in columns if c.required and c.key in header.positions)
    return required, len(header.positions)


def _is_number(value) -> bool:
    if isinstance(value, int | float):
        return True
    return bool(re.fullmatch(r"[\d\s.,%-]+", str(value)))


def _continues_header(top_header: Header, below: tuple) -> bool:
    """Whether the row under a header holds its sub-headings: the header row names columns
    itself (a title above it does not), the row below is text only and has nothing under
    those columns (merged from above), unlike a data or subtotal row."""
    cells = [value for value in below if _text(value)]
    if not top_header.positions or not cells or any(_is_number(value) for value in cells):
        return False
    return all(index >= len(below) or not _text(below[index])
               for index in top_header.positions.values())


def find_header(columns: tuple[Column, ...], rows: list[tuple]) -> Header | None:
    """The best one- or two-row header among the first rows; None if no row names a column.

    A two-row header wins when it recognises more columns, or as many when the second
    row is plainly sub-headings (so it is not mistaken for a row of data).
    """
    best, best_score = None, (0, 0, 0)
    for index, top in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if not any(_text(value) for value in top):
            continue
        single = _candidate(columns, top, None, index + 1)
        candidates = [(single, 0)]
        if index + 1 < len(rows):
            below = rows[index + 1]
            candidates.append((_candidate(columns, top, below, index + 1),
                               int(_continues_header(single, below))))
        for header, continues in candidates:
            score = (*_score(columns, header), continues)
            if score > best_score and score[1]:
                best, best_score = header, score
    return best
