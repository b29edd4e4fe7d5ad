"""«Подбор распределения»: who may open it, the form, the background job and the review page."""

from unittest import mock

import pytest
from django.urls import reverse
from kombu.exceptions import OperationalError

from distribution.models import DistributionProposal, ProposalStatus
from distribution.proposals import compute_proposal
from internships.models import Placement
from tests import factories
from tests.distribution.conftest import FORM
from tests.helpers import assert_redirects_to_login, messages_of


@pytest.fixture
def computed(world, login, propose):
    """A proposal for the ``world`` district, computed by its staff."""
    propose(login(world.staff), world.period)
    return DistributionProposal.objects.get()


# Who may open the pages.

@pytest.mark.parametrize(("role", "status"), [
    ("staff", 200), ("curator", 403), ("analyst", 403), ("school_user", 403),
    ("outsider", 200),
])
def test_it_opens_the_form_for_department_staff_only(world, as_role, role, status):
    assert as_role(role).get(reverse("distribution_new")).status_code == status


def test_it_sends_an_anonymous_visitor_to_log_in(world, client):
    assert_redirects_to_login(client.get(reverse("distribution_new")))


@pytest.mark.parametrize("name", ["distribution_detail", "distribution_status"])
@pytest.mark.parametrize(("role", "status"), [
    ("staff", 200), ("curator", 403), ("analyst", 403), ("school_user", 403),
    ("outsider", 404),
])
def test_it_shows_a_proposal_to_the_staff_of_its_municipality(computed, world, as_role,
                                                               name, role, status):
    response = as_role(role).get(reverse(name, args=[computed.pk]))
    assert response.status_code == status


@pytest.mark.parametrize(("role", "status"), [
    ("curator", 403), ("analyst", 403), ("school_user", 403), ("outsider", 404),
])
def test_it_lets_nobody_but_staff_accept(computed, world, as_role, role, status):
    response = as_role(role).post(reverse("distribution_accept", args=[computed.pk]))
    assert response.status_code == status
    assert DistributionProposal.objects.get().accepted_at is None


# The form.

def test_it_fills_the_form_with_the_defaults_of_the_latest_year(world, as_role):
    world.programme.mentee_capacity = 4
    world.programme.save()
    response = as_role("staff").get(reverse("distribution_new"))
    form = response.context["form"]
    assert ('<option value="new" selected>новый учебный год 2022–2023 — будет создан при '
            "принятии</option>") in response.content.decode()
    assert form.initial["source_period"] == world.period.pk
    assert form.initial["target"] == "new"
    assert form.initial["mentees_per_leader"] == 4
    assert form.initial["diagnostic_round"] is None
    assert dict(form.fields["target"].choices)["new"] == (
        "новый учебный год 2022–2023 — будет создан при принятии")


def test_it_prefills_the_form_from_an_earlier_proposal(computed, world, as_role):
    DistributionProposal.objects.filter(pk=computed.pk).update(
        parameters={**computed.parameters, "leaders_max": 4})
    response = as_role("staff").get(f"{reverse('distribution_new')}?from={computed.pk}")
    assert response.context["form"].initial["leaders_max"] == 4


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"leaders_min": "5", "leaders_max": "2"}, "__all__",
     "Параметры не подходят: минимум лидеров на направление (5) больше максимума (2)."),
    ({"change_cost": "-1"}, "change_cost", "Цена не может быть отрицательной."),
    ({"leader_floor": "1,5"}, "leader_floor", "Число от 0 до 1."),
    ({"max_directions_led": "0"}, "max_directions_led", "Не меньше 1."),
    ({"mentees_per_leader": "три"}, "mentees_per_leader", "Введите целое число."),
])
def test_it_refuses_bad_parameters_and_creates_nothing(world, login, propose, fields, field,
                                                       message):
    response = propose(login(world.staff), world.period, **fields)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert not DistributionProposal.objects.exists()


def test_it_allows_as_many_leaders_as_a_large_municipality_needs(world, login, propose):
    propose(login(world.staff), world.period, leaders_max="150")
    assert DistributionProposal.objects.get().parameters["leaders_max"] == 150


def test_it_refuses_an_absurd_number_of_leaders(world, login, propose):
    response = propose(login(world.staff), world.period, leaders_max="10001")
    assert response.context["form"].errors["leaders_max"] == ["Не больше 10 000."]
    assert not DistributionProposal.objects.exists()


