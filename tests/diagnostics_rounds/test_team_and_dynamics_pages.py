"""A team's deficits across rounds, and the dynamics between two rounds."""

import datetime

import pytest
from django.urls import reverse

from diagnostics.dynamics import Share
from diagnostics.models import Deficit, DiagnosisSource, RoundKind
from tests.diagnostics_rounds.conftest import diagnose, make_round
from tests.helpers import assert_redirects_to_login

DYNAMICS = reverse("round_dynamics")


def team_url(organization) -> str:
    return reverse("team_diagnostics", args=[organization.pk])


@pytest.fixture
def history(world, rounds):
    """Direction 1, expert: СОШ № 1 {1.1, 1.2} → {1.2, 1.3}; Гимназия № 2 {1.1, 1.2} → {1.1};
    НШ № 4 {1.1} → {1.1}; ООШ № 3 only at the start. СОШ № 1's own view: {1.1} → {}."""
    d1 = world.directions[0]
    diagnose(world.school_a.team, rounds.start, d1, ["1.1", "1.2"], rounds)
    diagnose(world.school_a.team, rounds.intermediate, d1, ["1.2", "1.3"], rounds)
    diagnose(world.school_b.team, rounds.start, d1, ["1.1", "1.2"], rounds)
    diagnose(world.school_b.team, rounds.intermediate, d1, ["1.1"], rounds)
    diagnose(world.school_d.team, rounds.start, d1, ["1.1"], rounds)
    diagnose(world.school_d.team, rounds.intermediate, d1, ["1.1"], rounds)
    diagnose(world.school_c.team, rounds.start, d1, ["1.3"], rounds)
    diagnose(world.school_a.team, rounds.start, d1, ["1.1"], rounds,
             source=DiagnosisSource.SELF)
    diagnose(world.school_a.team, rounds.intermediate, d1, [], rounds,
             source=DiagnosisSource.SELF)


def codes(deficits):
    return [deficit.code for deficit in deficits]


@pytest.mark.parametrize("role", ["staff", "curator", "analyst", "school_user"])
def test_it_shows_a_teams_resolved_persisting_and_new_deficits(world, history, as_role, role):
    response = as_role(role).get(team_url(world.school_a))

    assert response.status_code == 200
    [panel] = response.context["panels"]
    [step] = panel.expert_steps
    assert (codes(step.resolved), codes(step.persisting), codes(step.new), step.delta) == (
        ["1.1"], ["1.2"], ["1.3"], 0)
    [own_step] = panel.self_steps
    assert (codes(own_step.resolved), own_step.delta) == (["1.1"], -1)
    text = response.content.decode()
    assert "Самооценка команды" in text and "Устранены" in text


def test_it_says_when_a_team_has_no_results_yet(world, rounds, as_role):
    response = as_role("staff").get(team_url(world.kindergarten))

    assert response.context["panels"] == []
    assert "Результатов диагностики у команды пока нет" in response.content.decode()


@pytest.mark.parametrize("role", ["school_b_user", "outsider"])
def test_it_hides_a_teams_diagnostics_from_other_teams_and_municipalities(world, history,
                                                                          as_role, role):
    assert as_role(role).get(team_url(world.school_a)).status_code == 404


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(team_url(world.school_a)))
    assert_redirects_to_login(client.get(DYNAMICS))


def test_it_leaves_a_switched_off_deficit_out_of_the_teams_comparison(world, history,
                                                                      as_role):
    Deficit.objects.filter(code="1.1").update(active=False)

    response = as_role("staff").get(team_url(world.school_b))

    [step] = response.context["panels"][0].expert_steps
    assert (codes(step.resolved), codes(step.withdrawn), step.delta) == (["1.2"], ["1.1"], -1)


