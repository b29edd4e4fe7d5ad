"""The uploads of expert results kept by the former results job model move to the shared
import jobs: a finished one with its report and counts, one that never ended given up."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("competence", "0001_initial"), ("diagnostics", "0006_import_jobs")]
REPORT = {"title": "Результаты диагностики компетенций", "dry_run": False, "created": 2,
          "updated": 1, "rows": 3, "problems": [], "skipped": [], "refused": ""}


def migrate(targets):
    """Migrate to ``targets``; the models as the applied migrations leave them."""
    MigrationExecutor(connection).migrate(targets)
    executor = MigrationExecutor(connection)
    return executor.loader.project_state(list(executor.loader.applied_migrations)).apps


@pytest.mark.django_db(transaction=True)
def test_it_moves_the_results_jobs_to_the_shared_import_jobs():
    old = migrate(BEFORE)
    municipality = old.get_model("teams", "Municipality").objects.create(name="Район")
    old_jobs = old.get_model("competence", "ResultsImportJob")
    done = old_jobs.objects.create(municipality=municipality, filename="uroven.xlsx",
                                   status="done", report=REPORT)
    old_jobs.objects.create(municipality=municipality, filename="zavis.xlsx",
                            status="queued", file="competence/imports/missing.xlsx")

    new = migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    jobs = new.get_model("diagnostics", "ImportJob").objects.order_by("pk")
    moved, given_up = jobs
    assert (moved.table, moved.status, moved.filename, moved.report) == (
        "competence_results", "done", "uroven.xlsx", REPORT)
    assert (moved.rows_total, moved.rows_written, moved.created_at) == (
        3, 3, done.created_at)
    assert (given_up.status, given_up.file.name) == ("failed", "")
    assert given_up.error.startswith("Загрузка прервана")
