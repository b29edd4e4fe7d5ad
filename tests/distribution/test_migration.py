"""Moving DistributionProposal from diagnostics to distribution keeps every row."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("diagnostics", "0003_proposal_new_period"), ("distribution", None)]
AFTER = [("distribution", "0001_initial"), ("diagnostics", "0004_distributionproposal_moved")]


def migrate(targets):
    """Migrate to ``targets``; the models as the applied migrations leave them."""
    MigrationExecutor(connection).migrate(targets)
    executor = MigrationExecutor(connection)
    return executor.loader.project_state(list(executor.loader.applied_migrations)).apps


@pytest.mark.django_db(transaction=True)
def test_it_keeps_the_proposals_and_their_content_type():
    old = migrate(BEFORE)
    municipality = old.get_model("teams", "Municipality").objects.create(name="Район")
    programme = old.get_model("internships", "Programme").objects.create(
        municipality=municipality, title="Проект", starts_on=datetime.date(2021, 9, 1),
        ends_on=datetime.date(2024, 12, 31))
    period = old.get_model("internships", "Period").objects.create(
        programme=programme, title="2021–2022", starts_on=datetime.date(2021, 9, 1),
        ends_on=datetime.date(2022, 8, 31))
    proposal = old.get_model("diagnostics", "DistributionProposal").objects.create(
        municipality=municipality, source_period=period, parameters={"leader_share": 0.25})
    content_types = old.get_model("contenttypes", "ContentType")
    content_types.objects.get_or_create(app_label="diagnostics", model="distributionproposal")

    migrate(AFTER)
    new = migrate(_latest())

    moved = new.get_model("distribution", "DistributionProposal").objects.get(pk=proposal.pk)
    assert moved.parameters == {"leader_share": 0.25}
    assert moved.source_period_id == period.pk
    assert set(new.get_model("contenttypes", "ContentType").objects.filter(
        model="distributionproposal").values_list("app_label", flat=True)) == {"distribution"}


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
