"""The monitoring dashboard of a programme and its criteria (data of the programme that
staff keep: the indicator, the deadline and which portal data a criterion counts)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.forms import apply_posted_form
from mutual.access import criteria_for_user, may_keep, programmes_for_monitoring
from mutual.assignments import CriterionDetails, save_criterion, seed_criteria
from mutual.forms import CriterionForm
from mutual.reads import dashboard, organization_plan_rows
from mutual.views import form_page, kept_programme, programme_for
from networks.models import Agreement

FIELDS = ("number", "title", "indicator", "indicator_kind", "deadline", "due_on", "source")


@login_required
def monitoring(request, pk):
    programme = programme_for(request, pk)
    if not programmes_for_monitoring(request.user).filter(pk=programme.pk).exists():
        raise PermissionDenied
    return render(request, "mutual/monitoring.html", {
        "programme": programme, "results": dashboard(programme, today=timezone.localdate()),
        "plan_rows": organization_plan_rows(programme),
        "can_keep": may_keep(request.user, programme)})


def _form(request, programme, initial=None) -> CriterionForm:
    return CriterionForm(
        request.POST or None, initial=initial,
        agreements=Agreement.objects.filter(municipality_id=programme.municipality_id),
        plans=programme.plans.all())


def _details(data) -> CriterionDetails:
    return CriterionDetails(
        **{name: data[name] for name in FIELDS},
        agreement_id=data["agreement"].pk if data["agreement"] else None,
        joint_plan_id=data["joint_plan"].pk if data["joint_plan"] else None)


@login_required
def criterion_add(request, pk):
    programme = kept_programme(request, pk)
    form = _form(request, programme, initial={
        "number": programme.mutual_criteria.count() + 1})
    done, _ = apply_posted_form(request, form, lambda data: save_criterion(
        programme=programme, details=_details(data)))
    if done:
        messages.success(request, "Критерий добавлен.")
        return redirect("mutual_monitoring", pk=programme.pk)
    return form_page(request, form, title="Новый критерий мониторинга",
                     back_url=reverse("mutual_monitoring", args=[programme.pk]),
                     back_label="Мониторинг проекта")


@login_required
def criterion_edit(request, pk):
    criterion = get_object_or_404(criteria_for_user(request.user).select_related(
        "programme"), pk=pk)
    programme = criterion.programme
    if not may_keep(request.user, programme):
        raise PermissionDenied
    initial = {name: getattr(criterion, name) for name in FIELDS}
    initial.update(agreement=criterion.agreement_id, joint_plan=criterion.joint_plan_id)
    form = _form(request, programme, initial=initial)
    done, _ = apply_posted_form(request, form, lambda data: save_criterion(
        programme=programme, details=_details(data), criterion=criterion))
    if done:
        messages.success(request, "Критерий сохранён.")
        return redirect("mutual_monitoring", pk=programme.pk)
    return form_page(request, form, title=f"Критерий {criterion.number}",
                     back_url=reverse("mutual_monitoring", args=[programme.pk]),
                     back_label="Мониторинг проекта")


@login_required
@require_POST
def criteria_seed(request, pk):
    programme = kept_programme(request, pk)
    added = seed_criteria(programme=programme)
    messages.success(request, f"Добавлено критериев проекта «Взаимообучение ОО»: {added}."
                     if added else "Все шесть критериев уже есть.")
    return redirect("mutual_monitoring", pk=programme.pk)
