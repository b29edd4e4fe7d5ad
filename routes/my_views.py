"""The teacher's and the pedagogue-master's own pages: «Мой маршрут» with the steps, the
master, the growth journal and help requests; «Мои стажёры» with due steps to confirm,
journals and requests to answer."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from people.models import Teacher, TeacherPlatform
from people.teachers import record_view
from routes import growth, help, steps
from routes.access import (
    help_requests_to_answer,
    journal_trainees_for_user,
    own_teacher,
    routes_for_user,
    trainees_of,
)
from routes.forms import AnswerForm, HelpForm, JournalForm, ProgressForm, RemarkForm
from routes.models import RouteStep
from routes.route_reads import help_requests_of, journal_of, master_page, routes_of_trainee
from teams.access import has_role
from teams.models import Role

JOURNAL_PAGE = "журнал профессионального роста"


def teacher_only(view):
    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not has_role(request.user, Role.TEACHER) or request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _me(request) -> Teacher:
    teacher = own_teacher(request.user)
    if teacher is None:
        raise PermissionDenied
    return teacher


def _show_refusal(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def _help_form(teacher: Teacher, data=None) -> HelpForm:
    routes = routes_of_trainee(teacher=teacher)
    masters = Teacher.objects.filter(pk__in=[route.master_id for route in routes])
    platforms = {route.programme.platform_id for route in routes}
    return HelpForm(data, masters=masters, auto_id="help_%s",
                    platforms=TeacherPlatform.objects.filter(pk__in=platforms))


@teacher_only
def my_route(request):
    teacher = own_teacher(request.user)
    context = {"teacher": teacher, "today": timezone.localdate()}
    if teacher is not None:
        context.update(routes=routes_of_trainee(teacher=teacher),
                       journal=journal_of(trainee=teacher),
                       help_requests=help_requests_of(author=teacher),
                       journal_form=JournalForm(auto_id="journal_%s"),
                       help_form=_help_form(teacher),
                       progress_form=ProgressForm())
    return render(request, "routes/my_route.html", context)


@teacher_only
@require_POST
def my_journal_add(request):
    teacher = _me(request)
    form = JournalForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("my_route")
    growth.add_entry(trainee=teacher, author=teacher, text=form.cleaned_data["text"],
                     written_on=form.cleaned_data["written_on"])
    messages.success(request, "Запись добавлена в журнал.")
    return redirect("my_route")


@teacher_only
@require_POST
def my_help_add(request):
    teacher = _me(request)
    form = _help_form(teacher, request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("my_route")
    data = form.cleaned_data
    try:
        help.ask_for_help(author=teacher, text=data["text"], asked_on=timezone.localdate(),
                          master=data["master"], platform=data["platform"])
    except ValidationError as error:
        _show_refusal(request, error)
    else:
        messages.success(request, "Запрос отправлен. Ответ появится на этой странице.")
    return redirect("my_route")


def _step_in_scope(request, pk) -> RouteStep:
    return get_object_or_404(RouteStep.objects.filter(
        route__in=routes_for_user(request.user)).select_related("route"), pk=pk)


@login_required
@require_POST
def route_step_progress(request, pk):
    step = _step_in_scope(request, pk)
    teacher = own_teacher(request.user)
    if teacher is None or not step.route.memberships.filter(teacher=teacher).exists():
        raise PermissionDenied
    form = ProgressForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("my_route")
    try:
        steps.mark_progress(step=step, status=form.cleaned_data["status"],
                            note=form.cleaned_data["note"], today=timezone.localdate(),
                            upload=form.cleaned_data["file"])
    except ValidationError as error:
        _show_refusal(request, error)
    else:
        messages.success(request, f"Шаг {step.number}: «{step.get_status_display()}».")
    return redirect("my_route")


def _mastered_step(request, pk) -> RouteStep:
    step = _step_in_scope(request, pk)
    teacher = own_teacher(request.user)
    if teacher is None or teacher.pk != step.route.master_id:
        raise PermissionDenied
    return step


@login_required
@require_POST
def route_step_confirm(request, pk):
    step = _mastered_step(request, pk)
    try:
        steps.confirm_step(step=step, today=timezone.localdate())
    except ValidationError as error:
        _show_refusal(request, error)
    else:
        messages.success(request, f"Шаг {step.number} подтверждён.")
    return redirect("my_trainees")


@login_required
@require_POST
def route_step_return(request, pk):
    step = _mastered_step(request, pk)
    form = RemarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Напишите, что нужно доработать.")
        return redirect("my_trainees")
    try:
        steps.return_step(step=step, remark=form.cleaned_data["remark"])
    except ValidationError as error:
        _show_refusal(request, error)
    else:
        messages.success(request, f"Шаг {step.number} возвращён на доработку.")
    return redirect("my_trainees")


@teacher_only
def my_trainees(request):
    teacher = own_teacher(request.user)
    context = {"teacher": teacher}
    if teacher is not None and teacher.is_master:
        context.update(master_page(master=teacher, today=timezone.localdate()),
                       remark_form=RemarkForm(), answer_form=AnswerForm())
    return render(request, "routes/my_trainees.html", context)


@login_required
@require_POST
def help_answer(request, pk):
    teacher = _me(request)
    help_request = get_object_or_404(help_requests_to_answer(teacher), pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Напишите ответ.")
        return redirect("my_trainees")
    try:
        help.answer_help(request=help_request, answerer=teacher,
                         answer=form.cleaned_data["answer"], answered_on=timezone.localdate())
    except ValidationError as error:
        _show_refusal(request, error)
    else:
        messages.success(request, f"Ответ отправлен: {help_request.author.full_name}.")
    return redirect("my_trainees")


@login_required
def trainee_journal(request, pk):
    trainee = get_object_or_404(
        journal_trainees_for_user(request.user).select_related("organization"), pk=pk)
    me = own_teacher(request.user)
    may_write = me is not None and trainees_of(me).filter(pk=trainee.pk).exists()
    form = JournalForm(request.POST or None)
    if request.method == "POST":
        if not may_write:
            raise PermissionDenied
        if form.is_valid():
            growth.add_entry(trainee=trainee, author=me, text=form.cleaned_data["text"],
                             written_on=form.cleaned_data["written_on"])
            messages.success(request, "Запись добавлена в журнал.")
            return redirect("trainee_journal", pk=trainee.pk)
    else:
        record_view(teacher=trainee, viewer=request.user, page=JOURNAL_PAGE)
    return render(request, "routes/trainee_journal.html", {
        "trainee": trainee, "journal": journal_of(trainee=trainee, limit=None),
        "routes": routes_of_trainee(teacher=trainee), "form": form if may_write else None,
    })