def test_the_team_page_costs_the_same_number_of_queries_for_few_and_many_results(
    world, rounds, history, as_role, django_assert_num_queries
):
    client = as_role("school_user")
    url = team_url(world.school_a)
    client.get(url)
    # Session, user, profile, organization, rounds, directions, two queries per source
    # for the deficit sets, scores and comments, the deficits named.
    with django_assert_num_queries(12):
        few = client.get(url)
    for number in range(8):
        later = make_round(world.programme, kind=RoundKind.INTERMEDIATE,
                           title=f"Промежуточная {number}",
                           starts_on=datetime.date(2023, 1, 1) + datetime.timedelta(number),
                           opens=datetime.date(2023, 1, 1), closes=datetime.date(2023, 2, 1))
        for direction in world.directions:
            for source in DiagnosisSource.values:
                diagnose(world.school_a.team, later, direction,
                         [f"{direction.number}.{number % 3 + 1}"], rounds, source=source)
    with django_assert_num_queries(12):
        many = client.get(url)

    assert len(many.context["panels"]) == 3 > len(few.context["panels"])


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_which_teams_reduced_their_deficits(world, history, as_role, role):
    response = as_role(role).get(DYNAMICS)

    assert response.status_code == 200
    assert (response.context["first"], response.context["second"]) == (
        history_rounds(response))
    d1_share = response.context["direction_shares"][0].share
    assert (d1_share.decreased, d1_share.compared, d1_share.percent) == (1, 3, 33)
    assert response.context["direction_shares"][1].share.percent is None
    rows = [(row.team.organization.short_name, row.change.delta)
            for row in response.context["rows"]]
    assert rows == [("Гимназия № 2", -1), ("СОШ № 1", 0), ("НШ № 4", 0), ("ООШ № 3", None)]
    text = response.content.decode()
    assert "33 %" in text and "нет данных" in text


def history_rounds(response):
    rounds = response.context["rounds"]
    return rounds[0], rounds[1]


def test_it_compares_self_assessments_when_asked(world, history, as_role):
    response = as_role("staff").get(DYNAMICS, {"source": DiagnosisSource.SELF})

    assert response.context["overall"].percent == 100
    assert [row.team.organization.short_name for row in response.context["rows"]] == [
        "СОШ № 1"]


def test_it_says_no_data_when_no_team_is_in_both_rounds(world, rounds, as_role):
    diagnose(world.school_a.team, rounds.start, world.directions[0], ["1.1"], rounds)

    response = as_role("staff").get(DYNAMICS)

    assert response.context["overall"].percent is None
    assert "нет данных" in response.content.decode()


def test_it_refuses_comparing_a_round_with_itself(world, rounds, as_role):
    response = as_role("staff").get(DYNAMICS, {"first": rounds.start.pk,
                                               "second": rounds.start.pk})

    assert response.context["form"].errors["second"] == ["Выберите две разные диагностики."]
    assert not response.context["ready"]


def test_it_ignores_a_round_of_another_municipality(world, rounds, as_role):
    response = as_role("outsider").get(DYNAMICS, {"first": rounds.start.pk,
                                                  "second": rounds.intermediate.pk})

    assert response.status_code == 200
    assert not response.context["ready"]


@pytest.mark.parametrize("role", ["school_user", "school_b_user"])
def test_it_refuses_the_dynamics_page_to_a_school_team(world, rounds, as_role, role):
    assert as_role(role).get(DYNAMICS).status_code == 403


def test_the_dynamics_page_costs_the_same_number_of_queries_for_few_and_many(
    world, rounds, history, as_role, django_assert_num_queries
):
    client = as_role("curator")
    client.get(DYNAMICS)
    # Session, user, profile, rounds, rounds with results, the two queries of the
    # deficit sets, deficits, directions, teams.
    with django_assert_num_queries(10):
        few = client.get(DYNAMICS)
    for team in (world.school_b.team, world.school_d.team, world.school_c.team,
                 world.kindergarten.team):
        for direction in world.directions[1:]:
            diagnose(team, rounds.start, direction, [f"{direction.number}.1"], rounds)
            diagnose(team, rounds.intermediate, direction, [], rounds)
    with django_assert_num_queries(10):
        many = client.get(DYNAMICS)

    assert len(many.context["rows"]) > len(few.context["rows"])
    # СОШ № 1 unchanged; the other four now have fewer deficits in directions 2 and 3.
    assert many.context["overall"] == Share(decreased=4, compared=5)
