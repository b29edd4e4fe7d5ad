"""Pages of school monitoring: indicators, staffing, the map of needs and offers."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from core.forms import add_service_errors
from diagnostics import monitoring
from diagnostics.access import indicators_for_user, needs_offers_for_user, staffing_for_user
from diagnostics.models import Aspect
from diagnostics.monitoring_forms import (
    IndicatorFilter,
    IndicatorForm,
    NeedsForm,
    NeedsMapForm,
    StaffingForm,
)
from diagnostics.staffing import StaffingRow
from internships.access import periods_for_user
from internships.models import Direction, Period
from internships.views import municipality_wide
from teams.access import (
    has_role,
    organizations_for_user,
    profile_of,
    sees_whole_municipality,
)
from teams.models import Organization, Role


def _pick_period(request, periods: list[Period]) -> Period | None:
    """The period asked for in ?period=, else the latest one (``periods`` newest first)."""
    wanted = request.GET.get("period", "")
    chosen = [period for period in periods if str(period.pk) == wanted]
    return chosen[0] if chosen else periods[0] if periods else None


def _user_periods(request) -> QuerySet[Period]:
    return periods_for_user(request.user).select_related("programme").order_by("-starts_on",
                                                                               "-pk")


def _organization_for(request, pk) -> Organization:
    return get_object_or_404(
        organizations_for_user(request.user).select_related("municipality"), pk=pk
    )


def _periods_of(request, organization: Organization) -> list[Period]:
    return list(_user_periods(request).filter(
        programme__municipality_id=organization.municipality_id))


def _require(request, permission: str, organization: Organization) -> None:
    if not request.user.has_perm(permission, organization):
        raise PermissionDenied


# --- Indicators --------------------------------------------------------------------------

@municipality_wide
def indicators(request):
    periods = list(_user_periods(request))
    period = _pick_period(request, periods)
    rows = []
    indicator_filter = IndicatorFilter(request.GET, queryset=Organization.objects.none())
    if period is not None:
        organizations = monitoring.organizations_with_indicators(
            organizations=organizations_for_user(request.user).filter(
                municipality_id=period.programme.municipality_id
            ).order_by("sort_rank", "number", "short_name"),
            period=period,
        )
        indicator_filter = IndicatorFilter(request.GET, queryset=organizations)
        if indicator_filter.is_valid():
            rows = monitoring.indicator_rows(indicator_filter.qs)
    return render(request, "diagnostics/indicator_table.html", {
        "period": period,
        "periods": periods,
        "filter": indicator_filter,
        "rows": rows,
        "totals": monitoring.IndicatorTotals(rows=rows),
        "known_count": sum(1 for row in rows if row.has_data),
        "can_edit": has_role(request.user, Role.STAFF),
    })


@login_required
def organization_indicators(request, pk):
    organization = _organization_for(request, pk)
    periods = _periods_of(request, organization)
    visible = indicators_for_user(request.user).filter(organization=organization)
    history = monitoring.indicator_history(organization=organization, periods=periods,
                                           indicators=visible)
    return render(request, "diagnostics/indicator_history.html", {
        "organization": organization,
        "history": history,
        "staffings": [
            StaffingRow(organization=organization, staffing=line)
            for line in staffing_for_user(request.user).filter(organization=organization)
            .order_by("-as_of")
        ],
        "can_edit": request.user.has_perm("diagnostics.edit_monitoring", organization),
        "can_see_municipality": sees_whole_municipality(request.user),
    })


@login_required
def indicator_edit(request, pk):
    organization = _organization_for(request, pk)
    _require(request, "diagnostics.edit_monitoring", organization)
    periods = _periods_of(request, organization)
    period = _pick_period(request, periods)
    if period is None:
        messages.error(request, "Учебный год ещё не заведён: показатели вносятся за учебный год.")
        return redirect("organization_indicators", pk=organization.pk)
    indicator = indicators_for_user(request.user).filter(
        organization=organization, period=period
    ).first()
    form = IndicatorForm(request.POST or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            monitoring.save_indicators(organization=organization, period=period,
                                       values=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Показатели {organization.short_name} за {period.title} "
                                      "учебный год сохранены.")
            return redirect("organization_indicators", pk=organization.pk)
    return render(request, "diagnostics/indicator_form.html", {
        "organization": organization, "period": period, "periods": periods, "form": form,
    })


# --- Staffing ----------------------------------------------------------------------------

def _pick_date(request, dates: list[datetime.date]) -> datetime.date | None:
    wanted = request.GET.get("as_of", "")
    for day in dates:
        if day.isoformat() == wanted:
            return day
    return dates[0] if dates else None


@municipality_wide
def staffing(request):
    staffings = staffing_for_user(request.user)
    dates = monitoring.staffing_dates(staffings)
    as_of = _pick_date(request, dates)
    table = monitoring.staffing_table(
        staffings=staffings, as_of=as_of, organizations=organizations_for_user(request.user),
    ) if as_of else None
    return render(request, "diagnostics/staffing_table.html", {
        "as_of": as_of,
        "dates": dates,
        "table": table,
        "can_edit": has_role(request.user, Role.STAFF),
        "organizations": organizations_for_user(request.user).order_by(
            "sort_rank", "number", "short_name") if has_role(request.user, Role.STAFF) else [],
    })


@login_required
def staffing_edit(request, pk):
    organization = _organization_for(request, pk)
    _require(request, "diagnostics.edit_monitoring", organization)
    existing = None
    wanted = request.GET.get("as_of", "")
    try:
        day = datetime.date.fromisoformat(wanted) if wanted else None
    except ValueError:
        day = None
    if day is not None:
        existing = staffing_for_user(request.user).filter(
            organization=organization, as_of=day
        ).first()
    initial = {"as_of": day}
    if existing is not None:
        initial.update({name: getattr(existing, name) for name in monitoring.STAFFING_FIELDS})
    form = StaffingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in monitoring.STAFFING_FIELDS}
        try:
            saved = monitoring.save_staffing(organization=organization,
                                             as_of=form.cleaned_data["as_of"], values=values)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Кадровый состав {organization.short_name} на "
                                      f"{saved.as_of:%d.%m.%Y} сохранён.")
            return redirect(f"{reverse('staffing')}?as_of={saved.as_of.isoformat()}")
    return render(request, "diagnostics/staffing_form.html", {
        "organization": organization, "form": form, "existing": existing,
    })


# --- Needs and offers --------------------------------------------------------------------

def _needs_page(request, organization: Organization, *, own: bool):
    periods = _periods_of(request, organization)
    period = _pick_period(request, periods)
    can_edit = request.user.has_perm("diagnostics.edit_needs", organization)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    context = {"organization": organization, "period": period, "periods": periods,
               "own": own, "can_edit": can_edit, "form": None,
               # Only who sees the whole municipality may open the map: no crumb to a 403.
               "sees_map": sees_whole_municipality(request.user)}
    if period is None:
        return render(request, "diagnostics/needs_form.html", context)
    directions = list(Direction.objects.filter(programme_id=period.programme_id))
    existing = {
        (line.direction_id, line.aspect): line
        for line in needs_offers_for_user(request.user).filter(organization=organization,
                                                               period=period)
    }
    form = NeedsForm(request.POST or None, directions=directions, existing=existing)
    if request.method == "POST" and form.is_valid():
        try:
            saved = monitoring.replace_needs_offers(organization=organization, period=period,
                                                    lines=form.lines())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Карта потребностей и предложений за {period.title} "
                                      f"учебный год сохранена: отмечено строк — {len(saved)}.")
            return redirect(f"{request.path}?period={period.pk}")
    context.update(form=form, existing=existing, directions=directions)
    return render(request, "diagnostics/needs_form.html", context)


@login_required
def my_needs(request):
    profile = profile_of(request.user)
    if profile is None or profile.role != Role.SCHOOL or request.user.is_superuser:
        if sees_whole_municipality(request.user):
            return redirect("needs_map")
        raise PermissionDenied
    return _needs_page(request, _organization_for(request, profile.organization_id), own=True)


@login_required
def organization_needs(request, pk):
    return _needs_page(request, _organization_for(request, pk), own=False)


@municipality_wide
def needs_map(request):
    periods = list(_user_periods(request))
    period = _pick_period(request, periods)
    form = NeedsMapForm(request.GET)
    aspect = form.cleaned_data["aspect"] if form.is_valid() else ""
    needs_map_data = None
    if period is not None:
        needs_map_data = monitoring.build_needs_map(
            organizations=organizations_for_user(request.user).filter(
                municipality_id=period.programme.municipality_id),
            lines=needs_offers_for_user(request.user),
            period=period,
            aspect=aspect or None,
        )
    return render(request, "diagnostics/needs_map.html", {
        "period": period,
        "periods": periods,
        "form": form,
        "aspect": aspect,
        "aspect_label": Aspect(aspect).label if aspect else "",
        "map": needs_map_data,
    })

