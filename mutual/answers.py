"""An organization's answer to the assignment: part 1 (the analysis of internal reserves and
the internal rating), part 2 (the ranked aspects, kept as entered), and the life of each
part: draft → submitted → returned for rework with a comment, or accepted.

A submitted part 2 goes onto the map of problems and solutions; a part returned for rework
stays there until the organization submits it again."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from aspects.catalogue import replace_year_list
from aspects.models import StatementSource
from core.school_year import school_year_of
from mutual.groups import gaps
from mutual.models import (
    ActivityLevel,
    Answer,
    AspectRow,
    AspectSide,
    PartStatus,
    ProcessKind,
    RatingRow,
    ResponsibleGroup,
    ResultArea,
)

PARTS = (1, 2)
EDITABLE = (PartStatus.NOT_STARTED, PartStatus.DRAFT, PartStatus.RETURNED)
PART_NAMES = {1: "Первая часть", 2: "Вторая часть"}

# A cell of the rating: (area, level, works).
Cell = tuple[str, str, bool]
# A list of part 2: (process, side).
Quadrant = tuple[str, str]

CELLS: tuple[Cell, ...] = tuple((area, level, works) for area in ResultArea.values
                                for level in ActivityLevel.values for works in (True, False))
QUADRANTS: tuple[Quadrant, ...] = (
    (ProcessKind.PEDAGOGICAL, AspectSide.NEED), (ProcessKind.PEDAGOGICAL, AspectSide.OFFER),
    (ProcessKind.MANAGEMENT, AspectSide.OFFER), (ProcessKind.MANAGEMENT, AspectSide.NEED))
MAX_ASPECT = AspectRow._meta.get_field("text").max_length


def status(answer: Answer, part: int) -> str:
    return getattr(answer, f"part{part}_status")


def _check_part(part: int) -> None:
    if part not in PARTS:
        raise ValidationError("Такой части в техническом задании нет.")


def _editing(answer: Answer, part: int) -> None:
    _check_part(part)
    if status(answer, part) not in EDITABLE:
        raise ValidationError(f"{PART_NAMES[part]} уже сдана: изменить её можно, только "
                              f"если управление вернёт её на доработку.")
    setattr(answer, f"part{part}_status", PartStatus.DRAFT)


@transaction.atomic
def save_part1(*, answer: Answer, reserves: str, cells: dict[Cell, str]) -> Answer:
    """The analysis of reserves and the rating; an empty cell has no row."""
    for cell in cells:
        if cell not in CELLS:
            raise ValidationError("Неизвестная ячейка рейтинга.")
    _editing(answer, 1)
    answer.reserves = reserves.strip()
    answer.save()
    answer.rating_rows.all().delete()
    RatingRow.objects.bulk_create([
        RatingRow(answer=answer, area=area, level=level, works=works, comment=text.strip())
        for (area, level, works), text in cells.items() if text.strip()])
    return answer


def aspect_lines(text: str) -> list[str]:
    """One aspect a line, in the order of rank; blank lines do not count."""
    return [line.strip() for line in text.splitlines() if line.strip()]


@transaction.atomic
def save_part2(*, answer: Answer, lists: dict[Quadrant, list[str]]) -> Answer:
    """The ranked lists: the first line of each is rank 1; the text is kept as entered."""
    for quadrant, lines in lists.items():
        if quadrant not in QUADRANTS:
            raise ValidationError("Неизвестный раздел второй части.")
        for line in lines:
            if len(line) > MAX_ASPECT:
                raise ValidationError(f"Аспект «{line[:60]}…» длиннее {MAX_ASPECT} знаков.")
    _editing(answer, 2)
    answer.save()
    answer.aspect_rows.all().delete()
    AspectRow.objects.bulk_create([
        AspectRow(answer=answer, process=process, side=side, rank=rank, text=line)
        for (process, side), lines in lists.items()
        for rank, line in enumerate((x for x in lines if x.strip()), start=1)])
    return answer


def _part1_gaps(answer: Answer) -> list[str]:
    group = (ResponsibleGroup.objects.prefetch_related("members")
             .filter(organization_id=answer.organization_id).first())
    missing = []
    if gaps(group):
        missing.append("группа ответственных не полна: " + ", ".join(gaps(group)))
    if not answer.reserves:
        missing.append("нет анализа внутренних резервов")
    if not answer.rating_rows.exists():
        missing.append("рейтинг не заполнен")
    return missing


@transaction.atomic
def submit_part(*, answer: Answer, part: int, today: datetime.date) -> Answer:
    _check_part(part)
    if status(answer, part) != PartStatus.DRAFT:
        raise ValidationError(f"{PART_NAMES[part]}: сдать можно только черновик — сначала "
                              f"заполните и сохраните её.")
    missing = _part1_gaps(answer) if part == 1 else (
        [] if answer.aspect_rows.exists() else ["не назван ни один аспект"])
    if missing:
        raise ValidationError(f"{PART_NAMES[part]} не сдана: " + "; ".join(missing) + ".")
    setattr(answer, f"part{part}_status", PartStatus.SUBMITTED)
    setattr(answer, f"part{part}_submitted_on", today)
    answer.save()
    if part == 2:
        put_on_map(answer)
    return answer


def put_on_map(answer: Answer) -> None:
    """Part 2, once submitted, is the organization's ranked list on the district's map of
    problems and solutions for the assignment's school year (``aspects``), line for line."""
    replace_year_list(
        organization=answer.organization,
        school_year=school_year_of(answer.assignment.published_on),
        lines=[(row.process, row.side, row.rank, row.text) for row in answer.aspect_rows.all()],
        source=StatementSource.ASSIGNMENT)


@transaction.atomic
def return_part(*, answer: Answer, part: int, comment: str) -> Answer:
    """Staff return a submitted part for rework; the comment says what to change."""
    _check_part(part)
    if status(answer, part) != PartStatus.SUBMITTED:
        raise ValidationError(f"{PART_NAMES[part]} не сдана: возвращать нечего.")
    if not comment.strip():
        raise ValidationError({"comment": "Напишите, что нужно доработать."})
    setattr(answer, f"part{part}_status", PartStatus.RETURNED)
    setattr(answer, f"part{part}_comment", comment.strip())
    answer.save()
    return answer


@transaction.atomic
def accept_part(*, answer: Answer, part: int) -> Answer:
    _check_part(part)
    if status(answer, part) != PartStatus.SUBMITTED:
        raise ValidationError(f"{PART_NAMES[part]} не сдана: принимать нечего.")
    setattr(answer, f"part{part}_status", PartStatus.ACCEPTED)
    answer.save()
    return answer
