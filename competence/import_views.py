"""The Excel page of person diagnostics: download the expert results, check or load a file."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from competence.access import may_keep_any
from competence.imports import INFO, INSTRUCTIONS, results_sheet
from diagnostics.import_forms import LOAD, ImportForm
from diagnostics.imports.tables import import_file
from teams.access import acting_municipality


def _municipality(request):
    if not may_keep_any(request.user):
        raise PermissionDenied
    municipality = acting_municipality(request)
    if municipality is None:
        raise Http404
    return municipality


@login_required
def results_import(request):
    """All or nothing: a check (or a load) answers with the row and column report."""
    municipality = _municipality(request)
    form = ImportForm(request.POST or None, request.FILES or None, table=INFO.slug,
                      municipality=municipality)
    report = None
    if request.method == "POST" and form.is_valid():
        report = import_file(INFO.slug, municipality=municipality,
                             file=form.cleaned_data["file"], dry_run=LOAD not in request.POST,
                             imported_by=request.user)
    return render(request, "competence/import.html", {
        "table": INFO, "form": form, "report": report, "instructions": INSTRUCTIONS})


@login_required
def results_export(request):
    municipality = _municipality(request)
    return results_sheet(municipality=municipality, viewer=request.user).response()
