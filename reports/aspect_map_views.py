"""Ordering the map of problems and solutions as Excel or a one-page PDF; the job is then
watched and downloaded on the «Отчёты» page like any other."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from reports.access import may_order_reports
from reports.errors import BrokerUnavailable
from reports.models import ReportKind
from reports.tasks import request_report
from teams.access import acting_municipality

FORMATS = {"pdf": ReportKind.ASPECT_MAP_PDF, "xlsx": ReportKind.ASPECT_MAP_XLSX}


@login_required
@require_POST
def aspect_map_export(request):
    if not may_order_reports(request.user):
        raise PermissionDenied
    kind = FORMATS.get(request.POST.get("format", ""))
    year = request.POST.get("year", "")
    if kind is None or not year.isdigit():
        messages.error(request, "Выберите учебный год и формат карты: PDF или Excel.")
        return redirect("aspect_map")
    try:
        job = request_report(municipality=acting_municipality(request), kind=kind,
                             period=None, requested_by=request.user,
                             parameters={"year": int(year)})
    except BrokerUnavailable as error:
        messages.error(request, error.message)
        return redirect("aspect_map")
    if job.already_ordered:
        messages.info(request, f"«{job.get_kind_display()}» уже формируется: файл появится в "
                               f"списке отчётов.")
    else:
        messages.success(request, f"Заказ принят: «{job.get_kind_display()}». Ход формирования "
                                  f"и файл — в списке отчётов.")
    return redirect("report_jobs")
