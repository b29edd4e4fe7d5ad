"""Network events: plan one, change it, report it held with participants per member
municipality, and add materials to it."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from internships.attachments import original_name
from networks.files import MATERIAL_EXTENSIONS, check_file
from networks.memberships import side_fields
from networks.models import (
    EventMaterial,
    EventParticipation,
    EventStatus,
    Network,
    NetworkEvent,
)


@dataclass(frozen=True)
class EventCard:
    starts_on: datetime.date
    form: str
    topic: str
    ends_on: datetime.date | None = None
    audience: str = ""
    responsible: str = ""


def _check(card: EventCard) -> None:
    if card.ends_on and card.ends_on < card.starts_on:
        raise ValidationError({"ends_on": "Мероприятие кончается раньше, чем начинается."})


@transaction.atomic
def plan_event(*, network: Network, card: EventCard, host) -> NetworkEvent:
    """A planned event, seen at once by every member of the network."""
    _check(card)
    return NetworkEvent.objects.create(network=network, **card.__dict__, **side_fields(host))


@transaction.atomic
def update_event(*, event: NetworkEvent, card: EventCard, host) -> NetworkEvent:
    _check(card)
    for name, value in {**card.__dict__, "municipality": None, "organization": None,
                        "partner": None, **side_fields(host)}.items():
        setattr(event, name, value)
    event.save()
    return event


@transaction.atomic
def report_event(*, event: NetworkEvent, outcome: str,
                 participants: dict[int, int | None]) -> NetworkEvent:
    """The event was held: its outcome and how many took part from each municipality
    (``municipality id → number``; none or zero removes the line)."""
    if event.starts_on > datetime.date.today():
        raise ValidationError("Мероприятие ещё не наступило: отчёт о нём вносят после него.")
    event.status, event.outcome = EventStatus.HELD, outcome
    event.save()
    for municipality_id, number in participants.items():
        if number:
            EventParticipation.objects.update_or_create(
                event=event, municipality_id=municipality_id,
                defaults={"participants": number})
        else:
            EventParticipation.objects.filter(event=event,
                                              municipality_id=municipality_id).delete()
    return event


@transaction.atomic
def add_material(*, event: NetworkEvent, title: str, upload: UploadedFile, uploaded_by,
                 municipality_id: int | None = None) -> EventMaterial:
    content_type = check_file(upload, extensions=MATERIAL_EXTENSIONS)
    material = EventMaterial(event=event, title=title, municipality_id=municipality_id,
                             original_name=original_name(upload), content_type=content_type,
                             size=upload.size, uploaded_by=uploaded_by)
    material.file.save(upload.name, upload, save=False)
    material.save()
    return material
