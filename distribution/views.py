"""«Подбор распределения»: staff ask for a proposal, review it and accept all or part of it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from diagnostics.access import rounds_for_user
from distribution import proposals
from distribution.accept import accept_proposal
from distribution.access import proposals_for_user
from distribution.forms import NEW_PERIOD, DistributionForm
from distribution.models import ProposalStatus
from distribution.reads import parameters_explained, review
from distribution.tasks import request_proposal
from internships.access import periods_for_user
from internships.periods import default_period, next_period_span
from internships.views import municipality_wide


def _require_staff(request, proposal=None) -> None:
    if not request.user.has_perm("distribution.suggest_distribution", proposal):
        raise PermissionDenied


def _proposal_for(request, pk):
    proposal = get_object_or_404(
        proposals_for_user(request.user).select_related(
            "source_period__programme", "target_period", "diagnostic_round", "created_by",
            "accepted_by",
        ),
        pk=pk,
    )
    _require_staff(request, proposal)
    return proposal


def _initial(request, periods, new_period) -> dict:
    """The form's starting values: those of an earlier proposal (?from=), or the defaults
    for the latest year, distributed onto a new year while the programme has one."""
    wanted = request.GET.get("from", "")
    earlier = (
        proposals_for_user(request.user).filter(pk=wanted).first() if wanted.isdigit() else None
    )
    if earlier is not None:
        return {
            "source_period": earlier.source_period_id,
            "target": str(earlier.target_period_id) if earlier.target_period_id and (
                earlier.accepted_at is None) else NEW_PERIOD,
            "diagnostic_round": earlier.diagnostic_round_id,
            **{name: earlier.parameters.get(name) for name in proposals.FORM_PARAMETERS},
        }
    source = default_period(periods=periods, today=timezone.localdate())
    if source is None:
        return {}
    diagnostic_round = proposals.latest_round_with_diagnoses(period=source)
    return {
        "source_period": source.pk, "target": NEW_PERIOD if new_period else str(source.pk),
        "diagnostic_round": diagnostic_round.pk if diagnostic_round else None,
        **{name: value for name, value in proposals.default_parameters(period=source).items()
           if name in proposals.FORM_PARAMETERS},
    }


@municipality_wide
def distribution_new(request):
    _require_staff(request)
    periods = periods_for_user(request.user).select_related("programme").order_by(
        "-starts_on")
    latest = periods.first()
    new_period = next_period_span(programme=latest.programme) if latest is not None else None
    form = DistributionForm(
        request.POST or None, periods=periods,
        rounds=rounds_for_user(request.user).order_by("-starts_on"),
        new_period=new_period, initial=_initial(request, periods, new_period),
    )
    if request.method == "POST" and form.is_valid():
        source = form.cleaned_data["source_period"]
        proposal = request_proposal(
            source_period=source, target_period=form.cleaned_data["target_period"],
            new_period=form.cleaned_data["new_period"],
            diagnostic_round=form.cleaned_data["diagnostic_round"],
            parameters={**proposals.default_parameters(period=source),
                        **form.parameters()},
            user=request.user,
        )
        if proposal.status == ProposalStatus.FAILED:
            messages.error(request, proposal.error)
        return redirect("distribution_detail", pk=proposal.pk)
    recent = (
        proposals_for_user(request.user)
        .select_related("source_period", "target_period", "diagnostic_round", "created_by")
        .order_by("-created_at", "-pk")[:10]
    )
    return render(request, "distribution/new.html", {
        "form": form, "recent": recent, "has_periods": latest is not None,
    })


@municipality_wide
def distribution_detail(request, pk):
    proposal = _proposal_for(request, pk)
    context = {
        "proposal": proposal, "crumb": f"Расчёт № {proposal.pk}",
        "same_year": proposal.target_period_id == proposal.source_period_id,
    }
    if proposal.status == ProposalStatus.DONE:
        context["review"] = review(proposal=proposal)
        context["parameters"] = parameters_explained(proposal.parameters)
    return render(request, "distribution/detail.html", context)


@municipality_wide
def distribution_status(request, pk):
    proposal = _proposal_for(request, pk)
    return JsonResponse({
        "status": proposal.status, "progress": proposal.progress, "stage": proposal.stage,
        "finished": proposal.is_finished,
    })


@municipality_wide
@require_POST
def distribution_accept(request, pk):
    proposal = _proposal_for(request, pk)
    try:
        accepted = accept_proposal(
            proposal=proposal, changes=request.POST.getlist("change"),
            pairs=request.POST.getlist("pair"), user=request.user,
            accepted_on=timezone.localdate(),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("distribution_detail", pk=proposal.pk)
    messages.success(request, accepted.summary())
    return redirect(f"{reverse('matrix')}?period={accepted.period.pk}")
