"""Pages of the Excel imports and exports: the hub, an import page per table, downloads."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from diagnostics.access import (
    downloadable_tables,
    import_jobs_for_user,
    importable_tables,
    loadable_registered,
    may_load_table,
)
from diagnostics.exports import INSTRUCTIONS, export_sheet, template_sheet
from diagnostics.import_forms import LOAD, ImportForm
from diagnostics.imports.job_reads import job_list, job_report, job_rows, job_state
from diagnostics.imports.tables import REGISTERED, TABLES, table_info
from diagnostics.tasks import request_import
from teams.access import acting_municipality, profile_of, sees_whole_municipality
from teams.models import Municipality

JOBS_PER_PAGE = 20


def _municipality_for(request, table: str) -> Municipality:
    """The user's municipality, if the table's template and export are theirs to download."""
    if table not in downloadable_tables(request.user):
        raise PermissionDenied
    return _acting(request)


def _acting(request) -> Municipality:
    municipality = acting_municipality(request)
    if municipality is None:
        raise Http404("Муниципальных образований ещё нет.")
    return municipality


def _parent_page(table: str) -> tuple[str, str]:
    """Where the import page leads back to: the register for people, else the hub."""
    if TABLES[table].personal:
        return reverse("teacher_list"), "Педагоги"
    return reverse("imports"), "Загрузка данных"


def _acting_id(request) -> int | None:
    profile = profile_of(request.user)
    if profile is not None:
        return profile.municipality_id
    municipality = acting_municipality(request)
    return municipality.pk if municipality else None


def _upload_url(table: str) -> str:
    """The page that uploads the table: the hub's page, or a registered table's own."""
    registration = REGISTERED.get(table)
    return reverse(registration.page if registration else f"import_{table}")


@login_required
def imports(request):
    """The hub is for the municipality-wide roles; a school loads its people from the
    register of teachers."""
    if not sees_whole_municipality(request.user):
        raise PermissionDenied
    municipality = _acting(request)
    allowed = importable_tables(request.user)
    downloadable = downloadable_tables(request.user)
    return render(request, "diagnostics/import_hub.html", {
        "tables": [(info, info.slug in allowed) for info in TABLES.values()
                   if info.slug in downloadable],
        "can_import": bool(allowed),
        "municipality": municipality,
        "municipalities": (Municipality.objects.order_by("name", "pk")
                           if profile_of(request.user) is None else None),
    })


@login_required
def import_table(request, table: str):
    """The upload form; a valid file becomes a background job, whose page follows it."""
    if table not in importable_tables(request.user):
        raise PermissionDenied
    municipality = _acting(request)
    form = ImportForm(request.POST or None, request.FILES or None, table=table,
                      municipality=municipality)
    if request.method == "POST" and form.is_valid():
        job = request_import(table=table, municipality=municipality, user=request.user,
                             upload=form.cleaned_data["file"],
                             dry_run=LOAD not in request.POST, options=form.options())
        return redirect("import_job", pk=job.pk)
    parent_url, parent_label = _parent_page(table)
    return render(request, "diagnostics/import_page.html", {
        "table": TABLES[table], "form": form,
        "instructions": INSTRUCTIONS.get(table, ()),
        "parent_url": parent_url, "parent_label": parent_label,
    })


def _job_for(request, pk):
    return get_object_or_404(import_jobs_for_user(request.user).select_related("requested_by"),
                             pk=pk)


@login_required
def import_job(request, pk):
    job = _job_for(request, pk)
    can_upload = may_load_table(request.user, job.table, job.municipality_id)
    return render(request, "diagnostics/import_job.html", {
        "job": job, "table": table_info(job.table), "state": job_state(job),
        "report": job_report(job), "can_upload": can_upload,
        "upload_url": _upload_url(job.table) if can_upload else "",
    })


@login_required
@require_GET
def import_job_status(request, pk):
    response = JsonResponse(job_state(_job_for(request, pk)))
    response["Cache-Control"] = "no-store"
    return response


@login_required
def import_jobs(request):
    """The user's uploads (the department's staff: the municipality's), newest first; the
    tables of the hub and the registered ones the user may load."""
    uploads = [(TABLES[slug].title, reverse(f"import_{slug}"))
               for slug in importable_tables(request.user)]
    uploads += [(registration.info.title, reverse(registration.page))
                for registration in loadable_registered(request.user,
                                                        _acting_id(request))]
    if not uploads:
        raise PermissionDenied
    page = Paginator(job_list(request.user), JOBS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "diagnostics/import_jobs.html", {
        "page": page, "rows": job_rows(page.object_list), "uploads": uploads,
    })


@login_required
def export_table(request, table: str):
    municipality = _municipality_for(request, table)
    return export_sheet(table, municipality=municipality, viewer=request.user).response()


@login_required
def import_template(request, table: str):
    _municipality_for(request, table)
    return template_sheet(table).response()
