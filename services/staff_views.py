"""Pages of the services' staff: the list of specialists by department, and the staff's
forms for a service, its departments, directions and specialists."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.forms import apply_posted_form
from services import staff
from services.access import (
    may_keep,
    may_keep_any,
    sees_specialists,
    services_for_user,
    services_with_diagnostics,
    specialists_for_user,
)
from services.forms import DepartmentForm, DirectionForm, ServiceForm, SpecialistForm
from services.reads import service_staff
from teams.access import acting_municipality

STAFF_LIST = "Специалисты методических служб"


def _form_page(request, form, *, title):
    return render(request, "form_page.html", {
        "form": form, "title": title, "back_url": reverse("service_staff"),
        "back_label": STAFF_LIST})


def _kept_service(request, pk):
    service = get_object_or_404(services_for_user(request.user), pk=pk)
    if not may_keep(request.user, service.municipality_id):
        raise PermissionDenied
    return service


@login_required
def staff_list(request):
    if not sees_specialists(request.user):
        raise PermissionDenied
    pages = service_staff(services_for_user(request.user))
    return render(request, "services/staff_list.html", {
        "services": pages,
        "with_diagnostics": services_with_diagnostics(
            request.user, [page.service for page in pages]),
        "can_keep": may_keep_any(request.user),
    })


@login_required
def service_add(request):
    if not may_keep_any(request.user):
        raise PermissionDenied
    municipality = acting_municipality(request)
    if municipality is None:
        raise Http404
    form = ServiceForm(request.POST or None, municipality=municipality)
    done, _ = apply_posted_form(request, form, lambda data: staff.create_service(
        municipality=municipality, name=data["name"], short_name=data["short_name"]))
    if done:
        messages.success(request, "Служба добавлена: добавьте её отделы, направления и "
                                  "специалистов.")
        return redirect("service_staff")
    return _form_page(request, form, title="Новая методическая служба")


@login_required
def department_add(request, pk):
    service = _kept_service(request, pk)
    form = DepartmentForm(request.POST or None, service=service)
    done, _ = apply_posted_form(request, form, lambda data: staff.add_department(
        service=service, name=data["name"]))
    if done:
        messages.success(request, "Отдел добавлен.")
        return redirect("service_staff")
    return _form_page(request, form, title=f"Новый отдел: {service.short_name}")


@login_required
def direction_add(request, pk):
    service = _kept_service(request, pk)
    form = DirectionForm(request.POST or None, service=service)
    done, _ = apply_posted_form(request, form, lambda data: staff.add_direction(
        service=service, title=data["title"]))
    if done:
        messages.success(request, "Направление добавлено.")
        return redirect("service_staff")
    return _form_page(request, form, title=f"Новое направление: {service.short_name}")


def _specialist_data(data) -> staff.SpecialistData:
    return staff.SpecialistData(
        full_name=data["full_name"], position=data["position"], department=data["department"],
        heads_department=data["heads_department"], directions=tuple(data["directions"]))


@login_required
def specialist_add(request, pk):
    service = _kept_service(request, pk)
    form = SpecialistForm(request.POST or None, service=service)
    done, _ = apply_posted_form(request, form, lambda data: staff.save_specialist(
        service=service, data=_specialist_data(data)))
    if done:
        messages.success(request, "Специалист добавлен.")
        return redirect("service_staff")
    return _form_page(request, form, title=f"Новый специалист: {service.short_name}")


@login_required
def specialist_edit(request, pk):
    specialist = get_object_or_404(
        specialists_for_user(request.user).select_related("service"), pk=pk)
    service = specialist.service
    if not may_keep(request.user, service.municipality_id):
        raise PermissionDenied
    form = SpecialistForm(request.POST or None, instance=specialist, service=service)
    done, _ = apply_posted_form(request, form, lambda data: staff.save_specialist(
        service=service, data=_specialist_data(data), specialist=specialist))
    if done:
        messages.success(request, "Сведения о специалисте сохранены.")
        return redirect("service_staff")
    return _form_page(request, form, title=f"Специалист: {specialist.full_name}")


@login_required
@require_POST
def specialist_remove(request, pk):
    specialist = get_object_or_404(
        specialists_for_user(request.user).select_related("service"), pk=pk)
    if not may_keep(request.user, specialist.service.municipality_id):
        raise PermissionDenied
    staff.remove_specialist(specialist=specialist)
    messages.success(request, f"{specialist.full_name} больше не в списке службы.")
    return redirect("service_staff")
