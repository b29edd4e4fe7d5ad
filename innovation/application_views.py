"""Applications in the template's sections: filling a new version, reading a version."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from core.forms import apply_posted_form
from innovation import access
from innovation.applications import application_of, save_version, template_for
from innovation.forms import ApplicationForm
from innovation.models import Application
from innovation.project_reads import version_page
from innovation.views import project_for
from internships.models import Programme


def _initial(application: Application | None) -> dict:
    if application is None:
        return {}
    latest = application.versions.order_by("-number").first()
    initial = {"title": application.title}
    if latest is not None:
        initial.update({f"section_{answer.section_id}": answer.text
                        for answer in latest.answers.all()})
    return initial


def _fill(request, *, project=None, programme=None, back_url: str, back_label: str):
    application = application_of(project=project, programme=programme)
    sections = list(template_for(project=project, programme=programme).sections.order_by(
        "number"))
    form = ApplicationForm(request.POST or None, sections=sections,
                           initial=_initial(application))
    applied, version = apply_posted_form(request, form, lambda data: save_version(
        texts=form.texts(), saved_by=request.user, note=data["note"], title=data["title"],
        project=project, programme=programme))
    if applied:
        messages.success(request, f"Заявка сохранена: версия {version.number}.")
        return redirect("innovation_version", pk=version.pk)
    return render(request, "innovation/application_form.html", {
        "form": form, "application": application, "project": project,
        "programme": programme, "back_url": back_url, "back_label": back_label,
    })


@login_required
def project_application(request, pk):
    project = project_for(request, pk)
    if not access.may_edit_project(request.user, project):
        raise PermissionDenied
    return _fill(request, project=project,
                 back_url=reverse("innovation_project", args=[project.pk]),
                 back_label=project.organization.short_name or project.organization.name)


def _programme_for(request, pk) -> Programme:
    return get_object_or_404(access.programmes_for_user(request.user), pk=pk)


@login_required
def programme_application(request, pk):
    programme = _programme_for(request, pk)
    application = application_of(programme=programme)
    return render(request, "innovation/programme_application.html", {
        "programme": programme, "application": application,
        "versions": list(application.versions.select_related("created_by"))
        if application else [],
        "can_fill": access.may_fill_programme_application(request.user, programme),
    })


@login_required
def programme_application_fill(request, pk):
    programme = _programme_for(request, pk)
    if not access.may_fill_programme_application(request.user, programme):
        raise PermissionDenied
    return _fill(request, programme=programme,
                 back_url=reverse("innovation_programme_application", args=[programme.pk]),
                 back_label="Заявка проекта управления образования")


@login_required
def version_detail(request, pk):
    version = get_object_or_404(
        access.versions_for_user(request.user).select_related(
            "application__project__organization", "application__programme", "created_by"),
        pk=pk)
    application = version.application
    return render(request, "innovation/version_detail.html", {
        "version": version, "application": application, **version_page(version=version),
        "can_fill": access.may_fill_application(request.user, application),
    })
