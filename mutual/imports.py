"""Excel upload of an organization's answer to the assignment, both parts at once.

One row is one line of the answer: «Раздел» says which — «анализ резервов» (part 1's
analysis, several rows join as paragraphs), «рейтинг» (a cell of part 1's rating: results
of children, level, успешно/неуспешно, text) or «аспект» (a line of part 2: process, side,
place in the rating, text as the organization words it). A part named in the file replaces
what the portal holds for it; the file is loaded whole or not at all, with the reason for
every refused row. A school loads only its own organization's answer, and only the parts
that are not submitted.
"""

from collections import defaultdict

from django.contrib.auth.models import User

from core.sheet_headers import Column, normalise
from diagnostics.exports import Sheet
from diagnostics.imports.base import CREATED, ORGANIZATION, Row, TableImport
from diagnostics.imports.tables import TableInfo
from mutual.answers import EDITABLE, PART_NAMES, save_part1, save_part2, status
from mutual.models import (
    ActivityLevel,
    Answer,
    AspectSide,
    Assignment,
    ProcessKind,
    ResultArea,
)
from teams.access import profile_of
from teams.models import Municipality

SLUG = "mutual_answers"
INFO = TableInfo(
    SLUG, "Ответ на техническое задание",
    "Обе части ответа организации: анализ резервов, рейтинг внутри ОО и ранжированные "
    "аспекты, по которым нужна поддержка или ОО готово представить практику.")

RESERVES, RATING, ASPECT = "анализ резервов", "рейтинг", "аспект"
WORKS = {"успешно": True, "да": True, "неуспешно": False, "нет": False}

COLUMNS = (
    ORGANIZATION,
    Column("section", "Раздел", aliases=("раздел",), required=True),
    Column("area", "Результаты детей", aliases=("результаты детей", "область")),
    Column("level", "Уровень", aliases=("уровень", "деятельность")),
    Column("works", "Оценка", aliases=("оценка", "успешно/неуспешно")),
    Column("process", "Процесс", aliases=("процесс",)),
    Column("side", "Сторона", aliases=("сторона",)),
    Column("rank", "Место", aliases=("место", "ранг", "место в рейтинге")),
    Column("text", "Текст", aliases=("текст", "содержание", "аспект"), required=True),
)

INSTRUCTIONS = (
    "Одна строка — одна запись ответа; «Раздел»: «анализ резервов», «рейтинг» или «аспект».",
    "Анализ резервов: только «Текст»; несколько строк станут абзацами.",
    "Рейтинг: «Результаты детей» (" + ", ".join(ResultArea.labels) + "), «Уровень» ("
    + ", ".join(ActivityLevel.labels) + "), «Оценка» (успешно или неуспешно), «Текст».",
    "Аспект: «Процесс» (" + ", ".join(ProcessKind.labels) + "), «Сторона» ("
    + ", ".join(AspectSide.labels) + "), «Место» (1 — самый важный), «Текст» — как "
    "сформулировала организация.",
    "Часть, строки которой есть в файле, заменяет сохранённую; сданную часть загрузить "
    "нельзя, пока управление не вернёт её на доработку.",
    "Файл загружается целиком или не загружается вовсе: при любой ошибке ничего не "
    "записывается, а отчёт называет строку, столбец и причину.",
)


def _choice(row: Row, key: str, choices, what: str) -> str | None:
    text = row.text(key, required=True)
    if not text:
        return None
    wanted = normalise(text)
    # A word's ending may differ («одарённость» for «развитие одарённости»).
    stem = wanted[:-2] if len(wanted) > 5 else wanted
    for value, label in choices:
        if wanted == normalise(value) or stem in normalise(label):
            return value
    row.problem(key, f"«{text}» — не {what}")
    return None


