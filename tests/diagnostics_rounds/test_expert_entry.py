"""A curator enters a whole platform's expert diagnoses at once; the window locks it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from diagnostics.diagnoses import DiagnosisEntry, save_expert_diagnoses
from diagnostics.models import Diagnosis, DiagnosisSource, DiagnosticRound
from internships.models import Placement, Tier
from teams.models import ManagementTeam, Organization
from tests.diagnostics_rounds.conftest import diagnose
from tests.helpers import assert_redirects_to_login, messages_of


def entry_url(diagnostic_round, platform=None) -> str:
    url = reverse("round_expert_entry", args=[diagnostic_round.pk])
    return f"{url}?platform={platform.pk}" if platform else url


def row(team, deficits=(), score="", comment="", assessed=False) -> dict:
    data = {f"deficits-{team.pk}": [d.pk for d in deficits], f"score-{team.pk}": score,
            f"comment-{team.pk}": comment}
    if assessed:
        data[f"assessed-{team.pk}"] = "on"
    return data


def platform_post(world, rounds, **extra) -> dict:
    d = rounds.deficits
    data = {}
    data.update(row(world.school_a.team, [d["1.1"], d["1.2"]], score="40", comment="Начало"))
    data.update(row(world.school_b.team, [d["1.3"]]))
    data.update(row(world.school_d.team, assessed=True))  # diagnosed, nothing found
    data.update(row(world.school_c.team))  # not diagnosed
    data.update(extra)
    return data


def expert_results(world):
    return {
        (diagnosis.team.organization.short_name, diagnosis.score):
            sorted(d.code for d in diagnosis.deficits.all())
        for diagnosis in Diagnosis.objects.filter(source=DiagnosisSource.EXPERT)
        .select_related("team__organization")
    }


def test_it_lets_a_curator_enter_the_whole_platform_at_once(world, rounds, as_role):
    client = as_role("curator")
    url = entry_url(rounds.intermediate, world.own_platform)

    page = client.get(url)
    response = client.post(url, platform_post(world, rounds), follow=True)

    assert page.status_code == 200
    assert [r.label for r in page.context["rows"]] == ["СОШ № 1", "Гимназия № 2", "НШ № 4",
                                                       "ООШ № 3"]
    assert expert_results(world) == {
        ("СОШ № 1", 40): ["1.1", "1.2"], ("Гимназия № 2", None): ["1.3"], ("НШ № 4", None): [],
    }
    assert Diagnosis.objects.get(team=world.school_a.team).comment == "Начало"
    assert Diagnosis.objects.get(team=world.school_a.team).entered_by == world.curator
    assert messages_of(response) == [
        "Результаты по направлению «Стажировка 1» сохранены: внесено — 3."]


def test_it_picks_the_curators_own_platform_when_none_is_named(world, rounds, as_role):
    response = as_role("curator").get(entry_url(rounds.intermediate))

    assert response.context["platform"] == world.own_platform


def test_it_offers_only_active_deficits_of_the_direction(world, rounds, as_role):
    response = as_role("curator").get(entry_url(rounds.intermediate, world.own_platform))

    codes = [code for _, code, _, _ in response.context["rows"][0].deficits]
    assert codes == ["1.1", "1.2", "1.3"]


def test_it_updates_and_removes_results_on_a_second_save(world, rounds, as_role):
    client = as_role("curator")
    url = entry_url(rounds.intermediate, world.own_platform)
    client.post(url, platform_post(world, rounds))
    d = rounds.deficits

    response = client.post(url, {**row(world.school_a.team, [d["1.1"]], score="55"),
                                 **row(world.school_b.team, [d["1.3"]]),
                                 **row(world.school_d.team),
                                 **row(world.school_c.team)}, follow=True)

    assert expert_results(world) == {("СОШ № 1", 55): ["1.1"], ("Гимназия № 2", None): ["1.3"]}
    assert messages_of(response)[-1] == (
        "Результаты по направлению «Стажировка 1» сохранены: изменено — 1, удалено — 1."
    )


def test_it_keeps_a_switched_off_deficit_on_a_result_that_has_it(world, rounds, as_role):
    d = rounds.deficits
    diagnose(world.school_a.team, rounds.intermediate, world.directions[0], ["1.1", "1.9"],
             rounds)
    client = as_role("curator")
    url = entry_url(rounds.intermediate, world.own_platform)

    page = client.get(url)
    client.post(url, {**row(world.school_a.team, [d["1.1"], d["1.9"]], score="10")})

    assert [code for _, code, _, _ in page.context["rows"][0].deficits] == [
        "1.1", "1.2", "1.3", "1.9"]
    assert expert_results(world) == {("СОШ № 1", 10): ["1.1", "1.9"]}


@pytest.mark.parametrize("bad, message", [
    ({"score": "150"}, "Балл не может быть больше 100."),
    ({"score": "-1"}, "Балл не может быть меньше 0."),
    ({"score": "много"}, "Балл — целое число от 0 до 100."),
])
def test_it_explains_a_bad_score_and_saves_nothing(world, rounds, as_role, bad, message):
    data = platform_post(world, rounds, **{f"score-{world.school_b.team.pk}": bad["score"]})

    response = as_role("curator").post(entry_url(rounds.intermediate, world.own_platform), data)

    assert response.status_code == 200
    assert response.context["form"].errors[f"score-{world.school_b.team.pk}"] == [message]
    assert "Ничего не сохранено." in response.content.decode()
    assert not Diagnosis.objects.exists()


@pytest.mark.parametrize("code", ["2.1", "1.9"])
def test_it_refuses_a_deficit_of_another_direction_or_switched_off(world, rounds, as_role,
                                                                    code):
    data = platform_post(world, rounds,
                         **{f"deficits-{world.school_b.team.pk}": [rounds.deficits[code].pk]})

    response = as_role("curator").post(entry_url(rounds.intermediate, world.own_platform), data)

    assert response.context["form"].errors[f"deficits-{world.school_b.team.pk}"] == [
        "Отметьте дефициты из списка направления."
    ]
    assert not Diagnosis.objects.exists()


def test_the_service_refuses_a_team_not_placed_on_the_platform(world, rounds):
    with pytest.raises(Exception) as refusal:
        save_expert_diagnoses(
            diagnostic_round=rounds.intermediate, platform=world.own_platform,
            entries=[DiagnosisEntry(team=world.kindergarten.team, direction=world.directions[0],
                                    assessed=True)],
            entered_by=world.curator,
        )

    assert refusal.value.messages == [
        "Детский сад № 5 не распределена на площадку «Стажировка 1» (2021–2022): её результат "
        "сюда внести нельзя."
    ]
    assert not Diagnosis.objects.exists()


def test_the_service_checks_every_row_before_writing_any(world, rounds):
    d = rounds.deficits
    with pytest.raises(Exception) as refusal:
        save_expert_diagnoses(
            diagnostic_round=rounds.intermediate, platform=world.own_platform,
            entries=[
                DiagnosisEntry(team=world.school_a.team, direction=world.directions[0],
                               assessed=True, deficit_ids=frozenset({d["1.1"].pk})),
                DiagnosisEntry(team=world.school_b.team, direction=world.directions[0],
                               assessed=True, deficit_ids=frozenset({d["2.1"].pk}), score=101),
            ],
            entered_by=world.curator,
        )

    assert refusal.value.messages == [
        "Гимназия № 2: балл должен быть от 0 до 100.",
        "Гимназия № 2: можно отметить только действующие дефициты направления 1.",
    ]
    assert not Diagnosis.objects.exists()


def test_it_refuses_a_curator_after_the_window_closes(world, rounds, as_role):
    client = as_role("curator")
    url = entry_url(rounds.start, world.own_platform)

    page = client.get(url)
    post = client.post(url, platform_post(world, rounds))

    assert page.status_code == post.status_code == 403
    assert ("Приём результатов диагностики «Стартовая» закрыт 30.11.2021: изменить результаты "
            "может только управление образования.") in post.content.decode()
    assert not Diagnosis.objects.exists()


def test_it_refuses_a_curator_before_the_window_opens(world, rounds, as_role):
    today = timezone.localdate()
    DiagnosticRound.objects.filter(pk=rounds.intermediate.pk).update(
        entry_opens=today + datetime.timedelta(days=3),
        entry_closes=today + datetime.timedelta(days=9))

    post = as_role("curator").post(entry_url(rounds.intermediate, world.own_platform),
                                   platform_post(world, rounds))

    assert post.status_code == 403
    assert "откроется" in post.content.decode()
    assert not Diagnosis.objects.exists()


def test_it_lets_staff_write_after_the_window_closes(world, rounds, as_role):
    client = as_role("staff")
    url = entry_url(rounds.start, world.foreign_platform)

    page = client.get(url)
    client.post(url, {**row(world.school_b.team, [rounds.deficits["2.2"]], score="70")})

    assert "Вы вносите изменения как управление образования" in page.content.decode()
    assert expert_results(world) == {("Гимназия № 2", 70): ["2.2"]}


def test_the_service_refuses_a_closed_round_to_a_curator(world, rounds):
    with pytest.raises(Exception) as refusal:
        save_expert_diagnoses(
            diagnostic_round=rounds.start, platform=world.own_platform,
            entries=[DiagnosisEntry(team=world.school_a.team, direction=world.directions[0],
                                    assessed=True)],
            entered_by=world.curator,
        )

    assert "закрыт 30.11.2021" in refusal.value.messages[0]
    assert not Diagnosis.objects.exists()


def test_it_refuses_a_curator_a_platform_they_do_not_curate(world, rounds, as_role):
    url = entry_url(rounds.intermediate, world.foreign_platform)

    client = as_role("curator")
    assert client.get(url).status_code == 403
    assert client.post(url, row(world.school_b.team, assessed=True)).status_code == 403
    assert not Diagnosis.objects.exists()


@pytest.mark.parametrize("role, status", [
    ("analyst", 403), ("school_user", 403), ("outsider", 404),
])
def test_it_refuses_entry_to_those_who_do_not_assess(world, rounds, as_role, role, status):
    url = entry_url(rounds.intermediate, world.own_platform)
    client = as_role(role)

    assert client.get(url).status_code == status
    assert client.post(url, platform_post(world, rounds)).status_code == status
    assert not Diagnosis.objects.exists()


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, rounds, client):
    assert_redirects_to_login(client.get(entry_url(rounds.intermediate)))


def test_it_answers_404_for_a_platform_of_another_year_or_municipality(world, rounds, as_role):
    response = as_role("staff").get(entry_url(rounds.intermediate, world.other_platform))

    assert response.status_code == 404


def add_teams(world, count: int) -> None:
    organizations = Organization.objects.bulk_create(
        Organization(municipality=world.municipality, short_name=f"СОШ № {n}",
                     name=f"Школа № {n}", number=n) for n in range(100, 100 + count)
    )
    teams = ManagementTeam.objects.bulk_create(ManagementTeam(organization=o)
                                               for o in organizations)
    Placement.objects.bulk_create(Placement(platform=world.own_platform, team=team,
                                            tier=Tier.RESERVE) for team in teams)


def test_it_shows_the_entry_form_in_the_same_number_of_queries_for_few_and_many_teams(
    world, rounds, as_role, django_assert_num_queries
):
    client = as_role("curator")
    url = entry_url(rounds.intermediate, world.own_platform)
    diagnose(world.school_a.team, rounds.intermediate, world.directions[0], ["1.1"], rounds)
    client.get(url)
    # Session, user, profile, round, periods, platforms, the platforms the curator
    # curates, placements, stored results, their deficits, the direction's deficits.
    with django_assert_num_queries(11):
        few = client.get(url)
    add_teams(world, 40)
    for team in ManagementTeam.objects.filter(organization__number__gte=100)[:20]:
        diagnose(team, rounds.intermediate, world.directions[0], ["1.2", "1.3"], rounds)
    with django_assert_num_queries(11):
        many = client.get(url)

    assert len(many.context["rows"]) == len(few.context["rows"]) + 40
