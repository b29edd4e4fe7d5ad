"""Reading a rendered PDF in pure Python: the fonts it names and whether they are embedded.

WeasyPrint packs its objects into compressed object streams, so the dictionaries are
looked for both in the file and in every stream that inflates.
"""

import io
import re
import zlib

import pdfplumber

FONT_NAME = re.compile(rb"/(?:BaseFont|FontName)\s*/([^\s/<>\[\]()]+)")
DESCRIPTOR = re.compile(rb"/Type\s*/FontDescriptor.*?>>", re.DOTALL)
STREAM = re.compile(rb"stream\r?\n")


def pdf_chunks(data: bytes) -> list[bytes]:
    chunks = [data]
    for match in STREAM.finditer(data):
        end = data.find(b"endstream", match.end())
        try:
            chunks.append(zlib.decompress(data[match.end():end]))
        except zlib.error:
            continue
    return chunks


def font_names(data: bytes) -> set[str]:
    """Font names without the subset prefix: «DejaVu-Sans», «DejaVu-Serif-Bold»…"""
    names = set()
    for chunk in pdf_chunks(data):
        for name in FONT_NAME.findall(chunk):
            names.add(name.decode("latin-1").split("+", 1)[-1])
    return names


def font_descriptors(data: bytes) -> list[bytes]:
    return [descriptor for chunk in pdf_chunks(data) for descriptor in DESCRIPTOR.findall(chunk)]