def test_it_offers_no_new_year_after_the_programme_ends(world, login, propose):
    world.programme.ends_on = world.period.ends_on
    world.programme.save()
    client = login(world.staff)
    page = client.get(reverse("distribution_new"))
    form = page.context["form"]
    assert [key for key, _ in form.fields["target"].choices] == [str(world.period.pk)]
    assert 'value="new"' not in page.content.decode()
    assert form.initial["target"] == str(world.period.pk)

    response = propose(client, world.period, target="new")

    assert response.context["form"].errors["target"] == [
        f"Проект «{world.programme.title}» заканчивается 31.08.2022: нового учебного года в "
        "нём не будет. Выберите один из существующих учебных лет."]
    assert not DistributionProposal.objects.exists()


def test_it_refuses_a_target_year_before_the_current_one(world, login, propose):
    later = factories.PeriodFactory(programme=world.programme, starts_on=world.period.ends_on
                                    .replace(day=1, month=9), ends_on=world.period.ends_on
                                    .replace(year=world.period.ends_on.year + 1))
    response = propose(login(world.staff), later, target=str(world.period.pk))
    assert response.context["form"].errors["target"] == [
        "Распределять можно на тот же или на более поздний учебный год, чем текущее "
        "распределение."]
    assert not DistributionProposal.objects.exists()


def test_it_offers_no_year_of_another_municipality(world, login, propose):
    response = propose(login(world.staff), world.other_platform.period)
    assert "source_period" in response.context["form"].errors
    assert not DistributionProposal.objects.exists()


# Computing.

def test_it_computes_the_proposal_in_the_background_and_shows_it(world, login, propose):
    response = propose(login(world.staff), world.period)

    proposal = DistributionProposal.objects.get()
    assert response.url == reverse("distribution_detail", args=[proposal.pk])
    assert (proposal.status, proposal.progress, proposal.created_by) == (
        ProposalStatus.DONE, 100, world.staff)
    assert proposal.target_period is None
    assert proposal.parameters["leaders_max"] == 6
    assert proposal.parameters["weight_offer"] == 2.0
    assert proposal.result["teams_total"] == 5
    # НШ № 4 and the kindergarten lead nowhere now; НШ № 4 can lead a direction it is in.
    assert proposal.result["leading_before"] == 3
    page = login(world.staff).get(response.url)
    assert "ведут хотя бы одно направление: 3 из 5 →" in page.content.decode()


def test_it_changes_nothing_until_accepted(world, login, propose):
    before = list(Placement.objects.order_by("pk").values_list("pk", "tier"))
    propose(login(world.staff), world.period)
    assert list(Placement.objects.order_by("pk").values_list("pk", "tier")) == before


def test_it_reports_the_job_state_as_json(computed, world, as_role):
    response = as_role("staff").get(reverse("distribution_status", args=[computed.pk]))
    assert response.json() == {"status": "done", "progress": 100, "stage": "Готово",
                               "finished": True}


def test_it_shows_a_progress_bar_while_the_job_waits(world, as_role):
    proposal = DistributionProposal.objects.create(
        municipality=world.municipality, source_period=world.period, created_by=world.staff,
        parameters={}, stage="В очереди")
    page = as_role("staff").get(reverse("distribution_detail", args=[proposal.pk])).content
    assert b'id="proposal-progress"' in page
    assert reverse("distribution_status", args=[proposal.pk]).encode() in page
    assert b"js/distribution.js" in page


# Outside a test transaction the job is queued as soon as the request saves the proposal,
# as it is in production.
@pytest.mark.django_db(transaction=True)
def test_it_says_so_when_the_queue_is_down(world, login):
    client = login(world.staff)
    with mock.patch("distribution.tasks.compute_distribution.delay",
                    side_effect=OperationalError("connection refused")):
        response = client.post(reverse("distribution_new"),
                               {**FORM, "source_period": world.period.pk}, follow=True)

    proposal = DistributionProposal.objects.get()
    assert proposal.status == ProposalStatus.FAILED
    assert response.status_code == 200
    assert "Очередь фоновых задач сейчас недоступна" in " ".join(messages_of(response))
    assert "Очередь фоновых задач сейчас недоступна" in response.content.decode()


def test_a_job_with_invalid_parameters_fails_with_the_solver_message(world):
    proposal = DistributionProposal.objects.create(
        municipality=world.municipality, source_period=world.period,
        parameters={"leaders_min": 3, "leaders_max": 1})
    compute_proposal(proposal_id=proposal.pk)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.FAILED
    assert "минимум лидеров на направление (3) больше максимума (1)" in proposal.error


