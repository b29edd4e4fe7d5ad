"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

Report jobs are ordered and downloaded by the department staff and the analysts of the
municipality; curators and school teams have no reports page, and a job of another
municipality does not exist for its staff.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from reports.jobs import final_name
from reports.models import JobStatus, ReportJob, ReportKind

LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                          anonym staff  cur+   cur-   school+ school- analyst other teacher
    "report_jobs":             (LOGIN, 200,  403,   403,   403,   403,   200,   200, 403),
    "report_job_status":       (LOGIN, 200,  404,   404,   404,   404,   200,   404, 404),
    "report_job_download":     (LOGIN, 200,  404,   404,   404,   404,   200,   404, 404),
}  # fmt: skip
OBJECT_OF: dict[str, str] = {
    "report_job_status": "report_job",
    "report_job_download": "report_job",
}
POST_DATA: dict[str, dict] = {}


def targets(context) -> dict[str, int]:
    job = ReportJob.objects.create(municipality=context.municipality,
                                   kind=ReportKind.INDICATORS, period=context.period,
                                   requested_by=context.staff)
    name = default_storage.save(final_name(job), ContentFile(b"PK\x03\x04"))
    now = timezone.now()
    ReportJob.objects.filter(pk=job.pk).update(
        status=JobStatus.DONE, file=name, filename="Показатели проекта.xlsx", progress=100,
        started_at=now, finished_at=now,
    )
    return {"report_job": job.pk}
