"""Object permissions for actions on internship platforms (django-rules)."""

import rules

from internships.access import curated_platform_ids
from teams.access import is_staff_of


@rules.predicate
def is_department_staff_of_platform(user, platform) -> bool:
    return platform is not None and is_staff_of(
        user, platform.period.programme.municipality_id
    )


@rules.predicate
def is_curator_of_platform(user, platform) -> bool:
    return platform is not None and platform.pk in curated_platform_ids(user)


# Adding and removing placements is the department's decision.
rules.add_perm("internships.manage_placements", is_department_staff_of_platform)
# Transfers and mentor pairs: the department, and the platform's own curators.
rules.add_perm(
    "internships.run_platform", is_department_staff_of_platform | is_curator_of_platform
)
# The platform's journal and work plan: kept by its curators and the department.
rules.add_perm(
    "internships.keep_journal", is_department_staff_of_platform | is_curator_of_platform
)


@rules.predicate
def is_department_staff_of_period(user, period) -> bool:
    return period is not None and is_staff_of(user, period.programme.municipality_id)


# The book of council protocols is kept by the department.
rules.add_perm("internships.keep_council", is_department_staff_of_period)
