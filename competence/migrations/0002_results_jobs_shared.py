"""The uploads of expert results become the portal's shared import jobs
(``diagnostics.ImportJob``, table «competence_results»): their reports move there, a job
that never ended is given up, and the separate model goes."""

from django.core.files.storage import default_storage
from django.db import migrations

TABLE = "competence_results"
UNFINISHED = ("queued", "running")
INTERRUPTED = ("Загрузка прервана: фоновый обработчик остановился или не взял её в работу. "
               "Ничего не записано — загрузите файл снова.")


def _counts(old) -> dict:
    report = old.report or {}
    rows = int(report.get("rows", 0) or 0)
    written = 0
    if (old.status == "done" and not old.dry_run and not report.get("refused")
            and not report.get("problems")):
        written = min(rows, int(report.get("created", 0)) + int(report.get("updated", 0)))
    return {"rows_total": rows, "rows_checked": rows, "rows_written": written}


def move_jobs(apps, schema_editor):
    old_jobs = apps.get_model("competence", "ResultsImportJob")
    import_job = apps.get_model("diagnostics", "ImportJob")
    for old in old_jobs.objects.order_by("pk").iterator():
        unfinished = old.status in UNFINISHED
        if unfinished and old.file:
            default_storage.delete(old.file.name)
        import_job.objects.create(
            municipality_id=old.municipality_id, table=TABLE, dry_run=old.dry_run,
            requested_by_id=old.requested_by_id, filename=old.filename,
            status="failed" if unfinished else old.status,
            report={} if unfinished else old.report,
            error=INTERRUPTED if unfinished else old.error,
            attempts=1 if old.started_at else 0, created_at=old.created_at,
            started_at=old.started_at, finished_at=old.finished_at or old.created_at,
            **({"rows_total": 0, "rows_checked": 0, "rows_written": 0} if unfinished
               else _counts(old)))


class Migration(migrations.Migration):

    dependencies = [
        ("competence", "0001_initial"),
        ("diagnostics", "0007_import_job_competence_results"),
    ]

    operations = [
        migrations.RunPython(move_jobs, migrations.RunPython.noop),
        migrations.DeleteModel(name="ResultsImportJob"),
    ]
