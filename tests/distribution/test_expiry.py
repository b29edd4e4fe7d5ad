"""Proposals whose worker or queue was lost do not stay «в очереди» forever."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from distribution.models import DistributionProposal, ProposalStatus
from distribution.proposals import expire_stale_proposals
from distribution.tasks import expire_stale


def proposal(world, *, status, minutes_ago):
    done = {"input_fingerprint": "0" * 64, "progress": 100,
            "finished_at": timezone.now()} if status == ProposalStatus.DONE else {}
    created = DistributionProposal.objects.create(
        municipality=world.municipality, source_period=world.period, parameters={},
        status=status, **done)
    DistributionProposal.objects.filter(pk=created.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=minutes_ago))
    return created


@pytest.mark.parametrize("status", [ProposalStatus.QUEUED, ProposalStatus.RUNNING])
def test_it_fails_a_proposal_stuck_longer_than_the_limit_with_a_reason(world, status):
    stuck = proposal(world, status=status, minutes_ago=settings.PROPOSAL_STALE_MINUTES + 1)

    assert expire_stale_proposals() == 1

    stuck.refresh_from_db()
    assert stuck.status == ProposalStatus.FAILED and stuck.finished_at is not None
    assert "Запросите подбор снова" in stuck.error


def test_it_leaves_recent_and_finished_proposals_alone(world):
    recent = proposal(world, status=ProposalStatus.QUEUED,
                      minutes_ago=settings.PROPOSAL_STALE_MINUTES - 1)
    done = proposal(world, status=ProposalStatus.DONE,
                    minutes_ago=settings.PROPOSAL_STALE_MINUTES * 10)

    assert expire_stale() == 0

    assert {p.status for p in DistributionProposal.objects.filter(pk__in=[recent.pk, done.pk])
            } == {ProposalStatus.QUEUED, ProposalStatus.DONE}


def test_it_is_scheduled_with_the_periodic_tasks():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "distribution.expire_stale_proposals" in scheduled
