"""Pages of the Excel imports and exports: the hub, an import page per table, downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from diagnostics.exports import export_sheet, template_sheet
from diagnostics.import_forms import LOAD, ImportForm
from diagnostics.imports.tables import TABLES, import_file
from internships.access import curated_platform_ids
from teams.access import has_role, profile_of, sees_whole_municipality
from teams.models import Municipality, Role


def importable_tables(user) -> list[str]:
    """Staff import every table; a curator the diagnoses of the platforms they curate."""
    if profile_of(user) is None:
        return []
    if has_role(user, Role.STAFF):
        return list(TABLES)
    if has_role(user, Role.CURATOR) and curated_platform_ids(user):
        return ["diagnoses"]
    return []


def _municipality_for_downloads(request) -> Municipality:
    """Exports are for the municipality's staff roles (staff, curators, analysts)."""
    profile = profile_of(request.user)
    if profile is None or not sees_whole_municipality(request.user):
        raise PermissionDenied
    return profile.municipality


@login_required
def imports(request):
    _municipality_for_downloads(request)
    allowed = importable_tables(request.user)
    return render(request, "diagnostics/import_hub.html", {
        "tables": [(info, info.slug in allowed) for info in TABLES.values()],
        "can_import": bool(allowed),
    })


@login_required
def import_table(request, table: str):
    if table not in importable_tables(request.user):
        raise PermissionDenied
    municipality = profile_of(request.user).municipality
    form = ImportForm(request.POST or None, request.FILES or None, table=table,
                      municipality=municipality)
    report = None
    if request.method == "POST" and form.is_valid():
        options = form.options()
        if table == "diagnoses":
            options["entered_by"] = request.user
            if not has_role(request.user, Role.STAFF):
                options["curated_by"] = request.user
        report = import_file(table, municipality=municipality,
                             file=form.cleaned_data["file"], dry_run=LOAD not in request.POST,
                             **options)
        if report.written:
            messages.success(request, report.summary())
    return render(request, "diagnostics/import_page.html", {
        "table": TABLES[table], "form": form, "report": report,
    })


@login_required
def export_table(request, table: str):
    municipality = _municipality_for_downloads(request)
    return export_sheet(table, municipality=municipality).response()


@login_required
def import_template(request, table: str):
    _municipality_for_downloads(request)
    return template_sheet(table).response()
