"""Who reads the registers: the one place the pages ask.

The bank of programmes, the register of products and the register of normative documents
are the municipality's published materials: every role of the municipality reads them
(department staff, curators, analysts, school teams, teachers); the department's staff
keep them (rules.py). A record of another municipality does not exist for the user (404).
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from internships.models import Programme
from registers.models import BankEntry, NormativeDocument, Product, Review
from teams.access import has_role, municipality_scope
from teams.models import Role


def _scoped(model, user: User | AnonymousUser, path: str = "municipality_id") -> QuerySet:
    scope = municipality_scope(user, path)
    if scope is None:
        return model.objects.none()
    return model.objects.filter(**scope)


def bank_entries_for_user(user: User | AnonymousUser) -> QuerySet[BankEntry]:
    return _scoped(BankEntry, user)


def reviews_for_user(user: User | AnonymousUser) -> QuerySet[Review]:
    return _scoped(Review, user, "entry__municipality_id")


def products_for_user(user: User | AnonymousUser) -> QuerySet[Product]:
    return _scoped(Product, user)


def documents_for_user(user: User | AnonymousUser) -> QuerySet[NormativeDocument]:
    return _scoped(NormativeDocument, user)


def programmes_citing_for_user(user: User | AnonymousUser) -> QuerySet[Programme]:
    """Programmes whose list of normative documents the user may read."""
    return _scoped(Programme, user)


def may_keep_any(user: User | AnonymousUser) -> bool:
    """Department staff add records to their municipality's registers."""
    return has_role(user, Role.STAFF)
