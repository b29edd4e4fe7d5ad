"""Scoped reads of distribution proposals: every view looks them up here."""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from distribution.models import DistributionProposal
from teams.access import municipality_scope


def proposals_for_user(user: User | AnonymousUser) -> QuerySet[DistributionProposal]:
    """Proposed distributions of the user's municipality (who may act on them: rules.py)."""
    scope = municipality_scope(user, "municipality_id")
    return (
        DistributionProposal.objects.none() if scope is None
        else DistributionProposal.objects.filter(**scope)
    )
