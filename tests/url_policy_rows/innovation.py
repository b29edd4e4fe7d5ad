"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

School innovation projects: the own school's (МБОУ СОШ № 4) project is curated by the demo
curator (cur+) and tutored by the teacher of the table. The department's staff, curators and
analysts read the municipality's whole pipeline; the school leader reads and edits the own
school's project and its application; the project's curators and tutors comment, move stages
and log help; the department's staff do all of that and assign curators and tutors. The other
school, the other municipality and a teacher who is nobody's tutor see no project (404).
"""

import datetime

from django.contrib.auth.models import User
from django.core.files.base import ContentFile

from innovation.applications import save_version
from innovation.catalogue import standard_template
from innovation.models import AssignmentKind, ProjectAssignment, ProjectDocument
from innovation.projects import ProjectCard, register_project

LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    # anonym, staff, cur+, cur-, school+, school-, analyst, other, teacher
    "innovation_board": (LOGIN, 200, 200, 200, 403, 403, 200, 200, 403),
    "innovation_my_projects": (LOGIN, 200, 200, 200, 200, 200, 200, 200, 200),
    "innovation_project_add": (LOGIN, 200, 403, 403, 200, 200, 403, 200, 403),
    "innovation_project": (LOGIN, 200, 200, 200, 200, 404, 200, 404, 200),
    "innovation_project_edit": (LOGIN, 200, 403, 403, 200, 404, 403, 404, 403),
    "innovation_move": (LOGIN, 200, 200, 403, 403, 404, 403, 404, 200),
    "innovation_consult": (LOGIN, 200, 200, 403, 403, 404, 403, 404, 200),
    "innovation_comment": (LOGIN, MOVED, MOVED, 403, 403, 404, 403, 404, MOVED),
    "innovation_people": (LOGIN, 200, 403, 403, 403, 404, 403, 404, 403),
    "innovation_unassign": (LOGIN, MOVED, 403, 403, 403, 404, 403, 404, 403),
    "innovation_document_add": (LOGIN, MOVED, MOVED, 403, MOVED, 404, 403, 404, MOVED),
    "innovation_document": (LOGIN, 200, 200, 200, 200, 404, 200, 404, 200),
    "innovation_project_application": (LOGIN, 200, 403, 403, 200, 404, 403, 404, 403),
    "innovation_programme_application": (LOGIN, 200, 200, 200, 404, 404, 200, 404, 404),
    "innovation_programme_application_fill": (LOGIN, 200, 403, 403, 404, 404, 403, 404, 404),
    "innovation_version": (LOGIN, 200, 200, 200, 200, 404, 200, 404, 200),
    "application_exports": (LOGIN, 200, 200, 200, 200, 404, 200, 404, 200),
}  # fmt: skip
# Staff of another municipality open the board, «Мои проекты» and the registration form,
# empty of our schools; a posted document without a file is refused with a message.

OBJECT_OF: dict[str, str] = {
    "innovation_project": "innovation_project",
    "innovation_project_edit": "innovation_project",
    "innovation_move": "innovation_project",
    "innovation_consult": "innovation_project",
    "innovation_comment": "innovation_project",
    "innovation_people": "innovation_project",
    "innovation_unassign": "innovation_assignment",
    "innovation_document_add": "innovation_project",
    "innovation_document": "innovation_document",
    "innovation_project_application": "innovation_project",
    "innovation_programme_application": "innovation_programme",
    "innovation_programme_application_fill": "innovation_programme",
    "innovation_version": "innovation_version",
    "application_exports": "innovation_version",
}
POST_DATA: dict[str, dict] = {
    "innovation_comment": {"text": "Уточните ключевую проблему"},
    "innovation_unassign": {},
    "innovation_document_add": {"title": "Приказ о рабочей группе"},
}


def targets(context) -> dict[str, int]:
    project = register_project(
        organization=context.own_school, period=context.period, is_pilot=True,
        card=ProjectCard(theme="Школа полного дня"), registered_by=context.school_user)
    on = datetime.date(2021, 10, 1)
    ProjectAssignment.objects.create(project=project, user=context.curator,
                                     kind=AssignmentKind.CURATOR, assigned_on=on)
    ProjectAssignment.objects.create(project=project, user=User.objects.get(username="teacher"),
                                     kind=AssignmentKind.TUTOR, assigned_on=on)
    methodologist = ProjectAssignment.objects.create(
        project=project, user=context.staff, kind=AssignmentKind.CURATOR, assigned_on=on)
    document = ProjectDocument.objects.create(
        project=project, file=ContentFile(b"%PDF-1.4 order", name="order.pdf"),
        original_name="приказ.pdf", content_type="application/pdf", size=14)
    sections = standard_template(municipality=context.municipality).sections.all()
    version = save_version(texts={section.pk: f"Текст раздела {section.number}"
                                  for section in sections},
                           saved_by=context.school_user, project=project)
    return {"innovation_project": project.pk, "innovation_assignment": methodologist.pk,
            "innovation_document": document.pk, "innovation_programme": context.programme.pk,
            "innovation_version": version.pk}
