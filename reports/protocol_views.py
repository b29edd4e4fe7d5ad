"""Ordering a contest's results protocol (PDF or Excel) from its results page; the job is
then watched and downloaded on the «Отчёты» page like any other."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from contests.access import contests_for_user, may_keep
from reports.errors import BrokerUnavailable
from reports.models import ReportKind
from reports.tasks import request_report

FORMATS = {"pdf": ReportKind.CONTEST_PDF, "xlsx": ReportKind.CONTEST_XLSX}


@login_required
@require_POST
def contest_protocol(request, pk):
    contest = get_object_or_404(contests_for_user(request.user).select_related(
        "programme__municipality"), pk=pk)
    if not may_keep(request.user, contest):
        raise PermissionDenied
    kind = FORMATS.get(request.POST.get("format", ""))
    if kind is None:
        messages.error(request, "Выберите формат протокола: PDF или Excel.")
        return redirect("contest_results", pk=contest.pk)
    try:
        job = request_report(municipality=contest.programme.municipality, kind=kind,
                             period=None, requested_by=request.user,
                             parameters={"contest": contest.pk})
    except BrokerUnavailable as error:
        messages.error(request, error.message)
        return redirect("contest_results", pk=contest.pk)
    if job.already_ordered:
        messages.info(request, f"«{job.get_kind_display()}» уже формируется: файл появится в "
                               f"списке отчётов.")
    else:
        messages.success(request, f"Заказ принят: «{job.get_kind_display()}». Ход формирования "
                                  f"и файл — в списке отчётов.")
    return redirect("report_jobs")
