"""Pages of the sessions of platforms for teachers: lists of the municipality and of a
platform, a session with who came, keeping sessions and their attendance, the attendance
download and the teacher's «Мои занятия»."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.forms import apply_posted_form
from core.school_year import school_year_of
from core.spreadsheets import xlsx_response
from people.access import programmes_for_user, teacher_platforms_for_user
from people.my_views import own_teacher
from teams.access import has_role
from teams.models import Role
from trainings import sessions as session_rules
from trainings.access import (
    attendance_candidates,
    may_create_sessions,
    may_keep_sessions,
    named_people_for_user,
    sessions_for_user,
)
from trainings.attendance_export import attendance_workbook
from trainings.forms import AttendanceForm, PeriodForm, PlatformSessionForm, SessionFilter
from trainings.session_reads import attendees, listed_sessions, my_sessions, ordered_candidates

FILTER_NAMES = ("platform", "programme", "date_from", "date_to")


def _platform_for(request, pk):
    return get_object_or_404(teacher_platforms_for_user(request.user).select_related(
        "host", "head"), pk=pk)


def _session_for(request, pk):
    return get_object_or_404(sessions_for_user(request.user).select_related(
        "platform__host", "programme", "module", "led_by__organization"), pk=pk)


def _keeper_session(request, pk):
    session = _session_for(request, pk)
    if not may_keep_sessions(request.user, session.platform):
        raise PermissionDenied
    return session


def _list_page(request, *, platform=None):
    sessions = sessions_for_user(request.user)
    platforms = teacher_platforms_for_user(request.user)
    programmes = programmes_for_user(request.user)
    if platform is not None:
        sessions = sessions.filter(platform=platform)
        programmes = programmes.filter(platform=platform)
    session_filter = SessionFilter(request.GET, queryset=listed_sessions(sessions),
                                   platforms=platforms, programmes=programmes)
    rows = list(session_filter.qs) if session_filter.is_valid() else []
    return render(request, "trainings/session_list.html", {
        "filter": session_filter,
        "sessions": rows,
        "platform": platform,
        "filtered": any(request.GET.get(name) for name in FILTER_NAMES),
        "can_create": may_create_sessions(request.user) if platform is None
        else may_keep_sessions(request.user, platform),
        "period_form": PeriodForm(initial=_academic_year()) if platform is not None
        and may_keep_sessions(request.user, platform) else None,
    })


def _academic_year() -> dict:
    today = timezone.localdate()
    start = school_year_of(today)
    return {"date_from": datetime.date(start, 9, 1), "date_to": datetime.date(start + 1, 8, 31)}


@login_required
def session_list(request):
    return _list_page(request)


@login_required
def platform_session_list(request, pk):
    return _list_page(request, platform=_platform_for(request, pk))


@login_required
def session_detail(request, pk):
    session = _session_for(request, pk)
    return render(request, "trainings/session_detail.html", {
        "session": session,
        "attendees": attendees(session, named_people_for_user(request.user)),
        "can_keep": may_keep_sessions(request.user, session.platform),
    })


def _session_form_page(request, *, platform, session=None):
    form = PlatformSessionForm(request.POST or None, platform=platform, session=session)
    applied, saved = apply_posted_form(request, form, lambda _: session_rules.save_session(
        platform=platform, data=form.session_input(), session=session))
    if applied:
        messages.success(request, "Занятие сохранено. Отметьте, кто пришёл.")
        return redirect("training_session_detail", pk=saved.pk)
    return render(request, "trainings/session_form.html",
                  {"form": form, "platform": platform, "session": session})


@login_required
def session_create(request, pk):
    platform = _platform_for(request, pk)
    if not may_keep_sessions(request.user, platform):
        raise PermissionDenied
    return _session_form_page(request, platform=platform)


@login_required
def session_edit(request, pk):
    session = _keeper_session(request, pk)
    return _session_form_page(request, platform=session.platform, session=session)


@login_required
def session_delete(request, pk):
    session = _keeper_session(request, pk)
    if request.method == "POST":
        platform_pk = session.platform_id
        session_rules.delete_session(session=session)
        messages.success(request, "Занятие удалено.")
        return redirect("platform_session_list", pk=platform_pk)
    return render(request, "trainings/session_delete.html", {"session": session})


@login_required
def attendance(request, pk):
    session = _keeper_session(request, pk)
    allowed = attendance_candidates(request.user, session)
    candidates = list(ordered_candidates(allowed, session))
    marked = set(session.attendances.values_list("teacher_id", flat=True))
    form = AttendanceForm(request.POST or None, candidates=allowed,
                          initial={"teachers": list(marked)})
    applied, count = apply_posted_form(
        request, form, lambda data: session_rules.mark_attendance(
            session=session, teachers=data["teachers"], allowed=allowed))
    if applied:
        messages.success(request, f"Посещаемость сохранена: отмечено {count}.")
        return redirect("training_session_detail", pk=session.pk)
    chosen = ({int(value) for value in request.POST.getlist("teachers") if value.isdigit()}
              if request.method == "POST" else marked)
    return render(request, "trainings/attendance.html", {
        "session": session, "form": form, "candidates": candidates, "chosen": chosen,
    })


@login_required
def attendance_excel(request, pk):
    platform = _platform_for(request, pk)
    if not may_keep_sessions(request.user, platform):
        raise PermissionDenied
    form = PeriodForm(request.GET or _academic_year())
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, " ".join(error))
        return redirect("platform_session_list", pk=platform.pk)
    period = form.cleaned_data
    content = attendance_workbook(platform=platform, date_from=period["date_from"],
                                  date_to=period["date_to"],
                                  visible=named_people_for_user(request.user),
                                  viewer=request.user)
    return xlsx_response(content, filename=f"Посещаемость {period['date_from']:%d.%m.%Y}–"
                                           f"{period['date_to']:%d.%m.%Y}.xlsx")


@login_required
def my_session_list(request):
    if not has_role(request.user, Role.TEACHER):
        raise PermissionDenied
    teacher = own_teacher(request.user)
    return render(request, "trainings/my_sessions.html", {
        "teacher": teacher,
        "sessions": list(my_sessions(teacher)) if teacher is not None else [],
    })
