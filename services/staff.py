"""Writes of the services' staff lists: a service, its departments and directions, its
specialists. Each refusal is a ``ValidationError`` in Russian and changes nothing."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from people.models import Teacher, WorkerCategory
from services.models import MethodService, ServiceDepartment, ServiceDirection, Specialist
from teams.models import Municipality, Organization


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
    keep_person(specialist)
    return specialist


def keep_person(specialist: Specialist) -> None:
    """The specialist as a methodologist of the service's organization, for the diagnostics
    of persons: name and position only. Without the service's organization nothing is kept.

    A person of that organization with the same name and no specialist of their own is taken
    over rather than doubled."""
    organization_id = specialist.service.organization_id
    if organization_id is None:
        return
    person = specialist.person
    if person is None or person.organization_id != organization_id:
        person = Teacher.objects.filter(organization_id=organization_id,
                                        full_name=specialist.full_name,
                                        service_specialist__isnull=True).first() or Teacher(
            organization_id=organization_id)
    if Teacher.objects.filter(organization_id=organization_id,
                              full_name=specialist.full_name).exclude(pk=person.pk).exists():
        raise ValidationError({"full_name": f"В организации службы уже есть работник "
                                            f"«{specialist.full_name}»."})
    person.full_name, person.position = specialist.full_name, specialist.position
    person.worker_category = WorkerCategory.METHODOLOGIST
    person.save()
    if specialist.person_id != person.pk:
        specialist.person = person
        specialist.save(update_fields=["person"])


@transaction.atomic
def attach_organization(*, service: MethodService, organization: Organization) -> MethodService:
    """The service's own record in the register of organizations; its specialists become
    methodologists of it for the diagnostics of persons."""
    if organization.municipality_id != service.municipality_id:
        raise ValidationError({"organization": "Организация из другого муниципалитета."})
    if MethodService.objects.filter(organization=organization).exclude(pk=service.pk).exists():
        raise ValidationError({"organization": "Эта организация уже записана за другой "
                                               "службой."})
    service.organization = organization
    service.save(update_fields=["organization"])
    for specialist in service.specialists.select_related("person", "service"):
        keep_person(specialist)
    return service


@transaction.atomic
def remove_specialist(*, specialist: Specialist) -> None:
    """A specialist who left the service: the record goes, its history stays."""
    specialist.delete()
