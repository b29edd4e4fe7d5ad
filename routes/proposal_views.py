"""A school leader proposes the school's teachers for routes; the department decides."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.forms import apply_posted_form
from people.access import organizations_kept_by_user, programmes_for_user
from people.models import Teacher
from routes import proposals
from routes.access import proposals_for_user
from routes.forms import ProposalForm
from teams.access import has_role
from teams.models import Role


@login_required
def route_propose(request):
    if not has_role(request.user, Role.SCHOOL) or request.user.is_superuser:
        raise PermissionDenied
    form = ProposalForm(request.POST or None, programmes=programmes_for_user(request.user),
                        teachers=Teacher.objects.filter(
                            organization__in=organizations_kept_by_user(request.user)))
    applied, proposal = apply_posted_form(request, form, lambda data: proposals.propose(
        teacher=data["teacher"], programme=data["programme"], note=data["note"],
        user=request.user, today=timezone.localdate()))
    if applied:
        messages.success(request, f"{proposal.teacher.full_name} предложен(а) на программу "
                                  f"«{proposal.programme.title}». Решение примет управление "
                                  f"образования.")
        return redirect("route_list")
    return render(request, "routes/proposal_form.html", {"form": form})


@login_required
@require_POST
def route_proposal_decide(request, pk):
    proposal = get_object_or_404(proposals_for_user(request.user), pk=pk)
    if not has_role(request.user, Role.STAFF):
        raise PermissionDenied
    accepted = request.POST.get("decision") == "accept"
    try:
        proposals.decide(proposal=proposal, accepted=accepted, today=timezone.localdate())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("route_list")
    if not accepted:
        messages.success(request, "Предложение отклонено.")
        return redirect("route_list")
    messages.success(request, "Предложение принято: составьте маршрут.")
    return redirect(f"{reverse('route_add')}?programme={proposal.programme_id}"
                    f"&participant={proposal.teacher_id}")
