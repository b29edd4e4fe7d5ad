"""«Мои стажировки»: a school team's own page of the year and its participation record."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from core.spreadsheets import xlsx_response
from internships.participation import participation_workbook, school_participation
from internships.views import _selected_period
from teams.access import profile_of
from teams.models import Role


def school_team_only(view):
    """Pages of a school's own team: every other role is refused (403)."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        profile = profile_of(request.user)
        if (profile is None or profile.role != Role.SCHOOL or profile.organization_id is None
                or request.user.is_superuser):
            raise PermissionDenied
        return view(request, profile.organization, *args, **kwargs)

    return wrapper


def _participation(request, organization):
    period, periods = _selected_period(request)
    team = getattr(organization, "team", None)
    if period is None or team is None:
        return None, period, periods
    participation = school_participation(
        user=request.user, team=team, period=period, today=timezone.localdate()
    )
    return participation, period, periods


@school_team_only
def my_internships(request, organization):
    participation, period, periods = _participation(request, organization)
    return render(request, "internships/my_internships.html", {
        "organization": organization,
        "participation": participation,
        "period": period,
        "periods": periods,
        "placed_count": sum(1 for part in participation.parts if part.placement)
        if participation else 0,
    })


@school_team_only
def my_internships_excel(request, organization):
    participation, period, _ = _participation(request, organization)
    if participation is None:
        return render(request, "internships/my_internships.html", {
            "organization": organization, "participation": None, "period": period,
            "periods": [],
        })
    years = f"{period.starts_on.year}-{period.ends_on.year}"
    return xlsx_response(participation_workbook(participation),
                         filename=f"stazhirovki-{organization.pk}-{years}.xlsx")
