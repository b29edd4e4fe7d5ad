"""Writes of the map: statements recorded, aspects curated, duplicates merged.

``record_statement`` is the one way a statement enters the map — the organization's page,
the Excel import and the assignment's part 2 all call it.
"""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from aspects.models import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_RANK,
    Aspect,
    ProcessKind,
    Side,
    Statement,
    StatementSource,
)
from internships.models import Direction
from teams.models import Municipality, Organization


def normal_wording(text: str) -> str:
    """The wording with its spaces collapsed: what two entries of one aspect share."""
    return " ".join(text.split())


def _active_aspect_named(municipality_id: int, wording: str) -> Aspect | None:
    return (Aspect.objects.annotate(lowered=Lower("wording"))
            .filter(municipality_id=municipality_id, merged_into__isnull=True,
                    lowered=wording.lower()).first())


def _check_aspect_for(organization: Organization, aspect: Aspect | None) -> None:
    if aspect is None:
        return
    if aspect.municipality_id != organization.municipality_id:
        raise ValidationError("Аспект не из каталога этого муниципального образования.")
    if not aspect.is_active:
        raise ValidationError(f"Аспект «{aspect.wording}» объединён с другим: выберите "
                              f"«{aspect.merged_into.wording}».")


def _check_statement(*, text: str, process_kind: str, side: str, rank: int,
                     school_year: int, source: str) -> None:
    if not text:
        raise ValidationError("Укажите формулировку аспекта.")
    if len(text) > 500:
        raise ValidationError("Формулировка — не длиннее 500 знаков.")
    if process_kind not in ProcessKind.values:
        raise ValidationError("Процесс — педагогический или управленческий.")
    if side not in Side.values:
        raise ValidationError("Выберите: нужна консультация или готовы представить практику.")
    if not 1 <= rank <= MAX_RANK:
        raise ValidationError(f"Место в рейтинге — от 1 до {MAX_RANK}.")
    if not FIRST_YEAR <= school_year <= LAST_YEAR:
        raise ValidationError("Укажите год начала учебного года, например 2021.")
    if source not in StatementSource.values:
        raise ValidationError("Неизвестный источник формулировки.")


@transaction.atomic
def record_statement(*, organization: Organization, school_year: int, text: str,
                     process_kind: str, side: str, rank: int,
                     source: str = StatementSource.PAGE, entered_by: User | None = None,
                     aspect: Aspect | None = None) -> Statement:
    """Record a line of the organization's ranked list, its text kept as entered.

    Without ``aspect`` the line is linked to the catalogue's active aspect of the same
    wording, if there is one; otherwise it waits for the methodologist.
    """
    text = text.strip()
    _check_statement(text=text, process_kind=process_kind, side=side, rank=rank,
                     school_year=school_year, source=source)
    _check_aspect_for(organization, aspect)
    if Statement.objects.filter(organization=organization, school_year=school_year,
                                process_kind=process_kind, side=side, rank=rank).exists():
        raise ValidationError(f"Место {rank} в этом списке организации уже занято: выберите "
                              f"другое или удалите прежнюю формулировку.")
    if aspect is None:
        aspect = _active_aspect_named(organization.municipality_id, normal_wording(text))
    return Statement.objects.create(
        organization=organization, school_year=school_year, text=text,
        process_kind=process_kind, side=side, rank=rank, source=source,
        entered_by=entered_by, aspect=aspect,
    )


# A line of a ranked list: (process kind, side, rank, text).
Line = tuple[str, str, int, str]


@transaction.atomic
def replace_year_list(*, organization: Organization, school_year: int, lines: list[Line],
                      source: str, entered_by: User | None = None) -> list[Statement]:
    """The organization's ranked lists of the year become ``lines`` (the assignment's part 2
    on submission): its earlier lines of that year go, whatever entered them.

    A line whose wording was already linked to an aspect of the catalogue — by the
    methodologist, on an earlier submission — keeps that aspect, so curation survives a
    resubmission; a new wording is linked to the active aspect of the same wording, if any.
    """
    earlier = Statement.objects.filter(organization=organization, school_year=school_year)
    linked = {normal_wording(text).lower(): aspect_id for text, aspect_id in
              earlier.filter(aspect__isnull=False).values_list("text", "aspect_id")}
    active = Aspect.objects.filter(merged_into__isnull=True).in_bulk(set(linked.values()))
    earlier.delete()
    recorded = []
    for process_kind, side, rank, text in lines:
        aspect_id = linked.get(normal_wording(text).lower())
        recorded.append(record_statement(
            organization=organization, school_year=school_year, text=text,
            process_kind=process_kind, side=side, rank=rank, source=source,
            entered_by=entered_by,
            aspect=active.get(aspect_id)))
    return recorded


