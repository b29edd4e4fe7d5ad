"""The schema's rules: one side per membership, party and host; no side twice; an ended
membership has its date; a signer only with a signature date."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from networks.memberships import add_member, change_membership
from networks.models import (
    AgreementParty,
    EventForm,
    Membership,
    MembershipStatus,
    NetworkEvent,
)

D = datetime.date


def test_it_refuses_a_membership_of_two_sides_at_once(net):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(network=net.network, municipality=net.outsider,
                                  partner=net.university)


def test_it_refuses_a_membership_of_no_side(net):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(network=net.network)


def test_it_refuses_the_same_member_twice_with_a_russian_message(net):
    with pytest.raises(ValidationError) as refusal:
        add_member(network=net.network, side=net.member)

    assert "уже входит в сеть" in refusal.value.messages[0]
    assert net.network.memberships.filter(municipality=net.member).count() == 1


def test_it_refuses_an_ended_membership_without_its_date(net):
    with pytest.raises(ValidationError) as refusal:
        change_membership(membership=net.membership, status=MembershipStatus.ENDED,
                          joined_on=None, ended_on=None, note="")

    assert "ended_on" in refusal.value.error_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.filter(pk=net.membership.pk).update(status=MembershipStatus.ENDED)


def test_it_refuses_a_signer_without_a_signature_date(net):
    party = net.agreement.parties.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementParty.objects.filter(pk=party.pk).update(signed_by="Иванова Н. А.")


def test_it_refuses_a_party_of_two_sides(net):
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementParty.objects.create(agreement=net.agreement, municipality=net.outsider,
                                      organization=net.member_school)


def test_it_refuses_an_event_that_ends_before_it_starts(net):
    with pytest.raises(IntegrityError), transaction.atomic():
        NetworkEvent.objects.create(network=net.network, municipality=net.hub,
                                    starts_on=D(2022, 3, 2), ends_on=D(2022, 3, 1),
                                    form=EventForm.SEMINAR, topic="Семинар")
