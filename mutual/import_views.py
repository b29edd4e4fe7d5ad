"""The Excel page of an organization's answer: download it in the upload's columns (the
template) and check or load a file in the background, as a shared import job
(``diagnostics.tasks.request_import``); the table is registered in ``mutual/apps.py``."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from diagnostics.access import import_jobs_for_user
from diagnostics.import_forms import LOAD, ImportForm
from diagnostics.tasks import request_import
from mutual.access import answers_for_user, may_load_answers
from mutual.imports import INFO, INSTRUCTIONS, answer_sheet
from teams.access import acting_municipality

RECENT_JOBS = 10


def _municipality(request):
    municipality = acting_municipality(request)
    if municipality is None or not may_load_answers(request.user, municipality.pk):
        raise PermissionDenied
    return municipality


@login_required
def answer_import(request):
    municipality = _municipality(request)
    form = ImportForm(request.POST or None, request.FILES or None, table=INFO.slug,
                      municipality=municipality)
    if request.method == "POST" and form.is_valid():
        job = request_import(table=INFO.slug, municipality=municipality, user=request.user,
                             upload=form.cleaned_data["file"],
                             dry_run=LOAD not in request.POST, options=form.options())
        return redirect("import_job", pk=job.pk)
    return render(request, "mutual/import.html", {
        "table": INFO, "form": form, "instructions": INSTRUCTIONS,
        "jobs": list(import_jobs_for_user(request.user).filter(
            table=INFO.slug, municipality=municipality).select_related("requested_by")
            .order_by("-created_at", "-pk")[:RECENT_JOBS]),
    })


@login_required
def answer_template(request):
    _municipality(request)
    answer = (answers_for_user(request.user).select_related("organization")
              .prefetch_related("rating_rows", "aspect_rows")
              .order_by("-assignment__published_on", "-pk").first())
    return answer_sheet(answer=answer).response()
