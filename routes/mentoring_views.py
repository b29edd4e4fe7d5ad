"""The department's page of mentoring pairs: starting and ending a pair, a master's capacity."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.forms import apply_posted_form
from people.access import teachers_for_user
from routes import mentoring
from routes.access import mentoring_pairs_for_user
from routes.forms import CapacityForm, PairEndForm, PairForm
from routes.models import default_capacity
from teams.access import has_role
from teams.models import Role


def _staff_only(request) -> None:
    if not has_role(request.user, Role.STAFF):
        raise PermissionDenied


def _teachers(request):
    return teachers_for_user(request.user).select_related("organization")


@login_required
def mentoring_pair_list(request):
    _staff_only(request)
    pairs = (mentoring_pairs_for_user(request.user)
             .select_related("master__organization", "trainee__organization")
             .order_by("ended_on", "master__full_name", "trainee__full_name", "pk"))
    masters = (_teachers(request).filter(master_since__isnull=False)
               .select_related("mentoring_capacity")
               .annotate(open_pairs=Count("mentoring_as_master",
                                          filter=Q(mentoring_as_master__ended_on__isnull=True)))
               .order_by("full_name"))
    return render(request, "routes/pair_list.html", {
        "pairs": list(pairs), "masters": list(masters), "default_capacity": default_capacity(),
        "capacity_form": CapacityForm(teachers=_teachers(request)),
        "end_form": PairEndForm(),
    })


@login_required
def mentoring_pair_add(request):
    _staff_only(request)
    form = PairForm(request.POST or None, teachers=_teachers(request))
    applied, pair = apply_posted_form(request, form, lambda data: mentoring.start_pair(
        master=data["master"], trainee=data["trainee"], started_on=data["started_on"]))
    if applied:
        messages.success(request, f"Пара наставничества: {pair}.")
        return redirect("mentoring_pair_list")
    return render(request, "routes/pair_form.html", {"form": form})


@login_required
@require_POST
def mentoring_pair_end(request, pk):
    _staff_only(request)
    pair = get_object_or_404(mentoring_pairs_for_user(request.user), pk=pk)
    form = PairEndForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Укажите дату окончания в формате ДД.ММ.ГГГГ.")
        return redirect("mentoring_pair_list")
    try:
        mentoring.end_pair(pair=pair, ended_on=form.cleaned_data["ended_on"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Наставничество завершено: {pair}.")
    return redirect("mentoring_pair_list")


@login_required
@require_POST
def mentoring_capacity(request):
    _staff_only(request)
    form = CapacityForm(request.POST, teachers=_teachers(request))
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("mentoring_pair_list")
    try:
        mentoring.set_capacity(master=form.cleaned_data["master"],
                               max_trainees=form.cleaned_data["max_trainees"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Нагрузка педагога-мастера сохранена.")
    return redirect("mentoring_pair_list")


