"""What only the handbook prints: its chapters and their numbers, the forms of work, the
deficit catalogue and the diagnostics, each read with a fixed number of queries."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from diagnostics.models import Deficit, DiagnosticRound
from internships.models import Direction, JournalEntry, Period, PlannedEvent, WorkForm
from reports.models import HandbookTopic

# The handbook's chapters in print order: (anchor, heading, whether it is always printed).
# A chapter that is not always printed appears when it has its text (or, for the forms of
# work, its figures); the numbers follow the chapters that are printed.
CHAPTERS = [
    ("regulation", "Нормативная база", False),
    ("model", "Модель сопровождения управленческих команд", True),
    ("setup", "Пошаговая организация системы", True),
    ("forms", "Формы работы", False),
    ("content", "Содержание работы по направлениям", True),
    ("diagnostics", "Диагностические методики и инструменты", True),
    ("results", "Результаты", True),
    ("network", "Сетевое взаимодействие", True),
    ("conclusions", "Выводы и рекомендации", False),
]


@dataclass(frozen=True)
class Chapter:
    anchor: str
    number: int
    title: str

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"


def number_chapters(*, texts: dict, has_forms: bool,
                    has_documents: bool = False) -> dict[str, Chapter]:
    """Anchor → chapter, for the chapters this handbook prints, numbered in order; the
    regulatory base is printed when it has the department's text or cited documents."""
    printed = []
    for anchor, title, always in CHAPTERS:
        if (always or anchor in texts or (anchor == HandbookTopic.FORMS and has_forms)
                or (anchor == HandbookTopic.REGULATION and has_documents)):
            printed.append((anchor, title))
    return {anchor: Chapter(anchor=anchor, number=index, title=title)
            for index, (anchor, title) in enumerate(printed, start=1)}


@dataclass(frozen=True)
class FormCount:
    name: str
    planned: int
    held: int


def read_work_forms(*, period: Period) -> list[FormCount]:
    """Each form of work with the events of the year planned and held in it, most used
    first (two queries)."""
    labels = dict(WorkForm.choices)

    def name(form: str, other: str) -> str:
        return other if form == WorkForm.OTHER else labels.get(form, form)

    held = Counter(name(form, other) for form, other in
                   JournalEntry.objects.filter(platform__period=period)
                   .values_list("form", "form_other"))
    planned = Counter(name(form, other) for form, other in
                      PlannedEvent.objects.filter(platform__period=period)
                      .values_list("form", "form_other"))
    names = sorted(set(held) | set(planned), key=lambda item: (-held[item], -planned[item], item))
    return [FormCount(name=item, planned=planned[item], held=held[item]) for item in names]


@dataclass
class DirectionDeficits:
    direction: Direction
    deficits: list[Deficit]


def read_deficit_catalogue(*, period: Period) -> list[DirectionDeficits]:
    """The active deficits of each direction of the programme, by code (one query)."""
    by_direction: dict[int, list[Deficit]] = defaultdict(list)
    directions: dict[int, Direction] = {}
    for deficit in (Deficit.objects.filter(direction__programme_id=period.programme_id,
                                           active=True)
                    .select_related("direction").order_by("direction__number", "code", "pk")):
        directions[deficit.direction_id] = deficit.direction
        by_direction[deficit.direction_id].append(deficit)
    return [DirectionDeficits(direction=directions[key], deficits=items)
            for key, items in by_direction.items()]


def read_rounds(*, period: Period) -> list[DiagnosticRound]:
    """The programme's diagnostics, in the order they are held."""
    return list(DiagnosticRound.objects.filter(programme_id=period.programme_id)
                .order_by("starts_on", "pk"))
