from celery import shared_task

from diagnostics.distribution import compute_proposal


@shared_task(name="diagnostics.compute_distribution")
def compute_distribution(proposal_id: int) -> None:
    compute_proposal(proposal_id=proposal_id)
