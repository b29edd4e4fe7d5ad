"""«Оценка заявок»: the expert's workspace and score sheet. An expert sees the applications
of the nominations assigned to them, and only those; their own organization's are shown
with the reason they are not theirs to score."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from contests.access import applications_for_user, experts_of, is_own_organization
from contests.forms import score_form_class
from contests.models import Application, Score
from contests.result_reads import applicant_label
from contests.scoring import save_scores, scoring_refusal
from core.forms import add_service_errors


@login_required
def expert_workspace(request):
    experts = list(experts_of(request.user).select_related("contest", "organization")
                   .prefetch_related("nominations")
                   .annotate(criteria_count=Count("contest__criteria", distinct=True)))
    nomination_ids = [n.pk for e in experts for n in e.nominations.all()]
    applications = list(
        Application.objects.filter(nomination_id__in=nomination_ids)
        .select_related("nomination__contest", "organization", "teacher__organization")
        .order_by("nomination__contest__title", "nomination__title", "pk"))
    scored = {}
    for application_id, expert_id in Score.objects.filter(
            application__in=applications, expert__in=experts).values_list(
            "application_id", "expert_id"):
        scored[application_id, expert_id] = scored.get((application_id, expert_id), 0) + 1
    by_contest = {e.contest_id: e for e in experts}
    for application in applications:
        expert = by_contest[application.nomination.contest_id]
        application.label = applicant_label(application, with_names=True)
        application.own = is_own_organization(expert, application)
        application.scored = scored.get((application.pk, expert.pk), 0)
        application.criteria_count = expert.criteria_count
    return render(request, "contests/expert_workspace.html", {
        "experts": experts, "applications": applications})


@login_required
def expert_score(request, pk):
    application = get_object_or_404(applications_for_user(request.user).select_related(
        "nomination__contest", "organization", "teacher__organization"), pk=pk)
    expert = experts_of(request.user).filter(
        contest_id=application.nomination.contest_id,
        nominations=application.nomination_id).first()
    if expert is None:
        raise Http404
    criteria = list(application.nomination.contest.criteria.all())
    current = {s.criterion_id: s.value for s in Score.objects.filter(
        expert=expert, application=application)}
    form_class = score_form_class(criteria)
    form = form_class(request.POST or None,
                      initial={f"criterion_{c}": v for c, v in current.items()})
    refusal = scoring_refusal(expert, application)
    if request.method == "POST" and not refusal and form.is_valid():
        values = {c.pk: form.cleaned_data[f"criterion_{c.pk}"] for c in criteria}
        try:
            save_scores(expert=expert, application=application, values=values)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Оценки сохранены.")
            return redirect("expert_workspace")
    status = 403 if request.method == "POST" and refusal else 200
    return render(request, "contests/expert_score.html", {
        "application": application, "contest": application.nomination.contest,
        "label": applicant_label(application, with_names=True),
        "form": None if refusal else form, "refusal": refusal, "criteria": criteria,
        "maximum_total": sum(c.maximum for c in criteria),
        "total": sum(current.values()) if len(current) == len(criteria) else None,
    }, status=status)
