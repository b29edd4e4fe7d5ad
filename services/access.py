"""Who reads the services' staff lists and the programmes' passports: the one place the
pages ask.

Specialists' names are shown only to those who work with them (152-ФЗ): the department's
staff, curators and analysts of the municipality and its schools' management teams, whom
the specialists curate. Teachers do not see the list. A passport is the programme's public
description: every role of the municipality reads it. The department's staff keep both.
Objects of another municipality do not exist for the user (404).
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from internships.models import Programme
from people.access import organizations_with_people_for_user
from services.models import Deliverable, MethodService, PassportStage, Specialist
from teams.access import has_role, is_staff_of, municipality_scope
from teams.models import Role

STAFF_LIST_ROLES = (Role.STAFF, Role.CURATOR, Role.ANALYST, Role.SCHOOL)


def _scoped(model, user: User | AnonymousUser, path: str) -> QuerySet:
    scope = municipality_scope(user, path)
    if scope is None:
        return model.objects.none()
    return model.objects.filter(**scope)


def sees_specialists(user: User | AnonymousUser) -> bool:
    return has_role(user, *STAFF_LIST_ROLES)


def services_for_user(user: User | AnonymousUser) -> QuerySet[MethodService]:
    if not sees_specialists(user):
        return MethodService.objects.none()
    return _scoped(MethodService, user, "municipality_id")


def specialists_for_user(user: User | AnonymousUser) -> QuerySet[Specialist]:
    if not sees_specialists(user):
        return Specialist.objects.none()
    return _scoped(Specialist, user, "service__municipality_id")


def services_with_diagnostics(user: User | AnonymousUser,
                              services: list[MethodService]) -> set[int]:
    """The services among ``services`` whose specialists' diagnostics the user reads: those
    whose organization's people the user sees by name (152-ФЗ, ``people.access``)."""
    organization_ids = [service.organization_id for service in services
                        if service.organization_id is not None]
    if not organization_ids:
        return set()
    seen = set(organizations_with_people_for_user(user).filter(
        pk__in=organization_ids).values_list("pk", flat=True))
    return {service.pk for service in services if service.organization_id in seen}


def programmes_for_user(user: User | AnonymousUser) -> QuerySet[Programme]:
    """Programmes whose passports the user reads."""
    return _scoped(Programme, user, "municipality_id")


def stages_for_user(user: User | AnonymousUser) -> QuerySet[PassportStage]:
    return _scoped(PassportStage, user, "passport__programme__municipality_id")


def deliverables_for_user(user: User | AnonymousUser) -> QuerySet[Deliverable]:
    return _scoped(Deliverable, user, "stage__passport__programme__municipality_id")


def may_keep_any(user: User | AnonymousUser) -> bool:
    """Department staff keep their municipality's services and passports."""
    return has_role(user, Role.STAFF)


def may_keep(user: User | AnonymousUser, municipality_id: int) -> bool:
    return is_staff_of(user, municipality_id)
