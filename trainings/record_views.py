"""Pages of completed programmes and of the effectiveness map: the list and the record of
completions, a programme's map criteria, and a teacher's map over time with its marks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from core.forms import apply_posted_form
from people.access import programmes_for_user
from people.teachers import record_view
from teams.access import acting_municipality, has_role, is_staff_of
from teams.models import Role
from trainings import indicator_reads
from trainings.access import (
    completions_for_user,
    criteria_for_user,
    may_keep_criteria,
    may_record_completions,
    may_see_completions,
    named_people_for_user,
    programmes_kept_by_user,
)
from trainings.completions import record_completion
from trainings.effectiveness import record_mark, save_criterion
from trainings.forms import (
    CompletionFilter,
    CompletionForm,
    CoverageTargetForm,
    CriterionForm,
    MarkForm,
)
from trainings.session_reads import effectiveness_map
from trainings.targets import set_coverage_target

MAP_PAGE = "карта эффективности профессиональной деятельности"


FILTER_NAMES = ("q", "programme", "date_from", "date_to")


@login_required
def completion_list(request):
    if not may_see_completions(request.user):
        raise PermissionDenied
    completion_filter = CompletionFilter(
        request.GET, programmes=programmes_for_user(request.user),
        queryset=completions_for_user(request.user).select_related(
            "teacher__organization", "programme__platform__host").order_by(
            "-completed_on", "teacher__full_name", "pk"))
    return render(request, "trainings/completion_list.html", {
        "filter": completion_filter,
        "completions": list(completion_filter.qs) if completion_filter.is_valid() else [],
        "filtered": any(request.GET.get(name) for name in FILTER_NAMES),
        "can_record": may_record_completions(request.user),
        "can_set_targets": has_role(request.user, Role.STAFF)})


@login_required
def coverage_target(request):
    municipality = acting_municipality(request)
    if municipality is None or not is_staff_of(request.user, municipality.pk):
        raise PermissionDenied
    current = indicator_reads.coverage_target(municipality)
    form = CoverageTargetForm(request.POST or None, initial={
        "teachers_percent": current.teachers_percent if current else None,
        "specialists_percent": current.specialists_percent if current else None})
    applied, _ = apply_posted_form(request, form, lambda data: set_coverage_target(
        municipality=municipality, **data))
    if applied:
        messages.success(request, "Цели охвата сохранены.")
        return redirect("completion_list")
    return render(request, "trainings/coverage_target.html",
                  {"form": form, "municipality": municipality, "current": current})


@login_required
def completion_create(request):
    if not may_record_completions(request.user):
        raise PermissionDenied
    programmes = programmes_kept_by_user(request.user).select_related("platform")
    teachers = named_people_for_user(request.user).filter(
        organization__municipality__in=programmes.values("platform__host__municipality"))
    form = CompletionForm(request.POST or None, teachers=teachers, programmes=programmes)
    applied, _ = apply_posted_form(request, form, lambda data: record_completion(
        recorded_by=request.user, **data))
    if applied:
        messages.success(request, "Завершение программы записано.")
        return redirect("completion_list")
    return render(request, "trainings/completion_form.html", {"form": form})


@login_required
def criteria(request, pk):
    programme = get_object_or_404(programmes_for_user(request.user).select_related(
        "platform__host"), pk=pk)
    can_keep = may_keep_criteria(request.user, programme)
    form = CriterionForm(request.POST or None) if can_keep else None
    if request.method == "POST" and not can_keep:
        raise PermissionDenied
    if form is not None:
        applied, _ = apply_posted_form(request, form, lambda data: save_criterion(
            programme=programme, **data))
        if applied:
            messages.success(request, "Критерий добавлен.")
            return redirect("effectiveness_criteria", pk=programme.pk)
    return render(request, "trainings/criteria.html", {
        "programme": programme, "criteria": list(programme.effectiveness_criteria.all()),
        "form": form})


@login_required
def teacher_map(request, pk):
    teacher = get_object_or_404(named_people_for_user(request.user).select_related(
        "organization"), pk=pk)
    markable = criteria_for_user(request.user).filter(
        programme__in=programmes_kept_by_user(request.user))
    form = MarkForm(request.POST or None, criteria=markable) if markable.exists() else None
    if request.method == "POST" and form is None:
        raise PermissionDenied
    if form is not None:
        applied, _ = apply_posted_form(request, form, lambda data: record_mark(
            teacher=teacher, marked_by=request.user, **data))
        if applied:
            messages.success(request, "Отметка записана.")
            return redirect("effectiveness_map", pk=teacher.pk)
    if teacher.user_id != request.user.pk:
        record_view(teacher=teacher, viewer=request.user, page=MAP_PAGE)
    return render(request, "trainings/effectiveness_map.html", {
        "teacher": teacher, "map": effectiveness_map(teacher), "form": form})
