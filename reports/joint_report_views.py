"""The PDF of a network's joint report: the coordinator orders it, everyone who sees the
report watches it being built and downloads it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from networks.access import joint_reports_for_user, may_manage
from reports.access import joint_report_exports_for_user
from reports.errors import BrokerUnavailable
from reports.models import ReportKind
from reports.tasks import request_report

RECENT_EXPORTS = 20


@login_required
def joint_report_exports(request, pk):
    report = get_object_or_404(joint_reports_for_user(request.user).select_related(
        "network__hub_municipality"), pk=pk)
    can_order = may_manage(request.user, report.network)
    if request.method == "POST":
        if not can_order:
            raise PermissionDenied
        try:
            job = request_report(municipality=report.network.hub_municipality,
                                 kind=ReportKind.JOINT_REPORT, period=None,
                                 requested_by=request.user,
                                 parameters={"joint_report": report.pk})
        except BrokerUnavailable as error:
            messages.error(request, error.message)
        else:
            state = "уже собирается" if job.already_ordered else "заказ принят"
            messages.success(request, f"PDF совместного отчёта: {state}. Файл появится в "
                                      f"списке ниже.")
        return redirect("joint_report_exports", pk=report.pk)
    jobs = (joint_report_exports_for_user(request.user, report.pk)
            .select_related("period", "requested_by").order_by("-created_at", "-pk")
            [:RECENT_EXPORTS])
    return render(request, "reports/joint_report_exports.html", {
        "report": report, "network": report.network, "jobs": jobs, "can_order": can_order,
    })
