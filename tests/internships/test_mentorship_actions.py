import datetime

import pytest
from django.urls import reverse

from internships.models import Mentorship, Tier
from tests import factories
from tests.helpers import assert_redirects_to_login, messages_of

D = datetime.date


def add_url(platform) -> str:
    return reverse("mentorship_add", args=[platform.pk])


def end_url(mentorship) -> str:
    return reverse("mentorship_end", args=[mentorship.pk])


def pair(client, platform, mentor, mentee, started_on="01.10.2021"):
    return client.post(add_url(platform), {"mentor": mentor.team.pk, "mentee": mentee.team.pk,
                                           "started_on": started_on}, follow=True)


@pytest.mark.parametrize("role", ["staff", "curator"])
def test_it_lets_staff_and_the_platform_s_curator_pair_a_mentor(world, as_role, role):
    client = as_role(role)

    assert client.get(add_url(world.own_platform)).status_code == 200
    response = pair(client, world.own_platform, world.school_a, world.school_c)

    assert response.redirect_chain == [
        (reverse("platform_detail", args=[world.own_platform.pk]), 302)
    ]
    mentorship = Mentorship.objects.get()
    assert (mentorship.platform, mentorship.mentor, mentorship.mentee, mentorship.started_on) == (
        world.own_platform, world.school_a.team, world.school_c.team, D(2021, 10, 1)
    )
    assert messages_of(response) == ["Наставник назначен: СОШ № 1 → ООШ № 3."]


def test_it_pairs_a_mentee_that_leads_another_direction(world, as_role):
    # Гимназия № 2 leads direction 2 and learns (promising) in direction 1.
    response = pair(as_role("curator"), world.own_platform, world.school_a, world.school_b)

    assert response.redirect_chain
    assert Mentorship.objects.get().mentee == world.school_b.team


def test_it_pairs_a_leader_of_another_direction_as_mentor(world, as_role):
    pair(as_role("curator"), world.own_platform, world.school_b, world.school_d)

    assert Mentorship.objects.get().mentor == world.school_b.team


@pytest.mark.parametrize("role, platform, status", [
    ("curator", "foreign_platform", 403),
    ("analyst", "own_platform", 403),
    ("school_user", "own_platform", 404),
    ("outsider", "own_platform", 404),
])
def test_it_refuses_pairing_to_those_who_do_not_run_the_platform(
    world, as_role, role, platform, status
):
    platform = getattr(world, platform)
    leader = platform.placements.get(tier=Tier.LEADER).team.organization
    learner = platform.placements.get(tier=Tier.RESERVE).team.organization
    client = as_role(role)

    assert client.get(add_url(platform)).status_code == status
    assert pair(client, platform, leader, learner).status_code == status
    assert not Mentorship.objects.exists()


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(add_url(world.own_platform)))


@pytest.mark.parametrize(
    "mentor, mentee, started_on, field, message",
    [
        ("school_b", "school_b", "01.10.2021", "mentee",
         "Команда не может быть наставником самой себе."),
        ("school_a", "school_c", "01.10.2022", "started_on",
         "Дата начала должна лежать в 2021–2022 учебном году: с 01.09.2021 по 31.08.2022."),
        ("school_d", "school_c", "01.10.2021", "mentor", "Выберите команду из списка."),
        ("school_b", "school_a", "01.10.2021", "mentee", "Выберите команду из списка."),
    ],
    ids=["self", "outside-the-year", "mentor-leads-nowhere", "leader-as-mentee"],
)
def test_it_explains_a_wrong_pair_and_writes_nothing(
    world, as_role, mentor, mentee, started_on, field, message
):
    response = pair(as_role("staff"), world.own_platform, getattr(world, mentor),
                    getattr(world, mentee), started_on)

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert not Mentorship.objects.exists()


def test_it_explains_that_a_pair_already_exists(world, as_role):
    factories.MentorshipFactory(platform=world.own_platform, mentor=world.school_a.team,
                                mentee=world.school_c.team)

    response = pair(as_role("staff"), world.own_platform, world.school_a, world.school_c)

    assert response.context["form"].errors["mentee"] == [
        "Такая пара наставничества уже есть на этой площадке."
    ]
    assert Mentorship.objects.count() == 1


@pytest.fixture
def own_pair(world):
    return factories.MentorshipFactory(platform=world.own_platform, mentor=world.school_a.team,
                                       mentee=world.school_c.team, started_on=D(2021, 10, 1))


@pytest.mark.parametrize("role", ["staff", "curator"])
def test_it_lets_staff_and_the_platform_s_curator_end_a_pair(world, as_role, own_pair, role):
    response = as_role(role).post(end_url(own_pair), {"ended_on": "31.05.2022"}, follow=True)

    assert response.redirect_chain == [
        (reverse("platform_detail", args=[world.own_platform.pk]), 302)
    ]
    own_pair.refresh_from_db()
    assert own_pair.ended_on == D(2022, 5, 31)
    assert messages_of(response) == ["Наставничество завершено."]


def test_it_ends_a_pair_only_by_post(world, as_role, own_pair):
    assert as_role("staff").get(end_url(own_pair)).status_code == 405
    own_pair.refresh_from_db()
    assert own_pair.ended_on is None


@pytest.mark.parametrize("role, status", [
    ("curator", 403), ("analyst", 403), ("school_user", 403), ("school_b_user", 403),
    ("outsider", 404),
])
def test_it_refuses_ending_a_pair_to_those_who_do_not_run_the_platform(
    world, as_role, role, status
):
    # A pair of the foreign platform between the two school users' own teams.
    mentorship = factories.MentorshipFactory(platform=world.foreign_platform,
                                             mentor=world.school_b.team,
                                             mentee=world.school_a.team)

    response = as_role(role).post(end_url(mentorship), {"ended_on": "31.05.2022"})

    assert response.status_code == status
    mentorship.refresh_from_db()
    assert mentorship.ended_on is None


def test_it_hides_a_pair_from_a_school_team_outside_it(world, as_role, own_pair):
    response = as_role("school_b_user").post(end_url(own_pair), {"ended_on": "31.05.2022"})

    assert response.status_code == 404
    own_pair.refresh_from_db()
    assert own_pair.ended_on is None


def test_it_sends_an_anonymous_visitor_from_ending_a_pair_to_the_login_page(
    world, client, own_pair
):
    assert_redirects_to_login(client.post(end_url(own_pair), {"ended_on": "31.05.2022"}))
    own_pair.refresh_from_db()
    assert own_pair.ended_on is None


@pytest.mark.parametrize(
    "ended_on, message",
    [
        ("30.09.2021", "Дата окончания не может быть раньше начала (01.10.2021)."),
        ("не дата", "Укажите дату окончания в формате ДД.ММ.ГГГГ."),
    ],
)
def test_it_explains_a_wrong_end_and_keeps_the_pair(world, as_role, own_pair, ended_on,
                                                    message):
    response = as_role("curator").post(end_url(own_pair), {"ended_on": ended_on}, follow=True)

    assert messages_of(response) == [message]
    own_pair.refresh_from_db()
    assert own_pair.ended_on is None


def test_it_refuses_to_end_a_pair_twice(world, as_role, own_pair):
    own_pair.ended_on = D(2022, 3, 1)
    own_pair.save()

    response = as_role("staff").post(end_url(own_pair), {"ended_on": "31.05.2022"}, follow=True)

    assert messages_of(response) == ["Наставничество уже завершено 01.03.2022."]
    own_pair.refresh_from_db()
    assert own_pair.ended_on == D(2022, 3, 1)
