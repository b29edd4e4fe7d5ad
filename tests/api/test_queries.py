"""Each list answers in a number of queries that does not grow with the number of rows."""

import datetime

import pytest
from django.db.models import Max

from diagnostics.models import Aspect, Deficit, Diagnosis, NeedsOffer, SchoolIndicator, Staffing
from internships.models import (
    Direction,
    JournalEntry,
    Period,
    Platform,
    Stage,
    TeamResult,
    WorkForm,
)
from reports.indicators import compute_indicators
from teams.models import Organization
from tests import factories
from tests.api.conftest import ENDPOINTS

pytestmark = pytest.mark.django_db

ROWS = 30
# With a token: the token, then the page (and what it prefetches); the token's last use
# is written once a minute, so it was written before the counted request.
QUERIES = {
    "/api/v1/municipalities/": 2,
    "/api/v1/organizations/": 2,
    "/api/v1/teams/": 2,
    "/api/v1/programmes/": 4,
    "/api/v1/periods/": 2,
    "/api/v1/platforms/": 2,
    "/api/v1/placements/": 2,
    "/api/v1/deficits/": 2,
    "/api/v1/rounds/": 2,
    "/api/v1/diagnoses/": 3,
    "/api/v1/school-indicators/": 2,
    "/api/v1/staffing/": 2,
    "/api/v1/needs-offers/": 2,
    "/api/v1/journal-entries/": 4,
}


def _grow(municipality, district) -> None:
    """ROWS more of everything in the district, so an N+1 would show."""
    (programme_id,) = district.ids["programme"]
    (period_id,) = district.ids["period"]
    (round_id,) = district.ids["round"]
    deficits = list(Deficit.objects.filter(pk__in=district.ids["deficit"]))
    # Past the numbers the factories' sequences have handed out in this run.
    first = 1 + max(Direction.objects.aggregate(top=Max("number"))["top"] or 0,
                    Organization.objects.aggregate(top=Max("number"))["top"] or 0, 99)
    for number in range(first, first + ROWS):
        direction = Direction.objects.create(programme_id=programme_id, number=number,
                                             title=f"Направление {number}")
        Stage.objects.create(programme_id=programme_id, number=number, title=f"Этап {number}",
                             starts_on=datetime.date(2021, 9, 1),
                             ends_on=datetime.date(2021, 9, 2))
        platform = Platform.objects.create(direction=direction, period_id=period_id)
        organization = factories.OrganizationFactory(municipality=municipality,
                                                     short_name=f"ООШ № {number}",
                                                     number=number)
        factories.PlacementFactory(platform=platform, team=organization.team, tier="reserve")
        deficit = Deficit.objects.create(direction=direction, code=f"{number}.1",
                                         wording="Дефицит")
        diagnosis = Diagnosis.objects.create(team=organization.team, round_id=round_id,
                                             direction=direction)
        diagnosis.deficits.add(deficit, *deficits)
        SchoolIndicator.objects.create(organization=organization, period_id=period_id)
        Staffing.objects.create(organization=organization, as_of=datetime.date(2021, 9, 1),
                                teachers_total=3, without_category=1, first_category=1,
                                highest_category=1)
        NeedsOffer.objects.create(organization=organization, period_id=period_id,
                                  direction=direction, aspect=Aspect.PEDAGOGICAL,
                                  offers_practice=True)
        entry = JournalEntry.objects.create(platform=platform, held_on=datetime.date(2021, 11, 1),
                                            form=WorkForm.WEBINAR, topic=f"Тема {number}")
        entry.hosts.add(organization.team)
        TeamResult.objects.create(entry=entry, team=organization.team)
    factories.ProgrammeFactory(municipality=municipality, title="Второй проект")


@pytest.mark.parametrize("url", ENDPOINTS)
def test_it_lists_in_a_constant_number_of_queries(districts, issue, bearer, url,
                                                  django_assert_num_queries):
    home, district = districts["home"]
    _grow(home, district)
    client = bearer(issue(home))
    client.get("/api/v1/municipalities/")
    with django_assert_num_queries(QUERIES[url]):
        response = client.get(url, {"page_size": 1000})
    assert response.status_code == 200
    if url != "/api/v1/municipalities/":
        assert len(response.json()["results"]) > ROWS / 2 or url.endswith(
            ("/rounds/", "/periods/", "/programmes/"))


def test_it_counts_the_project_indicators_as_the_page_does(districts, issue, bearer):
    home, district = districts["home"]
    (period_id,) = district.ids["period"]
    response = bearer(issue(home)).get(f"/api/v1/periods/{period_id}/indicators/")
    assert response.status_code == 200
    body = response.json()
    period = Period.objects.get(pk=period_id)
    expected = compute_indicators(municipality=home, period=period)
    assert [row["code"] for row in body["values"]] == [v.indicator.code for v in expected]
    assert [row["number"] for row in body["values"]][:3] == ["П1", "П2", "П3"]
    assert [row["text"] for row in body["values"]] == [v.text for v in expected]
    assert body["title"] == period.title


def test_it_counts_the_indicators_in_queries_independent_of_the_district(
        districts, issue, bearer, django_assert_max_num_queries):
    home, district = districts["home"]
    (period_id,) = district.ids["period"]
    client = bearer(issue(home))
    client.get("/api/v1/municipalities/")
    with django_assert_max_num_queries(40) as small:
        client.get(f"/api/v1/periods/{period_id}/indicators/")
    _grow(home, district)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(f"/api/v1/periods/{period_id}/indicators/")
    assert response.status_code == 200
