"""Background computation of distribution proposals, and ``request_proposal``, which records
a request and puts it on the queue. The services never import this module."""

from celery import shared_task
from django.contrib.auth.models import User
from django.db import transaction
from kombu.exceptions import OperationalError

from diagnostics.models import DiagnosticRound
from distribution.models import DistributionProposal
from distribution.proposals import (
    compute_proposal,
    create_proposal,
    expire_stale_proposals,
    fail_unqueued,
)
from internships.models import Period
from internships.periods import PeriodSpan


@shared_task(name="distribution.compute_distribution")
def compute_distribution(proposal_id: int) -> None:
    compute_proposal(proposal_id=proposal_id)


@shared_task(name="distribution.expire_stale_proposals")
def expire_stale() -> int:
    return expire_stale_proposals()


def request_proposal(
    *, source_period: Period, target_period: Period | None, new_period: PeriodSpan | None,
    diagnostic_round: DiagnosticRound | None, parameters: dict, user: User,
) -> DistributionProposal:
    """Store the request and queue its computation once the row is committed.

    When the queue cannot take the job, the proposal is marked failed with a message
    saying so; the caller shows it.
    """
    with transaction.atomic():
        proposal = create_proposal(
            source_period=source_period, target_period=target_period, new_period=new_period,
            diagnostic_round=diagnostic_round, parameters=parameters, user=user,
        )
        transaction.on_commit(lambda: _enqueue(proposal.pk))
    proposal.refresh_from_db()
    return proposal


def _enqueue(proposal_id: int) -> None:
    try:
        compute_distribution.delay(proposal_id)
    except OperationalError:
        fail_unqueued(proposal_id)
