"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

Sessions of platforms for teachers are read by every role of the municipality; the
department's staff and the platform's head keep them and their attendance. Completions are
seen by those who work with people by name; a teacher's effectiveness map by those who see
the person, and by the teacher.
"""

import datetime

from people.models import ModularProgramme, PlatformKind, Teacher, TeacherPlatform
from people.models import WorkerCategory as Category
from trainings.models import Attendance, PlatformSession

LOGIN = "→login"

ROWS: dict[str, tuple] = {
    #                              anonym staff  cur+   cur-   school+ school- analyst other teacher
    "training_session_list":       (LOGIN, 200,  200,   200,   200,   200,   200,   200, 200),
    "platform_session_list":       (LOGIN, 200,  200,   200,   200,   200,   200,   404, 200),
    "training_session_detail":     (LOGIN, 200,  200,   200,   200,   200,   200,   404, 200),
    "training_session_create":     (LOGIN, 200,  403,   403,   403,   403,   403,   404, 403),
    "training_session_edit":       (LOGIN, 200,  403,   403,   403,   403,   403,   404, 403),
    "training_session_delete":     (LOGIN, 200,  403,   403,   403,   403,   403,   404, 403),
    "training_attendance":         (LOGIN, 200,  403,   403,   403,   403,   403,   404, 403),
    "platform_attendance_excel":   (LOGIN, 200,  403,   403,   403,   403,   403,   404, 403),
    "my_sessions":                 (LOGIN, 403,  403,   403,   403,   403,   403,   403, 200),
    "completion_list":             (LOGIN, 200,  200,   200,   200,   200,   403,   200, 403),
    "completion_create":           (LOGIN, 200,  403,   403,   403,   403,   403,   200, 403),
    "coverage_target":             (LOGIN, 200,  403,   403,   403,   403,   403,   200, 403),
    "effectiveness_criteria":      (LOGIN, 200,  200,   200,   200,   200,   200,   404, 200),
    "effectiveness_map":           (LOGIN, 200,  200,   404,   200,   404,   404,   404, 200),
}  # fmt: skip

OBJECT_OF: dict[str, str] = {
    "platform_session_list": "session_platform",
    "training_session_create": "session_platform",
    "platform_attendance_excel": "session_platform",
    "training_session_detail": "training_session",
    "training_session_edit": "training_session",
    "training_session_delete": "training_session",
    "training_attendance": "training_session",
    "effectiveness_criteria": "session_programme",
    "effectiveness_map": "map_teacher",
}
POST_DATA: dict[str, dict] = {}


def targets(context) -> dict[str, int]:
    head = Teacher.objects.create(
        organization=context.own_school, full_name="Ведущая Нина Петровна",
        position="заместитель директора", worker_category=Category.MANAGER,
        master_since=datetime.date(2019, 9, 1))
    platform = TeacherPlatform.objects.create(host=context.own_school, head=head,
                                              kind=PlatformKind.SUPPORT,
                                              title="Занятия молодых педагогов")
    programme = ModularProgramme.objects.create(platform=platform, title="Первые шаги")
    session = PlatformSession.objects.create(platform=platform, held_on=datetime.date(2024, 10, 3),
                                             topic="Современный урок", form="seminar")
    trainee = Teacher.objects.get(user__username="teacher")
    Attendance.objects.create(session=session, teacher=trainee)
    return {"session_platform": platform.pk, "training_session": session.pk,
            "session_programme": programme.pk, "map_teacher": trainee.pk}
