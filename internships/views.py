from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.forms import apply_posted_form
from core.links import url_maker
from core.spreadsheets import workbook_response
from internships import mentorships as mentorship_rules
from internships import placements as placement_rules
from internships.access import (
    curated_platform_ids,
    mentorships_for_user,
    periods_for_user,
    placements_for_user,
    platforms_for_user,
)
from internships.filters import OrganizationFilter, PlacementFilter
from internships.forms import (
    EndMentorshipForm,
    MentorshipForm,
    PlacementForm,
    TransferForm,
)
from internships.journal_reads import overdue_events
from internships.matrix import (
    build_matrix,
    matrix_chips,
    matrix_export_rows,
    period_summary,
)
from internships.models import (
    TIER_ORDER,
    Curator,
    Direction,
    Placement,
    Platform,
    Tier,
)
from internships.organization_reads import organization_year
from internships.periods import default_period
from internships.platform_reads import platform_overview
from teams.access import (
    has_role,
    organizations_for_user,
    profile_of,
    sees_whole_municipality,
)
from teams.models import ManagementTeam, Role

# Rows of the organization list per page, as in the administration's lists.
ORGANIZATIONS_PER_PAGE = 100


def municipality_wide(view):
    """Pages for the municipality's staff roles: a school team is refused (403)."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not sees_whole_municipality(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _selected_period(request):
    """The period asked for in ?period=, else the default one among those the user may see."""
    periods = periods_for_user(request.user).select_related("programme")
    wanted = request.GET.get("period", "")
    period = None
    if wanted.isdigit():
        period = periods.filter(pk=wanted).first()
    return period or default_period(periods=periods, today=timezone.localdate()), periods


def _platform_for(request, pk) -> Platform:
    return get_object_or_404(
        platforms_for_user(request.user).select_related(
            "direction", "period__programme__municipality"
        ),
        pk=pk,
    )


@login_required
def home(request):
    profile = profile_of(request.user)
    if profile is not None and profile.role == Role.SCHOOL and not request.user.is_superuser:
        return redirect("organization_detail", pk=profile.organization_id)
    if profile is not None and profile.role == Role.TEACHER and not request.user.is_superuser:
        return redirect("my_page")
    if not sees_whole_municipality(request.user):
        return render(request, "internships/no_role.html")
    period, _ = _selected_period(request)
    context = {"period": period, "tier_labels": [tier.label for tier in TIER_ORDER]}
    if period is not None:
        context.update(period_summary(period=period))
    if has_role(request.user, Role.STAFF, Role.CURATOR):
        context["overdue_events"] = overdue_events(user=request.user,
                                                   today=timezone.localdate())
    if profile is not None and profile.role == Role.CURATOR:
        context["my_platforms"] = (
            Platform.objects.filter(pk__in=curated_platform_ids(request.user))
            .select_related("direction", "period")
            .annotate(team_count=Count("placements"))
            .order_by("-period__starts_on", "direction__number")
        )
    return render(request, "internships/home.html", context)


def _matrix_filter(request):
    period, periods = _selected_period(request)
    data = request.GET.copy()
    if period is not None:
        data["period"] = str(period.pk)
    directions = Direction.objects.filter(programme_id=period.programme_id) if period else (
        Direction.objects.none()
    )
    placement_filter = PlacementFilter(
        data, queryset=placements_for_user(request.user), periods=periods,
        directions=directions,
        localities=organizations_for_user(request.user)
        .values_list("locality", flat=True).distinct(),
    )
    return period, directions, placement_filter


def _matrix_rows(period, directions, placement_filter):
    if not placement_filter.is_valid():
        return build_matrix(period=period, directions=directions,
                            placements=Placement.objects.none())
    chosen = placement_filter.form.cleaned_data.get("direction")
    if chosen is not None:
        directions = directions.filter(pk=chosen.pk)
    return build_matrix(period=period, directions=directions,
                        placements=matrix_chips(placement_filter.qs))


@municipality_wide
def matrix(request):
    period, directions, placement_filter = _matrix_filter(request)
    rows = _matrix_rows(period, directions, placement_filter) if period else []
    shown = [placement for row in rows for cell in row.columns for placement in cell]
    return render(request, "internships/matrix.html", {
        "period": period,
        "filter": placement_filter,
        "rows": rows,
        "tiers": [(tier, Tier(tier).label) for tier in TIER_ORDER],
        "placement_count": len(shown),
        "organization_count": len({placement.team_id for placement in shown}),
        "query": request.GET.urlencode(),
    })


@municipality_wide
def matrix_excel(request):
    period, directions, placement_filter = _matrix_filter(request)
    rows = _matrix_rows(period, directions, placement_filter) if period else []
    years = f"-{period.starts_on.year}-{period.ends_on.year}" if period else ""
    return workbook_response(
        filename=f"raspredelenie{years}.xlsx",
        title="Распределение",
        headers=["№ направления", "Направление", "Организация", "Уровень", "Кураторы"],
        rows=matrix_export_rows(rows),
        widths=[14, 60, 24, 30, 36],
    )


@municipality_wide
def organization_list(request):
    period, _ = _selected_period(request)
    organizations = organizations_for_user(request.user).annotate(
        leading_count=Count("team__placements", filter=Q(
            team__placements__platform__period=period, team__placements__tier=Tier.LEADER)),
        placement_count=Count("team__placements", filter=Q(
            team__placements__platform__period=period)),
    ).order_by("sort_rank", "number", "short_name")
    organization_filter = OrganizationFilter(
        request.GET, queryset=organizations,
        localities=organizations_for_user(request.user)
        .values_list("locality", flat=True).distinct(),
    )
    # Read in one query and shown by pages: the counts stay those of the whole list.
    rows = list(organization_filter.qs) if organization_filter.is_valid() else []
    page = Paginator(rows, ORGANIZATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "internships/organization_list.html", {
        "period": period,
        "filter": organization_filter,
        "page": page,
        "organizations": page.object_list,
    })


@login_required
def organization_detail(request, pk):
    organization = get_object_or_404(
        organizations_for_user(request.user).select_related("municipality", "team", "parent"),
        pk=pk,
    )
    period, periods = _selected_period(request)
    return render(request, "internships/organization_detail.html", {
        "organization": organization,
        "period": period,
        "periods": periods,
        "can_see_platforms": sees_whole_municipality(request.user),
        **organization_year(user=request.user, organization=organization, period=period),
    })


@login_required
def platform_detail(request, pk):
    platform = get_object_or_404(
        platforms_for_user(request.user)
        .select_related("direction", "period__programme__municipality")
        .prefetch_related(Prefetch("curators", queryset=Curator.objects.order_by("short_name"))),
        pk=pk,
    )
    overview = platform_overview(user=request.user, platform=platform)
    _link_placements(overview["columns"])
    return render(request, "internships/platform_detail.html", {
        "platform": platform,
        "can_manage_placements": request.user.has_perm("internships.manage_placements", platform),
        "can_run_platform": request.user.has_perm("internships.run_platform", platform),
        **overview,
    })


def _link_placements(columns) -> None:
    """The addresses of each team's organization, transfer and removal, each pattern
    reversed once for the hundreds of teams of a platform."""
    organization_url = url_maker("organization_detail")
    transfer_url = url_maker("transfer_create")
    delete_url = url_maker("placement_delete")
    for _, _, placements in columns:
        for placement in placements:
            placement.organization_url = organization_url(placement.team.organization_id)
            placement.transfer_url = transfer_url(placement.pk)
            placement.delete_url = delete_url(placement.pk)


def _require(request, permission, platform):
    if not request.user.has_perm(permission, platform):
        raise PermissionDenied


def _platform_form_page(request, *, form, platform, title, apply, success, placement=None):
    """Parse the form and apply the business rule; a refusal is shown on the form.

    ``?back=journal`` (the form opened from the platform's journal) returns there.
    """
    back_to_journal = request.GET.get("back") == "journal"
    back = "journal" if back_to_journal else "platform_detail"
    applied, result = apply_posted_form(request, form, apply)
    if applied:
        messages.success(request, success(result))
        return redirect(back, pk=platform.pk)
    return render(request, "internships/form_page.html", {
        "platform": platform, "placement": placement, "form": form, "title": title,
        "back_to_journal": back_to_journal,
    })


@login_required
def placement_add(request, pk):
    platform = _platform_for(request, pk)
    _require(request, "internships.manage_placements", platform)
    teams = ManagementTeam.objects.filter(
        organization__municipality_id=platform.period.programme.municipality_id
    ).select_related("organization")
    return _platform_form_page(
        request,
        form=PlacementForm(request.POST or None, teams=teams),
        platform=platform,
        title="Распределить команду",
        apply=lambda data: placement_rules.place_team(
            team=data["team"], platform=platform, tier=data["tier"]
        ),
        success=lambda placement: (
            f"{placement.team.organization.short_name} распределена: "
            f"{placement.get_tier_display().lower()}."
        ),
    )


@login_required
def placement_delete(request, pk):
    placement = get_object_or_404(
        placements_for_user(request.user).select_related(
            "team__organization", "platform__direction", "platform__period__programme"
        ),
        pk=pk,
    )
    platform = placement.platform
    _require(request, "internships.manage_placements", platform)
    if request.method == "POST":
        try:
            placement_rules.remove_placement(placement=placement)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, f"{placement.team.organization.short_name} снята с площадки."
            )
        return redirect("platform_detail", pk=platform.pk)
    return render(request, "internships/placement_delete.html", {
        "placement": placement, "platform": platform,
    })


@login_required
def transfer_create(request, pk):
    placement = get_object_or_404(
        placements_for_user(request.user).select_related(
            "team__organization", "platform__direction", "platform__period__programme"
        ),
        pk=pk,
    )
    platform = placement.platform
    _require(request, "internships.run_platform", platform)
    return _platform_form_page(
        request,
        form=TransferForm(request.POST or None, current_tier=placement.tier,
                          period=platform.period),
        platform=platform,
        placement=placement,
        title=f"Перевод команды {placement.team.organization.short_name}",
        apply=lambda data: placement_rules.transfer_team(
            placement=placement,
            to_tier=data["to_tier"],
            transferred_on=data["transferred_on"],
            reason=data["reason"],
            recorded_by=request.user,
        ),
        success=lambda transfer: (
            f"{placement.team.organization.short_name} переведена: "
            f"{transfer.get_to_tier_display().lower()}."
        ),
    )


@login_required
def mentorship_add(request, pk):
    platform = _platform_for(request, pk)
    _require(request, "internships.run_platform", platform)
    return _platform_form_page(
        request,
        form=MentorshipForm(
            request.POST or None,
            mentors=mentorship_rules.mentor_candidates(platform=platform),
            mentees=mentorship_rules.mentee_candidates(platform=platform),
            period=platform.period,
        ),
        platform=platform,
        title="Назначить наставника",
        apply=lambda data: _start_mentorship(request, platform, data),
        success=lambda mentorship: (
            f"Наставник назначен: {mentorship.mentor.organization.short_name} → "
            f"{mentorship.mentee.organization.short_name}."
        ),
    )


def _start_mentorship(request, platform, data):
    """Pair the teams; a mentor past the programme's norm is allowed, with a warning."""
    mentorship = mentorship_rules.start_mentorship(
        platform=platform,
        mentor=data["mentor"],
        mentee=data["mentee"],
        started_on=data["started_on"],
    )
    load = mentorship_rules.mentor_load(team=mentorship.mentor, period=platform.period)
    if load.over_capacity:
        messages.warning(
            request,
            f"У команды {mentorship.mentor.organization.short_name} теперь подопечных команд: "
            f"{load.mentees} — больше нормы проекта ({load.capacity}). "
            "Проверьте, хватит ли у неё сил, или назначьте другого наставника.",
        )
    return mentorship


@login_required
@require_POST
def mentorship_end(request, pk):
    mentorship = get_object_or_404(
        mentorships_for_user(request.user).select_related(
            "platform__direction", "platform__period__programme"
        ),
        pk=pk,
    )
    _require(request, "internships.run_platform", mentorship.platform)
    form = EndMentorshipForm(request.POST)
    if form.is_valid():
        try:
            mentorship_rules.end_mentorship(
                mentorship=mentorship, ended_on=form.cleaned_data["ended_on"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Наставничество завершено.")
    else:
        messages.error(request, "Укажите дату окончания в формате ДД.ММ.ГГГГ.")
    return redirect("platform_detail", pk=mentorship.platform_id)