@transaction.atomic
def remove_statement(*, statement: Statement) -> None:
    statement.delete()


def _check_direction(municipality: Municipality, direction: Direction | None) -> None:
    if direction is not None and direction.programme.municipality_id != municipality.pk:
        raise ValidationError("Направление не из проекта этого муниципального образования.")


@transaction.atomic
def create_aspect(*, municipality: Municipality, wording: str, process_kind: str,
                  direction: Direction | None = None) -> Aspect:
    wording = normal_wording(wording)
    if not wording:
        raise ValidationError("Укажите формулировку аспекта.")
    if len(wording) > 300:
        raise ValidationError("Формулировка аспекта — не длиннее 300 знаков.")
    if process_kind not in ProcessKind.values:
        raise ValidationError("Процесс — педагогический или управленческий.")
    _check_direction(municipality, direction)
    if _active_aspect_named(municipality.pk, wording) is not None:
        raise ValidationError(f"Аспект «{wording}» уже есть в каталоге.")
    return Aspect.objects.create(municipality=municipality, wording=wording,
                                 process_kind=process_kind, direction=direction)


@transaction.atomic
def edit_aspect(*, aspect: Aspect, wording: str, process_kind: str,
                direction: Direction | None) -> Aspect:
    if not aspect.is_active:
        raise ValidationError("Объединённый аспект не меняют: измените тот, с которым он "
                              "объединён.")
    wording = normal_wording(wording)
    if not wording or len(wording) > 300:
        raise ValidationError("Формулировка аспекта — от 1 до 300 знаков.")
    if process_kind not in ProcessKind.values:
        raise ValidationError("Процесс — педагогический или управленческий.")
    _check_direction(aspect.municipality, direction)
    same = _active_aspect_named(aspect.municipality_id, wording)
    if same is not None and same.pk != aspect.pk:
        raise ValidationError(f"Аспект «{wording}» уже есть в каталоге: объедините их.")
    aspect.wording, aspect.process_kind, aspect.direction = wording, process_kind, direction
    aspect.save()
    return aspect


@transaction.atomic
def link_statement(*, statement: Statement, aspect: Aspect | None) -> Statement:
    """Normalise the statement to ``aspect`` (None: unlink); its text does not change."""
    _check_aspect_for(statement.organization, aspect)
    statement.aspect = aspect
    statement.save(update_fields=["aspect"])
    return statement


@transaction.atomic
def link_to_new_aspect(*, statement: Statement, wording: str = "") -> Aspect:
    """A new catalogue aspect worded as the statement (or as given), linked to it."""
    wording = normal_wording(wording or statement.text)[:300]
    municipality = statement.organization.municipality
    aspect = _active_aspect_named(municipality.pk, wording) or create_aspect(
        municipality=municipality, wording=wording, process_kind=statement.process_kind)
    link_statement(statement=statement, aspect=aspect)
    return aspect


@transaction.atomic
def merge_aspects(*, duplicate: Aspect, survivor: Aspect) -> Aspect:
    """Merge ``duplicate`` into ``survivor``: its statements and earlier merged aspects
    point to the survivor; the duplicate stays, marked merged, with its wording.

    The history of both aspects records the merge.
    """
    duplicate = Aspect.objects.select_for_update().get(pk=duplicate.pk)
    survivor = Aspect.objects.select_for_update().get(pk=survivor.pk)
    if duplicate.pk == survivor.pk:
        raise ValidationError("Выберите два разных аспекта.")
    if duplicate.municipality_id != survivor.municipality_id:
        raise ValidationError("Аспекты из разных муниципальных образований не объединяют.")
    if not (duplicate.is_active and survivor.is_active):
        raise ValidationError("Один из аспектов уже объединён с другим.")
    if duplicate.process_kind != survivor.process_kind:
        raise ValidationError("Аспекты разных процессов (педагогического и управленческого) "
                              "не объединяют: сначала исправьте процесс у одного из них.")
    Statement.objects.filter(aspect=duplicate).update(aspect=survivor)
    for earlier in Aspect.objects.filter(merged_into=duplicate):
        earlier.merged_into = survivor
        earlier._change_reason = f"Перенесён к «{survivor.wording}» при объединении"
        earlier.save()
    duplicate.merged_into = survivor
    duplicate.merged_at = timezone.now()
    duplicate._change_reason = f"Объединён с «{survivor.wording}»"
    duplicate.save()
    if survivor.direction_id is None and duplicate.direction_id is not None:
        survivor.direction_id = duplicate.direction_id
    survivor._change_reason = f"Принял дубликат «{duplicate.wording}»"
    survivor.save()
    return survivor
