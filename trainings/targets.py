"""Setting a municipality's coverage targets of professional development: the share of
teachers of participating organizations and of specialists of the department and the
methodological service (Timashevsk's project: not less than 41 % and 20 %)."""

from decimal import Decimal

from django.db import transaction

from teams.models import Municipality
from trainings.models import CoverageTarget


@transaction.atomic
def set_coverage_target(*, municipality: Municipality, teachers_percent: Decimal,
                        specialists_percent: Decimal) -> CoverageTarget:
    target = CoverageTarget.objects.filter(municipality=municipality).first() or CoverageTarget(
        municipality=municipality)
    target.teachers_percent = teachers_percent
    target.specialists_percent = specialists_percent
    target.full_clean()
    target.save()
    return target
