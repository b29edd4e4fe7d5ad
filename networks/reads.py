"""What the network pages show: members and partners, coordinators, agreements with their
unsigned parties and expiry warnings, and events — each list read in a fixed number of
queries; and the protocols of its coordination council."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Count, Prefetch, Q, QuerySet

from networks.agreements import expiry_note, unsigned
from networks.models import (
    Agreement,
    AgreementParty,
    CouncilProtocol,
    Membership,
    MembershipRole,
    MembershipStatus,
    Network,
    NetworkEvent,
)
from teams.models import Municipality, Role

_SIDE = ("municipality", "organization__municipality", "partner")


def network_rows(networks: QuerySet[Network]) -> QuerySet[Network]:
    live = ~Q(memberships__status=MembershipStatus.ENDED)
    return networks.select_related("hub_municipality", "hub_organization").annotate(
        member_count=Count("memberships", filter=live & Q(
            memberships__role=MembershipRole.MEMBER), distinct=True),
        partner_count=Count("memberships", filter=live & Q(
            memberships__role=MembershipRole.PARTNER), distinct=True),
        event_count=Count("events", distinct=True),
    ).order_by("title", "pk")


@dataclass(frozen=True)
class AgreementRow:
    agreement: Agreement
    parties: list[AgreementParty]
    unsigned: list[AgreementParty]
    expiry: str


def agreement_rows(agreements: QuerySet[Agreement], *, today: datetime.date) -> list:
    agreements = agreements.select_related("network").prefetch_related(
        Prefetch("parties", queryset=AgreementParty.objects.select_related(*_SIDE)))
    rows = []
    for agreement in agreements:
        parties = list(agreement.parties.all())
        rows.append(AgreementRow(agreement, parties, unsigned(parties),
                                 expiry_note(agreement, today=today)))
    return rows


def memberships_of(network: Network) -> list[Membership]:
    return list(network.memberships.select_related(*_SIDE)
                .prefetch_related("documents").order_by("role", "status", "pk"))


def events_of(network: Network) -> QuerySet[NetworkEvent]:
    return (network.events.select_related(*_SIDE)
            .prefetch_related("participations__municipality", "materials")
            .order_by("starts_on", "pk"))


def council_protocols_of(network: Network) -> QuerySet[CouncilProtocol]:
    """The coordination council's protocols, latest first, with their questions counted."""
    return (network.council_protocols.select_related("meeting__period")
            .annotate(question_count=Count("meeting__items"))
            .order_by("-meeting__held_on", "-meeting__number"))


def member_municipalities(network: Network) -> list[Municipality]:
    """The hub's municipality and every municipality with a live member in the network."""
    live = network.memberships.exclude(status=MembershipStatus.ENDED)
    return list(Municipality.objects.filter(
        Q(pk=network.hub_municipality_id) | Q(pk__in=live.values("municipality_id"))
        | Q(pk__in=live.values("organization__municipality_id"))).order_by("name", "pk"))


def host_choices(network: Network) -> list[tuple[str, str]]:
    """Who may host an event: the hub's municipality, its centre, every live member."""
    choices = [(f"municipality:{network.hub_municipality_id}", network.hub_municipality.name)]
    if network.hub_organization_id:
        choices.append((f"organization:{network.hub_organization_id}",
                        network.hub_organization.short_name))
    for membership in memberships_of(network):
        if membership.status == MembershipStatus.ENDED:
            continue
        side = membership.side
        key = f"{type(side).__name__.lower()}:{side.pk}"
        if key not in dict(choices):
            choices.append((key, membership.side_name))
    return choices


def host_key(event: NetworkEvent) -> str:
    side = event.side
    return f"{type(side).__name__.lower()}:{side.pk}"


def coordinator_candidates(network: Network) -> QuerySet[User]:
    """Department staff and curators of the hub and member municipalities, and whoever
    coordinates the network already."""
    municipalities = [municipality.pk for municipality in member_municipalities(network)]
    return (User.objects.filter(
        Q(profile__municipality_id__in=municipalities,
          profile__role__in=(Role.STAFF, Role.CURATOR))
        | Q(pk__in=network.coordinators.values("pk")))
        .filter(profile__isnull=False).select_related("profile__municipality").distinct()
        .order_by("last_name", "first_name", "username"))


def networks_of_municipality(municipality_id: int) -> QuerySet[Network]:
    """The networks the municipality keeps as the hub or takes part in (itself or one of its
    organizations, with a membership that has not ended)."""
    live = Membership.objects.exclude(status=MembershipStatus.ENDED).filter(
        Q(municipality_id=municipality_id) | Q(organization__municipality_id=municipality_id))
    return Network.objects.filter(Q(hub_municipality_id=municipality_id)
                                  | Q(pk__in=live.values("network_id"))).order_by("title", "pk")
