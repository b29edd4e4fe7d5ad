"""Monitoring at the programme's control points: the report is ordered by the schedule and
the department's staff get a link by e-mail when it is ready.

Celery beat runs ``run_due_monitoring`` every morning. A control point is due once it is
over — from the day after its last day, when the results of its last day are in — and
for CATCH_UP_DAYS after that, so a day the worker was down is made up on the next run,
while a fresh installation does not order reports of long-past control points. The
report is «по состоянию на» the point's last day. Each control point gets at most one
scheduled report that has not failed: running the schedule twice orders nothing new,
and a failed report is ordered again on the next run.
"""

import datetime
import logging
from collections.abc import Callable
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse

from internships.models import ControlPoint
from reports.errors import BrokerUnavailable
from reports.models import JobStatus, ReportJob, ReportKind
from reports.pdf.data import period_of_control_point
from teams.models import Role, UserProfile

logger = logging.getLogger(__name__)

SCHEDULED = "scheduled"
CONTROL_POINT = "control_point"
NOTIFIED = "notified"
CATCH_UP_DAYS = 14


def scheduled_jobs(point: ControlPoint):
    return ReportJob.objects.filter(kind=ReportKind.MONITORING,
                                    parameters__control_point=point.pk,
                                    parameters__scheduled=True)


def due_control_points(*, today: datetime.date):
    """Control points that ended before today, within the catch-up window."""
    return (ControlPoint.objects.filter(ends_on__lt=today,
                                        ends_on__gte=today - datetime.timedelta(CATCH_UP_DAYS))
            .select_related("programme__municipality").order_by("ends_on", "pk"))


def run_due_monitoring(*, today: datetime.date,
                       order: Callable[..., ReportJob]) -> list[ReportJob]:
    """Order the monitoring report of every control point just over that has none yet.

    ``order`` records and queues one report (``reports.tasks.request_report``).
    """
    ordered = []
    for point in due_control_points(today=today):
        period = period_of_control_point(point)
        if period is None:
            logger.warning("Control point %s (%s) starts in no academic year of its "
                           "programme: no monitoring ordered", point.pk, point.starts_on)
            continue
        try:
            with transaction.atomic():
                # Two runs at once queue one report: the second waits here, then sees it.
                ControlPoint.objects.select_for_update().filter(pk=point.pk).first()
                if scheduled_jobs(point).exclude(status=JobStatus.FAILED).exists():
                    continue
                ordered.append(order(
                    municipality=point.programme.municipality, kind=ReportKind.MONITORING,
                    period=period, requested_by=None,
                    parameters={CONTROL_POINT: point.pk, SCHEDULED: True},
                ))
        except BrokerUnavailable:
            logger.warning("Monitoring of control point %s not queued: the queue is down",
                           point.pk)
    return ordered


def recipients(job: ReportJob) -> list[str]:
    """E-mail addresses of the active department staff of the job's municipality."""
    return sorted(set(
        UserProfile.objects.filter(municipality=job.municipality_id, role=Role.STAFF,
                                   user__is_active=True)
        .exclude(user__email="").values_list("user__email", flat=True)
    ))


def _message(job: ReportJob, point: ControlPoint | None) -> tuple[str, str]:
    download = urljoin(settings.PORTAL_BASE_URL,
                       reverse("report_job_download", kwargs={"pk": job.pk}))
    reports = urljoin(settings.PORTAL_BASE_URL, reverse("report_jobs"))
    if point is not None:
        subject = (f"Мониторинговый отчёт готов: {point.get_kind_display().lower()}, "
                   f"{point.starts_on:%d.%m.%Y}")
        about = (f"{point.get_kind_display()} — «{point.title}», "
                 f"{point.starts_on:%d.%m.%Y}–{point.ends_on:%d.%m.%Y}")
    else:
        subject, about = "Мониторинговый отчёт готов", "контрольная точка удалена из программы"
    period = f"{job.period.title} учебный год" if job.period else "учебный год не указан"
    body = (
        "Здравствуйте!\n\n"
        "Портал «Стажировки» по расписанию сформировал мониторинговый отчёт по контрольной "
        "точке проекта.\n\n"
        f"Контрольная точка: {about}.\n"
        f"Учебный год: {period}.\n\n"
        f"Скачать отчёт (PDF): {download}\n"
        f"Все отчёты: {reports}\n\n"
        "Чтобы скачать отчёт, войдите в портал под своей учётной записью. "
        f"Отчёт хранится на портале {settings.REPORT_RETENTION_DAYS} дней.\n\n"
        "Письмо отправлено автоматически, отвечать на него не нужно.\n"
    )
    return subject, body


def notify_scheduled_report_done(*, job_id: int) -> int:
    """E-mail the staff a link to a finished scheduled report, once; returns letters sent.

    Safe to call for any job: one not scheduled, not done or already announced is left
    alone. The mark is set before sending, so a repeated call never sends twice.
    """
    job = (ReportJob.objects.select_related("municipality", "period")
           .filter(pk=job_id, status=JobStatus.DONE).first())
    if job is None or not job.parameters.get(SCHEDULED) or job.parameters.get(NOTIFIED):
        return 0
    claimed = (ReportJob.objects.filter(pk=job.pk, status=JobStatus.DONE)
               .exclude(parameters__has_key=NOTIFIED)
               .update(parameters={**job.parameters, NOTIFIED: True}))
    if not claimed:
        return 0
    addresses = recipients(job)
    if not addresses:
        logger.warning("Scheduled report %s is ready, but no staff member has an e-mail",
                       job.pk)
        return 0
    point = ControlPoint.objects.filter(pk=job.parameters.get(CONTROL_POINT)).first()
    subject, body = _message(job, point)
    # One letter per person: staff do not see each other's addresses.
    letters = [EmailMessage(subject=subject, body=body, to=[address]) for address in addresses]
    try:
        return get_connection().send_messages(letters) or 0
    except OSError:
        logger.exception("Could not e-mail the staff about scheduled report %s", job.pk)
        return 0
