"""The network's coordination council keeps its protocols in the council book: a protocol is
written by the book's own function, in an academic year of the network's programme, and
linked to the network."""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from internships.council import AgendaItemInput, save_protocol
from internships.models import Period
from networks.models import CouncilProtocol, Network

NO_PROGRAMME = ("У сети не указан проект, поэтому протоколы координационного совета вести "
                "нельзя: они записываются по учебным годам проекта. Проект сети указывает "
                "администратор портала.")


def check_protocol_period(*, network: Network, period: Period, held_on: datetime.date) -> None:
    """The protocol's year is one of the network's programme, and the meeting falls in it and
    in the network's term."""
    if network.programme_id is None:
        raise ValidationError(NO_PROGRAMME)
    if period.programme_id != network.programme_id:
        raise ValidationError({"period": "Учебный год должен быть из проекта сети "
                                         f"«{network.programme.title}»."})
    if held_on < network.starts_on or (network.ends_on and held_on > network.ends_on):
        ends = f"{network.ends_on:%d.%m.%Y}" if network.ends_on else "без срока окончания"
        raise ValidationError({"held_on": f"Дата заседания вне срока работы сети "
                                          f"({network.starts_on:%d.%m.%Y} – {ends})."})
    if not period.starts_on <= held_on <= period.ends_on:
        raise ValidationError({"held_on": f"Дата заседания вне {period.title} учебного года "
                                          f"({period.starts_on:%d.%m.%Y}–"
                                          f"{period.ends_on:%d.%m.%Y})."})


@transaction.atomic
def save_network_protocol(
    *,
    network: Network,
    period: Period,
    number: int,
    held_on: datetime.date,
    attendees: str,
    items: list[AgendaItemInput],
    user: User,
    protocol: CouncilProtocol | None = None,
) -> CouncilProtocol:
    """Create the network's protocol, or rewrite it, through the council book."""
    if protocol is not None and protocol.network_id != network.pk:
        raise ValidationError("Протокол относится к другой сети.")
    check_protocol_period(network=network, period=period, held_on=held_on)
    meeting = save_protocol(period=period, number=number, held_on=held_on, attendees=attendees,
                            items=items, user=user,
                            meeting=protocol.meeting if protocol is not None else None)
    if protocol is None:
        protocol = CouncilProtocol.objects.create(network=network, meeting=meeting)
    return protocol
