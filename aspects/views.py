"""Pages of the map of problems and effective solutions: the map, the catalogue and its
curation, and an organization's ranked lists."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from aspects import catalogue
from aspects.access import (
    aspects_for_user,
    may_curate,
    may_enter_statements,
    statements_for_user,
)
from aspects.forms import AspectForm, LinkForm, MapFilter, MergeForm, StatementForm
from aspects.map_reads import MapFilters, build_aspect_map, map_years
from aspects.models import ProcessKind, Side, Statement
from core.forms import add_service_errors
from core.school_year import school_year_of
from diagnostics.access import needs_offers_for_user
from internships.models import Direction
from internships.views import municipality_wide
from teams.access import acting_municipality, organizations_for_user, profile_of, role_of
from teams.models import Role


def _directions(municipality):
    return Direction.objects.filter(programme__municipality=municipality).select_related(
        "programme").order_by("programme__starts_on", "number")


def current_school_year(today=None) -> int:
    return school_year_of(today or timezone.localdate())


def _message_error(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@municipality_wide
def aspect_map(request):
    municipality = acting_municipality(request)
    statements = statements_for_user(request.user)
    needs_offers = needs_offers_for_user(request.user)
    years = map_years(statements=statements.filter(organization__municipality=municipality),
                      needs_offers=needs_offers.filter(
                          organization__municipality=municipality))
    directions = _directions(municipality)
    data = request.GET.copy()
    if years and not data.get("year"):
        data["year"] = str(years[0])
    filterset = MapFilter(data, queryset=statements, years=years, directions=directions)
    valid = filterset.is_valid()
    cleaned = filterset.form.cleaned_data if valid else {}
    direction = cleaned.get("direction")
    the_map = build_aspect_map(
        municipality=municipality, statements=statements, needs_offers=needs_offers,
        aspects=aspects_for_user(request.user),
        school_year=int(cleaned["year"]) if cleaned.get("year") else None,
        filters=MapFilters(process_kind=cleaned.get("process_kind") or "",
                           side=cleaned.get("side") or "",
                           direction_id=direction.pk if direction else None,
                           search=(cleaned.get("q") or "").strip()))
    return render(request, "aspects/map.html", {
        "filter": filterset, "map": the_map, "years": years,
        "can_curate": may_curate(request.user),
        # Reports are ordered by the department's staff and analysts («Отчёты»).
        "can_export": role_of(request.user) in (Role.STAFF, Role.ANALYST),
    })


@municipality_wide
def aspect_catalogue(request):
    municipality = acting_municipality(request)
    can_curate = may_curate(request.user)
    form = AspectForm(request.POST or None, directions=_directions(municipality))
    if request.method == "POST":
        if not can_curate:
            raise PermissionDenied
        if form.is_valid():
            try:
                aspect = catalogue.create_aspect(
                    municipality=municipality, wording=form.cleaned_data["wording"],
                    process_kind=form.cleaned_data["process_kind"],
                    direction=form.cleaned_data["direction"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Аспект «{aspect.wording}» добавлен в каталог.")
                return redirect("aspect_catalogue")
    aspects = aspects_for_user(request.user).filter(
        municipality=municipality, merged_into__isnull=True).select_related(
        "direction").prefetch_related("merged")
    counts: dict[int, int] = {}
    for aspect_id in statements_for_user(request.user).filter(
            aspect__in=aspects).values_list("aspect_id", flat=True):
        counts[aspect_id] = counts.get(aspect_id, 0) + 1
    aspects = list(aspects)
    for aspect in aspects:
        aspect.statement_count = counts.get(aspect.pk, 0)
    unlinked = list(statements_for_user(request.user).filter(
        organization__municipality=municipality, aspect__isnull=True).select_related(
        "organization").order_by("-school_year", "process_kind", "text")[:200])
    link_form = LinkForm(aspects=aspects_for_user(request.user).filter(
        municipality=municipality, merged_into__isnull=True))
    return render(request, "aspects/catalogue.html", {
        "aspects": aspects, "form": form, "can_curate": can_curate, "unlinked": unlinked,
        "link_choices": list(link_form.fields["aspect"].queryset.values_list("pk", "wording")),
    })


@municipality_wide
def aspect_detail(request, pk):
    aspect = get_object_or_404(aspects_for_user(request.user).select_related(
        "direction", "merged_into", "municipality"), pk=pk)
    can_curate = may_curate(request.user) and aspect.is_active
    form = AspectForm(request.POST or None, directions=_directions(aspect.municipality),
                      initial={"wording": aspect.wording, "process_kind": aspect.process_kind,
                               "direction": aspect.direction})
    if request.method == "POST":
        if not may_curate(request.user):
            raise PermissionDenied
        if form.is_valid():
            try:
                catalogue.edit_aspect(aspect=aspect, wording=form.cleaned_data["wording"],
                                      process_kind=form.cleaned_data["process_kind"],
                                      direction=form.cleaned_data["direction"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Аспект сохранён.")
                return redirect("aspect_detail", pk=aspect.pk)
    statements = statements_for_user(request.user).filter(aspect=aspect).select_related(
        "organization").order_by("-school_year", "side", "rank", "organization__short_name")
    merge_form = MergeForm(aspects=aspects_for_user(request.user).filter(
        municipality=aspect.municipality, merged_into__isnull=True,
        process_kind=aspect.process_kind).exclude(pk=aspect.pk))
    return render(request, "aspects/detail.html", {
        "aspect": aspect, "form": form, "merge_form": merge_form, "can_curate": can_curate,
        "statements": statements, "merged": aspect.merged.order_by("merged_at"),
        "history": aspect.history.select_related("history_user").order_by("-history_date")[:20],
    })


@require_POST
@municipality_wide
def aspect_merge(request, pk):
    duplicate = get_object_or_404(aspects_for_user(request.user), pk=pk)
    if not may_curate(request.user):
        raise PermissionDenied
    form = MergeForm(request.POST, aspects=aspects_for_user(request.user).filter(
        municipality_id=duplicate.municipality_id))
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("aspect_detail", pk=duplicate.pk)
    try:
        survivor = catalogue.merge_aspects(duplicate=duplicate,
                                           survivor=form.cleaned_data["survivor"])
    except ValidationError as error:
        _message_error(request, error)
        return redirect("aspect_detail", pk=duplicate.pk)
    messages.success(request, f"«{duplicate.wording}» объединён с «{survivor.wording}»: "
                              f"формулировки организаций сохранены.")
    return redirect("aspect_detail", pk=survivor.pk)


@require_POST
@municipality_wide
def aspect_statement_link(request, pk):
    statement = get_object_or_404(statements_for_user(request.user).select_related(
        "organization__municipality"), pk=pk)
    if not may_curate(request.user):
        raise PermissionDenied
    form = LinkForm(request.POST, aspects=aspects_for_user(request.user).filter(
        municipality_id=statement.organization.municipality_id))
    if not form.is_valid():
        messages.error(request, "Выберите аспект из каталога или «новый аспект».")
        return redirect("aspect_catalogue")
    try:
        if form.cleaned_data["aspect"] is None:
            aspect = catalogue.link_to_new_aspect(statement=statement)
        else:
            aspect = form.cleaned_data["aspect"]
            catalogue.link_statement(statement=statement, aspect=aspect)
    except ValidationError as error:
        _message_error(request, error)
        return redirect("aspect_catalogue")
    messages.success(request, f"«{statement.text}» сопоставлена с аспектом «{aspect.wording}».")
    return redirect("aspect_catalogue")


@login_required
def my_aspects(request):
    profile = profile_of(request.user)
    if profile is not None and profile.role == Role.SCHOOL and not request.user.is_superuser:
        return redirect("organization_aspects", pk=profile.organization_id)
    if role_of(request.user) in (Role.STAFF, Role.CURATOR, Role.ANALYST) \
            or request.user.is_superuser:
        return redirect("aspect_map")
    raise PermissionDenied


def _statement_years(organization) -> list[int]:
    current = current_school_year()
    existing = set(Statement.objects.filter(organization=organization)
                   .values_list("school_year", flat=True))
    return sorted(existing | {current - 1, current, current + 1}, reverse=True)


@login_required
def organization_aspects(request, pk):
    organization = get_object_or_404(organizations_for_user(request.user).select_related(
        "municipality"), pk=pk)
    if role_of(request.user) == Role.TEACHER:
        raise PermissionDenied
    can_edit = may_enter_statements(request.user, organization)
    form = StatementForm(request.POST or None, years=_statement_years(organization),
                         initial={"school_year": current_school_year(), "rank": 1})
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                catalogue.record_statement(organization=organization, entered_by=request.user,
                                           **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Формулировка добавлена в рейтинг организации.")
                return redirect("organization_aspects", pk=organization.pk)
    statements = list(statements_for_user(request.user).filter(
        organization=organization).select_related("aspect").order_by(
        "-school_year", "process_kind", "side", "rank"))
    lists = [
        (year, [(kind, side, [s for s in statements if s.school_year == year
                              and s.process_kind == kind and s.side == side])
                for kind in ProcessKind for side in Side])
        for year in sorted({s.school_year for s in statements}, reverse=True)
    ]
    return render(request, "aspects/organization.html", {
        "organization": organization, "form": form, "can_edit": can_edit, "lists": lists,
        "sees_map": role_of(request.user) in (Role.STAFF, Role.CURATOR, Role.ANALYST)
        or request.user.is_superuser,
    })


@require_POST
@login_required
def aspect_statement_delete(request, pk):
    statement = get_object_or_404(statements_for_user(request.user).select_related(
        "organization"), pk=pk)
    if not may_enter_statements(request.user, statement.organization):
        raise PermissionDenied
    catalogue.remove_statement(statement=statement)
    messages.success(request, f"Формулировка «{statement.text}» удалена.")
    return redirect(reverse("organization_aspects", args=[statement.organization_id]))
