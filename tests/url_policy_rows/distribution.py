"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

«Подбор распределения» belongs to the department staff: other roles of the municipality are
refused (403), staff of another municipality do not see its proposals (404). The proposal in
question is computed for the demo district's 2021–2022 year.
"""

from distribution.models import DistributionProposal, ProposalStatus
from distribution.proposals import default_parameters, proposal_to_json, suggest

LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                          anonym staff  cur+   cur-   school+ school- analyst other teacher
    "distribution_new":        (LOGIN, 200,  403,   403,   403,   403,   403,   200, 403),
    "distribution_detail":     (LOGIN, 200,  403,   403,   403,   403,   403,   404, 403),
    "distribution_status":     (LOGIN, 200,  403,   403,   403,   403,   403,   404, 403),
    "distribution_accept":     (LOGIN, MOVED, 403,  403,   403,   403,   403,   404, 403),
}  # fmt: skip
OBJECT_OF: dict[str, str] = {
    "distribution_detail": "proposal",
    "distribution_status": "proposal",
    "distribution_accept": "proposal",
}
POST_DATA: dict[str, dict] = {"distribution_accept": {}}


def targets(context) -> dict[str, int]:
    parameters = default_parameters(period=context.period)
    proposal, fingerprint = suggest(period=context.period, diagnostic_round=None,
                                    parameters=parameters)
    stored = DistributionProposal.objects.create(
        municipality=context.municipality, source_period=context.period,
        parameters=parameters, status=ProposalStatus.DONE, progress=100,
        result=proposal_to_json(proposal), input_fingerprint=fingerprint,
        created_by=context.staff,
    )
    return {"proposal": stored.pk}
