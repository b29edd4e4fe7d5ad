"""The page of a methodological service's specialists in the diagnostics of persons."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from competence.access import results_for_user
from competence.service_reads import specialists_levels
from people.access import organizations_with_people_for_user
from services.access import services_for_user


@login_required
def service_specialists(request, pk):
    """Levels name people (152-ФЗ): only those who read the results of the service's
    organization see the page; the results are the user's own scope."""
    service = get_object_or_404(services_for_user(request.user), pk=pk)
    if service.organization_id is None or not organizations_with_people_for_user(
            request.user).filter(pk=service.organization_id).exists():
        raise PermissionDenied
    return render(request, "competence/service_specialists.html", {
        "service": service,
        "rows": specialists_levels(service, results_for_user(request.user)),
    })
