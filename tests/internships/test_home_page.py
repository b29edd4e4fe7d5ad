from django.urls import reverse

from tests.factories import UserFactory
from tests.helpers import assert_redirects_to_login

URL = reverse("home")


def test_it_shows_staff_the_district_dashboard_with_counts(world, as_role):
    response = as_role("staff").get(URL)

    assert response.status_code == 200
    assert response.context["team_count"] == 5
    assert response.context["placed_team_count"] == 5
    assert response.context["leading_team_count"] == 3
    assert response.context["placement_count"] == 10
    counts = {d.number: (d.leader_count, d.promising_count, d.reserve_count)
              for d in response.context["directions"]}
    assert counts == {1: (1, 2, 1), 2: (1, 1, 1), 3: (1, 1, 1)}
    content = response.content.decode()
    assert "Муниципальное образование Крымский район" in content
    assert "Направления стажировок" in content
    assert "Мои стажировочные площадки" not in content


def test_it_shows_the_analyst_the_same_dashboard(world, as_role):
    response = as_role("analyst").get(URL)

    assert response.status_code == 200
    assert response.context["placement_count"] == 10
    assert "Мои стажировочные площадки" not in response.content.decode()


def test_it_shows_a_curator_the_platforms_they_curate(world, as_role):
    response = as_role("curator").get(URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Мои стажировочные площадки" in content
    assert list(response.context["my_platforms"]) == [world.own_platform]
    assert reverse("platform_detail", args=[world.own_platform.pk]) in content
    assert response.context["my_platforms"][0].team_count == 4


def test_it_sends_a_school_team_to_its_organization_page(world, as_role):
    response = as_role("school_user").get(URL)

    assert response.status_code == 302
    assert response.url == reverse("organization_detail", args=[world.school_a.pk])


def test_it_tells_a_user_without_a_role_that_none_is_assigned(world, login):
    response = login(UserFactory()).get(URL)

    assert response.status_code == 200
    assert "Вашей учётной записи ещё не назначена роль" in response.content.decode()
    assert "Роль не назначена" in response.content.decode()


def test_it_shows_staff_of_another_municipality_only_their_own_district(world, as_role):
    response = as_role("outsider").get(URL)

    assert response.status_code == 200
    assert response.context["team_count"] == 1
    assert response.context["placement_count"] == 1
    content = response.content.decode()
    assert "Муниципальное образование Соседний" in content
    assert "Крымский район" not in content


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(URL))
