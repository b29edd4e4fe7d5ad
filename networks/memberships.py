"""Networks and their members: create a network, add a member or partner, change the status
of a membership, attach its documents."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from internships.attachments import original_name
from networks.files import check_file
from networks.joint_reports import open_parts_for_member
from networks.models import (
    Membership,
    MembershipDocument,
    MembershipRole,
    MembershipStatus,
    Network,
    Partner,
)
from teams.models import Municipality, Organization


@transaction.atomic
def create_network(*, title: str, hub_municipality: Municipality, starts_on: datetime.date,
                   coordinators=(), **fields) -> Network:
    network = Network.objects.create(title=title, hub_municipality=hub_municipality,
                                     starts_on=starts_on, **fields)
    network.coordinators.set(coordinators)
    return network


def side_fields(side) -> dict:
    """``{"municipality": …}``, ``{"organization": …}`` or ``{"partner": …}`` for a side."""
    for name, model in (("municipality", Municipality), ("organization", Organization),
                        ("partner", Partner)):
        if isinstance(side, model):
            return {name: side}
    raise TypeError(f"not a side: {side!r}")


@transaction.atomic
def add_member(*, network: Network, side, role: str = MembershipRole.MEMBER,
               status: str = MembershipStatus.PREPARING,
               joined_on: datetime.date | None = None, note: str = "") -> Membership:
    """A new member or partner, with a part of every joint report still due; a side
    already in the network is refused."""
    try:
        with transaction.atomic():
            membership = Membership.objects.create(network=network, role=role, status=status,
                                                   joined_on=joined_on, note=note,
                                                   **side_fields(side))
    except IntegrityError:
        raise ValidationError(f"«{side}» уже входит в сеть «{network}».") from None
    open_parts_for_member(membership, today=timezone.localdate())
    return membership


@transaction.atomic
def change_membership(*, membership: Membership, status: str,
                      joined_on: datetime.date | None, ended_on: datetime.date | None,
                      note: str) -> Membership:
    if status == MembershipStatus.ENDED and ended_on is None:
        raise ValidationError({"ended_on": "Укажите дату, с которой участие прекращено."})
    if ended_on and joined_on and ended_on < joined_on:
        raise ValidationError({"ended_on": "Дата выхода раньше даты вступления."})
    membership.status, membership.joined_on = status, joined_on
    membership.ended_on, membership.note = ended_on, note
    membership.save()
    return membership


@transaction.atomic
def attach_document(*, membership: Membership, title: str, upload: UploadedFile,
                    uploaded_by) -> MembershipDocument:
    content_type = check_file(upload)
    document = MembershipDocument(membership=membership, title=title,
                                  original_name=original_name(upload), content_type=content_type,
                                  size=upload.size, uploaded_by=uploaded_by)
    document.file.save(upload.name, upload, save=False)
    document.save()
    return document


@transaction.atomic
def set_coordinators(*, network: Network, users) -> Network:
    """The network's coordinators; a network keeps at least one."""
    users = list(users)
    if not users:
        raise ValidationError({"coordinators": "У сети должен быть хотя бы один координатор."})
    network.coordinators.set(users)
    return network
