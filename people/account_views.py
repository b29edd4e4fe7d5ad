"""Opening and closing a teacher's account from the person's record."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.forms import apply_posted_form
from people import accounts
from people.access import may_manage_teacher, teachers_for_user
from people.teacher_forms import AccountForm


def _kept_teacher(request, pk):
    teacher = get_object_or_404(
        teachers_for_user(request.user).select_related("organization", "user"), pk=pk)
    if not may_manage_teacher(request.user, teacher):
        raise PermissionDenied
    return teacher


@login_required
def teacher_account_open(request, pk):
    teacher = _kept_teacher(request, pk)
    if teacher.user_id is not None:
        messages.info(request, f"У работника уже есть учётная запись «{teacher.user.username}».")
        return redirect("teacher_detail", pk=teacher.pk)
    form = AccountForm(request.POST or None, teacher=teacher)
    opened, user = apply_posted_form(request, form, lambda data: accounts.open_teacher_account(
        teacher=teacher, username=data["username"], password=data["password1"]))
    if opened:
        messages.success(request, f"Учётная запись «{user.username}» открыта. Передайте "
                                  f"работнику имя для входа и пароль лично.")
        return redirect("teacher_detail", pk=teacher.pk)
    return render(request, "people/teacher_account.html", {"teacher": teacher, "form": form})


@login_required
@require_POST
def teacher_account_close(request, pk):
    teacher = _kept_teacher(request, pk)
    if teacher.user_id is None:
        messages.info(request, "У работника нет учётной записи.")
    else:
        username = teacher.user.username
        accounts.close_teacher_account(teacher=teacher)
        messages.success(request, f"Учётная запись «{username}» закрыта: войти с ней "
                                  f"больше нельзя.")
    return redirect("teacher_detail", pk=teacher.pk)
