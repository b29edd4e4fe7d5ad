"""Applications: submitting and withdrawing («Мои заявки»), the application's page, the
regional round kept by the department."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from contests import applying
from contests.access import (
    applications_for_user,
    contests_for_user,
    expert_for,
    is_own_organization,
    may_apply,
    may_keep,
    may_see_results,
    may_withdraw,
    my_applications,
)
from contests.contest_views import contest_for
from contests.forms import ApplicationForm, RegionalForm, WithdrawForm
from contests.models import Audience, RegionalOutcome
from contests.result_reads import applicant_label, contest_results, results_of
from core.forms import apply_posted_form
from innovation.models import InnovationProject
from people.models import Teacher
from teams.access import profile_of
from teams.models import Role


def _application_for(request, pk):
    return get_object_or_404(applications_for_user(request.user).select_related(
        "nomination__contest__programme", "organization", "teacher__organization",
        "project__stage"), pk=pk)


def _applicant(request) -> dict:
    """The applicant the signed-in user applies as: their organization, or themselves."""
    profile = profile_of(request.user)
    if profile.role == Role.SCHOOL:
        return {"organization": profile.organization}
    teacher = Teacher.objects.filter(user=request.user).select_related("organization").first()
    if teacher is None:
        raise PermissionDenied("Учётная запись не связана с карточкой педагога.")
    return {"teacher": teacher}


@login_required
def contest_apply(request, pk):
    contest = contest_for(request, pk)
    if not may_apply(request.user):
        raise PermissionDenied
    applicant = _applicant(request)
    audience = Audience.TEACHER if "teacher" in applicant else Audience.ORGANIZATION
    nominations = contest.nominations.filter(audience=audience)
    organization = applicant.get("organization") or applicant["teacher"].organization
    form = ApplicationForm(request.POST or None, nominations=nominations,
                           projects=InnovationProject.objects.filter(organization=organization)
                           .order_by("-period__starts_on", "pk"))
    today = timezone.localdate()
    done, application = apply_posted_form(request, form, lambda data: applying.submit_application(
        nomination=data["nomination"], title=data["title"], today=today,
        project=data["project"], **applicant))
    if done:
        messages.success(request, "Заявка подана.")
        return redirect("application_detail", pk=application.pk)
    return render(request, "contests/apply.html", {
        "contest": contest, "form": form, "has_nominations": nominations.exists(),
        "window_open": contest.windows.filter(opens_on__lte=today,
                                              closes_on__gte=today).exists(),
        "windows": list(contest.windows.all()), "audience": Audience(audience).label})


@login_required
def application_detail(request, pk):
    application = _application_for(request, pk)
    contest = application.nomination.contest
    expert = expert_for(request.user, application)
    row = None
    if may_see_results(request.user, contest):
        results = contest_results(contest)
        row = next((r for group in results.nominations for r in group.rows
                    if r.application.pk == application.pk), None)
    own = my_applications(request.user).filter(pk=application.pk).exists()
    return render(request, "contests/application_detail.html", {
        "application": application, "contest": contest,
        "label": applicant_label(application, with_names=True),
        "expert": expert,
        "own_organization": expert is not None and is_own_organization(expert, application),
        "can_withdraw": own and not application.is_withdrawn and not contest.results_approved,
        "can_keep": may_keep(request.user, contest),
        "row": row, "is_own": own,
    })


@login_required
def application_withdraw(request, pk):
    application = _application_for(request, pk)
    if not may_withdraw(request.user, application):
        raise PermissionDenied
    form = WithdrawForm(request.POST or None)
    done, _ = apply_posted_form(request, form, lambda data: applying.withdraw_application(
        application=application, reason=data["reason"]))
    if done:
        messages.success(request, "Заявка отозвана: в рейтинг она не войдёт.")
        return redirect("my_applications")
    return render(request, "contests/form_page.html", {
        "form": form, "title": f"Отозвать заявку «{application.title}»",
        "contest": application.nomination.contest,
        "back_url": reverse("application_detail", args=[application.pk]),
        "back_label": "Заявка"})


@login_required
def application_regional(request, pk):
    application = _application_for(request, pk)
    if not may_keep(request.user, application.nomination.contest):
        raise PermissionDenied
    form = RegionalForm(request.POST or None, initial={
        "outcome": application.regional_outcome, "note": application.regional_note})
    done, _ = apply_posted_form(request, form, lambda data: applying.record_regional_outcome(
        application=application, outcome=data["outcome"], note=data["note"]))
    if done:
        messages.success(request, "Итог регионального этапа записан.")
        return redirect("application_detail", pk=application.pk)
    return render(request, "contests/form_page.html", {
        "form": form, "title": "Региональный этап: итог I этапа",
        "contest": application.nomination.contest,
        "back_url": reverse("application_detail", args=[application.pk]),
        "back_label": application.title})


@login_required
def my_applications_page(request):
    if not may_apply(request.user):
        raise PermissionDenied
    applications = list(my_applications(request.user).select_related(
        "nomination__contest", "organization", "teacher__organization").order_by(
        "-nomination__contest__year", "nomination__contest__title", "pk"))
    approved = {a.nomination.contest_id: a.nomination.contest for a in applications
                if a.nomination.contest.results_approved}
    categories = {row.application.pk: row.ranked
                  for results in results_of(list(approved.values())).values()
                  for group in results.nominations for row in group.rows}
    for application in applications:
        application.label = applicant_label(application, with_names=True)
        application.result = categories.get(application.pk)
    open_contests = list(contests_for_user(request.user).filter(
        windows__opens_on__lte=timezone.localdate(),
        windows__closes_on__gte=timezone.localdate()).distinct().order_by("-year", "title"))
    return render(request, "contests/my_applications.html", {
        "applications": applications, "open_contests": open_contests,
        "not_passed": RegionalOutcome.NOT_PASSED})
