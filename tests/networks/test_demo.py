"""The demo's three networks: Krymsky's §13 plan as network events, Timashevsk's resource
centre with eight services and four partners, Vyselki's five districts with consents and
agreements and a few signatures missing. Figures are copied by hand from the seeds."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from demo.krymsky import load_demo
from demo.networks import KRYMSKY_TITLE, TIMASHEVSK_TITLE, VYSELKI_TITLE, load_networks
from demo.timashevsk import load_timashevsk
from demo.vyselki import load_vyselki
from internships.models import PlannedEvent
from networks.access import networks_for_user
from networks.models import (
    Agreement,
    AgreementKind,
    AgreementParty,
    MembershipRole,
    MembershipStatus,
    Network,
)

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def demo():
    load_demo()
    load_timashevsk()
    load_vyselki()
    return load_networks()


def test_it_turns_krymsky_s_network_plan_into_network_events(demo):
    network = Network.objects.get(title=KRYMSKY_TITLE)

    events = [(e.get_form_display(), e.audience) for e in network.events.all()]
    assert events[0] == ("стажировочная сессия",
                         "Управленческие команды школ № 4, 6, 12 МО город-курорт Анапа")
    assert [form for form, _ in events[1:]] == ["вебинар", "вебинар"]
    assert not PlannedEvent.objects.filter(topic__contains="направления работы, условия").exists()
    members = {m.side_name for m in network.memberships.select_related(
        "municipality", "organization__municipality")}
    assert "Муниципальное образование Староминский район" in members


def test_it_holds_timashevsk_s_eight_services_and_four_partners(demo):
    network = Network.objects.get(title=TIMASHEVSK_TITLE)

    members = network.memberships.filter(role=MembershipRole.MEMBER)
    partners = network.memberships.filter(role=MembershipRole.PARTNER)
    assert members.count() == 8
    assert partners.count() == 4
    assert partners.filter(status=MembershipStatus.SIGNED).count() == 3
    assert set(partners.values_list("partner__kind", flat=True)) == {
        "institute", "university", "private"}


def test_it_records_no_timashevsk_protocol_after_the_network_s_term(demo, client):
    # The resource centre's term ends in 2023 and the demo programme's years begin in 2024:
    # a protocol of a year of the programme would fall after the network ended.
    network = Network.objects.get(title=TIMASHEVSK_TITLE)
    assert network.ends_on == D(2023, 12, 31)
    assert network.programme.periods.order_by("starts_on").first().starts_on.year == 2024

    assert not network.council_protocols.exists()
    client.force_login(User.objects.get(username="tim-staff"))
    page = client.get(reverse("network_detail", args=[network.pk])).content.decode()
    assert "Координационный совет" in page


def test_it_holds_vyselki_s_five_districts_with_consents_and_missing_signatures(demo):
    network = Network.objects.get(title=VYSELKI_TITLE)

    assert network.memberships.count() == 4
    assert Agreement.objects.filter(network=network, kind=AgreementKind.CONSENT).count() == 4
    assert Agreement.objects.filter(network=network, kind=AgreementKind.NETWORK).count() == 4
    assert AgreementParty.objects.filter(agreement__network=network,
                                         signed_on__isnull=True).count() == 2


def test_it_shows_a_member_district_its_network_and_nothing_of_the_others(demo, client):
    din = User.objects.get(username="din-staff")
    client.force_login(din)

    assert [n.title for n in networks_for_user(din)] == [VYSELKI_TITLE]
    krymsky = Network.objects.get(title=KRYMSKY_TITLE)
    assert client.get(reverse("network_detail", args=[krymsky.pk])).status_code == 404


def test_a_second_load_changes_nothing(demo):
    assert load_networks() == demo
