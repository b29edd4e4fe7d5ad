"""Object permissions for keeping the registers (django-rules): the department's staff of
the record's municipality add, change and review."""

import rules

from teams.access import is_staff_of


@rules.predicate
def is_department_staff_of_record(user, record) -> bool:
    return record is not None and is_staff_of(user, record.municipality_id)


rules.add_perm("registers.keep_record", is_department_staff_of_record)
