"""A school team assesses only itself, only while the window is open."""

import pytest
from django.urls import reverse

from diagnostics.diagnoses import DiagnosisEntry, save_self_assessment
from diagnostics.models import Diagnosis, DiagnosisSource
from tests.diagnostics_rounds.conftest import diagnose
from tests.helpers import assert_redirects_to_login, messages_of


def self_url(diagnostic_round) -> str:
    return reverse("round_self_entry", args=[diagnostic_round.pk])


def test_it_lets_a_team_assess_itself_in_the_directions_it_is_placed_in(world, rounds,
                                                                         as_role):
    client = as_role("school_b_user")  # Гимназия № 2: directions 1 and 2
    d1, d2 = world.directions[0], world.directions[1]

    page = client.get(self_url(rounds.intermediate))
    response = client.post(self_url(rounds.intermediate), {
        f"deficits-{d1.pk}": [rounds.deficits["1.2"].pk], f"score-{d1.pk}": "60",
        f"assessed-{d2.pk}": "on",
    }, follow=True)

    assert [row.direction for row in page.context["rows"]] == [d1, d2]
    diagnoses = Diagnosis.objects.order_by("direction__number")
    assert [(x.team, x.direction, x.source, x.score) for x in diagnoses] == [
        (world.school_b.team, d1, DiagnosisSource.SELF, 60),
        (world.school_b.team, d2, DiagnosisSource.SELF, None),
    ]
    assert messages_of(response) == ["Самооценка сохранена: внесено — 2."]


def test_it_keeps_the_self_assessment_apart_from_the_expert_one(world, rounds, as_role):
    d1 = world.directions[0]
    diagnose(world.school_b.team, rounds.intermediate, d1, ["1.1", "1.3"], rounds)

    as_role("school_b_user").post(self_url(rounds.intermediate),
                                  {f"deficits-{d1.pk}": [rounds.deficits["1.2"].pk]})

    by_source = {x.source: sorted(d.code for d in x.deficits.all())
                 for x in Diagnosis.objects.filter(team=world.school_b.team)}
    assert by_source == {DiagnosisSource.EXPERT: ["1.1", "1.3"],
                         DiagnosisSource.SELF: ["1.2"]}


def test_it_refuses_the_self_assessment_after_the_window_closes(world, rounds, as_role):
    client = as_role("school_user")
    d1 = world.directions[0]

    page = client.get(self_url(rounds.start))
    post = client.post(self_url(rounds.start), {f"assessed-{d1.pk}": "on"})

    assert page.status_code == post.status_code == 403
    assert "закрыт 30.11.2021" in post.content.decode()
    assert not Diagnosis.objects.exists()


def test_it_ignores_a_direction_the_team_is_not_placed_in(world, rounds, as_role):
    d3 = world.directions[2]  # Гимназия № 2 is not placed in direction 3

    response = as_role("school_b_user").post(self_url(rounds.intermediate),
                                             {f"assessed-{d3.pk}": "on"}, follow=True)

    assert messages_of(response) == [
        "Изменений нет: результаты уже были сохранены в таком виде."
    ]
    assert not Diagnosis.objects.exists()


def test_the_service_refuses_another_team_or_an_unplaced_direction(world, rounds):
    with pytest.raises(Exception) as refusal:
        save_self_assessment(
            diagnostic_round=rounds.intermediate, team=world.school_b.team,
            entries=[
                DiagnosisEntry(team=world.school_a.team, direction=world.directions[0],
                               assessed=True),
                DiagnosisEntry(team=world.school_b.team, direction=world.directions[2],
                               assessed=True),
            ],
            entered_by=world.school_b_user,
        )

    assert refusal.value.messages == [
        "СОШ № 1: команда оценивает только себя.",
        "Команда не участвует в направлении «Стажировка 3» в 2021–2022 учебном году.",
    ]
    assert not Diagnosis.objects.exists()


def test_it_explains_a_bad_score_and_saves_nothing(world, rounds, as_role):
    d1 = world.directions[0]

    response = as_role("school_user").post(self_url(rounds.intermediate),
                                           {f"score-{d1.pk}": "101"})

    assert response.context["form"].errors[f"score-{d1.pk}"] == [
        "Балл не может быть больше 100."]
    assert not Diagnosis.objects.exists()


@pytest.mark.parametrize("role, status", [
    ("staff", 403), ("curator", 403), ("analyst", 403), ("outsider", 404),
])
def test_it_leaves_the_self_assessment_to_the_team_itself(world, rounds, as_role, role,
                                                          status):
    d1 = world.directions[0]
    client = as_role(role)

    assert client.get(self_url(rounds.intermediate)).status_code == status
    assert client.post(self_url(rounds.intermediate),
                       {f"assessed-{d1.pk}": "on"}).status_code == status
    assert not Diagnosis.objects.exists()


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, rounds, client):
    assert_redirects_to_login(client.get(self_url(rounds.intermediate)))
