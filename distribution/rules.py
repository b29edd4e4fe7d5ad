"""Object permissions for distribution proposals (django-rules)."""

import rules

from distribution.models import DistributionProposal
from teams.access import has_role, is_staff_of
from teams.models import Role


@rules.predicate
def is_department_staff_of_proposal(user, proposal: DistributionProposal | None = None) -> bool:
    """Department staff; with a proposal, staff of its municipality."""
    if proposal is None:
        return has_role(user, Role.STAFF)
    return is_staff_of(user, proposal.municipality_id)


# Suggesting, reviewing and accepting a distribution of teams: the department.
rules.add_perm("distribution.suggest_distribution", is_department_staff_of_proposal)
