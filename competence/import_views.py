"""The Excel page of person diagnostics: download the expert results, check or load a file in
the background and follow the job."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from competence.access import may_keep_any, results_import_jobs_for_user
from competence.import_jobs import job_report
from competence.imports import INFO, INSTRUCTIONS, results_sheet
from competence.tasks import request_results_import
from diagnostics.import_forms import LOAD, ImportForm
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
        job = request_results_import(municipality=municipality, user=request.user,
                                     upload=form.cleaned_data["file"],
                                     dry_run=LOAD not in request.POST)
        return redirect("competence_import_job", pk=job.pk)
    return render(request, "competence/import.html", {
        "table": INFO, "form": form, "instructions": INSTRUCTIONS,
        "jobs": list(results_import_jobs_for_user(request.user).filter(
            municipality=municipality).select_related("requested_by")[:RECENT_JOBS]),
    })


@login_required
def results_import_job(request, pk):
    job = get_object_or_404(results_import_jobs_for_user(request.user)
                            .select_related("requested_by"), pk=pk)
    return render(request, "competence/import_job.html", {
        "job": job, "table": INFO, "report": job_report(job)})


@login_required
def results_export(request):
    municipality = _municipality(request)
    return results_sheet(municipality=municipality, viewer=request.user).response()
