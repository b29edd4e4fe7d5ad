"""Pages of the register of teachers: the list, a person's record with the audit of its
openings, adding, changing and removing a person, and the status «Педагог-мастер»."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.forms import apply_posted_form
from people import teachers as register
from people.access import (
    may_manage_teacher,
    may_nominate_master,
    organizations_kept_by_user,
    organizations_with_people_for_user,
    teachers_for_user,
)
from people.filters import TeacherFilter
from people.models import NominationStatus, Teacher
from people.teacher_forms import MasterForm, NominationForm, TeacherForm, teacher_initial
from people.teacher_reads import recent_views, record_platforms, register_rows
from teams.access import has_role, is_staff_of
from teams.models import Role

TEACHERS_PER_PAGE = 50


def register_readers(view):
    """The register's list is for those who see people by name: analysts are refused (403)."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not has_role(request.user, Role.STAFF, Role.CURATOR, Role.SCHOOL):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _teacher_for(request, pk) -> Teacher:
    return get_object_or_404(
        teachers_for_user(request.user).select_related("organization", "user"), pk=pk)


def _managed_teacher(request, pk) -> Teacher:
    teacher = _teacher_for(request, pk)
    if not may_manage_teacher(request.user, teacher):
        raise PermissionDenied
    return teacher


def _is_department(request, teacher: Teacher) -> bool:
    return is_staff_of(request.user, teacher.organization.municipality_id)


@register_readers
def teacher_list(request):
    today = timezone.localdate()
    rows = register_rows(user=request.user, today=today)
    teacher_filter = TeacherFilter(
        request.GET, queryset=rows, today=today,
        organizations=organizations_with_people_for_user(request.user),
    )
    teachers = teacher_filter.qs if teacher_filter.is_valid() else rows.none()
    page = Paginator(teachers, TEACHERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "people/teacher_list.html", {
        "filter": teacher_filter,
        "page": page,
        "teachers": page.object_list,
        "filtered": any(request.GET.get(name) for name in teacher_filter.filters),
        "can_add": has_role(request.user, Role.STAFF, Role.SCHOOL),
    })


@login_required
def teacher_detail(request, pk):
    teacher = _teacher_for(request, pk)
    register.record_view(teacher=teacher, viewer=request.user, page=register.RECORD_PAGE)
    is_department = _is_department(request, teacher)
    return render(request, "people/teacher_detail.html", {
        "teacher": teacher,
        "is_young": teacher.is_young_on(timezone.localdate()),
        "can_manage": may_manage_teacher(request.user, teacher),
        "is_department": is_department,
        "master_form": MasterForm(teacher=teacher) if is_department else None,
        **_nomination_context(request, teacher),
        "recent_views": recent_views(teacher=teacher) if is_department else None,
        **record_platforms(teacher=teacher),
    })


def _nomination_context(request, teacher: Teacher) -> dict:
    latest = teacher.master_nominations.select_related("decided_by").first()
    may_nominate = may_nominate_master(request.user, teacher)
    pending = latest is not None and latest.status == NominationStatus.PENDING
    return {
        "nomination": latest,
        "nomination_form": NominationForm(teacher=teacher)
        if may_nominate and not pending and not teacher.is_master else None,
    }


def _form_page(request, *, form, apply, teacher=None, organization=None):
    applied, saved = apply_posted_form(request, form, apply)
    if applied:
        messages.success(request, f"Карточка работника {saved.full_name} сохранена.")
        return redirect("teacher_detail", pk=saved.pk)
    return render(request, "people/teacher_form.html", {
        "form": form, "teacher": teacher, "organization": organization,
    })


@login_required
def teacher_add(request):
    organizations = organizations_kept_by_user(request.user)
    fixed = organizations.first() if has_role(request.user, Role.SCHOOL) else None
    if fixed is None and not organizations.exists():
        raise PermissionDenied
    form = TeacherForm(request.POST or None,
                       organizations=None if fixed else organizations)
    return _form_page(request, form=form, organization=fixed,
                      apply=lambda data: register.create_teacher(
                          organization=fixed or data["organization"], data=form.details(),
                          user=request.user,
                      ))


@login_required
def teacher_edit(request, pk):
    teacher = _managed_teacher(request, pk)
    movable = _is_department(request, teacher)
    if request.method != "POST":
        register.record_view(teacher=teacher, viewer=request.user, page=register.EDIT_PAGE)
    form = TeacherForm(request.POST or None, initial=teacher_initial(teacher),
                       organizations=organizations_kept_by_user(request.user) if movable
                       else None)
    return _form_page(request, form=form, teacher=teacher,
                      apply=lambda data: register.update_teacher(
                          teacher=teacher, data=form.details(), user=request.user,
                          organization=data.get("organization"),
                      ))


@login_required
def teacher_delete(request, pk):
    teacher = _managed_teacher(request, pk)
    if request.method == "POST":
        try:
            register.delete_teacher(teacher=teacher, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("teacher_detail", pk=teacher.pk)
        messages.success(request, f"Работник {teacher.full_name} удалён из реестра.")
        return redirect("teacher_list")
    return render(request, "people/teacher_delete.html", {"teacher": teacher})


def _department_teacher(request, pk) -> Teacher:
    """The status «Педагог-мастер» is the department's to give and take (403 for others)."""
    teacher = _teacher_for(request, pk)
    if not _is_department(request, teacher):
        raise PermissionDenied
    return teacher


@login_required
@require_POST
def teacher_master_grant(request, pk):
    teacher = _department_teacher(request, pk)
    form = MasterForm(request.POST, teacher=teacher)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["since"]))
        return redirect("teacher_detail", pk=teacher.pk)
    try:
        register.grant_master(teacher=teacher, since=form.cleaned_data["since"],
                              user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{teacher.full_name} — педагог-мастер с "
                                  f"{teacher.master_since:%d.%m.%Y}.")
    return redirect("teacher_detail", pk=teacher.pk)


@login_required
@require_POST
def teacher_master_revoke(request, pk):
    teacher = _department_teacher(request, pk)
    try:
        register.revoke_master(teacher=teacher, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Статус «Педагог-мастер» снят: {teacher.full_name}.")
    return redirect("teacher_detail", pk=teacher.pk)
