"""The page «Блокировки входа»: department staff see the locked accounts of their municipality
and lift a lock."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from teams.access import has_role, profile_of
from teams.lockouts import lift_lockout, locked_accounts, users_of_municipality
from teams.models import Role


def _users_kept_by(request):
    if request.user.is_superuser:
        return User.objects.all()
    if not has_role(request.user, Role.STAFF):
        raise PermissionDenied
    return users_of_municipality(profile_of(request.user).municipality_id)


@login_required
def lockout_list(request):
    return render(request, "registration/lockout_list.html", {
        "lockouts": locked_accounts(users=_users_kept_by(request)),
    })


@login_required
@require_POST
def lockout_lift(request):
    users = _users_kept_by(request)
    username = request.POST.get("username", "")
    if not users.filter(username=username).exists():
        raise Http404
    lift_lockout(username=username)
    messages.success(request, f"Блокировка входа снята: {username} может войти снова.")
    return redirect("lockout_list")
