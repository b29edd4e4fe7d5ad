"""Writes of the services' staff lists: a service, its departments and directions, its
specialists. Each refusal is a ``ValidationError`` in Russian and changes nothing."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from services.models import MethodService, ServiceDepartment, ServiceDirection, Specialist
from teams.models import Municipality


@dataclass(frozen=True)
class SpecialistData:
    full_name: str
    position: str
    department: ServiceDepartment | None
    heads_department: bool
    directions: tuple[ServiceDirection, ...] = ()


def _saved(record):
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def create_service(*, municipality: Municipality, name: str, short_name: str) -> MethodService:
    return _saved(MethodService(municipality=municipality, name=name.strip(),
                                short_name=short_name.strip()))


@transaction.atomic
def add_department(*, service: MethodService, name: str) -> ServiceDepartment:
    return _saved(ServiceDepartment(service=service, name=name.strip()))


@transaction.atomic
def add_direction(*, service: MethodService, title: str) -> ServiceDirection:
    return _saved(ServiceDirection(service=service, title=title.strip()))


def _check_own(service: MethodService, data: SpecialistData) -> None:
    if data.department is not None and data.department.service_id != service.pk:
        raise ValidationError({"department": "Выберите отдел этой службы."})
    if any(direction.service_id != service.pk for direction in data.directions):
        raise ValidationError({"directions": "Выберите направления этой службы."})


@transaction.atomic
def save_specialist(*, service: MethodService, data: SpecialistData,
                    specialist: Specialist | None = None) -> Specialist:
    """Add a specialist to the service, or change one of its specialists."""
    _check_own(service, data)
    if specialist is None:
        specialist = Specialist(service=service)
    elif specialist.service_id != service.pk:
        raise ValidationError("Специалист работает в другой службе.")
    specialist.full_name = data.full_name.strip()
    specialist.position = data.position.strip()
    specialist.department = data.department
    specialist.heads_department = data.heads_department
    _saved(specialist)
    specialist.directions.set(data.directions)
    return specialist


@transaction.atomic
def remove_specialist(*, specialist: Specialist) -> None:
    """A specialist who left the service: the record goes, its history stays."""
    specialist.delete()
