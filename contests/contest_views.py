"""Pages of conferences and contests kept by the department: list, form, detail, windows,
nominations, criteria, experts, the regulation file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from contests import events
from contests.access import (
    applications_for_user,
    contests_for_user,
    may_apply,
    may_keep,
    may_keep_any,
    sees_all_applications,
)
from contests.forms import ContestForm, CriterionForm, ExpertForm, NominationForm, WindowForm
from contests.models import Contest, Criterion, Expert, Nomination
from contests.result_reads import applicant_label
from core.downloads import file_download
from core.forms import apply_posted_form
from internships.models import Programme
from teams.access import acting_municipality, organizations_for_user


def contest_for(request, pk) -> Contest:
    return get_object_or_404(contests_for_user(request.user).select_related(
        "programme__municipality"), pk=pk)


def kept_contest(request, pk) -> Contest:
    contest = contest_for(request, pk)
    if not may_keep(request.user, contest):
        raise PermissionDenied
    return contest


def _form_page(request, form, *, title, contest=None, back_url=None, back_label=None):
    return render(request, "contests/form_page.html", {
        "form": form, "title": title, "contest": contest,
        "back_url": back_url or reverse("contest_list"),
        "back_label": back_label or "Конференции и конкурсы"})


@login_required
def contest_list(request):
    contests = contests_for_user(request.user).select_related("programme").annotate(
        nomination_count=Count("nominations", distinct=True),
        application_count=Count("nominations__applications", distinct=True,
                                filter=Q(nominations__applications__withdrawn_at__isnull=True)),
    ).order_by("-year", "title")
    return render(request, "contests/contest_list.html", {
        "contests": list(contests), "can_keep": may_keep_any(request.user),
        "can_apply": may_apply(request.user)})


def _programme_for(request) -> Programme:
    municipality = acting_municipality(request)
    programme = Programme.objects.filter(municipality=municipality).order_by(
        "-starts_on").first() if municipality else None
    if programme is None:
        raise Http404("В муниципальном образовании нет проекта, к которому отнести мероприятие.")
    return programme


@login_required
def contest_create(request):
    if not may_keep_any(request.user):
        raise PermissionDenied
    programme = _programme_for(request)
    form = ContestForm(request.POST or None, request.FILES or None)
    done, contest = apply_posted_form(request, form, lambda data: events.create_contest(
        programme=programme, details=form.details(), regulation=data.get("regulation_file")))
    if done:
        messages.success(request, "Мероприятие создано. Добавьте номинации, критерии и окно "
                                  "приёма заявок.")
        return redirect("contest_detail", pk=contest.pk)
    return _form_page(request, form, title="Новая конференция или конкурс")


@login_required
def contest_edit(request, pk):
    contest = kept_contest(request, pk)
    initial = {name: getattr(contest, name) for name in ContestForm.base_fields
               if name != "regulation_file"}
    form = ContestForm(request.POST or None, request.FILES or None, initial=initial)
    done, _ = apply_posted_form(request, form, lambda data: events.change_contest(
        contest=contest, details=form.details(), regulation=data.get("regulation_file")))
    if done:
        messages.success(request, "Мероприятие сохранено.")
        return redirect("contest_detail", pk=contest.pk)
    return _form_page(request, form, title=f"Изменить: {contest.title}", contest=contest,
                      back_url=reverse("contest_detail", args=[contest.pk]),
                      back_label=contest.title)


@login_required
def contest_detail(request, pk):
    contest = contest_for(request, pk)
    nominations = list(contest.nominations.annotate(
        application_count=Count("applications", distinct=True,
                                filter=Q(applications__withdrawn_at__isnull=True)),
        expert_count=Count("experts", distinct=True)))
    can_keep = may_keep(request.user, contest)
    return render(request, "contests/contest_detail.html", {
        "contest": contest, "nominations": nominations,
        "criteria": list(contest.criteria.all()), "windows": list(contest.windows.all()),
        "experts": list(contest.experts.select_related("user", "organization")
                        .prefetch_related("nominations")) if can_keep else [],
        "can_keep": can_keep, "can_apply": may_apply(request.user),
        "sees_applications": sees_all_applications(request.user),
        "maximum_total": sum(c.maximum for c in contest.criteria.all()),
    })


@login_required
def regulation_file(request, pk):
    contest = contest_for(request, pk)
    if not contest.regulation_file:
        raise Http404
    return file_download(contest.regulation_file,
                         filename=contest.regulation_file.name.rsplit("/", 1)[-1])


@login_required
def window_add(request, pk):
    contest = kept_contest(request, pk)
    form = WindowForm(request.POST or None)
    done, _ = apply_posted_form(request, form, lambda data: events.add_window(
        contest=contest, **data))
    if done:
        messages.success(request, "Окно приёма заявок добавлено.")
        return redirect("contest_detail", pk=contest.pk)
    return _form_page(request, form, title="Окно приёма заявок", contest=contest,
                      back_url=reverse("contest_detail", args=[contest.pk]),
                      back_label=contest.title)


@login_required
def nomination_add(request, pk):
    contest = kept_contest(request, pk)
    form = NominationForm(request.POST or None)
    done, _ = apply_posted_form(request, form, lambda data: events.save_nomination(
        contest=contest, **data))
    if done:
        messages.success(request, "Номинация добавлена.")
        return redirect("contest_detail", pk=contest.pk)
    return _form_page(request, form, title="Новая номинация", contest=contest,
                      back_url=reverse("contest_detail", args=[contest.pk]),
                      back_label=contest.title)


def _nomination_for(request, pk) -> Nomination:
    return get_object_or_404(Nomination.objects.filter(
        contest__in=contests_for_user(request.user)).select_related("contest__programme"), pk=pk)


@login_required
def nomination_edit(request, pk):
    nomination = _nomination_for(request, pk)
    if not may_keep(request.user, nomination.contest):
        raise PermissionDenied
    form = NominationForm(request.POST or None, initial={
        "audience": nomination.audience, "title": nomination.title,
        "description": nomination.description})
    done, _ = apply_posted_form(request, form, lambda data: events.save_nomination(
        contest=nomination.contest, nomination=nomination, **data))
    if done:
        messages.success(request, "Номинация сохранена.")
        return redirect("nomination_detail", pk=nomination.pk)
    return _form_page(request, form, title=f"Изменить номинацию: {nomination.title}",
                      contest=nomination.contest,
                      back_url=reverse("nomination_detail", args=[nomination.pk]),
                      back_label=nomination.title)


@login_required
def nomination_detail(request, pk):
    nomination = _nomination_for(request, pk)
    applications = []
    if sees_all_applications(request.user):
        applications = list(applications_for_user(request.user).filter(nomination=nomination)
                            .select_related("organization", "teacher__organization")
                            .order_by("withdrawn_at", "pk"))
    for application in applications:
        application.label = applicant_label(application, with_names=True)
    return render(request, "contests/nomination_detail.html", {
        "nomination": nomination, "contest": nomination.contest,
        "applications": applications,
        "sees_applications": sees_all_applications(request.user),
        "experts": list(nomination.experts.select_related("user", "organization")),
        "can_keep": may_keep(request.user, nomination.contest),
        "can_apply": may_apply(request.user),
    })


@login_required
def criterion_add(request, pk):
    contest = kept_contest(request, pk)
    form = CriterionForm(request.POST or None, initial={
        "number": contest.criteria.count() + 1})
    done, _ = apply_posted_form(request, form, lambda data: events.save_criterion(
        contest=contest, **data))
    if done:
        messages.success(request, "Критерий добавлен.")
        return redirect("contest_detail", pk=contest.pk)
    return _form_page(request, form, title="Новый критерий оценки", contest=contest,
                      back_url=reverse("contest_detail", args=[contest.pk]),
                      back_label=contest.title)


@login_required
def criterion_edit(request, pk):
    criterion = get_object_or_404(Criterion.objects.filter(
        contest__in=contests_for_user(request.user)).select_related("contest__programme"), pk=pk)
    contest = criterion.contest
    if not may_keep(request.user, contest):
        raise PermissionDenied
    form = CriterionForm(request.POST or None, initial={
        "number": criterion.number, "title": criterion.title,
        "description": criterion.description, "maximum": criterion.maximum})
    done, _ = apply_posted_form(request, form, lambda data: events.save_criterion(
        contest=contest, criterion=criterion, **data))
    if done:
        messages.success(request, "Критерий сохранён.")
        return redirect("contest_detail", pk=contest.pk)
    return _form_page(request, form, title=f"Изменить критерий {criterion.number}",
                      contest=contest, back_url=reverse("contest_detail", args=[contest.pk]),
                      back_label=contest.title)


@login_required
def expert_assign(request, pk):
    contest = kept_contest(request, pk)
    municipality_id = contest.programme.municipality_id
    form = ExpertForm(
        request.POST or None,
        users=User.objects.filter(is_active=True, profile__municipality_id=municipality_id)
        .order_by("last_name", "first_name", "username"),
        organizations=organizations_for_user(request.user).filter(
            municipality_id=municipality_id),
        nominations=contest.nominations.all())
    done, _ = apply_posted_form(request, form, lambda data: events.assign_expert(
        contest=contest, **data))
    if done:
        messages.success(request, "Эксперт назначен.")
        return redirect("contest_detail", pk=contest.pk)
    return _form_page(request, form, title="Назначить эксперта", contest=contest,
                      back_url=reverse("contest_detail", args=[contest.pk]),
                      back_label=contest.title)


@login_required
@require_POST
def expert_release(request, pk):
    expert = get_object_or_404(Expert.objects.filter(
        contest__in=contests_for_user(request.user)).select_related("contest__programme"), pk=pk)
    if not may_keep(request.user, expert.contest):
        raise PermissionDenied
    try:
        events.release_expert(expert=expert)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Эксперт снят с мероприятия.")
    return redirect("contest_detail", pk=expert.contest_id)
