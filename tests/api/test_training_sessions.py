"""Sessions of the teachers' training platforms: of the caller's municipality only, filtered
by platform and dates, without the names of who led them, in a constant number of queries."""

import datetime

import pytest

from tests import factories
from tests.api.conftest import listed_ids
from trainings.models import PlatformSession, SessionForm

pytestmark = pytest.mark.django_db
URL = "/api/v1/training-sessions/"


def _session(municipality, held_on=datetime.date(2023, 10, 12), platform=None):
    platform = platform or factories.TeacherPlatformFactory(
        host=factories.OrganizationFactory(municipality=municipality))
    return PlatformSession.objects.create(platform=platform, held_on=held_on,
                                          topic="Смысловое чтение", form=SessionForm.SEMINAR)


def test_it_lists_the_sessions_of_the_token_municipality_only(districts, issue, bearer):
    home, _ = districts["home"]
    away, _ = districts["away"]
    session = _session(home)
    _session(away)
    response = bearer(issue(home)).get(URL)
    assert listed_ids(response) == {session.pk}
    row = response.json()["results"][0]
    assert (row["topic"], row["form"], row["held_on"]) == ("Смысловое чтение", "seminar",
                                                           "2023-10-12")
    assert "led_by" not in row


def test_it_filters_by_dates(districts, issue, bearer):
    home, _ = districts["home"]
    autumn = _session(home)
    spring = _session(home, held_on=datetime.date(2024, 3, 1), platform=autumn.platform)
    client = bearer(issue(home))
    assert listed_ids(client.get(URL, {"held_from": "2024-01-01"})) == {spring.pk}
    assert listed_ids(client.get(URL, {"held_to": "2023-12-31"})) == {autumn.pk}


def test_it_lists_sessions_in_a_constant_number_of_queries(districts, issue, bearer,
                                                         django_assert_num_queries):
    home, _ = districts["home"]
    for _ in range(20):
        _session(home)
    client = bearer(issue(home))
    client.get("/api/v1/municipalities/")
    with django_assert_num_queries(2):
        response = client.get(URL, {"page_size": 1000})
    assert len(response.json()["results"]) == 20
