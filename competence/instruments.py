"""Keeping the bank of diagnostic instruments."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction

from competence.models import Instrument, InstrumentKind
from people.models import CompetenceArea
from teams.models import Municipality


@dataclass(frozen=True)
class InstrumentDetails:
    title: str
    kind: str
    description: str = ""
    areas: tuple[CompetenceArea, ...] = ()
    link: str = ""
    file: UploadedFile | None = None


def _check(*, municipality: Municipality, data: InstrumentDetails,
           exclude_pk: int | None) -> None:
    errors = {}
    if not data.title:
        errors["title"] = "Укажите название инструмента."
    elif Instrument.objects.filter(municipality=municipality, title=data.title).exclude(
            pk=exclude_pk).exists():
        errors["title"] = f"Инструмент «{data.title}» уже есть в банке методик."
    if data.kind not in InstrumentKind.values:
        errors["kind"] = "Выберите вид инструмента из списка."
    if any(area.municipality_id != municipality.pk for area in data.areas):
        errors["areas"] = "Область компетенций относится к другому муниципалитету."
    if errors:
        raise ValidationError(errors)


def _store(instrument: Instrument, data: InstrumentDetails) -> Instrument:
    instrument.title, instrument.kind = data.title, data.kind
    instrument.description, instrument.link = data.description.strip(), data.link.strip()
    if data.file is not None:
        instrument.file = data.file
    try:
        with transaction.atomic():
            instrument.save()
    except IntegrityError as error:
        raise ValidationError(
            {"title": f"Инструмент «{data.title}» уже есть в банке методик."}) from error
    instrument.competence_areas.set(data.areas)
    return instrument


@transaction.atomic
def create_instrument(*, municipality: Municipality, data: InstrumentDetails) -> Instrument:
    data = InstrumentDetails(**{**data.__dict__, "title": " ".join(data.title.split())})
    _check(municipality=municipality, data=data, exclude_pk=None)
    return _store(Instrument(municipality=municipality), data)


@transaction.atomic
def change_instrument(*, instrument: Instrument, data: InstrumentDetails) -> Instrument:
    data = InstrumentDetails(**{**data.__dict__, "title": " ".join(data.title.split())})
    _check(municipality=instrument.municipality, data=data, exclude_pk=instrument.pk)
    return _store(instrument, data)
