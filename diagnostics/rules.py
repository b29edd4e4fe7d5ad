"""Object permissions for actions on diagnostics data (django-rules)."""

import rules

from diagnostics.models import Deficit, DiagnosticRound
from internships.models import Platform, Programme
from internships.rules import is_curator_of_platform
from teams.access import has_role, is_staff_of, profile_of
from teams.models import Role


@rules.predicate
def is_department_staff_of_organization(user, organization) -> bool:
    return organization is not None and is_staff_of(user, organization.municipality_id)


@rules.predicate
def is_team_of_organization(user, organization) -> bool:
    profile = profile_of(user)
    return (
        organization is not None
        and profile is not None
        and profile.role == Role.SCHOOL
        and profile.organization_id == organization.pk
    )


# Monitoring indicators and staffing are entered by the department.
rules.add_perm("diagnostics.edit_monitoring", is_department_staff_of_organization)
# The needs and offers map: the school team fills in its own, the department any.
rules.add_perm(
    "diagnostics.edit_needs", is_department_staff_of_organization | is_team_of_organization
)


def municipality_id_of(obj) -> int:
    if isinstance(obj, Programme):
        return obj.municipality_id
    if isinstance(obj, Deficit):
        return obj.direction.programme.municipality_id
    if isinstance(obj, DiagnosticRound):
        return obj.programme.municipality_id
    if isinstance(obj, Platform):
        return obj.period.programme.municipality_id
    raise TypeError(f"Нет правила для объекта {type(obj).__name__}")


@rules.predicate
def is_department_staff_for(user, obj=None) -> bool:
    """Department staff; with an object, staff of the object's municipality."""
    if obj is None:
        return has_role(user, Role.STAFF)
    return is_staff_of(user, municipality_id_of(obj))


@rules.predicate
def is_school_team_of_round(user, diagnostic_round) -> bool:
    profile = profile_of(user)
    return (
        diagnostic_round is not None
        and profile is not None
        and profile.role == Role.SCHOOL
        and profile.municipality_id == diagnostic_round.programme.municipality_id
    )


# The deficit catalogue and the rounds (their dates and entry windows): the department.
rules.add_perm("diagnostics.manage_catalogue", is_department_staff_for)
rules.add_perm("diagnostics.manage_rounds", is_department_staff_for)
# Expert diagnoses of a platform's teams: its curators and the department.
rules.add_perm(
    "diagnostics.enter_expert_diagnoses", is_department_staff_for | is_curator_of_platform
)
# A school team assesses itself in a round.
rules.add_perm("diagnostics.enter_self_assessment", is_school_team_of_round)
# After a round's entry window closes only the department may change its results.
rules.add_perm("diagnostics.write_after_entry_closes", is_department_staff_for)
