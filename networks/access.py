"""Who sees and does what in networks: shared with members, not open to all.

A network is seen by the staff, curators and analysts of its hub municipality and of every
member municipality (a municipality is a member by its own membership or by one of its
organizations'); by the school leaders and teachers of a member organization; by its
coordinators; and by a regional user (an administrator, or a regional API token) — all
networks. Everyone else gets 404 on every page of it. Ended memberships share nothing.

Actions: the hub's department staff and the network's coordinators manage it (members,
agreements, events); the staff of a member municipality contribute: they record the
signature of their own party and add materials and their participants to events.

Joint reports are seen by whoever sees their network. A member's part is written by the
department staff of the member's municipality (of the organization's, for an organization)
and by the organization's own management team; the managers write any part (a partner's,
sent to them) and return a submitted part for rework. A part's texts are read by everyone
who sees the report once submitted; a draft only by those who write it.

The protocols of the network's coordination council, and their files, are read by whoever
sees the network (members of other municipalities included) on the network's own pages;
the managers record and rewrite them. The council book's pages stay the municipality's.
"""

from collections.abc import Callable
from functools import cached_property

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from internships.models import CouncilAttachment
from networks.models import (
    Agreement,
    AgreementParty,
    CouncilProtocol,
    JointReport,
    JointReportPart,
    Membership,
    MembershipStatus,
    Network,
    NetworkEvent,
    PartStatus,
)
from teams.access import MUNICIPALITY_WIDE_ROLES, profile_of
from teams.models import Role


