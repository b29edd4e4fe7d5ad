"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

Routes name people: the department's staff read and keep every route of the municipality,
the school leader reads the routes of the school's own people, the teacher reads their own
route, marks its steps and writes in the journal; the route's pedagogue-master confirms
steps and answers requests (the teacher of the table is a trainee, not the master).
The school leader proposes the school's people for routes, the department decides.
Curators of management teams, analysts and other municipalities see no routes.
"""

import datetime

from django.core.files.base import ContentFile

from people.models import ModularProgramme, Teacher, TeacherPlatform, WorkerCategory
from routes.models import (
    HelpRequest,
    MentoringPair,
    Route,
    RouteKind,
    RouteProposal,
    RouteStep,
    StepStatus,
)

LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                         anonym staff  cur+   cur-   school+ school- analyst other teacher
    "route_list":             (LOGIN, 200,  403,   403,   200,   200,   403,   200,   403),
    "route_add":              (LOGIN, 200,  403,   403,   403,   403,   403,   200,   403),
    "route_detail":           (LOGIN, 200,  404,   404,   200,   404,   404,   404,   200),
    "route_edit":             (LOGIN, 200,  404,   404,   403,   404,   404,   404,   403),
    "route_product_file":     (LOGIN, 200,  404,   404,   200,   404,   404,   404,   200),
    "route_step_add":         (LOGIN, 200,  404,   404,   403,   404,   404,   404,   403),
    "route_step_edit":        (LOGIN, 200,  404,   404,   403,   404,   404,   404,   403),
    "route_step_file":        (LOGIN, 200,  404,   404,   200,   404,   404,   404,   200),
    "route_step_progress":    (LOGIN, 403,  404,   404,   403,   404,   404,   404,   MOVED),
    "route_step_confirm":     (LOGIN, 403,  404,   404,   403,   404,   404,   404,   403),
    "route_step_return":      (LOGIN, 403,  404,   404,   403,   404,   404,   404,   403),
    "route_propose":          (LOGIN, 403,  403,   403,   200,   200,   403,   403,   403),
    "route_proposal_decide":  (LOGIN, MOVED, 404,  404,   403,   404,   404,   404,   404),
    "mentoring_pair_list":    (LOGIN, 200,  403,   403,   403,   403,   403,   200,   403),
    "mentoring_pair_add":     (LOGIN, 200,  403,   403,   403,   403,   403,   200,   403),
    "mentoring_pair_end":     (LOGIN, MOVED, 403,  403,   403,   403,   403,   404,   403),
    "mentoring_capacity":     (LOGIN, MOVED, 403,  403,   403,   403,   403,   MOVED, 403),
    "my_route":               (LOGIN, 403,  403,   403,   403,   403,   403,   403,   200),
    "my_journal_add":         (LOGIN, 403,  403,   403,   403,   403,   403,   403,   MOVED),
    "my_help_add":            (LOGIN, 403,  403,   403,   403,   403,   403,   403,   MOVED),
    "my_trainees":            (LOGIN, 403,  403,   403,   403,   403,   403,   403,   200),
    "trainee_journal":        (LOGIN, 200,  404,   404,   200,   404,   404,   404,   404),
    "help_answer":            (LOGIN, 403,  403,   403,   403,   403,   403,   403,   404),
}  # fmt: skip
# Staff of another municipality open the register and the forms, empty of our people; a
# capacity posted without a master of theirs is refused with a message.

OBJECT_OF: dict[str, str] = {
    "route_detail": "route",
    "route_edit": "route",
    "route_product_file": "route",
    "route_step_add": "route",
    "route_step_edit": "planned_step",
    "route_step_file": "done_step",
    "route_step_progress": "planned_step",
    "route_step_confirm": "done_step",
    "route_step_return": "done_step",
    "mentoring_pair_end": "mentoring_pair",
    "route_proposal_decide": "route_proposal",
    "trainee_journal": "trainee",
    "help_answer": "help_request",
}
POST_DATA: dict[str, dict] = {
    "route_step_progress": {"status": "in_progress", "note": ""},
    "route_step_confirm": {},
    "route_proposal_decide": {"decision": "decline"},
    "route_step_return": {"remark": "Добавьте анализ урока"},
    "mentoring_pair_end": {"ended_on": "2023-05-31"},
    "mentoring_capacity": {"max_trainees": "3"},
    "my_journal_add": {"text": "Провела открытый урок", "written_on": "2022-10-01"},
    "my_help_add": {"text": "Как составить технологическую карту?"},
    "help_answer": {"answer": "Посмотрите образец"},
}


def targets(context) -> dict[str, int]:
    school = context.own_school
    trainee = Teacher.objects.get(user__username="teacher")
    master = Teacher.objects.create(
        organization=school, full_name="Мастерова Ольга Ивановна", position="учитель",
        worker_category=WorkerCategory.TEACHER, master_since=datetime.date(2018, 5, 31))
    platform = TeacherPlatform.objects.create(host=school, kind="internship",
                                              title="Методическая компетентность педагога")
    programme = ModularProgramme.objects.create(platform=platform,
                                                title="Методические компетенции педагогов")
    route = Route.objects.create(
        programme=programme, kind=RouteKind.INDIVIDUAL, title="ИОМ Сидоровой А. И.",
        master=master, starts_on=datetime.date(2022, 9, 1), ends_on=datetime.date(2023, 8, 31),
        product_file=ContentFile(b"%PDF-1.4 model", name="model.pdf"),
        product_file_name="модель.pdf", product_content_type="application/pdf")
    route.memberships.create(teacher=trainee)
    planned = RouteStep.objects.create(route=route, number=1, activity="theory",
                                       title="Изучить ФГОС", due_on=datetime.date(2022, 10, 1))
    done = RouteStep.objects.create(
        route=route, number=2, activity="teaching", title="Открытый урок",
        due_on=datetime.date(2022, 11, 1), status=StepStatus.DONE,
        done_on=datetime.date(2022, 10, 30), evidence_note="Урок проведён",
        evidence_file=ContentFile(b"%PDF-1.4 lesson", name="lesson.pdf"),
        evidence_file_name="урок.pdf", evidence_content_type="application/pdf")
    pair = MentoringPair.objects.create(master=master, trainee=trainee,
                                        started_on=datetime.date(2022, 9, 1))
    request = HelpRequest.objects.create(author=trainee, text="Помогите с анализом урока",
                                         asked_on=datetime.date(2022, 10, 2), master=master)
    proposal = RouteProposal.objects.create(teacher=trainee, programme=programme,
                                            proposed_on=datetime.date(2022, 8, 20))
    return {"route_proposal": proposal.pk, "route": route.pk, "planned_step": planned.pk,
            "done_step": done.pk, "mentoring_pair": pair.pk, "trainee": trainee.pk,
            "help_request": request.pk}
