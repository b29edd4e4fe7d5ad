"""Conferences and contests with their nominations: of the caller's municipality only, with
the filters of the year and the kind, in a number of queries that does not grow."""

import pytest

from contests.events import ContestDetails, create_contest, save_nomination
from contests.models import Audience
from internships.models import Programme
from tests.api.conftest import listed_ids

pytestmark = pytest.mark.django_db
URL = "/api/v1/contests/"


def _contest(district, title, *, kind="contest", year=2023, nominations=2):
    (programme_id,) = district.ids["programme"]
    contest = create_contest(programme=Programme.objects.get(pk=programme_id),
                             details=ContestDetails(kind=kind, title=title, year=year,
                                                    illustrative=True))
    for number in range(nominations):
        save_nomination(contest=contest, audience=Audience.ORGANIZATION,
                        title=f"Номинация {number + 1}")
    return contest


def test_it_lists_the_contests_of_the_token_municipality_with_nominations(districts, issue,
                                                                         bearer):
    home, district = districts["home"]
    _, away_district = districts["away"]
    contest = _contest(district, "Инновационный поиск — 2023")
    _contest(away_district, "Соседский конкурс")
    response = bearer(issue(home)).get(URL)
    assert listed_ids(response) == {contest.pk}
    row = response.json()["results"][0]
    assert (row["title"], row["kind"], row["illustrative"]) == (
        "Инновационный поиск — 2023", "contest", True)
    assert [item["title"] for item in row["nominations"]] == ["Номинация 1", "Номинация 2"]


def test_it_filters_by_year_and_kind(districts, issue, bearer):
    home, district = districts["home"]
    conference = _contest(district, "Конференция", kind="conference", year=2022)
    contest = _contest(district, "Конкурс", year=2023)
    client = bearer(issue(home))
    assert listed_ids(client.get(URL, {"year": 2022})) == {conference.pk}
    assert listed_ids(client.get(URL, {"kind": "contest"})) == {contest.pk}
    assert client.get(URL, {"year": "два"}).status_code == 400


def test_it_lists_contests_in_a_constant_number_of_queries(districts, issue, bearer,
                                                         django_assert_num_queries):
    home, district = districts["home"]
    for number in range(20):
        _contest(district, f"Конкурс {number}", nominations=3)
    client = bearer(issue(home))
    client.get("/api/v1/municipalities/")
    with django_assert_num_queries(3):
        response = client.get(URL, {"page_size": 1000})
    assert len(response.json()["results"]) == 20
