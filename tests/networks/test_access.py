"""Shared, not open: members see the network, coordinators and the hub's staff manage it,
a member's staff contribute their own part, and everyone else gets 404."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from networks.access import agreements_for_user, networks_for_user
from networks.agreements import AgreementCard, create_agreement
from networks.memberships import change_membership
from networks.models import AgreementKind, MembershipStatus

PAGES = ("network_detail", "network_member_add", "network_agreement_add", "network_event_add")


def test_it_lets_the_coordinator_of_another_role_manage_the_network(net, client):
    client.force_login(net.coordinator)

    for name in PAGES:
        assert client.get(reverse(name, args=[net.network.pk])).status_code == 200, name


def test_it_lets_a_member_municipality_see_but_not_manage(net, client):
    client.force_login(net.member_analyst)

    assert client.get(reverse("network_detail", args=[net.network.pk])).status_code == 200
    assert client.get(reverse("network_event", args=[net.event.pk])).status_code == 200
    assert client.get(reverse("network_member_add", args=[net.network.pk])).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_it_answers_404_to_a_non_member_on_every_network_page(net, client, name):
    client.force_login(net.outsider_staff)

    assert client.get(reverse(name, args=[net.network.pk])).status_code == 404
    assert client.get(reverse("network_event", args=[net.event.pk])).status_code == 404
    assert client.get(reverse("network_agreement", args=[net.agreement.pk])).status_code == 404


def test_it_shares_a_member_organization_with_its_municipality_and_its_own_people(net):
    assert net.network in networks_for_user(net.third_staff)
    assert net.network in networks_for_user(net.member_school_user)
    assert net.network not in networks_for_user(net.other_school_user)


def test_it_stops_sharing_when_the_membership_ends(net):
    change_membership(membership=net.membership, status=MembershipStatus.ENDED,
                      joined_on=None, ended_on=net.network.starts_on, note="")

    assert net.network not in networks_for_user(net.member_staff)


def test_it_lets_a_regional_administrator_see_every_network(net):
    admin = User.objects.create_superuser("region", password="x")

    assert list(networks_for_user(admin)) == [net.network]


def test_it_lets_a_member_s_staff_sign_only_for_their_own_party(net, client):
    client.force_login(net.member_staff)
    own = net.agreement.parties.get(municipality=net.member)
    hub = net.agreement.parties.get(municipality=net.hub)

    assert client.get(reverse("network_party_sign", args=[own.pk])).status_code == 200
    assert client.get(reverse("network_party_sign", args=[hub.pk])).status_code == 403


def test_it_shares_an_agreement_outside_networks_with_its_municipality_and_its_parties(net):
    agreement = create_agreement(
        card=AgreementCard(kind=AgreementKind.JOINT, title="Соглашение о совместной "
                           "деятельности"), municipality=net.third,
        parties=[net.third, net.member_school])

    assert agreement in agreements_for_user(net.third_staff)
    assert agreement in agreements_for_user(net.member_school_user)
    assert agreement not in agreements_for_user(net.other_school_user)
    assert agreement not in agreements_for_user(net.hub_staff)
