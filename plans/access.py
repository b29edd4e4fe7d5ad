"""Who may see and do what in plans: the one place the views ask.

Plans of a programme are read by the department's staff, curators and analysts of its
municipality and by its schools (read-only: a school sees what the department plans for it);
teachers and other municipalities do not see them (404). The department's staff keep plans
and their items; staff and curators record that an occurrence was held.

An organization's plan of the project (seed 004, criterion 4) is kept by the
organization's own team (the school role of that organization): it creates the plan, adds
its events, records their occurrences and publishes it on its site. The department's staff,
curators and analysts read every organization's plan of their programmes. The seed asks for
plans «представленные на сайтах», public pages, so other schools of the municipality read an
organization's plan once it is published (read-only) and do not see a draft (404); teachers
and other municipalities see none.

A network's plan is shared exactly like the network's other objects (``networks.access``):
whoever sees the network sees its plans; the network's managers (the hub's department staff,
its coordinators) keep them and record their occurrences. Nobody else sees them (404).
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from internships.models import JournalEntry
from networks.access import coordinated_by, is_regional, may_manage, networks_for_user
from networks.models import MembershipStatus, Network
from plans.models import Occurrence, Plan, PlanItem
from registers.models import Product
from teams.access import has_role, is_staff_of, municipality_scope, profile_of, role_of
from teams.models import Role

READING_ROLES = (Role.STAFF, Role.CURATOR, Role.ANALYST, Role.SCHOOL)


def own_organization_id(user: User | AnonymousUser) -> int | None:
    """The organization whose team the user is (the school role), else None."""
    if not user.is_authenticated or user.is_superuser:
        return None
    profile = profile_of(user)
    if profile is None or profile.role != Role.SCHOOL:
        return None
    return profile.organization_id


def _scope(user: User | AnonymousUser, prefix: str) -> Q:
    """Plans (under ``prefix``) of the user's programmes or of the user's networks; of the
    organizations' plans a school sees its own and the published ones."""
    shared = Q(**{f"{prefix}network__in": networks_for_user(user)})
    if not (user.is_authenticated and user.is_superuser) and not has_role(user, *READING_ROLES):
        return shared
    own = municipality_scope(user, f"{prefix}programme__municipality_id")
    if own is None:
        return shared
    programme_plans = Q(**{f"{prefix}programme__isnull": False, **own})
    if role_of(user) == Role.SCHOOL and not user.is_superuser:
        programme_plans &= (Q(**{f"{prefix}organization__isnull": True})
                            | Q(**{f"{prefix}organization_id": own_organization_id(user)})
                            | ~Q(**{f"{prefix}published_url": ""}))
    return programme_plans | shared


def plans_for_user(user: User | AnonymousUser) -> QuerySet[Plan]:
    return Plan.objects.filter(_scope(user, ""))


def items_for_user(user: User | AnonymousUser) -> QuerySet[PlanItem]:
    return PlanItem.objects.filter(_scope(user, "plan__"))


def occurrences_for_user(user: User | AnonymousUser) -> QuerySet[Occurrence]:
    return Occurrence.objects.filter(_scope(user, "item__plan__"))


def may_keep_programme_plans(user: User | AnonymousUser) -> bool:
    return has_role(user, Role.STAFF)


def may_keep_any(user: User | AnonymousUser) -> bool:
    """Creates plans: the department's staff (of their programmes and of the networks their
    municipality runs) and the coordinators of a network (of its plans)."""
    return may_keep_programme_plans(user) or networks_kept_by(user).exists()


def may_keep_organization_plan(user: User | AnonymousUser, organization_id: int) -> bool:
    """Only the organization's own team keeps its plan of the project."""
    return organization_id is not None and own_organization_id(user) == organization_id


def may_keep(user: User | AnonymousUser, plan: Plan) -> bool:
    """The department's staff add plans and items and change them; a network's plan, the
    network's managers; an organization's plan, the organization's team."""
    if plan.organization_id:
        return may_keep_organization_plan(user, plan.organization_id)
    if plan.network_id:
        return may_manage(user, plan.network)
    return is_staff_of(user, plan.programme.municipality_id)


def may_record(user: User | AnonymousUser, plan: Plan) -> bool:
    """Staff and curators of the plan's municipality record held occurrences; of a
    network's plan, the network's managers; of an organization's plan, its team."""
    if may_keep(user, plan):
        return True
    if plan.network_id or plan.organization_id:
        return False
    profile = profile_of(user)
    return (profile is not None and profile.role == Role.CURATOR
            and profile.municipality_id == plan.programme.municipality_id)


def networks_kept_by(user: User | AnonymousUser) -> QuerySet[Network]:
    """The networks whose plans the user may keep, as ``networks.access.may_manage`` says:
    those of the user's hub municipality (department staff, a token of it) and those the
    user coordinates."""
    if is_regional(user):
        return Network.objects.all()
    if not user.is_authenticated:
        return Network.objects.none()
    profile = profile_of(user)
    kept = coordinated_by(user)
    if profile is not None and profile.role == Role.STAFF:
        kept |= Q(hub_municipality_id=profile.municipality_id)
    return Network.objects.filter(kept).distinct()


def network_municipalities(network: Network) -> set[int]:
    """The hub's municipality and those of the live members (one query)."""
    ids = {network.hub_municipality_id}
    for municipality, organization_municipality in network.memberships.exclude(
            status=MembershipStatus.ENDED).values_list("municipality_id",
                                                       "organization__municipality_id"):
        ids.add(municipality or organization_municipality)
    ids.discard(None)
    return ids


def journal_entries_for_evidence(plan: Plan) -> QuerySet[JournalEntry]:
    """Journal entries of the plan's programme (of the network's project, for a network's
    plan) that may evidence an occurrence."""
    programme_id = plan.programme_id or plan.network.programme_id
    return JournalEntry.objects.filter(platform__period__programme_id=programme_id).order_by(
        "-held_on", "topic")


def products_for_evidence(plan: Plan) -> QuerySet[Product]:
    """Products of the register that may evidence an occurrence: the plan's municipality's,
    and for a network's plan those of every municipality of the network."""
    if plan.network_id:
        municipalities = network_municipalities(plan.network)
    else:
        municipalities = {plan.programme.municipality_id}
    return Product.objects.filter(municipality_id__in=municipalities).order_by("-year", "title")
