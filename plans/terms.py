"""The term of a stored item as the pure expansion reads it."""

from plans.models import PlanItem
from plans.recurrence import Term


def term_of(item: PlanItem) -> Term:
    return Term(kind=item.term_kind, due_on=item.due_on, starts_on=item.starts_on,
                ends_on=item.ends_on, periodicity=item.periodicity)
