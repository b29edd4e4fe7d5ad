"""Pages of the rounds of person diagnostics: list, form, scale, expert entry, dynamics."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from competence import result_reads
from competence.access import (
    instruments_for_user,
    may_keep,
    may_keep_any,
    rounds_for_user,
    sees_names,
)
from competence.dynamics import (
    comparability_problem,
    person_changes,
    persons_with_fewer_deficits,
    persons_with_grown_competence,
)
from competence.forms import LevelChangeForm, LevelForm, LevelGridForm, PairForm, RoundForm
from competence.models import Level, ResultSource
from competence.results import ResultEntry, save_expert_results
from competence.rounds import (
    add_level,
    change_level,
    change_round,
    create_round,
    delete_level,
    entry_state,
)
from core.forms import add_service_errors
from people.access import competence_areas_for_user, teachers_for_user
from teams.access import acting_municipality, role_of
from teams.models import Role


def _round_for(request, pk):
    return get_object_or_404(rounds_for_user(request.user).select_related("municipality"),
                             pk=pk)


def _kept_round(request, pk):
    person_round = _round_for(request, pk)
    if not may_keep(request.user, person_round.municipality_id):
        raise PermissionDenied
    return person_round


@login_required
def round_list(request):
    if role_of(request.user) == Role.TEACHER:
        raise PermissionDenied
    rounds = rounds_for_user(request.user).annotate(
        area_count=Count("competence_areas", distinct=True),
        expert_count=Count("results", filter=Q(results__source=ResultSource.EXPERT),
                           distinct=True),
    ).order_by("-starts_on", "-pk")
    year = request.GET.get("year", "").strip()
    if year:
        rounds = rounds.filter(academic_year=year)
    return render(request, "competence/round_list.html", {
        "rounds": list(rounds), "year": year, "today": timezone.localdate(),
        "can_keep": may_keep_any(request.user),
    })


def _round_form(request, municipality, initial=None):
    return RoundForm(request.POST or None, initial=initial,
                     areas=competence_areas_for_user(request.user).filter(
                         municipality=municipality).order_by("number"),
                     instruments=instruments_for_user(request.user).filter(
                         municipality=municipality).order_by("title"))


def _form_page(request, form, title, back_url, back_label):
    return render(request, "form_page.html", {
        "form": form, "title": title, "back_url": back_url, "back_label": back_label})


@login_required
def round_create(request):
    if not may_keep_any(request.user):
        raise PermissionDenied
    municipality = acting_municipality(request)
    if municipality is None:
        raise Http404
    form = _round_form(request, municipality)
    if request.method == "POST" and form.is_valid():
        try:
            person_round = create_round(municipality=municipality, data=form.details())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Диагностика создана. Задайте её шкалу уровней.")
            return redirect("competence_levels", pk=person_round.pk)
    return _form_page(request, form, "Новая диагностика компетенций",
                      reverse("competence_round_list"), "Диагностики компетенций")


@login_required
def round_edit(request, pk):
    person_round = _kept_round(request, pk)
    form = _round_form(request, person_round.municipality, initial={
        "title": person_round.title, "academic_year": person_round.academic_year,
        "starts_on": person_round.starts_on, "ends_on": person_round.ends_on,
        "entry_opens": person_round.entry_opens, "entry_closes": person_round.entry_closes,
        "worker_categories": person_round.worker_categories,
        "areas": list(person_round.competence_areas.all()),
        "instruments": list(person_round.instruments.all()),
        "illustrative_scale": person_round.illustrative_scale,
    })
    if request.method == "POST" and form.is_valid():
        try:
            change_round(person_round=person_round, data=form.details())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Диагностика сохранена.")
            return redirect("competence_round_detail", pk=person_round.pk)
    return _form_page(request, form, f"Изменить диагностику «{person_round.title}»",
                      reverse("competence_round_detail", args=[person_round.pk]),
                      person_round.title)


@login_required
def round_detail(request, pk):
    person_round = _round_for(request, pk)
    names = sees_names(request.user)
    return render(request, "competence/round_detail.html", {
        "round": person_round, "areas": result_reads.round_areas(person_round),
        "levels": result_reads.round_levels(person_round),
        "instruments": list(person_round.instruments.order_by("title")),
        "counts": result_reads.level_counts(person_round),
        "rows": (result_reads.people_results(person_round, teachers_for_user(request.user))
                 if names else None),
        "state": entry_state(person_round=person_round, today=timezone.localdate()),
        "can_keep": may_keep(request.user, person_round.municipality_id),
    })


@login_required
def round_levels(request, pk):
    person_round = _kept_round(request, pk)
    form = LevelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            add_level(person_round=person_round, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Уровень добавлен в шкалу.")
            return redirect("competence_levels", pk=person_round.pk)
    return render(request, "competence/levels.html", {
        "round": person_round, "levels": result_reads.round_levels(person_round),
        "form": form})


@login_required
def level_edit(request, pk):
    level = get_object_or_404(Level.objects.select_related("round"), pk=pk,
                              round__in=rounds_for_user(request.user))
    if not may_keep(request.user, level.round.municipality_id):
        raise PermissionDenied
    form = LevelChangeForm(request.POST or None,
                           initial={"title": level.title, "is_deficit": level.is_deficit})
    if request.method == "POST" and form.is_valid():
        try:
            change_level(level=level, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Уровень сохранён.")
            return redirect("competence_levels", pk=level.round_id)
    return _form_page(request, form, f"Уровень {level.rank}: «{level.title}»",
                      reverse("competence_levels", args=[level.round_id]), "Шкала уровней")


@login_required
@require_POST
def level_delete(request, pk):
    level = get_object_or_404(Level.objects.select_related("round"), pk=pk,
                              round__in=rounds_for_user(request.user))
    if not may_keep(request.user, level.round.municipality_id):
        raise PermissionDenied
    try:
        delete_level(level=level)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Уровень «{level.title}» удалён из шкалы.")
    return redirect("competence_levels", pk=level.round_id)


@login_required
def expert_entry(request, pk):
    person_round = _kept_round(request, pk)
    people = result_reads.diagnosed_people(person_round, teachers_for_user(request.user))
    organization = request.GET.get("organization", "")
    organizations = sorted({t.organization for t in people},
                           key=lambda o: (o.sort_rank, o.number or 0, o.short_name))
    if organization.isdigit():
        people = people.filter(organization_id=int(organization))
    people = list(people)
    areas = result_reads.round_areas(person_round)
    levels = result_reads.round_levels(person_round)
    stored = result_reads.stored_levels(person_round, ResultSource.EXPERT,
                                        [t.pk for t in people])
    form = LevelGridForm(request.POST or None, people=people, areas=areas, levels=levels,
                         stored=stored)
    if request.method == "POST" and form.is_valid():
        entries = [ResultEntry(teacher=t, area=a, level=lv) for t, a, lv in form.entries()]
        try:
            summary = save_expert_results(person_round=person_round, entries=entries,
                                          entered_by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Результаты сохранены: " + _summary_text(summary))
            return redirect(request.get_full_path())
    return render(request, "competence/entry.html", {
        "round": person_round, "form": form, "areas": areas, "levels": levels,
        "organizations": organizations, "organization": organization,
        "state": entry_state(person_round=person_round, today=timezone.localdate()),
    })


def _summary_text(summary) -> str:
    if not summary.changed:
        return "изменений нет."
    return (f"внесено — {summary.created}, изменено — {summary.updated}, "
            f"удалено — {summary.removed}.")


@login_required
def dynamics(request):
    if role_of(request.user) == Role.TEACHER or not request.user.is_authenticated:
        raise PermissionDenied
    rounds = rounds_for_user(request.user).order_by("-starts_on", "-pk")
    form = PairForm(request.GET or None, rounds=rounds)
    context = {"form": form}
    if form.is_bound and form.is_valid():
        first, second = form.cleaned_data["first"], form.cleaned_data["second"]
        problem = comparability_problem(first, second)
        if problem:
            form.add_error(None, problem)
        else:
            context.update(_dynamics_figures(request, first, second))
    return render(request, "competence/dynamics.html", context)


def _dynamics_figures(request, first, second) -> dict:
    names = sees_names(request.user)
    among = None
    people = {}
    if names:
        visible = teachers_for_user(request.user).select_related("organization")
        people = {teacher.pk: teacher for teacher in visible.filter(
            competence_results__round=second).distinct()}
        among = visible.values_list("pk", flat=True)
    changes = person_changes(first, second, among)
    return {
        "first": first, "second": second,
        "grown": persons_with_grown_competence(first, second, changes=changes),
        "fewer": persons_with_fewer_deficits(first, second, changes=changes),
        "changes": (sorted(((people[c.teacher_id], c) for c in changes
                            if c.teacher_id in people),
                           key=lambda pair: (pair[0].organization.short_name,
                                             pair[0].full_name))
                    if names else None),
    }
