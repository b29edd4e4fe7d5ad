"""The schools' innovation projects: each caller sees the projects the board shows them,
filtered like the board, in a number of queries that does not grow with the projects."""

import datetime

import pytest
from django.utils import timezone

from innovation.models import InnovationProject
from innovation.projects import ProjectCard, register_project
from internships.models import Period
from teams.models import Organization
from tests import factories
from tests.api.conftest import listed_ids

pytestmark = pytest.mark.django_db
URL = "/api/v1/innovation-projects/"


def _project(district, *, theme="Школа полного дня", is_pilot=True, organization=None):
    (period_id,) = district.ids["period"]
    (organization_id,) = district.ids["organizations"]
    return register_project(
        organization=organization or Organization.objects.get(pk=organization_id),
        period=Period.objects.get(pk=period_id), is_pilot=is_pilot,
        card=ProjectCard(theme=theme), registered_by=None)


def test_it_lists_the_projects_of_the_token_municipality_only(districts, issue, bearer):
    home, district = districts["home"]
    away, away_district = districts["away"]
    project = _project(district)
    _project(away_district)
    response = bearer(issue(home)).get(URL)
    assert listed_ids(response) == {project.pk}
    row = response.json()["results"][0]
    assert (row["theme"], row["is_pilot"], row["stage"]) == (
        "Школа полного дня", True, project.stage_id)


def test_it_shows_a_school_its_own_project_only(districts, client):
    home, district = districts["home"]
    own = _project(district)
    neighbour = factories.OrganizationFactory(municipality=home, short_name="Дом СОШ № 7",
                                              number=7)
    _project(district, organization=neighbour)
    client.force_login(factories.school_user(own.organization))
    assert listed_ids(client.get(URL)) == {own.pk}


def test_it_filters_by_pilot_and_by_the_time_of_change(districts, issue, bearer):
    home, district = districts["home"]
    pilot = _project(district)
    neighbour = factories.OrganizationFactory(municipality=home, short_name="Дом СОШ № 8",
                                              number=8)
    other = _project(district, is_pilot=False, theme="Цифровая среда", organization=neighbour)
    client = bearer(issue(home))
    assert listed_ids(client.get(URL, {"is_pilot": "false"})) == {other.pk}
    later = timezone.now() + datetime.timedelta(minutes=1)
    InnovationProject.objects.filter(pk=pilot.pk).update(updated_at=later)
    assert listed_ids(client.get(URL, {"updated_since": later.isoformat()})) == {pilot.pk}


def test_it_lists_projects_in_a_constant_number_of_queries(districts, issue, bearer,
                                                         django_assert_num_queries):
    home, district = districts["home"]
    for number in range(20, 50):
        organization = factories.OrganizationFactory(municipality=home, number=number,
                                                     short_name=f"ООШ № {number}")
        _project(district, organization=organization, theme=f"Тема {number}")
    client = bearer(issue(home))
    client.get("/api/v1/municipalities/")
    with django_assert_num_queries(2):
        response = client.get(URL, {"page_size": 1000})
    assert len(response.json()["results"]) == 30
