"""The results page of a contest, approving the results, and the statuses of an
organization («статусность»)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from contests.access import (
    applications_for_user,
    may_keep,
    may_keep_any,
    may_see_results,
    sees_all_applications,
    statuses_for_user,
)
from contests.contest_views import contest_for
from contests.forms import StatusForm
from contests.models import Application, CategoryMethod
from contests.ranking import TIE_RULE
from contests.result_reads import applicant_label, contest_results
from contests.results import approve_results, award_status
from core.forms import apply_posted_form
from teams.access import is_staff_of, organizations_for_user, profile_of


def _may_name(user, application: Application) -> bool:
    """Teachers' names on the results: for staff and curators, and for the teacher's school."""
    if sees_all_applications(user):
        return True
    profile = profile_of(user)
    return profile is not None and profile.organization_id == application.applicant_organization_id


@login_required
def contest_results_page(request, pk):
    contest = contest_for(request, pk)
    visible = may_see_results(request.user, contest)
    results = contest_results(contest) if visible else None
    if results is not None:
        for group in results.nominations:
            for row in group.rows:
                row.label = applicant_label(row.application,
                                            with_names=_may_name(request.user, row.application))
                row.totals = [row.expert_totals.get(e.pk) for e in group.experts]
    return render(request, "contests/results.html", {
        "contest": contest, "results": results, "visible": visible,
        "tie_rule": TIE_RULE, "can_keep": may_keep(request.user, contest),
        "thresholds": contest.category_method == CategoryMethod.THRESHOLDS,
    })


@login_required
@require_POST
def contest_approve(request, pk):
    contest = contest_for(request, pk)
    if not may_keep(request.user, contest):
        raise PermissionDenied
    try:
        approve_results(contest=contest, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Итоги утверждены: участники видят их в «Моих заявках».")
    return redirect("contest_results", pk=contest.pk)


@login_required
def organization_statuses(request, pk):
    organization = get_object_or_404(organizations_for_user(request.user)
                                     .select_related("municipality"), pk=pk)
    statuses = list(statuses_for_user(request.user).filter(organization=organization)
                    .select_related("application__nomination__contest"))
    can_award = is_staff_of(request.user, organization.municipality_id)
    form = None
    if can_award:
        form = StatusForm(request.POST or None, applications=applications_for_user(
            request.user).filter(organization=organization).select_related(
            "nomination__contest"))
    elif request.method == "POST":
        raise PermissionDenied
    if form is not None:
        done, _ = apply_posted_form(request, form, lambda data: award_status(
            organization=organization, award=form.award()))
        if done:
            messages.success(request, "Статус записан в историю организации.")
            return redirect("organization_statuses", pk=organization.pk)
    return render(request, "contests/statuses.html", {
        "organization": organization, "statuses": statuses, "form": form,
        "can_award": can_award, "staff_anywhere": may_keep_any(request.user),
        "back_url": reverse("organization_detail", args=[organization.pk]),
    })
