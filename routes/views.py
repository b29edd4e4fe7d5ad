"""Pages of the register of routes: the department's list with filters, a route with its
steps, creating and changing routes and steps, and the evidence files."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.downloads import file_download
from core.forms import apply_posted_form
from people.access import programmes_for_user, teacher_platforms_for_user, teachers_for_user
from people.teachers import record_view
from routes import steps as step_writes
from routes.access import (
    keeps_routes_of,
    own_teacher,
    reads_route_register,
    routes_for_user,
)
from routes.enrolment import create_route, update_route
from routes.filters import RouteFilter
from routes.forms import RouteForm, StepForm, route_initial
from routes.models import DEFAULT_PRODUCT, Route, RouteKind, RouteStep
from routes.route_reads import open_proposals, register_rows, route_page
from teams.access import has_role
from teams.models import Role

ROUTES_PER_PAGE = 50
ROUTE_PAGE = "образовательный маршрут"


def register_readers(view):
    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not reads_route_register(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _route_for(request, pk) -> Route:
    return get_object_or_404(
        routes_for_user(request.user).select_related("programme__platform__host",
                                                     "master__organization"), pk=pk)


def _kept_route(request, pk) -> Route:
    route = _route_for(request, pk)
    if not keeps_routes_of(request.user, route):
        raise PermissionDenied
    return route


def _step_for(request, pk) -> RouteStep:
    return get_object_or_404(
        RouteStep.objects.filter(route__in=routes_for_user(request.user)).select_related(
            "route__programme__platform__host"), pk=pk)


@register_readers
def route_list(request):
    today = timezone.localdate()
    rows = register_rows(routes=routes_for_user(request.user), today=today)
    route_filter = RouteFilter(request.GET, queryset=rows, today=today,
                               programmes=programmes_for_user(request.user),
                               platforms=teacher_platforms_for_user(request.user))
    routes = route_filter.qs if route_filter.is_valid() else rows.none()
    page = Paginator(routes, ROUTES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "routes/route_list.html", {
        "filter": route_filter, "page": page, "routes": page.object_list,
        "filtered": any(request.GET.get(name) for name in route_filter.filters),
        "can_add": has_role(request.user, Role.STAFF),
        "can_propose": has_role(request.user, Role.SCHOOL) and not request.user.is_superuser,
        "proposals": open_proposals(user=request.user),
    })


@login_required
def route_detail(request, pk):
    route = _route_for(request, pk)
    context = route_page(route=route)
    viewer = own_teacher(request.user)
    for person in context["participants"]:
        if person != viewer:
            record_view(teacher=person, viewer=request.user, page=ROUTE_PAGE)
    return render(request, "routes/route_detail.html", {
        "route": route, "today": timezone.localdate(), **context,
        "can_keep": keeps_routes_of(request.user, route),
        "is_master": viewer is not None and viewer.pk == route.master_id,
    })


def _new_route_initial(request) -> dict:
    """A new route starts from a proposal when the department accepts one."""
    initial = {"product_title": DEFAULT_PRODUCT, "kind": RouteKind.INDIVIDUAL}
    for name, field in (("programme", "programme"), ("participant", "participants")):
        value = request.GET.get(name, "")
        if value.isdigit():
            initial[field] = [int(value)] if field == "participants" else int(value)
    return initial


def _route_form(request, route: Route | None) -> RouteForm:
    return RouteForm(request.POST or None, request.FILES or None,
                     initial=route_initial(route) if route else _new_route_initial(request),
                     programmes=programmes_for_user(request.user),
                     teachers=teachers_for_user(request.user).select_related("organization"))


def _route_form_page(request, *, form, apply, route=None):
    applied, saved = apply_posted_form(request, form, apply)
    if applied:
        messages.success(request, f"Маршрут «{saved.title}» сохранён.")
        return redirect("route_detail", pk=saved.pk)
    return render(request, "routes/route_form.html", {"form": form, "route": route})


@login_required
def route_add(request):
    if not has_role(request.user, Role.STAFF):
        raise PermissionDenied
    form = _route_form(request, None)
    return _route_form_page(request, form=form, apply=lambda data: create_route(
        data=form.details(), product_file=data.get("product_file")))


@login_required
def route_edit(request, pk):
    route = _kept_route(request, pk)
    form = _route_form(request, route)
    return _route_form_page(request, form=form, route=route, apply=lambda data: update_route(
        route=route, data=form.details(), product_file=data.get("product_file")))


def _step_form_page(request, *, form, apply, route, step=None):
    applied, saved = apply_posted_form(request, form, apply)
    if applied:
        messages.success(request, f"Шаг {saved.number} сохранён.")
        return redirect("route_detail", pk=route.pk)
    return render(request, "routes/step_form.html", {"form": form, "route": route,
                                                     "step": step})


@login_required
def route_step_add(request, pk):
    route = _kept_route(request, pk)
    form = StepForm(request.POST or None, editing=False)
    return _step_form_page(request, form=form, route=route, apply=lambda data: (
        step_writes.add_step(route=route, activity=data["activity"], title=data["title"],
                             due_on=data["due_on"], number=data["number"])))


@login_required
def route_step_edit(request, pk):
    step = _step_for(request, pk)
    if not keeps_routes_of(request.user, step.route):
        raise PermissionDenied
    form = StepForm(request.POST or None, editing=True, initial={
        "number": step.number, "activity": step.activity, "title": step.title,
        "due_on": step.due_on, "status": step.status})
    if step.status == "done":
        form.fields["status"].choices = [("done", "Выполнен"), *form.fields["status"].choices]
    return _step_form_page(request, form=form, route=step.route, step=step,
                           apply=lambda data: step_writes.update_step(
                               step=step, activity=data["activity"], title=data["title"],
                               due_on=data["due_on"], number=data["number"],
                               status=data["status"]))


def _file_response(file, name: str, content_type: str) -> HttpResponse:
    if not file:
        raise Http404("Файл не прикреплён.")
    return file_download(file, filename=name, content_type=content_type)


@login_required
def route_step_file(request, pk):
    step = _step_for(request, pk)
    return _file_response(step.evidence_file, step.evidence_file_name,
                          step.evidence_content_type)


@login_required
def route_product_file(request, pk):
    route = _route_for(request, pk)
    return _file_response(route.product_file, route.product_file_name,
                          route.product_content_type)
