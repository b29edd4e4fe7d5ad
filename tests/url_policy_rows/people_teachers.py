"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

The register of teachers names people: the department's staff, the person's own school and
the curators of the platforms that school's team is placed on read a record; the department
and the own school keep it; only the department grants the status «Педагог-мастер».
Analysts see no names.
"""

from people.models import MasterNomination, Teacher, WorkerCategory

# The answers besides status codes, as tests/test_url_policy.py spells them.
LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                         anonym staff  cur+   cur-   school+ school- analyst other teacher
    "my_page":                (LOGIN, 403,  403,   403,   403,   403,   403,   403,   200),
    "teacher_list":           (LOGIN, 200,  200,   200,   200,   200,   403,   200, 403),
    "teacher_add":            (LOGIN, 200,  403,   403,   200,   200,   403,   200, 403),
    "teacher_detail":         (LOGIN, 200,  200,   404,   200,   404,   404,   404, 404),
    "teacher_edit":           (LOGIN, 200,  403,   404,   200,   404,   404,   404, 404),
    "teacher_delete":         (LOGIN, 200,  403,   404,   200,   404,   404,   404, 404),
    "teacher_master_grant":   (LOGIN, MOVED, 403,  404,   403,   404,   404,   404, 404),
    "teacher_master_revoke":  (LOGIN, MOVED, 403,  404,   403,   404,   404,   404, 404),
    "master_nominate":        (LOGIN, 403,  403,   404,   MOVED, 404,   404,   404, 404),
    "master_nomination_list": (LOGIN, 200,  403,   403,   403,   403,   403,   200, 403),
    "master_nomination_accept": (LOGIN, MOVED, 403, 403,  403,   403,   403,   404, 403),
    "master_nomination_decline": (LOGIN, MOVED, 403, 403, 403,   403,   403,   404, 403),
    "teacher_account_open":   (LOGIN, 200,  403,   404,   200,   404,   404,   404,   404),
    "teacher_account_close":  (LOGIN, MOVED, 403,  404,   MOVED, 404,   404,   404,   404),
}  # fmt: skip
# Every school and the staff of another municipality keep a register of their own, so the
# list and the add form open for them, empty of our people.

OBJECT_OF: dict[str, str] = {
    "teacher_detail": "teacher",
    "teacher_edit": "teacher",
    "teacher_delete": "teacher",
    "teacher_master_grant": "teacher",
    "teacher_master_revoke": "teacher",
    "master_nominate": "teacher",
    "master_nomination_accept": "master_nomination",
    "master_nomination_decline": "master_nomination",
    "teacher_account_open": "teacher",
    "teacher_account_close": "teacher",
}
POST_DATA: dict[str, dict] = {
    "teacher_master_grant": {"since": "2022-01-10"},
    "teacher_master_revoke": {},
    "teacher_account_close": {},
    "master_nominate": {"reason": "Ведёт открытые уроки для молодых педагогов."},
    "master_nomination_accept": {"since": "2022-01-10"},
    "master_nomination_decline": {"note": "Стаж меньше пяти лет."},
}


def targets(context) -> dict[str, int]:
    teacher = Teacher.objects.create(
        organization=context.own_school, full_name="Иванова Мария Петровна",
        position="учитель математики", worker_category=WorkerCategory.TEACHER,
    )
    candidate = Teacher.objects.create(
        organization=context.own_school, full_name="Петрова Ольга Сергеевна",
        position="учитель русского языка", worker_category=WorkerCategory.TEACHER,
    )
    nomination = MasterNomination.objects.create(teacher=candidate,
                                                 reason="Руководит методическим объединением.")
    return {"teacher": teacher.pk, "master_nomination": nomination.pk}
