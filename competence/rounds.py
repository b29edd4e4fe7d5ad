"""Keeping rounds of person diagnostics and their level scales."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from competence.models import Instrument, Level, PersonRound
from people.models import CompetenceArea, WorkerCategory
from teams.models import Municipality


@dataclass(frozen=True)
class RoundDetails:
    title: str
    academic_year: str
    starts_on: datetime.date
    ends_on: datetime.date
    entry_opens: datetime.date
    entry_closes: datetime.date
    worker_categories: tuple[str, ...]
    areas: tuple[CompetenceArea, ...]
    instruments: tuple[Instrument, ...] = ()
    illustrative_scale: bool = False


def _problems(*, municipality: Municipality, data: RoundDetails,
              exclude_pk: int | None) -> dict[str, str]:
    errors = {}
    if not data.title:
        errors["title"] = "Укажите название диагностики."
    elif PersonRound.objects.filter(municipality=municipality, title=data.title).exclude(
            pk=exclude_pk).exists():
        errors["title"] = f"Диагностика «{data.title}» уже есть."
    if data.ends_on < data.starts_on:
        errors["ends_on"] = "Дата окончания не может быть раньше даты начала."
    if data.entry_closes < data.entry_opens:
        errors["entry_closes"] = "Приём результатов не может закрыться раньше, чем откроется."
    if not data.worker_categories:
        errors["worker_categories"] = "Отметьте, кого диагностируют."
    elif not set(data.worker_categories) <= set(WorkerCategory.values):
        errors["worker_categories"] = "Выберите категории работников из списка."
    if not data.areas:
        errors["areas"] = "Отметьте хотя бы одну область компетенций."
    elif any(area.municipality_id != municipality.pk for area in data.areas):
        errors["areas"] = "Область компетенций относится к другому муниципалитету."
    if any(instrument.municipality_id != municipality.pk for instrument in data.instruments):
        errors["instruments"] = "Инструмент относится к другому муниципалитету."
    return errors


def _store(person_round: PersonRound, data: RoundDetails) -> PersonRound:
    person_round.title = data.title
    person_round.academic_year = data.academic_year
    person_round.starts_on, person_round.ends_on = data.starts_on, data.ends_on
    person_round.entry_opens, person_round.entry_closes = data.entry_opens, data.entry_closes
    person_round.worker_categories = [code for code in WorkerCategory.values
                                      if code in data.worker_categories]
    person_round.illustrative_scale = data.illustrative_scale
    try:
        with transaction.atomic():
            person_round.save()
    except IntegrityError as error:
        raise ValidationError({"title": f"Диагностика «{data.title}» уже есть."}) from error
    person_round.competence_areas.set(data.areas)
    person_round.instruments.set(data.instruments)
    return person_round


def _clean(data: RoundDetails) -> RoundDetails:
    return RoundDetails(**{**data.__dict__, "title": " ".join(data.title.split()),
                           "academic_year": " ".join(data.academic_year.split())})


@transaction.atomic
def create_round(*, municipality: Municipality, data: RoundDetails) -> PersonRound:
    data = _clean(data)
    errors = _problems(municipality=municipality, data=data, exclude_pk=None)
    if errors:
        raise ValidationError(errors)
    return _store(PersonRound(municipality=municipality), data)


@transaction.atomic
def change_round(*, person_round: PersonRound, data: RoundDetails) -> PersonRound:
    data = _clean(data)
    errors = _problems(municipality=person_round.municipality, data=data,
                       exclude_pk=person_round.pk)
    used = set(person_round.results.values_list("area_id", flat=True).distinct())
    dropped = used - {area.pk for area in data.areas}
    if dropped:
        errors["areas"] = ("По снимаемой области уже внесены результаты: сначала удалите их "
                           "или оставьте область в диагностике.")
    if errors:
        raise ValidationError(errors)
    return _store(person_round, data)


@transaction.atomic
def add_level(*, person_round: PersonRound, rank: int, title: str, is_deficit: bool) -> Level:
    title = " ".join(title.split())
    errors = {}
    if rank < 1:
        errors["rank"] = "Ранг — целое число от 1."
    elif person_round.levels.filter(rank=rank).exists():
        errors["rank"] = f"Уровень с рангом {rank} уже есть в шкале."
    if not title:
        errors["title"] = "Укажите название уровня."
    elif person_round.levels.filter(title=title).exists():
        errors["title"] = f"Уровень «{title}» уже есть в шкале."
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            return Level.objects.create(round=person_round, rank=rank, title=title,
                                        is_deficit=is_deficit)
    except IntegrityError as error:
        raise ValidationError("Такой уровень только что добавил другой пользователь.") \
            from error


@transaction.atomic
def change_level(*, level: Level, title: str, is_deficit: bool) -> Level:
    """A level's title and its «дефицит» flag; its rank stays, since results compare by it."""
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": "Укажите название уровня."})
    if level.round.levels.filter(title=title).exclude(pk=level.pk).exists():
        raise ValidationError({"title": f"Уровень «{title}» уже есть в шкале."})
    level.title, level.is_deficit = title, is_deficit
    level.save(update_fields=["title", "is_deficit"])
    return level


@transaction.atomic
def delete_level(*, level: Level) -> None:
    if level.results.exists():
        raise ValidationError(f"Уровень «{level.title}» уже выставлен в результатах: "
                              "удалить его нельзя.")
    level.delete()


def add_levels(*, person_round: PersonRound, levels: Iterable[tuple[int, str, bool]]) -> None:
    """A whole scale at once, e.g. a demo's: (rank, title, дефицит)."""
    for rank, title, is_deficit in levels:
        add_level(person_round=person_round, rank=rank, title=title, is_deficit=is_deficit)


def entry_state(*, person_round: PersonRound, today: datetime.date) -> str:
    """«open», «not_yet» or «closed»."""
    if today < person_round.entry_opens:
        return "not_yet"
    if today > person_round.entry_closes:
        return "closed"
    return "open"


def closed_message(person_round: PersonRound, today: datetime.date) -> str:
    if today < person_round.entry_opens:
        return (f"Приём результатов диагностики «{person_round.title}» откроется "
                f"{person_round.entry_opens:%d.%m.%Y}.")
    return (f"Приём результатов диагностики «{person_round.title}» закрыт "
            f"{person_round.entry_closes:%d.%m.%Y}: изменить результаты может только "
            "управление образования.")