def page_count(data: bytes) -> int:
    counts = [int(value) for chunk in pdf_chunks(data)
              for value in re.findall(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", chunk, re.DOTALL)]
    return max(counts, default=0)


def pdf_text(data: bytes) -> str:
    """The text of every page as a reader sees it, lines joined by single spaces."""
    with pdfplumber.open(io.BytesIO(data)) as document:
        pages = [page.extract_text() or "" for page in document.pages]
    return " ".join(" ".join(pages).split())


# --- Layout: words with their boxes ---------------------------------------------------------
# WeasyPrint's A4 page and the stylesheet's margins (static/reports/pdf.css), in points.
MM = 72 / 25.4
TOP_MARGIN = BOTTOM_MARGIN = 20 * MM
LEFT_MARGIN, RIGHT_MARGIN = 22 * MM, 17 * MM
# A word may touch a neighbour or a border by rounding; this much is not an overlap.
TOLERANCE = 0.6
# Headings: h2 is 14 pt, h3 11 pt; body text is at most 10 pt.
HEADING_SIZE = 10.8
CHAPTER_SIZE = 13.5


def _words(page) -> list[dict]:
    return page.extract_words(extra_attrs=["size"], keep_blank_chars=False, use_text_flow=False)


def _overlap(a: dict, b: dict) -> bool:
    return (min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > TOLERANCE
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > TOLERANCE)


def words_outside_page(page) -> list[str]:
    """Words not wholly on the page (clipped or overflowing)."""
    return [f"стр. {page.page_number}: «{word['text']}»" for word in _words(page)
            if word["x0"] < -TOLERANCE or word["top"] < -TOLERANCE
            or word["x1"] > page.width + TOLERANCE or word["bottom"] > page.height + TOLERANCE]


def words_outside_text_area(page) -> list[str]:
    """Words that reach into the left or right margin: past the edge of the text, where a
    reader sees them as clipped or stray even when the page still holds them. (The running
    header and the page number sit in the top and bottom margins, within the text's width.)"""
    return [f"стр. {page.page_number}: «{word['text']}» за полем страницы"
            for word in _words(page)
            if word["x0"] < LEFT_MARGIN - TOLERANCE
            or word["x1"] > page.width - RIGHT_MARGIN + TOLERANCE]


def overlapping_words(page) -> list[str]:
    """Pairs of words whose boxes overlap (text printed over text)."""
    words = sorted(_words(page), key=lambda word: word["top"])
    found = []
    for index, word in enumerate(words):
        for other in words[index + 1:]:
            if other["top"] >= word["bottom"]:
                break
            if _overlap(word, other):
                found.append(f"стр. {page.page_number}: «{word['text']}» и «{other['text']}»")
    return found


# A badge is one line of small type: lower than any table row of the reports.
BADGE_HEIGHT = 16


def _badge_row(table) -> bool:
    """More than three cells, each one line of small type: rows of badges (wrapping onto a
    second line when a platform has many teams), not a table."""
    return len(table.cells) > 3 and all(
        cell[3] - cell[1] < BADGE_HEIGHT for cell in table.cells if cell)


def words_crossing_cells(page) -> list[str]:
    """Words that lie partly outside the table cell they start in. A row of badges (the
    teams of a platform) reads to pdfplumber as a table whose cells it joins at the gaps
    between the badges; such rows are not a table."""
    cells = [cell for table in page.find_tables() if not _badge_row(table)
             for cell in table.cells if cell]
    found = []
    for word in _words(page):
        x = (word["x0"] + word["x1"]) / 2
        y = (word["top"] + word["bottom"]) / 2
        for x0, top, x1, bottom in cells:
            if x0 <= x <= x1 and top <= y <= bottom:
                if (word["x0"] < x0 - TOLERANCE or word["x1"] > x1 + TOLERANCE
                        or word["top"] < top - TOLERANCE or word["bottom"] > bottom + TOLERANCE):
                    found.append(f"стр. {page.page_number}: «{word['text']}»")
                break
    return found


def content_fill(page) -> float:
    """How much of the page's text area its content takes, top to its last line (0–1)."""
    area_top, area_bottom = TOP_MARGIN, page.height - BOTTOM_MARGIN
    bottoms = [word["bottom"] for word in _words(page)
               if word["top"] >= area_top - 1 and word["bottom"] <= area_bottom + 1]
    images = [item["bottom"] for item in page.rects + page.curves
              if item["top"] >= area_top - 1 and item["bottom"] <= area_bottom + 1]
    lowest = max(bottoms + images, default=area_top)
    return (lowest - area_top) / (area_bottom - area_top)


# Starts that take a new page whatever room the page before has left: the contents and
# each appendix (a form to copy). Ordinary chapters follow on.
CONTENTS = "Содержание"
FORCED_STARTS = (CONTENTS, "Приложение")


def opening_heading(page) -> str:
    """The chapter heading (h2) the page begins with, or an empty string."""
    words = [word for word in _words(page)
             if word["size"] >= CHAPTER_SIZE and word["top"] < TOP_MARGIN + 40]
    return " ".join(word["text"] for word in sorted(words, key=lambda w: (w["top"], w["x0"])))


def must_take_new_page(page, previous) -> bool:
    """The page opens with a start that needs a page of its own: the contents, an
    appendix, the first chapter after the contents, or a page of another size or
    orientation (a landscape table)."""
    if (page.width, page.height) != (previous.width, previous.height):
        return True
    return (opening_heading(page).startswith(FORCED_STARTS)
            or opening_heading(previous).startswith(CONTENTS))


def sparse_pages(document, *, minimum: float = 0.3) -> list[str]:
    """Pages less than ``minimum`` filled that are neither the last page, the title page,
    nor followed by a start that must take a new page (the contents, an appendix)."""
    pages = document.pages
    found = []
    for index, page in enumerate(pages[1:-1], start=1):
        fill = content_fill(page)
        if fill < minimum and not must_take_new_page(pages[index + 1], page):
            found.append(f"стр. {page.page_number}: заполнена на {fill:.0%}")
    return found


def stranded_headings(page) -> list[str]:
    """A heading that is the last line of the page's text area (its text on the next page)."""
    words = [word for word in _words(page) if word["bottom"] <= page.height - BOTTOM_MARGIN + 1]
    if not words:
        return []
    last_line = max(word["top"] for word in words)
    line = [word for word in words if abs(word["top"] - last_line) < 2]
    if all(word["size"] >= HEADING_SIZE for word in line):
        return [f"стр. {page.page_number}: «{' '.join(word['text'] for word in line)}»"]
    return []


def layout_problems(data: bytes, *, minimum_fill: float = 0.3) -> list[str]:
    """Every layout rule the PDF reports keep: no word off the page or in its side margins,
    no overlapping words, no word across its table cell's border, no heading stranded at
    a page's foot, no page mostly blank unless a start that needs a new page follows. An
    empty list means the layout is clean."""
    problems = []
    with pdfplumber.open(io.BytesIO(data)) as document:
        for page in document.pages:
            problems += words_outside_page(page)
            problems += words_outside_text_area(page)
            problems += overlapping_words(page)
            problems += words_crossing_cells(page)
            problems += stranded_headings(page)
        problems += sparse_pages(document, minimum=minimum_fill)
    return problems
