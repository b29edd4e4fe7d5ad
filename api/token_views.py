"""The page «Токены API»: department staff issue and revoke the tokens of regional systems;
an administrator issues regional ones too."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from api.access import may_manage_tokens, tokens_for_user
from api.token_forms import TokenForm
from api.tokens import issue_token, revoke_token
from teams.access import profile_of
from teams.models import Municipality


def _require_manager(request) -> None:
    if not may_manage_tokens(request.user):
        raise PermissionDenied


@login_required
def token_list(request):
    _require_manager(request)
    tokens = tokens_for_user(request.user).select_related("municipality", "created_by",
                                                          "revoked_by")
    return render(request, "api/token_list.html", {"tokens": tokens})


@login_required
def token_create(request):
    _require_manager(request)
    profile = profile_of(request.user)
    administrator = request.user.is_superuser and profile is None
    form = TokenForm(request.POST or None,
                     municipalities=Municipality.objects.order_by("name") if administrator
                     else None)
    if request.method == "POST" and form.is_valid():
        issued = issue_token(
            name=form.cleaned_data["name"], scope=form.cleaned_data["scope"],
            municipality=form.chosen_municipality() if administrator else profile.municipality,
            created_by=request.user,
        )
        # The whole token is on this one answer only: it is not stored anywhere.
        response = render(request, "api/token_created.html",
                          {"token": issued.token, "plaintext": issued.plaintext})
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "api/token_form.html", {"form": form})


@login_required
@require_POST
def token_revoke(request, pk):
    _require_manager(request)
    token = get_object_or_404(tokens_for_user(request.user), pk=pk)
    revoke_token(token=token, revoked_by=request.user)
    messages.success(request, f"Токен «{token.name}» отозван: система с ним больше не "
                              "получит ответа.")
    return redirect("api_token_list")
