"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

Platforms for teachers, their modular programmes and the competence areas are read by every
role of the municipality and kept by the department's staff.
"""

import datetime

from people.models import (
    CompetenceArea,
    ModularProgramme,
    PlatformKind,
    ProgrammeModule,
    Teacher,
    TeacherPlatform,
    WorkerCategory,
)

# The answers besides status codes, as tests/test_url_policy.py spells them.
LOGIN = "→login"

ROWS: dict[str, tuple] = {
    #                              anonym staff  cur+   cur-   school+ school- analyst other teacher
    "teacher_platform_list":       (LOGIN, 200,  200,   200,   200,   200,   200,   200, 200),
    "teacher_platform_detail":     (LOGIN, 200,  200,   200,   200,   200,   200,   404, 200),
    "teacher_platform_create":     (LOGIN, 200,  403,   403,   403,   403,   403,   200, 403),
    "teacher_platform_edit":       (LOGIN, 200,  403,   403,   403,   403,   403,   404, 403),
    "teacher_platform_delete":     (LOGIN, 200,  403,   403,   403,   403,   403,   404, 403),
    "modular_programme_create":    (LOGIN, 200,  403,   403,   403,   403,   403,   404, 403),
    "modular_programme_edit":      (LOGIN, 200,  403,   403,   403,   403,   403,   404, 403),
    "modular_programme_delete":    (LOGIN, 200,  403,   403,   403,   403,   403,   404, 403),
    "competence_area_list":        (LOGIN, 200,  200,   200,   200,   200,   200,   200, 200),
    "competence_area_create":      (LOGIN, 200,  403,   403,   403,   403,   403,   200, 403),
    "competence_area_edit":        (LOGIN, 200,  403,   403,   403,   403,   403,   404, 403),
}  # fmt: skip
# The department staff of another municipality may add platforms and areas of their own.

OBJECT_OF: dict[str, str] = {
    "teacher_platform_detail": "teacher_platform",
    "teacher_platform_edit": "teacher_platform",
    "teacher_platform_delete": "teacher_platform",
    "modular_programme_create": "teacher_platform",
    "modular_programme_edit": "modular_programme",
    "modular_programme_delete": "modular_programme",
    "competence_area_edit": "competence_area",
}
POST_DATA: dict[str, dict] = {}


def targets(context) -> dict[str, int]:
    master = Teacher.objects.create(
        organization=context.own_school, full_name="Мастерова Елена Ивановна",
        position="учитель математики", worker_category=WorkerCategory.TEACHER,
        master_since=datetime.date(2019, 9, 1),
    )
    platform = TeacherPlatform.objects.create(
        host=context.own_school, kind=PlatformKind.INTERNSHIP, head=master,
        title="Формирование методических компетенций педагогов",
    )
    platform.masters.add(master)
    area = CompetenceArea.objects.create(municipality=context.municipality, number=1,
                                         title="Методические компетенции")
    programme = ModularProgramme.objects.create(
        platform=platform, title="Ступеньки успеха", months_from=12, months_to=18)
    programme.competence_areas.add(area)
    ProgrammeModule.objects.create(programme=programme, number=1, title="Урок по ФГОС")
    return {"teacher_platform": platform.pk, "modular_programme": programme.pk,
            "competence_area": area.pk}