def test_a_job_that_breaks_is_marked_failed_not_left_running(world):
    proposal = DistributionProposal.objects.create(
        municipality=world.municipality, source_period=world.period, parameters={})
    with mock.patch("distribution.engine.propose", side_effect=RuntimeError("сбой")):
        compute_proposal(proposal_id=proposal.pk)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.FAILED
    assert proposal.error.startswith("Расчёт прервался из-за внутренней ошибки.")


def test_it_runs_a_finished_job_only_once(computed):
    result = computed.result
    DistributionProposal.objects.filter(pk=computed.pk).update(result={"seen": True})
    compute_proposal(proposal_id=computed.pk)
    computed.refresh_from_db()
    assert computed.result == {"seen": True} != result


# The demo district.

def test_on_the_demo_every_team_ends_up_leading(demo, demo_staff, propose):
    response = propose(demo_staff, demo)
    page = demo_staff.get(response.url)
    html = page.content.decode()
    assert "ведут хотя бы одно направление: 18 из 34 → 34 из 34" in html
    review = page.context["review"]
    assert review.change_count == 16 == len(review.changes)
    assert all(load.mentees <= 3 for load in review.loads)
    assert len(review.rows) == 34
    assert html.count('name="change"') == 16
    assert html.count('name="pair"') == len(review.pairs)


def test_it_lists_the_teams_left_without_a_mentor_with_the_reason(demo, demo_staff, propose):
    response = propose(demo_staff, demo, mentees_per_leader="1")
    html = demo_staff.get(response.url).content.decode()
    unmatched = DistributionProposal.objects.get().result["unmatched"]
    assert unmatched
    table = html.split('id="unmatched"')[1].split("</table>")[0]
    assert table.count("<tr>") == 1 + len(unmatched)
    for item in unmatched:
        assert item["reason"] in table
    assert f'<div class="display-6" id="unmatched-count">{len(unmatched)}</div>' in html


# Query counts.

def _more_teams(world, count):
    for number in range(count):
        organization = factories.OrganizationFactory(municipality=world.municipality,
                                                     short_name=f"СОШ № {200 + number}",
                                                     number=200 + number)
        factories.PlacementFactory(platform=world.third_platform, team=organization.team,
                                   tier="reserve")


@pytest.mark.parametrize("extra", [0, 15])
def test_the_review_page_costs_a_fixed_number_of_queries(world, login, propose, extra,
                                                         django_assert_num_queries):
    _more_teams(world, extra)
    client = login(world.staff)
    propose(client, world.period, leaders_max="20")
    proposal = DistributionProposal.objects.get()
    with django_assert_num_queries(13):
        response = client.get(reverse("distribution_detail", args=[proposal.pk]))
    assert len(response.context["review"].rows) == 5 + extra


@pytest.mark.parametrize("proposals", [1, 6])
def test_the_form_page_costs_a_fixed_number_of_queries(world, login, propose, proposals,
                                                       django_assert_num_queries):
    client = login(world.staff)
    for _ in range(proposals):
        propose(client, world.period)
    with django_assert_num_queries(12):
        response = client.get(reverse("distribution_new"))
    assert len(response.context["recent"]) == proposals



def test_the_proposal_names_directions_and_explains_its_rules_in_plain_words(computed, world,
                                                                            as_role):
    page = as_role("staff").get(reverse("distribution_detail", args=[computed.pk]))

    content = page.content.decode()
    for direction in world.directions:
        assert f"{direction.number} — {direction.title}" in content
    assert f'<td class="small">{world.directions[0].number}. {world.directions[0].title}</td>' \
        in content
    plain = {label: text for label, _, text in page.context["parameters"]}
    assert plain["Цена изменения"].startswith(
        "Насколько результат команды должен превышать порог лидера")
    assert "Чем больше цена, тем меньше изменений предлагается." in content
    assert "диагностики нет" not in content


def test_the_proposal_names_the_chosen_round_where_a_team_has_no_result(world, login, propose,
                                                                       rounds):
    client = login(world.staff)
    propose(client, world.period, diagnostic_round=rounds.start.pk)
    proposal = DistributionProposal.objects.get()

    page = client.get(reverse("distribution_detail", args=[proposal.pk]))

    content = page.content.decode()
    assert "диагностика «Стартовая»" in content
    assert "в диагностике «Стартовая» результата по направлению нет" in content
    assert "сила — по текущему уровню: результата диагностики" not in content
