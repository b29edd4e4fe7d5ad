"""A leader's mentees counted against the programme's norm (``mentee_capacity``)."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from internships.mentorships import MentorLoad, mentee_load, mentor_load
from internships.models import Mentorship
from teams.models import ManagementTeam
from tests import factories
from tests.helpers import messages_of

D = datetime.date


def learners(world, count: int) -> list[ManagementTeam]:
    """New teams placed as promising on the curator's platform."""
    teams = []
    for _ in range(count):
        organization = factories.OrganizationFactory(municipality=world.municipality)
        factories.PlacementFactory(platform=world.own_platform, team=organization.team)
        teams.append(organization.team)
    return teams


def mentor(world, mentees, *, ended_on=None) -> None:
    for team in mentees:
        factories.MentorshipFactory(platform=world.own_platform, mentor=world.school_a.team,
                                    mentee=team, ended_on=ended_on)


def test_it_counts_a_mentor_s_active_pairs_of_the_year_in_every_direction(world):
    mentor(world, learners(world, 2))
    mentor(world, learners(world, 1), ended_on=D(2021, 12, 1))
    factories.MentorshipFactory(platform=world.foreign_platform, mentor=world.school_a.team,
                                mentee=world.school_d.team)
    later = factories.PlatformFactory(
        direction=world.directions[0],
        period=factories.PeriodFactory(programme=world.programme, starts_on=D(2022, 9, 1),
                                       ends_on=D(2023, 8, 31)),
    )
    factories.MentorshipFactory(platform=later, mentor=world.school_a.team,
                                mentee=world.school_c.team)

    load = mentor_load(team=world.school_a.team, period=world.period)

    assert load == MentorLoad(mentees=3, capacity=3)
    assert not load.over_capacity
    pairs = Mentorship.objects.filter(platform__period=world.period)
    assert mentee_load(team=world.school_a.team, mentorships=pairs, capacity=3) == load


def test_it_is_over_capacity_past_the_programme_s_norm_which_staff_may_change(world):
    mentor(world, learners(world, 4))

    assert mentor_load(team=world.school_a.team, period=world.period).over_capacity
    world.programme.mentee_capacity = 5
    world.programme.save()
    world.period.refresh_from_db()
    assert not mentor_load(team=world.school_a.team, period=world.period).over_capacity


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_each_leader_s_mentee_count_on_the_platform_page(world, as_role, role):
    mentor(world, learners(world, 2))

    response = as_role(role).get(reverse("platform_detail", args=[world.own_platform.pk]))

    counts = {placement.team.organization.short_name: placement.mentee_count
              for _, _, placements in response.context["columns"] for placement in placements}
    assert counts["СОШ № 1"] == 2
    page = response.content.decode()
    capacity = world.programme.mentee_capacity
    assert f"подопечных: 2 из {capacity}" in page
    # The badge is explained on the page, not only in a tooltip.
    assert "скольких команд она наставляет в этом учебном году" in page
    assert response.context["over_capacity"] == []
    assert 'id="capacity-alert"' not in response.content.decode()


def test_it_warns_on_the_platform_page_about_a_leader_past_capacity(world, as_role):
    mentor(world, learners(world, 4))

    response = as_role("curator").get(reverse("platform_detail", args=[world.own_platform.pk]))

    content = response.content.decode()
    assert [p.team for p in response.context["over_capacity"]] == [world.school_a.team]
    assert 'id="capacity-alert"' in content
    assert "не больше 3 подопечных команд" in content and "СОШ № 1 (4)" in content
    assert "capacity-over" in content


@pytest.mark.parametrize("role", ["staff", "school_user"])
def test_it_shows_a_pair_on_both_organizations_pages(world, as_role, login, role):
    factories.MentorshipFactory(platform=world.own_platform, mentor=world.school_a.team,
                                mentee=world.school_c.team)
    client = as_role(role)

    mentor_page = client.get(reverse("organization_detail", args=[world.school_a.pk]))
    assert [m.mentee for m in mentor_page.context["mentees"]] == [world.school_c.team]
    assert mentor_page.context["mentor_load"] == MentorLoad(mentees=1, capacity=3)
    assert "1 из 3" in mentor_page.content.decode()

    mentee_client = login(factories.school_user(world.school_c)) if role == "school_user" else (
        client
    )
    mentee_page = mentee_client.get(reverse("organization_detail", args=[world.school_c.pk]))
    assert [m.mentor for m in mentee_page.context["mentors"]] == [world.school_a.team]
    assert "СОШ № 1" in mentee_page.content.decode()


def test_it_warns_on_the_organization_page_past_capacity(world, as_role):
    mentor(world, learners(world, 4))

    response = as_role("staff").get(reverse("organization_detail", args=[world.school_a.pk]))

    assert response.context["mentor_load"].over_capacity
    content = response.content.decode()
    assert "4 из 3" in content and 'id="capacity-alert"' in content


def test_it_shows_each_candidate_s_mentee_count_on_the_pairing_form(world, as_role):
    mentor(world, learners(world, 3))

    content = as_role("curator").get(
        reverse("mentorship_add", args=[world.own_platform.pk])
    ).content.decode()

    assert "СОШ № 1 — лидер этого направления (подопечных сейчас: 3)" in content
    assert ("Гимназия № 2 — лидер направления 2, наставник другой стажировки "
            "(подопечных сейчас: 0)") in content
    # This direction's leaders come first.
    assert content.index("СОШ № 1 — лидер") < content.index("Гимназия № 2 — лидер")


def test_it_pairs_a_mentor_past_capacity_but_warns(world, as_role):
    mentor(world, learners(world, 3))

    response = as_role("curator").post(
        reverse("mentorship_add", args=[world.own_platform.pk]),
        {"mentor": world.school_a.team.pk, "mentee": world.school_c.team.pk,
         "started_on": "2021-10-01"}, follow=True,
    )

    assert Mentorship.objects.filter(mentor=world.school_a.team).count() == 4
    assert messages_of(response) == [
        "У команды СОШ № 1 теперь подопечных команд: 4 — больше нормы проекта (3). "
        "Проверьте, хватит ли у неё сил, или назначьте другого наставника.",
        "Наставник назначен: СОШ № 1 → ООШ № 3.",
    ]


def test_it_pairs_a_mentor_within_capacity_without_a_warning(world, as_role):
    mentor(world, learners(world, 2))

    response = as_role("curator").post(
        reverse("mentorship_add", args=[world.own_platform.pk]),
        {"mentor": world.school_a.team.pk, "mentee": world.school_c.team.pk,
         "started_on": "2021-10-01"}, follow=True,
    )

    assert messages_of(response) == ["Наставник назначен: СОШ № 1 → ООШ № 3."]


def test_it_lets_the_administrator_change_the_norm_in_the_admin(world, client):
    admin = User.objects.create_superuser("root", password="x")
    client.force_login(admin)

    page = client.get(reverse("admin:internships_programme_change", args=[world.programme.pk]))

    assert page.status_code == 200
    assert 'name="mentee_capacity"' in page.content.decode()
    listing = client.get(reverse("admin:internships_programme_changelist")).content.decode()
    assert "Подопечных на одного наставника" in listing
