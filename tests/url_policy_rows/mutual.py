"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

Mutual learning of organizations: every role of the municipality but teachers reads the
programmes and the responsible groups; a school edits only its own group and fills only its
own answer (another school's answer and group do not exist for it: 404); staff publish the
assignment and keep the criteria; staff and curators (the methodologists) return or accept
answers; the monitoring dashboard is for
the roles that see the whole municipality (a school: 403). Other municipalities: 404.

«План мероприятий ОО» of a programme is a school team's own plan: the own school already has
one (the plans area makes it), so it is sent there; another school gets the form that creates
its plan; the department's roles have no organization of their own (403).
"""

import datetime

from django.core.files.base import ContentFile

from mutual.assignments import AssignmentDetails, publish_assignment, seed_criteria
from mutual.models import Answer, ResponsibleGroup

LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                          anonym staff  cur+  cur-  school+ school- analyst other teacher
    "mutual_home":             (LOGIN, 200,  200,  200,  200,  200,  200,  200,  403),
    "mutual_groups":           (LOGIN, 200,  200,  200,  200,  200,  200,  200,  403),
    "mutual_group_edit":       (LOGIN, 200,  403,  403,  200,  404,  403,  404,  404),
    "mutual_group_scan":       (LOGIN, 200,  200,  200,  200,  404,  200,  404,  404),
    "mutual_assignment_add":   (LOGIN, 200,  403,  403,  403,  403,  403,  404,  403),
    "mutual_assignment":       (LOGIN, 200,  200,  200,  200,  200,  200,  404,  403),
    "mutual_assignment_edit":  (LOGIN, 200,  403,  403,  403,  403,  403,  404,  403),
    "mutual_answer":           (LOGIN, 200,  200,  200,  200,  404,  200,  404,  403),
    "mutual_part1":            (LOGIN, 403,  403,  403,  200,  404,  403,  404,  403),
    "mutual_part2":            (LOGIN, 403,  403,  403,  200,  404,  403,  404,  403),
    "mutual_submit":           (LOGIN, 403,  403,  403,  MOVED, 404, 403,  404,  403),
    "mutual_return":           (LOGIN, MOVED, MOVED, MOVED, 403, 404,  403,  404,  403),
    "mutual_accept":           (LOGIN, MOVED, MOVED, MOVED, 403, 404,  403,  404,  403),
    "mutual_organization_plan": (LOGIN, 403, 403,  403,  MOVED, 200,  403,  404,  403),
    "mutual_import":           (LOGIN, 403,  403,  403,  200,  200,  403,  403,  403),
    "mutual_template":         (LOGIN, 403,  403,  403,  200,  200,  403,  403,  403),
    "mutual_monitoring":       (LOGIN, 200,  200,  200,  403,  403,  200,  404,  403),
    "mutual_criterion_add":    (LOGIN, 200,  403,  403,  403,  403,  403,  404,  403),
    "mutual_criteria_seed":    (LOGIN, MOVED, 403, 403,  403,  403,  403,  404,  403),
    "mutual_criterion_edit":   (LOGIN, 200,  403,  403,  404,  404,  403,  404,  404),
}  # fmt: skip

OBJECT_OF: dict[str, str] = {
    "mutual_group_edit": "mutual_own_school",
    "mutual_group_scan": "mutual_own_school",
    "mutual_assignment_add": "mutual_programme",
    "mutual_assignment": "mutual_assignment",
    "mutual_assignment_edit": "mutual_assignment",
    "mutual_answer": "mutual_own_answer",
    "mutual_part1": "mutual_own_answer",
    "mutual_part2": "mutual_own_answer",
    "mutual_submit": "mutual_own_answer",
    "mutual_return": "mutual_own_answer",
    "mutual_accept": "mutual_own_answer",
    "mutual_monitoring": "mutual_programme",
    "mutual_organization_plan": "mutual_programme",
    "mutual_criterion_add": "mutual_programme",
    "mutual_criteria_seed": "mutual_programme",
    "mutual_criterion_edit": "mutual_criterion",
}
POST_DATA: dict[str, dict] = {
    "mutual_submit": {"part": "1"},
    "mutual_return": {"part": "1", "comment": "Доработать"},
    "mutual_accept": {"part": "1"},
    "mutual_criteria_seed": {},
}


def targets(context) -> dict[str, int]:
    D = datetime.date
    programme = context.programme
    assignment = publish_assignment(programme=programme, today=D(2021, 11, 1),
                                    details=AssignmentDetails(part1_due=D(2021, 12, 20),
                                                              part2_due=D(2022, 1, 31)))
    seed_criteria(programme=programme)
    group = ResponsibleGroup(organization=context.own_school, order_number="7",
                             order_date=D(2021, 11, 10), scan_name="prikaz.pdf",
                             scan_type="application/pdf")
    group.order_scan.save("prikaz.pdf", ContentFile(b"%PDF-1.4 prikaz"))
    answer = Answer.objects.get(assignment=assignment, organization=context.own_school)
    return {"mutual_programme": programme.pk, "mutual_assignment": assignment.pk,
            "mutual_own_school": context.own_school.pk, "mutual_own_answer": answer.pk,
            "mutual_criterion": programme.mutual_criteria.first().pk}
