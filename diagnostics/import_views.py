"""Pages of the Excel imports and exports: the hub, an import page per table, downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse

from diagnostics.access import downloadable_tables, importable_tables
from diagnostics.exports import INSTRUCTIONS, export_sheet, template_sheet
from diagnostics.import_forms import LOAD, ImportForm
from diagnostics.imports.tables import TABLES, import_file
from teams.access import has_role, profile_of, sees_whole_municipality
from teams.models import Municipality, Role


def _municipality_for(request, table: str) -> Municipality:
    """The user's municipality, if the table's template and export are theirs to download."""
    if table not in downloadable_tables(request.user):
        raise PermissionDenied
    return profile_of(request.user).municipality


def _parent_page(table: str) -> tuple[str, str]:
    """Where the import page leads back to: the register for people, else the hub."""
    if TABLES[table].personal:
        return reverse("teacher_list"), "Педагоги"
    return reverse("imports"), "Загрузка данных"


@login_required
def imports(request):
    """The hub is for the municipality-wide roles; a school loads its people from the
    register of teachers."""
    if profile_of(request.user) is None or not sees_whole_municipality(request.user):
        raise PermissionDenied
    allowed = importable_tables(request.user)
    downloadable = downloadable_tables(request.user)
    return render(request, "diagnostics/import_hub.html", {
        "tables": [(info, info.slug in allowed) for info in TABLES.values()
                   if info.slug in downloadable],
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
        if table == "teachers":
            options["imported_by"] = request.user
        report = import_file(table, municipality=municipality,
                             file=form.cleaned_data["file"], dry_run=LOAD not in request.POST,
                             **options)
        if report.written:
            messages.success(request, report.summary())
    parent_url, parent_label = _parent_page(table)
    return render(request, "diagnostics/import_page.html", {
        "table": TABLES[table], "form": form, "report": report,
        "instructions": INSTRUCTIONS.get(table, ()),
        "parent_url": parent_url, "parent_label": parent_label,
    })


@login_required
def export_table(request, table: str):
    municipality = _municipality_for(request, table)
    return export_sheet(table, municipality=municipality, viewer=request.user).response()


@login_required
def import_template(request, table: str):
    _municipality_for(request, table)
    return template_sheet(table).response()
