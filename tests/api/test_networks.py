"""Networks, their agreements and events through the API: shared with the members exactly as
the network pages share them — a token of a municipality outside the network finds it
neither in the lists nor by its id — with the parties' signature dates but not who signed,
filtered, changed-since by their history, in a number of queries that does not grow."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from api.models import TokenScope
from networks.agreements import AgreementCard, create_agreement, record_signature
from networks.events import EventCard, plan_event
from networks.memberships import add_member, create_network
from networks.models import (
    AgreementKind,
    EventForm,
    EventParticipation,
    EventStatus,
    Membership,
    MembershipStatus,
    NetworkEvent,
)
from tests import factories
from tests.api.conftest import listed_ids

pytestmark = pytest.mark.django_db
D = datetime.date
URLS = {"network": "/api/v1/networks/", "agreement": "/api/v1/agreements/",
        "event": "/api/v1/network-events/"}


def _pdf(name: str) -> ContentFile:
    upload = ContentFile(b"%PDF-1.4 signed", name=name)
    upload.size = 15
    return upload


def _objects(net) -> dict:
    return {"network": net.network, "agreement": net.agreement, "event": net.event}


@pytest.mark.parametrize("kind", URLS)
def test_it_serves_a_member_municipality_its_network(net, issue, bearer, kind):
    client = bearer(issue(net.member))
    wanted = _objects(net)[kind]
    assert listed_ids(client.get(URLS[kind])) == {wanted.pk}
    assert client.get(f"{URLS[kind]}{wanted.pk}/").json()["id"] == wanted.pk


@pytest.mark.parametrize("kind", URLS)
def test_it_hides_the_network_from_a_municipality_outside_it(net, issue, bearer, kind):
    client = bearer(issue(net.outsider))
    wanted = _objects(net)[kind]
    assert listed_ids(client.get(URLS[kind])) == set()
    response = client.get(f"{URLS[kind]}{wanted.pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("kind", URLS)
def test_it_serves_a_regional_token_every_network(net, issue, bearer, kind):
    wanted = _objects(net)[kind]
    assert wanted.pk in listed_ids(bearer(issue(None)).get(URLS[kind]))


def test_it_shares_nothing_once_the_membership_ended(net, issue, bearer):
    Membership.objects.filter(pk=net.membership.pk).update(status=MembershipStatus.ENDED,
                                                           ended_on=D(2022, 1, 1))
    client = bearer(issue(net.member))
    assert listed_ids(client.get(URLS["network"])) == set()
    assert client.get(f"{URLS['network']}{net.network.pk}/").status_code == 404


@pytest.mark.parametrize("kind", URLS)
def test_it_refuses_writes_with_a_read_token(net, issue, bearer, kind):
    client = bearer(issue(net.hub))
    for url in (URLS[kind], f"{URLS[kind]}{_objects(net)[kind].pk}/"):
        response = client.post(url, {}, content_type="application/json")
        assert response.status_code == 403
        assert "только для чтения" in response.json()["detail"]
    writer = bearer(issue(net.hub, scope=TokenScope.READ_WRITE, name="Запись"))
    assert writer.post(URLS[kind], {}, content_type="application/json").status_code == 405


def test_it_describes_the_hub_members_and_partners(net, issue, bearer):
    row = bearer(issue(net.hub)).get(f"{URLS['network']}{net.network.pk}/").json()
    assert (row["title"], row["hub_municipality"]) == ("Сеть пяти районов", net.hub.pk)
    members = {member["name"]: member for member in row["members"]}
    assert set(members) == {"Муниципальное образование Динской район",
                            f"СОШ № 3 ({net.third.name})", "КубГУ"}
    dinskoy = members["Муниципальное образование Динской район"]
    assert (dinskoy["role"], dinskoy["status"], dinskoy["joined_on"], dinskoy["municipality"]) \
        == ("member", "preparing", "2021-03-01", net.member.pk)
    university = members["КубГУ"]
    assert university["role"] == "partner"
    assert university["partner"] == {"id": net.university.pk,
                                     "name": "Кубанский государственный университет",
                                     "short_name": "КубГУ", "kind": "university",
                                     "locality": "Краснодар"}
    assert dinskoy["partner"] is None


def test_it_gives_signature_dates_but_not_who_signed(net, issue, bearer):
    party = net.agreement.parties.get(municipality=net.member)
    record_signature(party=party, signed_on=D(2021, 4, 5), signed_by="Иванова И. И.",
                     scan=_pdf("signed.pdf"))
    row = bearer(issue(net.member)).get(f"{URLS['agreement']}{net.agreement.pk}/").json()
    parties = {item["id"]: item for item in row["parties"]}
    signed = parties[party.pk]
    assert (signed["signed"], signed["signed_on"]) == (True, "2021-04-05")
    assert signed["scan_url"] == f"http://testserver/networks/parties/{party.pk}/scan/"
    assert "signed_by" not in signed and "Иванова" not in str(row)
    unsigned = [item for key, item in parties.items() if key != party.pk]
    assert all(item["signed_on"] is None and item["scan_url"] is None for item in unsigned)
    assert row["file_url"] is None


def test_it_links_the_agreement_file_the_page_serves(net, issue, bearer, client):
    agreement = create_agreement(
        card=AgreementCard(kind=AgreementKind.CONSENT, title="Согласие управления"),
        municipality=net.hub, network=net.network, parties=[net.member],
        upload=_pdf("consent.pdf"))
    row = bearer(issue(net.member)).get(f"{URLS['agreement']}{agreement.pk}/").json()
    assert row["file_url"] == f"http://testserver/networks/agreements/{agreement.pk}/file/"
    client.force_login(net.member_staff)
    assert client.get(row["file_url"]).status_code == 200


def test_it_serves_the_event_with_its_host_and_participants(net, issue, bearer):
    EventParticipation.objects.create(event=net.event, municipality=net.hub, participants=12)
    NetworkEvent.objects.filter(pk=net.event.pk).update(responsible="Петров П. П.")
    row = bearer(issue(net.hub)).get(f"{URLS['event']}{net.event.pk}/").json()
    assert (row["form"], row["host"], row["municipality"], row["status"]) == (
        "webinar", "Муниципальное образование Динской район", net.member.pk, "planned")
    assert row["participations"] == [{"municipality": net.hub.pk, "participants": 12}]
    assert "responsible" not in row and "Петров" not in str(row)


def test_it_filters_networks_agreements_and_events(net, issue, bearer):
    other = create_network(title="Сеть двух районов", hub_municipality=net.hub,
                           starts_on=D(2022, 1, 1))
    consent = create_agreement(
        card=AgreementCard(kind=AgreementKind.CONSENT, title="Согласие"),
        municipality=net.hub, network=other)
    held = plan_event(network=other, host=net.hub, card=EventCard(
        starts_on=D(2022, 5, 1), form=EventForm.SEMINAR, topic="Семинар"))
    NetworkEvent.objects.filter(pk=held.pk).update(status=EventStatus.HELD)
    client = bearer(issue(net.hub))
    assert listed_ids(client.get(URLS["network"], {"hub_municipality": net.hub.pk})) == {
        net.network.pk, other.pk}
    assert listed_ids(client.get(URLS["agreement"], {"network": other.pk})) == {consent.pk}
    assert listed_ids(client.get(URLS["agreement"], {"kind": "network"})) == {
        net.agreement.pk}
    assert listed_ids(client.get(URLS["event"], {"status": "held"})) == {held.pk}
    assert listed_ids(client.get(URLS["event"], {"starts_to": "2021-12-31"})) == {
        net.event.pk}
    refused = client.get(URLS["event"], {"form": "party"})
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "form"


def test_it_lists_what_changed_since_by_the_history(net, issue, bearer):
    other = create_network(title="Сеть двух районов", hub_municipality=net.hub,
                           starts_on=D(2022, 1, 1))
    since = timezone.now() + datetime.timedelta(seconds=1)
    client = bearer(issue(net.hub))
    for url in URLS.values():
        assert listed_ids(client.get(url, {"updated_since": since.isoformat()})) == set()
    later = since + datetime.timedelta(seconds=1)
    for history, pk in ((Membership.history, net.membership.pk),
                        (type(net.event).history, net.event.pk)):
        history.filter(id=pk).update(history_date=later)
    party = net.agreement.parties.first()
    type(party).history.filter(id=party.pk).update(history_date=later)
    changed = {"updated_since": since.isoformat()}
    assert listed_ids(client.get(URLS["network"], changed)) == {net.network.pk}
    assert other.pk in listed_ids(client.get(URLS["network"],
                                             {"updated_since": "2000-01-01T00:00:00Z"}))
    assert listed_ids(client.get(URLS["agreement"], changed)) == {net.agreement.pk}
    assert listed_ids(client.get(URLS["event"], changed)) == {net.event.pk}


def test_it_brings_an_event_back_when_its_participants_change(net, issue, bearer):
    participation = EventParticipation.objects.create(event=net.event, municipality=net.hub,
                                                      participants=12)
    since = timezone.now() + datetime.timedelta(seconds=1)
    later = since + datetime.timedelta(seconds=1)
    client = bearer(issue(net.hub))
    changed = {"updated_since": since.isoformat()}
    assert listed_ids(client.get(URLS["event"], changed)) == set()

    participation.participants = 15
    participation.save()
    EventParticipation.history.filter(id=participation.pk, history_type="~").update(
        history_date=later)

    assert listed_ids(client.get(URLS["event"], changed)) == {net.event.pk}


def test_it_brings_an_event_back_when_a_municipality_s_line_is_removed(net, issue, bearer):
    EventParticipation.objects.create(event=net.event, municipality=net.hub, participants=12)
    since = timezone.now() + datetime.timedelta(seconds=1)
    client = bearer(issue(net.hub))

    EventParticipation.objects.filter(event=net.event).delete()
    EventParticipation.history.filter(history_type="-").update(
        history_date=since + datetime.timedelta(seconds=1))

    changed = {"updated_since": since.isoformat()}
    assert listed_ids(client.get(URLS["event"], changed)) == {net.event.pk}


def _grow(net, count: int) -> None:
    """More networks with members, agreements with parties and events, all shared with the
    member municipality, so an N+1 would show."""
    for number in range(count):
        network = create_network(title=f"Сеть {number}", hub_municipality=net.hub,
                                 starts_on=D(2021, 1, 1))
        add_member(network=network, side=net.member, joined_on=D(2021, 1, 1))
        school = factories.OrganizationFactory(municipality=net.third,
                                               short_name=f"Школа {number}")
        add_member(network=network, side=school)
        add_member(network=network, side=net.university, role="partner")
        create_agreement(card=AgreementCard(kind=AgreementKind.NETWORK, title=f"С {number}"),
                         municipality=net.hub, network=network,
                         parties=[net.hub, school, net.university], upload=_pdf("a.pdf"))
        event = plan_event(network=network, host=school, card=EventCard(
            starts_on=D(2021, 5, 1), form=EventForm.WEBINAR, topic=f"Вебинар {number}"))
        EventParticipation.objects.create(event=event, municipality=net.member,
                                          participants=3)


# The token, the page, and each prefetched list.
QUERIES = {"network": 3, "agreement": 3, "event": 4}


@pytest.mark.parametrize("kind", URLS)
def test_it_lists_in_a_constant_number_of_queries(net, issue, bearer, kind,
                                                  django_assert_num_queries):
    _grow(net, 15)
    client = bearer(issue(net.member))
    client.get("/api/v1/municipalities/")
    with django_assert_num_queries(QUERIES[kind]):
        response = client.get(URLS[kind], {"page_size": 1000})
    assert len(response.json()["results"]) == 16
