"""What the pages of import jobs show: a job's state as its page and the status JSON say
it, its row report, and the list of uploads."""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from diagnostics.access import import_jobs_for_user
from diagnostics.imports.base import ImportReport
from diagnostics.imports.jobs import progress_of
from diagnostics.models import ImportJob, ImportStatus


def job_state(job: ImportJob) -> dict:
    """The job's status and counts; the page's first render and the status JSON agree."""
    counts = progress_of(job)
    total, checked = counts["total"], counts["checked"]
    # A running job shows at most 99 %: its rows are committed once the last one is checked.
    percent = 100 if job.is_finished else min(99, 100 * checked // total) if total else 0
    return {
        "id": job.pk,
        "status": job.shown_status,
        "status_label": job.status_label,
        "finished": job.is_finished,
        "rows_total": total,
        "rows_checked": checked,
        "rows_written": counts["accepted"],
        "percent": percent,
        "stage": _stage(job, checked=checked, total=total),
        "error": job.shown_error,
    }


def _stage(job: ImportJob, *, checked: int, total: int) -> str:
    if job.is_finished:
        return ""
    if job.status == ImportStatus.QUEUED:
        return "Файл ждёт фонового обработчика."
    if not total:
        return "Чтение файла."
    return f"Проверено строк: {checked} из {total}."


def job_report(job: ImportJob) -> ImportReport | None:
    """The row report of a finished job, as the engine gave it."""
    if job.status != ImportStatus.DONE or not job.report:
        return None
    return ImportReport.from_dict(job.report)


def job_list(user: User | AnonymousUser) -> QuerySet[ImportJob]:
    """The uploads the user may follow, newest first, with who uploaded them."""
    return (import_jobs_for_user(user).select_related("requested_by")
            .order_by("-created_at", "-pk"))


def outcome_of(job: ImportJob) -> str:
    """A finished job's outcome in a few words, for the list."""
    if job.shown_status == ImportStatus.FAILED:
        return job.shown_error
    if job.status != ImportStatus.DONE:
        return ""
    report = job.report
    if report.get("refused"):
        return "Файл не принят: " + report["refused"]
    if report.get("problems"):
        bad_rows = len({problem["row"] for problem in report["problems"]})
        return f"Ничего не записано: строк с ошибками — {bad_rows}."
    if job.dry_run:
        return "Проверка пройдена, ничего не записано."
    return f"Записано строк: {job.rows_written}."


def job_rows(jobs) -> list[tuple[ImportJob, str]]:
    return [(job, outcome_of(job)) for job in jobs]
