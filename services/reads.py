"""What the services' pages show, each in a constant number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from internships.models import Programme
from services.models import (
    MethodService,
    PassportStage,
    ProgrammePassport,
    ServiceDepartment,
    Specialist,
)


@dataclass
class DepartmentGroup:
    department: ServiceDepartment | None
    specialists: list[Specialist] = field(default_factory=list)


@dataclass
class ServiceStaff:
    service: MethodService
    groups: list[DepartmentGroup]
    total: int
    heads: int


def service_staff(services: QuerySet[MethodService]) -> list[ServiceStaff]:
    """Each service with its specialists by department (heads first), and those outside
    departments last; four queries whatever the size."""
    services = services.order_by("short_name", "pk").prefetch_related(
        "departments",
        Prefetch("specialists", queryset=Specialist.objects.prefetch_related("directions")),
    )
    pages = []
    for service in services:
        groups = {department.pk: DepartmentGroup(department)
                  for department in service.departments.all()}
        outside = DepartmentGroup(None)
        specialists = list(service.specialists.all())
        for specialist in specialists:
            groups.get(specialist.department_id, outside).specialists.append(specialist)
        ordered = list(groups.values()) + ([outside] if outside.specialists else [])
        pages.append(ServiceStaff(
            service=service, groups=ordered, total=len(specialists),
            heads=sum(specialist.heads_department for specialist in specialists)))
    return pages


def passport_programmes(programmes: QuerySet[Programme]) -> list[Programme]:
    """Programmes with their passport (or None) and its counts of stages and deliverables."""
    return list(
        programmes.select_related("passport").annotate(
            passport_stages=Count("passport__stages", distinct=True),
            deliverables_total=Count("passport__stages__deliverables", distinct=True),
            deliverables_done=Count("passport__stages__deliverables", distinct=True,
                                    filter=Q(passport__stages__deliverables__done_on__isnull=False)),
        ).order_by("-starts_on", "pk"))


def passport_of(programme: Programme) -> ProgrammePassport | None:
    """The passport with its stages and their deliverables, or None before it is filled."""
    return (ProgrammePassport.objects.filter(programme=programme)
            .prefetch_related(Prefetch("stages", queryset=PassportStage.objects
                                       .prefetch_related("deliverables")))
            .first())
