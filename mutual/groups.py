"""Responsible groups: the head's order and the members with their roles."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from internships.attachments import original_name
from mutual.models import GroupMember, GroupRole, ResponsibleGroup
from networks.files import check_file
from teams.models import Organization


@dataclass(frozen=True)
class Member:
    role: str
    full_name: str
    position: str = ""


@transaction.atomic
def save_group(*, organization: Organization, order_number: str,
               order_date: datetime.date | None, members: list[Member],
               scan: UploadedFile | None = None) -> ResponsibleGroup:
    """Name (or rename) the organization's group; the members replace the previous ones."""
    order_number = order_number.strip()
    if order_number and order_date is None:
        raise ValidationError({"order_date": "Укажите дату приказа."})
    if order_date and order_date > datetime.date.today():
        raise ValidationError({"order_date": "Дата приказа ещё не наступила."})
    for member in members:
        if member.role not in GroupRole.values:
            raise ValidationError("Неизвестная роль в группе.")
    group, _ = ResponsibleGroup.objects.get_or_create(organization=organization)
    group.order_number, group.order_date = order_number, order_date
    if scan is not None:
        group.scan_type = check_file(scan, field="order_scan")
        group.scan_name = original_name(scan)
        group.order_scan.save(scan.name, scan, save=False)
    group.save()
    group.members.all().delete()
    GroupMember.objects.bulk_create([
        GroupMember(group=group, role=m.role, full_name=m.full_name.strip(),
                    position=m.position.strip())
        for m in members if m.full_name.strip()])
    return group


def missing_roles(group: ResponsibleGroup | None) -> list[str]:
    """The roles the group lacks (all of them without a group); reads prefetched members."""
    present = {m.role for m in group.members.all()} if group else set()
    return [label for value, label in GroupRole.choices if value not in present]


def gaps(group: ResponsibleGroup | None) -> list[str]:
    """What keeps the group from being complete: the order and each missing role."""
    found = [] if group is not None and group.has_order else ["приказ"]
    return found + missing_roles(group)
