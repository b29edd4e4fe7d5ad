"""«Мои диагностики»: a teacher's own results and their self-assessment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from competence import result_reads
from competence.forms import LevelGridForm
from competence.models import ResultSource
from competence.results import ResultEntry, may_write, save_self_assessment
from competence.rounds import closed_message, entry_state
from core.forms import add_service_errors
from people.models import Teacher
from teams.access import has_role
from teams.models import Role


def _own_teacher(request) -> Teacher | None:
    if not has_role(request.user, Role.TEACHER) or request.user.is_superuser:
        raise PermissionDenied
    return Teacher.objects.select_related("organization").filter(user=request.user).first()


@login_required
def my_diagnostics(request):
    teacher = _own_teacher(request)
    today = timezone.localdate()
    rounds = [] if teacher is None else [
        {"round": own.round, "cells": own.cells,
         "state": entry_state(person_round=own.round, today=today)}
        for own in result_reads.own_results(teacher)]
    return render(request, "competence/my_diagnostics.html",
                  {"teacher": teacher, "rounds": rounds})


@login_required
def my_self_assessment(request, pk):
    teacher = _own_teacher(request)
    if teacher is None:
        raise PermissionDenied
    person_round = next((r for r in result_reads.own_rounds(teacher) if r.pk == int(pk)), None)
    if person_round is None:
        raise PermissionDenied
    today = timezone.localdate()
    if not may_write(user=request.user, person_round=person_round, today=today):
        return render(request, "competence/locked.html", {
            "round": person_round, "message": closed_message(person_round, today)},
            status=403)
    areas = result_reads.round_areas(person_round)
    levels = result_reads.round_levels(person_round)
    stored = result_reads.stored_levels(person_round, ResultSource.SELF, [teacher.pk])
    form = LevelGridForm(request.POST or None, people=[teacher], areas=areas, levels=levels,
                         stored=stored)
    for field in form.fields.values():
        field.label = field.label.split(" — ", 1)[1]
    if request.method == "POST" and form.is_valid():
        entries = [ResultEntry(teacher=t, area=a, level=lv) for t, a, lv in form.entries()]
        try:
            save_self_assessment(person_round=person_round, teacher=teacher, entries=entries,
                                 entered_by=request.user, today=today)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Самооценка сохранена.")
            return redirect("my_competence")
    return render(request, "competence/self_assessment.html", {
        "round": person_round, "form": form, "levels": levels})
