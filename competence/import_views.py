"""The Excel page of person diagnostics: download the expert results, check or load a file in
the background. The file becomes a shared import job (``diagnostics.tasks.request_import``)
whose page follows it; the table is registered in ``competence/apps.py``."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render

from competence.access import may_keep_any
from competence.imports import INFO, INSTRUCTIONS, results_sheet
from diagnostics.access import import_jobs_for_user
from diagnostics.import_forms import LOAD, ImportForm
from diagnostics.tasks import request_import
from teams.access import acting_municipality

RECENT_JOBS = 10


def _municipality(request):
    if not may_keep_any(request.user):
        raise PermissionDenied
    municipality = acting_municipality(request)
    if municipality is None:
        raise Http404
    return municipality


@login_required
def results_import(request):
    """A valid file becomes a background job, whose page follows it."""
    municipality = _municipality(request)
    form = ImportForm(request.POST or None, request.FILES or None, table=INFO.slug,
                      municipality=municipality)
    if request.method == "POST" and form.is_valid():
        job = request_import(table=INFO.slug, municipality=municipality, user=request.user,
                             upload=form.cleaned_data["file"],
                             dry_run=LOAD not in request.POST, options=form.options())
        return redirect("import_job", pk=job.pk)
    return render(request, "competence/import.html", {
        "table": INFO, "form": form, "instructions": INSTRUCTIONS,
        "jobs": list(import_jobs_for_user(request.user).filter(
            table=INFO.slug, municipality=municipality).select_related("requested_by")
            .order_by("-created_at", "-pk")[:RECENT_JOBS]),
    })


@login_required
def results_export(request):
    municipality = _municipality(request)
    return results_sheet(municipality=municipality, viewer=request.user).response()
