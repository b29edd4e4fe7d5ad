"""Pages of school innovation projects: the district board by stage, «Мои проекты», the
project page, registering and editing a project."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render

from core.forms import apply_posted_form
from innovation import access
from innovation.forms import CommentForm, DocumentForm, ProjectForm
from innovation.models import InnovationProject
from innovation.project_reads import board_columns, project_page, project_rows
from innovation.projects import ProjectCard, register_project, update_project
from teams.access import has_role, is_staff_of
from teams.models import Role

PILOT_CHOICES = {"yes": True, "no": False}


def project_for(request, pk) -> InnovationProject:
    return get_object_or_404(
        access.projects_for_user(request.user).select_related(
            "organization", "programme__municipality", "period", "stage"), pk=pk)


def _chosen(request, name: str, options) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and int(value) in options else None


@login_required
def board(request):
    if not access.reads_board(request.user):
        raise PermissionDenied
    programmes = list(access.programmes_for_user(request.user)
                      .annotate(path_length=Count("innovation_stages"))
                      .prefetch_related("periods").order_by("-starts_on", "pk"))
    by_pk = {programme.pk: programme for programme in programmes}
    chosen = _chosen(request, "programme", by_pk)
    # Without a choice, the newest programme that has school projects on its path.
    programme = by_pk[chosen] if chosen else next(
        (item for item in programmes if item.path_length), programmes[0] if programmes else None)
    periods = list(programme.periods.all()) if programme else []
    period_id = _chosen(request, "period", {period.pk for period in periods})
    pilot = PILOT_CHOICES.get(request.GET.get("pilot", ""))
    columns = (board_columns(programme=programme,
                             projects=access.projects_for_user(request.user),
                             period_id=period_id, pilot=pilot) if programme else [])
    return render(request, "innovation/board.html", {
        "programmes": programmes, "programme": programme, "periods": periods,
        "period_id": period_id, "pilot": request.GET.get("pilot", ""),
        "columns": columns, "total": sum(len(column.projects) for column in columns),
        "filtered": period_id is not None or pilot is not None,
        "can_register": has_role(request.user, Role.STAFF),
    })


@login_required
def my_projects(request):
    if not request.user.is_superuser and not has_role(request.user, *Role.values):
        raise PermissionDenied
    return render(request, "innovation/my_projects.html", {
        "projects": project_rows(access.my_projects(request.user)),
        "can_register": access.may_register(request.user),
        "reads_board": access.reads_board(request.user),
        "is_school": has_role(request.user, Role.SCHOOL),
    })


@login_required
def project_detail(request, pk):
    project = project_for(request, pk)
    accompanies = access.may_accompany(request.user, project)
    return render(request, "innovation/project_detail.html", {
        "project": project, **project_page(project=project),
        "can_edit": access.may_edit_project(request.user, project),
        "can_accompany": accompanies,
        "can_assign": access.may_assign(request.user, project),
        "reads_board": access.reads_board(request.user),
        "comment_form": CommentForm() if accompanies else None,
        "document_form": DocumentForm() if access.may_edit_project(request.user, project)
        or accompanies else None,
    })


def _card(data) -> ProjectCard:
    return ProjectCard(theme=data["theme"], key_problem=data["key_problem"],
                       idea=data["idea"], innovation_object=data["innovation_object"],
                       plan=data["plan"])


@login_required
def project_add(request):
    if not access.may_register(request.user):
        raise PermissionDenied
    staff = has_role(request.user, Role.STAFF)
    form = ProjectForm(request.POST or None,
                       organizations=access.registrable_organizations(request.user),
                       periods=access.registrable_periods(request.user), sets_pilot=staff)
    applied, project = apply_posted_form(request, form, lambda data: register_project(
        organization=data["organization"], period=data["period"], card=_card(data),
        is_pilot=data.get("is_pilot", False), registered_by=request.user))
    if applied:
        messages.success(request, f"Проект «{project.theme}» зарегистрирован на этапе "
                                  f"{project.stage.roman}.")
        return redirect("innovation_project", pk=project.pk)
    return render(request, "innovation/project_form.html", {"form": form, "project": None})


@login_required
def project_edit(request, pk):
    project = project_for(request, pk)
    if not access.may_edit_project(request.user, project):
        raise PermissionDenied
    staff = is_staff_of(request.user, project.programme.municipality_id)
    form = ProjectForm(request.POST or None, organizations=None, periods=None,
                       sets_pilot=staff, initial={
                           "is_pilot": project.is_pilot, "theme": project.theme,
                           "key_problem": project.key_problem, "idea": project.idea,
                           "innovation_object": project.innovation_object,
                           "plan": project.plan})
    applied, _ = apply_posted_form(request, form, lambda data: update_project(
        project=project, card=_card(data), is_pilot=data["is_pilot"] if staff else None))
    if applied:
        messages.success(request, "Карточка проекта сохранена.")
        return redirect("innovation_project", pk=project.pk)
    return render(request, "innovation/project_form.html", {"form": form, "project": project})