class AnswerImport(TableImport):
    title = INFO.title
    columns = COLUMNS
    data_columns = ("text",)

    def __init__(self, *, municipality: Municipality, imported_by: User | None = None):
        super().__init__(municipality=municipality)
        self.imported_by = imported_by

    def begin(self) -> None:
        assignment = (Assignment.objects.filter(programme__municipality=self.municipality)
                      .order_by("-published_on", "-pk").first())
        profile = profile_of(self.imported_by) if self.imported_by else None
        self.answer = None
        if assignment is not None and profile is not None and profile.organization_id:
            self.answer = (Answer.objects.select_related("organization")
                           .filter(assignment=assignment,
                                   organization_id=profile.organization_id).first())
        self.reserves: list[str] = []
        self.cells: dict = {}
        self.lists: dict = defaultdict(dict)
        self.parts: set[int] = set()

    def import_row(self, row: Row) -> str | None:
        if not self._own(row):
            return None
        section = normalise(row.text("section", required=True))
        handler = {normalise(RESERVES): self._reserves, normalise(RATING): self._rating,
                   normalise(ASPECT): self._aspect}.get(section)
        if handler is None:
            row.problem("section", f"раздел должен быть «{RESERVES}», «{RATING}» или "
                                   f"«{ASPECT}»")
            return None
        return handler(row)

    def _own(self, row: Row) -> bool:
        if self.answer is None:
            row.problem(None, "загрузить ответ может только организация, которой "
                              "опубликовано техническое задание")
            return False
        name = normalise(row.text("organization"))
        organization = self.answer.organization
        if name not in (normalise(organization.short_name), normalise(organization.name)):
            row.problem("organization", f"ответ загружается только для своей организации "
                                        f"«{organization.short_name}»")
            return False
        return True

    def _open(self, row: Row, part: int) -> bool:
        if status(self.answer, part) not in EDITABLE:
            row.problem("section", f"{PART_NAMES[part].lower()} уже сдана или принята")
            return False
        self.parts.add(part)
        return True

    def _reserves(self, row: Row) -> str | None:
        text = row.text("text", required=True, multiline=True)
        if text and self._open(row, 1):
            self.reserves.append(text)
            return CREATED
        return None

    def _rating(self, row: Row) -> str | None:
        area = _choice(row, "area", ResultArea.choices, "область результатов детей")
        level = _choice(row, "level", ActivityLevel.choices, "уровень деятельности")
        works_text = normalise(row.text("works", required=True))
        works = WORKS.get(works_text)
        if works_text and works is None:
            row.problem("works", "оценка — «успешно» или «неуспешно»")
        text = row.text("text", required=True, multiline=True)
        if None in (area, level, works) or not text or not self._open(row, 1):
            return None
        if not self.once(row, (RATING, area, level, works), "эта ячейка рейтинга"):
            return None
        self.cells[(area, level, works)] = text
        return CREATED

    def _aspect(self, row: Row) -> str | None:
        process = _choice(row, "process", ProcessKind.choices, "вид процесса")
        side = _choice(row, "side", AspectSide.choices, "сторона")
        rank = row.integer("rank", required=True, maximum=100)
        text = row.text("text", required=True, max_length=500)
        if rank is not None and rank < 1:
            row.problem("rank", "место — с единицы")
            return None
        if None in (process, side, rank) or not text or not self._open(row, 2):
            return None
        if not self.once(row, (ASPECT, process, side, rank), f"место {rank} в этом списке"):
            return None
        self.lists[(process, side)][rank] = text
        return CREATED

    def finish(self) -> None:
        if self.answer is None:
            return
        if 1 in self.parts:
            save_part1(answer=self.answer, reserves="\n\n".join(self.reserves),
                       cells=self.cells)
        if 2 in self.parts:
            save_part2(answer=self.answer, lists={
                quadrant: [ranked[r] for r in sorted(ranked)]
                for quadrant, ranked in self.lists.items()})


def answer_sheet(*, answer: Answer | None) -> Sheet:
    """The answer in the import's columns: a filled template to edit and load back."""
    rows: list[tuple] = []
    if answer is not None:
        name = answer.organization.short_name
        if answer.reserves:
            rows.append((name, RESERVES, "", "", "", "", "", "", answer.reserves))
        rows += [(name, RATING, r.get_area_display(), r.get_level_display(),
                  "успешно" if r.works else "неуспешно", "", "", "", r.comment)
                 for r in answer.rating_rows.all()]
        rows += [(name, ASPECT, "", "", "", a.get_process_display(), a.get_side_display(),
                  a.rank, a.text) for a in answer.aspect_rows.all()]
    return Sheet(filename="tehnicheskoe-zadanie-otvet.xlsx", title="Ответ ОО",
                 headers=[column.title for column in COLUMNS], rows=rows,
                 widths=[30, 18, 30, 30, 12, 24, 40, 8, 80], instructions=INSTRUCTIONS)


def build(*, municipality: Municipality, imported_by: User | None = None) -> AnswerImport:
    return AnswerImport(municipality=municipality, imported_by=imported_by)
