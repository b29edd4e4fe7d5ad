"""A first password someone else set must be replaced at the first sign-in.

An account opened for a person by their school (or created by an import) carries
``UserProfile.password_change_required``. At sign-in the flag is copied into the session, so
the check on every request costs no query; until the person sets their own password, every
page sends them to the form «Смена пароля».
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from teams.models import UserProfile

SESSION_KEY = "password_change_required"
ALLOWED_URL_NAMES = {"password_change", "password_change_done", "logout", "health_live",
                     "health_ready"}


@receiver(user_logged_in)
def remember_required_change(sender, request, user, **kwargs):
    if request is not None and UserProfile.objects.filter(
            user=user, password_change_required=True).exists():
        request.session[SESSION_KEY] = True


class PasswordChangeRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (request.session.get(SESSION_KEY) and request.user.is_authenticated
                and _url_name(request.path_info) not in ALLOWED_URL_NAMES):
            messages.info(request, "Пароль вам выдали при открытии учётной записи: "
                                   "задайте свой, чтобы продолжить работу.")
            return redirect(reverse("password_change"))
        return self.get_response(request)


def _url_name(path: str) -> str | None:
    try:
        return resolve(path).url_name
    except Resolver404:
        return None


class PortalPasswordChangeView(auth_views.PasswordChangeView):
    """Django's form; a successful change lifts the requirement."""

    def form_valid(self, form):
        response = super().form_valid(form)
        UserProfile.objects.filter(user=self.request.user).update(password_change_required=False)
        self.request.session.pop(SESSION_KEY, None)
        return response


class PortalPasswordResetView(auth_views.PasswordResetView):
    """Django's reset by e-mail; the link in the letter names the portal's configured address
    (``PORTAL_BASE_URL``), never the Host of the request."""

    def form_valid(self, form):
        portal = urlsplit(settings.PORTAL_BASE_URL)
        form.save(
            domain_override=portal.netloc, use_https=portal.scheme == "https",
            token_generator=self.token_generator, from_email=self.from_email,
            email_template_name=self.email_template_name,
            subject_template_name=self.subject_template_name, request=self.request,
            html_email_template_name=self.html_email_template_name,
            extra_email_context=self.extra_email_context,
        )
        return HttpResponseRedirect(self.get_success_url())
