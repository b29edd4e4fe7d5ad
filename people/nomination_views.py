"""Nominations for the status «Педагог-мастер»: the school proposes from a person's record, the
department decides on its list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, IntegerField, When
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from people import nominations
from people.access import (
    decides_nominations,
    may_nominate_master,
    nominations_for_user,
    teachers_for_user,
)
from people.models import NominationStatus
from people.teacher_forms import AcceptNominationForm, DeclineNominationForm, NominationForm


def _refused(request, form) -> None:
    errors = [message for messages_ in form.errors.values() for message in messages_]
    messages.error(request, " ".join(errors))


@login_required
@require_POST
def master_nominate(request, pk):
    teacher = get_object_or_404(teachers_for_user(request.user), pk=pk)
    if not may_nominate_master(request.user, teacher):
        raise PermissionDenied
    form = NominationForm(request.POST, teacher=teacher)
    if not form.is_valid():
        _refused(request, form)
        return redirect("teacher_detail", pk=teacher.pk)
    try:
        nominations.nominate_master(teacher=teacher, reason=form.cleaned_data["reason"],
                                    user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Кандидатура {teacher.full_name} передана в управление "
                                  "образования.")
    return redirect("teacher_detail", pk=teacher.pk)


def _require_department(request) -> None:
    if not decides_nominations(request.user):
        raise PermissionDenied


@login_required
def master_nomination_list(request):
    _require_department(request)
    rows = list(
        nominations_for_user(request.user)
        .select_related("teacher__organization", "nominated_by", "decided_by")
        .annotate(open_first=Case(When(status=NominationStatus.PENDING, then=0), default=1,
                                  output_field=IntegerField()))
        .order_by("open_first", "-nominated_at", "-pk")
    )
    pending = [row for row in rows if row.status == NominationStatus.PENDING]
    return render(request, "people/master_nominations.html", {
        "pending": [(row, AcceptNominationForm(nomination=row),
                     DeclineNominationForm(nomination=row)) for row in pending],
        "decided": [row for row in rows if row.status != NominationStatus.PENDING],
    })


def _nomination(request, pk):
    _require_department(request)
    return get_object_or_404(nominations_for_user(request.user).select_related("teacher"),
                             pk=pk)


def _decide(request, *, form, decide, success: str):
    if not form.is_valid():
        _refused(request, form)
        return redirect("master_nomination_list")
    try:
        decide(form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("master_nomination_list")


@login_required
@require_POST
def master_nomination_accept(request, pk):
    nomination = _nomination(request, pk)
    return _decide(
        request, form=AcceptNominationForm(request.POST, nomination=nomination),
        decide=lambda data: nominations.accept_nomination(
            nomination=nomination, since=data["since"], user=request.user),
        success=f"{nomination.teacher.full_name} — педагог-мастер.")


@login_required
@require_POST
def master_nomination_decline(request, pk):
    nomination = _nomination(request, pk)
    return _decide(
        request, form=DeclineNominationForm(request.POST, nomination=nomination),
        decide=lambda data: nominations.decline_nomination(
            nomination=nomination, note=data["note"], user=request.user),
        success=f"Кандидатура {nomination.teacher.full_name} отклонена.")
