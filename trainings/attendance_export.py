"""A platform's attendance for a period as an Excel workbook: the sessions, and who came.

Names are written only for the people the user may see; the others are counted. Taking
the names out of the portal is audited like opening each person's record
(``people.teachers.record_export``)."""

import datetime

from django.contrib.auth.models import User
from django.db.models import Count, QuerySet
from openpyxl import Workbook

from core.spreadsheets import add_sheet, workbook_bytes
from people.models import Teacher, TeacherPlatform
from people.teachers import record_export
from trainings.models import Attendance, PlatformSession

EXPORT_PAGE = "выгрузка посещаемости занятий площадки в Excel"


def attendance_workbook(*, platform: TeacherPlatform, date_from: datetime.date,
                        date_to: datetime.date, visible: QuerySet[Teacher],
                        viewer: User) -> bytes:
    sessions = list(PlatformSession.objects.filter(
        platform=platform, held_on__gte=date_from, held_on__lte=date_to).select_related(
        "programme", "led_by").annotate(came=Count("attendances")).order_by("held_on", "pk"))
    visible_ids = set(visible.values_list("pk", flat=True))
    rows = list(Attendance.objects.filter(session__in=sessions, teacher_id__in=visible_ids)
                .select_related("session", "teacher__organization")
                .order_by("session__held_on", "session_id", "teacher__full_name"))
    workbook = Workbook(write_only=True)
    add_sheet(workbook, title="Занятия", columns=[
        ("Дата", 12), ("Тема", 50), ("Форма", 18), ("Программа", 40), ("Проводит", 30),
        ("Место", 24), ("Пришли, чел.", 12),
    ], rows=((s.held_on, s.topic, s.get_form_display(), s.programme.title if s.programme
              else "", s.led_by.full_name if s.led_by else "", s.place, s.came)
             for s in sessions))
    add_sheet(workbook, title="Посещаемость", columns=[
        ("Дата", 12), ("Тема", 50), ("ФИО", 36), ("Организация", 24), ("Категория", 24),
    ], rows=((row.session.held_on, row.session.topic, row.teacher.full_name,
              row.teacher.organization.short_name, row.teacher.get_worker_category_display())
             for row in rows))
    people = list({row.teacher_id: row.teacher for row in rows}.values())
    record_export(teachers=people, viewer=viewer, page=EXPORT_PAGE)
    return workbook_bytes(workbook)
