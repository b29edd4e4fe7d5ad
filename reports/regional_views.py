"""The Excel page of the region's motivating monitoring: the figures loaded for each
academic year with the municipality's place, and a file checked or loaded in the
background (a shared import job, ``diagnostics.tasks.request_import``); the table is
registered in ``reports/apps.py``."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render

from diagnostics.access import import_jobs_for_user
from diagnostics.import_forms import LOAD, ImportForm
from diagnostics.tasks import request_import
from reports.models import RegionalIndicator
from reports.regional_monitoring import INFO, INSTRUCTIONS, may_load_any
from teams.access import acting_municipality

RECENT_JOBS = 10


@login_required
def regional_monitoring_import(request):
    """A valid file becomes a background job, whose page follows it."""
    if not may_load_any(request.user):
        raise PermissionDenied
    municipality = acting_municipality(request)
    if municipality is None:
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None, table=INFO.slug,
                      municipality=municipality)
    if request.method == "POST" and form.is_valid():
        job = request_import(table=INFO.slug, municipality=municipality, user=request.user,
                             upload=form.cleaned_data["file"],
                             dry_run=LOAD not in request.POST, options=form.options())
        return redirect("import_job", pk=job.pk)
    return render(request, "reports/regional_monitoring.html", {
        "table": INFO, "form": form, "instructions": INSTRUCTIONS,
        "lines": list(RegionalIndicator.objects.filter(municipality=municipality)
                      .select_related("period").order_by("-period__starts_on", "number")),
        "jobs": list(import_jobs_for_user(request.user).filter(
            table=INFO.slug, municipality=municipality).select_related("requested_by")
            .order_by("-created_at", "-pk")[:RECENT_JOBS]),
    })
