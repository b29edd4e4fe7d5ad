"""A network run from one district with a second district and a school of a third one as
members, a university as partner, an agreement and an event; and the people around it."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile

from networks.agreements import AgreementCard, create_agreement
from networks.events import EventCard, plan_event
from networks.memberships import add_member, create_network
from networks.models import AgreementKind, EventForm, MembershipRole, Partner, PartnerKind
from teams.models import Role
from tests import factories

D = datetime.date


def pdf(name: str = "scan.pdf") -> ContentFile:
    upload = ContentFile(b"%PDF-1.4 signed", name=name)
    upload.size = 15
    return upload


@pytest.fixture
def net(db):
    hub = factories.MunicipalityFactory(name="Муниципальное образование Выселковский район")
    member = factories.MunicipalityFactory(name="Муниципальное образование Динской район")
    third = factories.MunicipalityFactory(name="Муниципальное образование Мостовской район")
    outsider = factories.MunicipalityFactory(name="Муниципальное образование Другой район")
    member_school = factories.OrganizationFactory(municipality=third, short_name="СОШ № 3")
    third_other_school = factories.OrganizationFactory(municipality=third, short_name="СОШ № 9")
    coordinator = factories.make_user(Role.CURATOR, hub, first_name="Ольга",
                                      last_name="Ремель")
    network = create_network(title="Сеть пяти районов", hub_municipality=hub,
                             starts_on=D(2021, 3, 1), coordinators=[coordinator])
    member_ship = add_member(network=network, side=member, joined_on=D(2021, 3, 1))
    add_member(network=network, side=member_school, joined_on=D(2021, 3, 1))
    university = Partner.objects.create(name="Кубанский государственный университет",
                                        short_name="КубГУ", kind=PartnerKind.UNIVERSITY,
                                        locality="Краснодар")
    add_member(network=network, side=university, role=MembershipRole.PARTNER)
    agreement = create_agreement(
        card=AgreementCard(kind=AgreementKind.NETWORK, title="Договор о сетевом взаимодействии",
                           subject="Совместные вебинары и конференция", number="12",
                           concluded_on=D(2021, 4, 1), valid_from=D(2021, 4, 1),
                           valid_to=D(2030, 12, 31)),
        municipality=hub, network=network, parties=[hub, member, university])
    event = plan_event(network=network, host=member, card=EventCard(
        starts_on=D(2021, 4, 20), form=EventForm.WEBINAR,
        topic="Инновационная деятельность в образовательной организации"))
    return SimpleNamespace(
        hub=hub, member=member, third=third, outsider=outsider, network=network,
        membership=member_ship, member_school=member_school, university=university,
        agreement=agreement, event=event, coordinator=coordinator,
        hub_staff=factories.staff_user(hub),
        member_staff=factories.staff_user(member),
        member_analyst=factories.analyst_user(member),
        third_staff=factories.staff_user(third),
        member_school_user=factories.school_user(member_school),
        other_school_user=factories.school_user(third_other_school),
        outsider_staff=factories.staff_user(outsider),
    )
