"""Accompanying a project: moving its stage, logging help, remarks, curators and tutors,
documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.forms import apply_posted_form
from innovation import access
from innovation.consultations import log_consultation
from innovation.forms import (
    AssignmentForm,
    CommentForm,
    ConsultationForm,
    DocumentForm,
    MoveForm,
)
from innovation.models import AssignmentKind, ProjectAssignment, ProjectDocument
from innovation.projects import add_comment, add_document, assign, remove_assignment
from innovation.stages import move_stage
from innovation.views import project_for
from internships.attachments import attachment_response


def _accompanied(request, pk):
    project = project_for(request, pk)
    if not access.may_accompany(request.user, project):
        raise PermissionDenied
    return project


def _move(request, project, data):
    document = data.get("evidence_document")
    if data.get("evidence_file"):
        document = add_document(project=project, upload=data["evidence_file"],
                                title=f"Подтверждение перехода на этап "
                                      f"{data['to_stage'].roman}", uploaded_by=request.user)
    return move_stage(project=project, to_stage=data["to_stage"], moved_on=data["moved_on"],
                      evidence=data["evidence"], moved_by=request.user,
                      evidence_document=document)


@login_required
def project_move(request, pk):
    project = _accompanied(request, pk)
    form = MoveForm(request.POST or None, request.FILES or None,
                    stages=project.programme.innovation_stages.exclude(pk=project.stage_id)
                    .order_by("number"),
                    documents=project.documents.all())
    applied, move = apply_posted_form(request, form, lambda data: _move(request, project, data))
    if applied:
        messages.success(request, f"Проект переведён на этап {move.to_stage}.")
        return redirect("innovation_project", pk=project.pk)
    return render(request, "innovation/move_form.html", {"form": form, "project": project})


@login_required
def project_consult(request, pk):
    project = _accompanied(request, pk)
    form = ConsultationForm(request.POST or None, initial={
        "advisers": request.user.get_full_name() or request.user.get_username()})
    applied, _ = apply_posted_form(request, form, lambda data: log_consultation(
        project=project, held_on=data["held_on"], form=data["form"],
        form_other=data["form_other"], topic=data["topic"], advisers=data["advisers"],
        participants=data["participants"], outcome=data["outcome"],
        recorded_by=request.user))
    if applied:
        messages.success(request, "Методическая помощь записана.")
        return redirect("innovation_project", pk=project.pk)
    return render(request, "innovation/consultation_form.html",
                  {"form": form, "project": project})


@login_required
@require_POST
def project_comment(request, pk):
    project = _accompanied(request, pk)
    form = CommentForm(request.POST)
    applied, _ = apply_posted_form(request, form, lambda data: add_comment(
        project=project, author=request.user, text=data["text"]))
    if applied:
        messages.success(request, "Замечание добавлено.")
    else:
        messages.error(request, " ".join(form.errors.get("text", ["Напишите замечание."])))
    return redirect("innovation_project", pk=project.pk)


@login_required
def project_people(request, pk):
    project = project_for(request, pk)
    if not access.may_assign(request.user, project):
        raise PermissionDenied
    # Anyone of the municipality may be offered; the rule of who may curate names the refusal.
    form = AssignmentForm(request.POST or None,
                          users=access.assignable_users(project, AssignmentKind.TUTOR))
    applied, assignment = apply_posted_form(request, form, lambda data: assign(
        project=project, user=data["user"], kind=data["kind"],
        assigned_on=data["assigned_on"]))
    if applied:
        messages.success(request, f"{assignment.get_kind_display()} назначен: "
                                  f"{assignment.user.get_full_name() or assignment.user}.")
        return redirect("innovation_people", pk=project.pk)
    return render(request, "innovation/people.html", {
        "form": form, "project": project,
        "assignments": project.assignments.select_related("user").order_by("kind", "pk"),
    })


@login_required
@require_POST
def project_unassign(request, pk):
    assignment = get_object_or_404(
        ProjectAssignment.objects.filter(project__in=access.projects_for_user(request.user))
        .select_related("project__programme", "user"), pk=pk)
    if not access.may_assign(request.user, assignment.project):
        raise PermissionDenied
    remove_assignment(assignment=assignment)
    messages.success(request, f"{assignment.user.get_full_name() or assignment.user} "
                              f"больше не {assignment.get_kind_display().lower()} проекта.")
    return redirect("innovation_people", pk=assignment.project_id)


@login_required
@require_POST
def project_document_add(request, pk):
    project = project_for(request, pk)
    if not (access.may_edit_project(request.user, project)
            or access.may_accompany(request.user, project)):
        raise PermissionDenied
    form = DocumentForm(request.POST, request.FILES)
    applied, document = apply_posted_form(request, form, lambda data: add_document(
        project=project, upload=data["file"], title=data["title"], uploaded_by=request.user))
    if applied:
        messages.success(request, f"Документ «{document.original_name}» загружен.")
    else:
        messages.error(request, " ".join(str(error) for errors in form.errors.values()
                                         for error in errors))
    return redirect("innovation_project", pk=project.pk)


@login_required
def project_document(request, pk):
    document = get_object_or_404(
        ProjectDocument.objects.filter(project__in=access.projects_for_user(request.user)),
        pk=pk)
    return attachment_response(document)
