"""A small district to test against, and a signed-in test client."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from internships.models import Period, Placement, Platform, Programme, Tier
from teams.models import Locality, Municipality, Organization, OrganizationKind, SchoolLevel
from tests import factories


@dataclass
class World:
    """One municipality with three platforms, five teams, a user per role, and a neighbour.

    Placements in 2021–2022 (direction: leader / promising / reserve):
        1 (own platform of the curator):  СОШ № 1 / Гимназия № 2, НШ № 4 / ООШ № 3
        2 (foreign platform):              Гимназия № 2 / СОШ № 1 / НШ № 4
        3:                                 ООШ № 3 / Детский сад № 5 / СОШ № 1
    НШ № 4 leads nowhere.
    """

    municipality: Municipality
    programme: Programme
    period: Period
    directions: list
    own_platform: Platform
    foreign_platform: Platform
    third_platform: Platform
    school_a: Organization
    school_b: Organization
    school_c: Organization
    school_d: Organization
    kindergarten: Organization
    placements: dict
    staff: User
    curator: User
    analyst: User
    school_user: User
    school_b_user: User
    # Another municipality, with its own data and staff.
    other_municipality: Municipality
    other_platform: Platform
    other_organization: Organization
    other_placement: Placement
    outsider: User

    def placement(self, organization: Organization, platform: Platform) -> Placement:
        return self.placements[organization.short_name, platform.direction.number]


def _organization(municipality, short_name, number, **fields):
    return factories.OrganizationFactory(
        municipality=municipality, short_name=short_name, number=number, **fields
    )


@pytest.fixture
def world(db) -> World:
    municipality = factories.MunicipalityFactory(name="Муниципальное образование Крымский район")
    programme = factories.ProgrammeFactory(municipality=municipality)
    period = factories.PeriodFactory(programme=programme)
    directions = [
        factories.DirectionFactory(programme=programme, number=number, title=title)
        for number, title in [
            (1, "Управление качеством образования"),
            (2, "Наставничество и развитие кадров"),
            (3, "Функциональная грамотность"),
        ]
    ]
    platforms = [factories.PlatformFactory(direction=d, period=period) for d in directions]
    school_a = _organization(municipality, "СОШ № 1", 1, locality=Locality.URBAN)
    school_b = _organization(municipality, "Гимназия № 2", 2, level=SchoolLevel.GYMNASIUM,
                             locality=Locality.URBAN)
    school_c = _organization(municipality, "ООШ № 3", 3, level=SchoolLevel.BASIC,
                             locality=Locality.RURAL)
    school_d = _organization(municipality, "НШ № 4", 4, level=SchoolLevel.PRIMARY,
                             locality=Locality.RURAL)
    kindergarten = _organization(municipality, "Детский сад № 5", 5,
                                 kind=OrganizationKind.PRESCHOOL, level="",
                                 name="МБДОУ детский сад № 5")
    layout = {
        platforms[0]: [(school_a, Tier.LEADER), (school_b, Tier.PROMISING),
                       (school_d, Tier.PROMISING), (school_c, Tier.RESERVE)],
        platforms[1]: [(school_b, Tier.LEADER), (school_a, Tier.PROMISING),
                       (school_d, Tier.RESERVE)],
        platforms[2]: [(school_c, Tier.LEADER), (kindergarten, Tier.PROMISING),
                       (school_a, Tier.RESERVE)],
    }
    placements = {
        (organization.short_name, platform.direction.number): factories.PlacementFactory(
            platform=platform, team=organization.team, tier=tier
        )
        for platform, rows in layout.items()
        for organization, tier in rows
    }
    curator = factories.curator_user(municipality, platforms=[platforms[0]],
                                     curator_fields={"short_name": "Своя О. К."},
                                     username="curator")
    platforms[1].curators.add(factories.CuratorFactory(municipality=municipality,
                                                       short_name="Чужая Е. В."))

    other_municipality = factories.MunicipalityFactory(name="Муниципальное образование Соседний")
    other_platform = factories.PlatformFactory(
        direction__programme__municipality=other_municipality
    )
    other_organization = _organization(other_municipality, "СОШ № 7", 7)
    other_placement = factories.PlacementFactory(
        platform=other_platform, team=other_organization.team, tier=Tier.LEADER
    )
    return World(
        municipality=municipality,
        programme=programme,
        period=period,
        directions=directions,
        own_platform=platforms[0],
        foreign_platform=platforms[1],
        third_platform=platforms[2],
        school_a=school_a,
        school_b=school_b,
        school_c=school_c,
        school_d=school_d,
        kindergarten=kindergarten,
        placements=placements,
        staff=factories.staff_user(municipality, username="staff"),
        curator=curator,
        analyst=factories.analyst_user(municipality, username="analyst"),
        school_user=factories.school_user(school_a, username="school-a"),
        school_b_user=factories.school_user(school_b, username="school-b"),
        other_municipality=other_municipality,
        other_platform=other_platform,
        other_organization=other_organization,
        other_placement=other_placement,
        outsider=factories.staff_user(other_municipality, username="outsider"),
    )


@pytest.fixture
def login(client):
    """``login(user)`` signs the test client in as that user (``None`` stays anonymous)."""

    def sign_in(user: User | None):
        if user is not None:
            client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def as_role(world, login):
    """``as_role("curator")`` signs in as that user of the world; ``"anonymous"`` stays out."""

    def sign_in(role: str):
        return login(None if role == "anonymous" else getattr(world, role))

    return sign_in
