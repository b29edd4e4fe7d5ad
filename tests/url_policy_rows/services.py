"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

The list of a methodological service's specialists is read by those who work with them —
the department's staff, curators, analysts and school teams — not by teachers, for whom the
specialists do not exist (152-ФЗ); the department's staff keep it. A programme's passport,
its stages and the deliverables' files are read by every role of the municipality; the
staff fill them in and tick deliverables. Another municipality's objects do not exist for
its staff.
"""

import datetime

from django.core.files.base import ContentFile

from services.models import (
    Deliverable,
    MethodService,
    PassportStage,
    ProgrammePassport,
    ServiceDepartment,
    Specialist,
)

LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                              anonym staff  cur+   cur-   school+ school- analyst other teacher
    "service_staff":               (LOGIN, 200,  200,   200,   200,   200,   200,   200,   403),
    "service_add":                 (LOGIN, 200,  403,   403,   403,   403,   403,   200,   403),
    "service_department_add":      (LOGIN, 200,  403,   403,   403,   403,   403,   404,   404),
    "service_direction_add":       (LOGIN, 200,  403,   403,   403,   403,   403,   404,   404),
    "service_specialist_add":      (LOGIN, 200,  403,   403,   403,   403,   403,   404,   404),
    "service_specialist_edit":     (LOGIN, 200,  403,   403,   403,   403,   403,   404,   404),
    "service_specialist_remove":   (LOGIN, MOVED, 403,  403,   403,   403,   403,   404,   404),
    "passport_list":               (LOGIN, 200,  200,   200,   200,   200,   200,   200,   200),
    "passport_detail":             (LOGIN, 200,  200,   200,   200,   200,   200,   404,   200),
    "passport_edit":               (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "passport_stages":             (LOGIN, 200,  200,   200,   200,   200,   200,   404,   200),
    "passport_stage_add":          (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "passport_stage_edit":         (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "passport_deliverable_add":    (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "passport_deliverable_tick":   (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "passport_deliverable_untick": (LOGIN, MOVED, 403,  403,   403,   403,   403,   404,   403),
    "passport_deliverable_file":   (LOGIN, 200,  200,   200,   200,   200,   200,   404,   200),
}  # fmt: skip
OBJECT_OF: dict[str, str] = {
    "service_department_add": "passport_service",
    "service_direction_add": "passport_service",
    "service_specialist_add": "passport_service",
    "service_specialist_edit": "passport_specialist",
    "service_specialist_remove": "passport_specialist",
    "passport_detail": "passport_programme",
    "passport_edit": "passport_programme",
    "passport_stages": "passport_programme",
    "passport_stage_add": "passport_programme",
    "passport_stage_edit": "passport_stage",
    "passport_deliverable_add": "passport_stage",
    "passport_deliverable_tick": "passport_deliverable_done",
    "passport_deliverable_untick": "passport_deliverable_done",
    "passport_deliverable_file": "passport_deliverable_done",
}
POST_DATA: dict[str, dict] = {
    "service_specialist_remove": {},
    "passport_deliverable_untick": {},
}


def targets(context) -> dict[str, int]:
    service = MethodService.objects.create(
        municipality=context.municipality, name="Муниципальное казённое учреждение «ИМЦ»",
        short_name="МКУ ИМЦ")
    department = ServiceDepartment.objects.create(service=service, name="Отдел сопровождения")
    specialist = Specialist.objects.create(service=service, department=department,
                                           full_name="Петрова Анна Сергеевна",
                                           position="специалист 1 категории")
    passport = ProgrammePassport.objects.create(programme=context.programme,
                                                title="Модель стажировок")
    stage = PassportStage.objects.create(
        passport=passport, number=1, title="Подготовительный",
        starts_on=datetime.date(2021, 9, 1), ends_on=datetime.date(2021, 12, 31))
    done = Deliverable(stage=stage, number=1, text="Аналитическая справка",
                       done_on=datetime.date(2021, 12, 20), original_name="spravka.pdf",
                       content_type="application/pdf")
    done.file.save("spravka.pdf", ContentFile(b"%PDF-1.4 spravka"), save=False)
    done.save()
    return {"passport_service": service.pk, "passport_specialist": specialist.pk,
            "passport_programme": context.programme.pk, "passport_stage": stage.pk,
            "passport_deliverable_done": done.pk}
