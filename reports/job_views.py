"""The «Отчёты» page: order a report, watch it being built, download it."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.downloads import file_download
from reports.access import may_order_reports, report_jobs_for_user
from reports.errors import BrokerUnavailable
from reports.forms import ReportRequestForm
from reports.models import JobStatus, ReportJob
from reports.tasks import request_report
from teams.access import municipalities_for_user, profile_of

JOBS_PER_PAGE = 20


def _municipality(request):
    """Reports are ordered by the staff and analysts of a municipality; an administrator
    without a role of their own chooses the municipality (``?municipality=``)."""
    if not may_order_reports(request.user):
        raise PermissionDenied
    profile = profile_of(request.user)
    if profile is not None:
        return profile.municipality
    chosen = request.GET.get("municipality", "")
    municipalities = municipalities_for_user(request.user).order_by("name", "pk")
    municipality = (municipalities.filter(pk=chosen).first() if chosen.isdigit() else None) \
        or municipalities.first()
    if municipality is None:
        raise Http404("Муниципальных образований ещё нет.")
    return municipality


def _page_url(request, municipality) -> str:
    if profile_of(request.user) is None:
        return f"{reverse('report_jobs')}?municipality={municipality.pk}"
    return reverse("report_jobs")


@login_required
def report_jobs(request):
    municipality = _municipality(request)
    form = ReportRequestForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            job = request_report(
                municipality=municipality, kind=form.cleaned_data["kind"],
                period=form.cleaned_data["period"], requested_by=request.user,
                parameters=form.parameters(),
            )
        except BrokerUnavailable as error:
            messages.error(request, error.message)
        else:
            if job.already_ordered:
                messages.info(request, f"«{job.get_kind_display()}», {job.period.title}, уже "
                                       f"формируется по заказу от "
                                       f"{timezone.localtime(job.created_at):%d.%m.%Y %H:%M}: "
                                       f"повторно он не строится, файл появится в списке.")
            else:
                messages.success(request, f"Заказ принят: «{job.get_kind_display()}», "
                                          f"{job.period.title}. Ход формирования виден в списке.")
        return redirect(_page_url(request, municipality))
    jobs = (
        report_jobs_for_user(request.user)
        .filter(municipality=municipality)
        .select_related("period", "requested_by")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(jobs, JOBS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "reports/jobs.html", {
        "municipality": municipality,
        "municipalities": (municipalities_for_user(request.user).order_by("name", "pk")
                           if profile_of(request.user) is None else None),
        "form": form,
        "page": page,
        "jobs": page.object_list,
        "retention_days": settings.REPORT_RETENTION_DAYS,
    }, status=400 if form.is_bound else 200)


def _job_for(request, pk) -> ReportJob:
    if not request.user.is_authenticated:
        raise Http404
    return get_object_or_404(
        report_jobs_for_user(request.user).select_related("period"), pk=pk
    )


def job_state(job: ReportJob) -> dict:
    """What the page shows of a job; the status JSON and the first render agree."""
    return {
        "id": job.pk,
        "status": job.status,
        "status_label": job.get_status_display(),
        "progress": job.progress,
        "stage": job.stage,
        "error": job.error,
        "finished": job.is_finished,
        "duration": job.duration_text,
        "filename": job.filename,
        "download_url": reverse("report_job_download", args=[job.pk])
        if job.status == JobStatus.DONE else "",
    }


@login_required
@require_GET
def report_job_status(request, pk):
    response = JsonResponse(job_state(_job_for(request, pk)))
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def report_job_download(request, pk):
    job = _job_for(request, pk)
    if job.status != JobStatus.DONE:
        raise Http404
    return file_download(job.file, filename=job.filename or job.file.name.rsplit("/", 1)[-1],
                         cache_control="private, no-store")
