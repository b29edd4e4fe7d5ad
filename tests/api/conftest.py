"""Two municipalities with something of every kind the API serves, and callers with tokens."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.cache import cache

from api.models import TokenScope
from api.tokens import issue_token
from diagnostics.models import (
    Aspect,
    Deficit,
    Diagnosis,
    DiagnosticRound,
    NeedsOffer,
    RoundKind,
    SchoolIndicator,
    Staffing,
)
from internships.models import JournalEntry, Stage, TeamResult, WorkForm
from tests import factories
from tests.networks.conftest import net  # noqa: F401 — the network world of the network tests
from tests.plans.conftest import pw  # noqa: F401 — the plan of the test district

# Endpoint URL → the ids of a municipality's objects it lists.
ENDPOINTS = {
    "/api/v1/municipalities/": "municipality",
    "/api/v1/organizations/": "organizations",
    "/api/v1/teams/": "teams",
    "/api/v1/programmes/": "programme",
    "/api/v1/periods/": "period",
    "/api/v1/platforms/": "platform",
    "/api/v1/placements/": "placement",
    "/api/v1/deficits/": "deficit",
    "/api/v1/rounds/": "round",
    "/api/v1/diagnoses/": "diagnosis",
    "/api/v1/school-indicators/": "indicator",
    "/api/v1/staffing/": "staffing",
    "/api/v1/needs-offers/": "needs_offer",
    "/api/v1/journal-entries/": "entry",
}


@dataclass
class District:
    ids: dict


def build_district(municipality, prefix: str) -> District:
    """One of everything the API lists, in ``municipality``."""
    platform = factories.PlatformFactory(direction__programme__municipality=municipality)
    programme = platform.direction.programme
    Stage.objects.create(programme=programme, number=1, title="Подготовительный",
                         starts_on=programme.starts_on, ends_on=programme.starts_on)
    organization = factories.OrganizationFactory(municipality=municipality,
                                                 short_name=f"{prefix} СОШ № 1", number=1)
    placement = factories.PlacementFactory(platform=platform, team=organization.team,
                                           tier="leader")
    deficit = Deficit.objects.create(direction=platform.direction, code="1.1",
                                     wording="Нет системы внутренней оценки")
    round_ = DiagnosticRound.objects.create(
        programme=programme, kind=RoundKind.START, title="Стартовая диагностика",
        starts_on=datetime.date(2021, 9, 1), ends_on=datetime.date(2021, 10, 1),
        entry_opens=datetime.date(2021, 9, 1), entry_closes=datetime.date(2021, 10, 1))
    diagnosis = Diagnosis.objects.create(team=organization.team, round=round_,
                                         direction=platform.direction, score=40)
    diagnosis.deficits.add(deficit)
    indicator = SchoolIndicator.objects.create(organization=organization, period=platform.period,
                                               students_total=500)
    staffing = Staffing.objects.create(
        organization=organization, as_of=datetime.date(2021, 9, 1), teachers_total=40,
        without_category=10, first_category=15, highest_category=15)
    needs_offer = NeedsOffer.objects.create(
        organization=organization, period=platform.period, direction=platform.direction,
        aspect=Aspect.MANAGERIAL, needs_support=True)
    entry = JournalEntry.objects.create(platform=platform, held_on=datetime.date(2021, 10, 5),
                                        form=WorkForm.SEMINAR, topic="Внутренняя оценка")
    entry.hosts.add(organization.team)
    TeamResult.objects.create(entry=entry, team=organization.team, managers=2, teachers=3)
    return District(ids={
        "staffing": {staffing.pk},
        "needs_offer": {needs_offer.pk},
        "entry": {entry.pk},
        "municipality": {municipality.pk},
        "organizations": {organization.pk},
        "teams": {organization.team.pk},
        "programme": {programme.pk},
        "period": {platform.period_id},
        "platform": {platform.pk},
        "placement": {placement.pk},
        "deficit": {deficit.pk},
        "round": {round_.pk},
        "diagnosis": {diagnosis.pk},
        "indicator": {indicator.pk},
    })


@pytest.fixture(autouse=True)
def fresh_throttle():
    """Request counts of the rate limit live in the cache: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def districts(db):
    home = factories.MunicipalityFactory(name="Муниципальное образование Домашний район")
    away = factories.MunicipalityFactory(name="Муниципальное образование Соседний район")
    return {"home": (home, build_district(home, "Дом")),
            "away": (away, build_district(away, "Сосед"))}


@pytest.fixture
def bearer(client):
    """``bearer(token_text)`` → a client that sends the token with every request."""

    def with_token(plaintext: str):
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {plaintext}"
        return client

    return with_token


@pytest.fixture
def issue(db):
    """``issue(municipality, scope)`` → the token's plaintext, issued by a staff member."""

    def make(municipality, scope=TokenScope.READ, name="Региональный мониторинг"):
        author = (factories.staff_user(municipality) if municipality is not None
                  else factories.UserFactory(is_superuser=True))
        return issue_token(name=name, municipality=municipality, scope=scope,
                           created_by=author).plaintext

    return make


def listed_ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}
