"""Exports of an application version («Инновационный поиск»): order a PDF or a Word file,
watch it being built, download it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from innovation.access import versions_for_user
from reports.access import application_exports_for_user
from reports.errors import BrokerUnavailable
from reports.models import ReportKind
from reports.tasks import request_report

RECENT_EXPORTS = 20
FORMATS = {"pdf": ReportKind.APPLICATION_PDF, "docx": ReportKind.APPLICATION_DOCX}


@login_required
def application_exports(request, pk):
    version = get_object_or_404(
        versions_for_user(request.user).select_related(
            "application__project__organization", "application__project__programme",
            "application__programme__municipality"), pk=pk)
    application = version.application
    programme = (application.project.programme if application.project_id
                 else application.programme)
    if request.method == "POST":
        kind = FORMATS.get(request.POST.get("format", ""))
        if kind is None:
            messages.error(request, "Выберите формат выгрузки: PDF или Word (.docx).")
            return redirect("application_exports", pk=version.pk)
        try:
            job = request_report(municipality=programme.municipality, kind=kind, period=None,
                                 requested_by=request.user,
                                 parameters={"version": version.pk})
        except BrokerUnavailable as error:
            messages.error(request, error.message)
        else:
            state = "уже формируется" if job.already_ordered else "заказ принят"
            messages.success(request, f"{job.get_kind_display()}: {state}. Файл появится в "
                                      f"списке ниже.")
        return redirect("application_exports", pk=version.pk)
    jobs = (application_exports_for_user(request.user, version.pk)
            .select_related("period", "requested_by").order_by("-created_at", "-pk")
            [:RECENT_EXPORTS])
    return render(request, "reports/application_exports.html", {
        "version": version, "application": application, "jobs": jobs,
        "version_label": str(version.number),
    })