def is_regional(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and user.is_superuser


def _live_memberships() -> QuerySet[Membership]:
    return Membership.objects.exclude(status=MembershipStatus.ENDED)


def coordinated_by(user: User | AnonymousUser) -> Q:
    """The networks the user coordinates; an API token's stand-in user (api/access.py),
    never saved, coordinates none."""
    return Q(coordinators=user) if user.pk is not None else Q(pk__in=[])


def networks_for_user(user: User | AnonymousUser) -> QuerySet[Network]:
    if is_regional(user):
        return Network.objects.all()
    if not user.is_authenticated:
        return Network.objects.none()
    coordinated = coordinated_by(user)
    profile = profile_of(user)
    if profile is None:
        return Network.objects.filter(coordinated).distinct()
    live = _live_memberships()
    if profile.role in MUNICIPALITY_WIDE_ROLES:
        municipality = profile.municipality_id
        member_ids = live.filter(Q(municipality_id=municipality)
                                 | Q(organization__municipality_id=municipality))
        shared = Q(hub_municipality_id=municipality) | Q(pk__in=member_ids.values("network_id"))
    else:
        member_ids = live.filter(organization_id=profile.organization_id)
        shared = Q(pk__in=member_ids.values("network_id"))
    return Network.objects.filter(shared | coordinated).distinct()


def may_manage(user: User | AnonymousUser, network: Network) -> bool:
    """The hub's department staff, the network's coordinators and regional users."""
    if is_regional(user):
        return True
    if not user.is_authenticated:
        return False
    profile = profile_of(user)
    if (profile is not None and profile.role == Role.STAFF
            and profile.municipality_id == network.hub_municipality_id):
        return True
    return network.coordinators.filter(pk=user.pk).exists()


def member_staff_municipality(user: User | AnonymousUser, network: Network) -> int | None:
    """The municipality whose department staff this user is, when it is in the network."""
    profile = profile_of(user)
    if profile is None or profile.role != Role.STAFF:
        return None
    municipality = profile.municipality_id
    if municipality == network.hub_municipality_id or _live_memberships().filter(
            Q(municipality_id=municipality) | Q(organization__municipality_id=municipality),
            network=network).exists():
        return municipality
    return None


def may_contribute(user: User | AnonymousUser, network: Network) -> bool:
    return may_manage(user, network) or member_staff_municipality(user, network) is not None


def may_sign_for(user: User | AnonymousUser, party: AgreementParty) -> bool:
    """Managers record any party's signature; a member's staff their own party's."""
    network = party.agreement.network
    if network is not None and may_manage(user, network):
        return True
    if network is None and _is_owner_staff(user, party.agreement):
        return True
    profile = profile_of(user)
    return (profile is not None and profile.role == Role.STAFF
            and party.municipality_of_side() == profile.municipality_id)


def _is_owner_staff(user, agreement: Agreement) -> bool:
    if is_regional(user):
        return True
    profile = profile_of(user)
    return (profile is not None and profile.role == Role.STAFF
            and profile.municipality_id == agreement.municipality_id)


def may_manage_agreement(user: User | AnonymousUser, agreement: Agreement) -> bool:
    if agreement.network is not None:
        return may_manage(user, agreement.network)
    return _is_owner_staff(user, agreement)


def agreements_for_user(user: User | AnonymousUser) -> QuerySet[Agreement]:
    """The agreements of the user's networks, and the ones of the user's municipality
    outside any network (for those who see the whole municipality), or where the user's
    organization is a party."""
    if is_regional(user):
        return Agreement.objects.all()
    profile = profile_of(user)
    in_networks = Q(network__in=networks_for_user(user))
    if profile is None:
        return Agreement.objects.filter(in_networks)
    if profile.role in MUNICIPALITY_WIDE_ROLES:
        own = Q(network__isnull=True, municipality_id=profile.municipality_id)
    else:
        own = Q(network__isnull=True, pk__in=AgreementParty.objects.filter(
            organization_id=profile.organization_id).values("agreement_id"))
    return Agreement.objects.filter(in_networks | own)


def events_for_user(user: User | AnonymousUser) -> QuerySet[NetworkEvent]:
    return NetworkEvent.objects.filter(network__in=networks_for_user(user))


def council_protocols_for_user(user: User | AnonymousUser) -> QuerySet[CouncilProtocol]:
    return CouncilProtocol.objects.filter(network__in=networks_for_user(user))


def council_attachments_for_user(user: User | AnonymousUser) -> QuerySet[CouncilAttachment]:
    return CouncilAttachment.objects.filter(
        meeting__network_protocol__in=council_protocols_for_user(user))


def may_add_material(user: User | AnonymousUser, event: NetworkEvent) -> bool:
    """Managers, and a member's staff on an event their municipality hosts or joined."""
    if may_manage(user, event.network):
        return True
    municipality = member_staff_municipality(user, event.network)
    if municipality is None:
        return False
    return (event.municipality_of_side() == municipality
            or event.participations.filter(municipality_id=municipality).exists())


def may_create_network(user: User | AnonymousUser) -> bool:
    if is_regional(user):
        return True
    profile = profile_of(user)
    return profile is not None and profile.role == Role.STAFF


def joint_reports_for_user(user: User | AnonymousUser) -> QuerySet[JointReport]:
    return JointReport.objects.filter(network__in=networks_for_user(user))


def joint_report_parts_for_user(user: User | AnonymousUser) -> QuerySet[JointReportPart]:
    return JointReportPart.objects.filter(report__network__in=networks_for_user(user))


class _PartWriters:
    """What a user is to one network for writing its parts, each asked at most once."""

    def __init__(self, user: User | AnonymousUser, network: Network) -> None:
        self.user, self.network = user, network

    @cached_property
    def manages(self) -> bool:
        return may_manage(self.user, self.network)

    @cached_property
    def member_staff(self) -> bool:
        return member_staff_municipality(self.user, self.network) is not None


def _writes_part(user: User | AnonymousUser, membership: Membership,
                 writers: _PartWriters) -> bool:
    if writers.manages:
        return True
    if membership.status == MembershipStatus.ENDED:
        return False
    profile = profile_of(user)
    if profile is None:
        return False
    if profile.role == Role.STAFF:
        return (membership.municipality_of_side() == profile.municipality_id
                and writers.member_staff)
    return (profile.role == Role.SCHOOL and membership.organization_id is not None
            and membership.organization_id == profile.organization_id)


def may_write_part(user: User | AnonymousUser, membership: Membership) -> bool:
    """Managers, the staff of the member's municipality, the member organization's team."""
    return _writes_part(user, membership, _PartWriters(user, membership.network))


def may_read_part(user: User | AnonymousUser, part: JointReportPart) -> bool:
    return part.status == PartStatus.SUBMITTED or may_write_part(user, part.membership)


def part_reader(user: User | AnonymousUser) -> Callable[[JointReportPart], bool]:
    """``may_read_part`` for the parts of many reports: each network's questions are asked
    once, so reading a report's parts costs the same whatever the number of members."""
    writers: dict[int, _PartWriters] = {}

    def reads(part: JointReportPart) -> bool:
        if part.status == PartStatus.SUBMITTED:
            return True
        membership = part.membership
        if membership.network_id not in writers:
            writers[membership.network_id] = _PartWriters(user, membership.network)
        return _writes_part(user, membership, writers[membership.network_id])

    return reads
