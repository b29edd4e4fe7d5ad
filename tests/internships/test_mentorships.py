import datetime

import pytest
from django.core.exceptions import ValidationError

from internships.mentorships import (
    end_mentorship,
    mentee_candidates,
    mentor_candidates,
    start_mentorship,
)
from internships.models import Mentorship, Tier
from tests import factories

D = datetime.date
IN_THE_YEAR = D(2021, 10, 1)


def test_it_pairs_a_leader_of_the_platform_with_a_team_of_it(world):
    mentorship = start_mentorship(platform=world.own_platform, mentor=world.school_a.team,
                                  mentee=world.school_b.team, started_on=IN_THE_YEAR)

    mentorship.refresh_from_db()
    assert mentorship.platform == world.own_platform
    assert mentorship.mentor == world.school_a.team
    assert mentorship.mentee == world.school_b.team
    assert mentorship.started_on == IN_THE_YEAR
    assert mentorship.ended_on is None


def test_it_lets_a_leader_of_another_direction_of_the_same_year_mentor(world):
    # Гимназия № 2 leads direction 2 and mentors ООШ № 3 in direction 1.
    mentorship = start_mentorship(platform=world.own_platform, mentor=world.school_b.team,
                                  mentee=world.school_c.team, started_on=IN_THE_YEAR)

    assert mentorship.mentor == world.school_b.team


def test_it_lets_a_team_that_leads_elsewhere_be_mentored_where_it_learns(world):
    # Гимназия № 2 leads direction 2 but is promising in direction 1.
    start_mentorship(platform=world.own_platform, mentor=world.school_a.team,
                     mentee=world.school_b.team, started_on=IN_THE_YEAR)

    assert Mentorship.objects.filter(mentee=world.school_b.team).count() == 1


def _refusal(**arguments) -> dict:
    arguments.setdefault("started_on", IN_THE_YEAR)
    with pytest.raises(ValidationError) as refusal:
        start_mentorship(**arguments)
    assert not Mentorship.objects.exists()
    return refusal.value.message_dict


def test_it_refuses_a_mentor_that_leads_no_direction(world):
    errors = _refusal(platform=world.own_platform, mentor=world.school_d.team,
                      mentee=world.school_c.team)

    assert errors["mentor"] == [
        "Наставником может быть только команда-лидер одного из направлений "
        "в 2021–2022 учебном году."
    ]


def test_it_refuses_a_mentor_that_leads_only_in_another_year(world):
    next_year = factories.PeriodFactory(programme=world.programme, starts_on=D(2022, 9, 1),
                                        ends_on=D(2023, 8, 31))
    factories.PlacementFactory(
        platform=factories.PlatformFactory(direction=world.directions[1], period=next_year),
        team=world.school_d.team, tier=Tier.LEADER,
    )

    errors = _refusal(platform=world.own_platform, mentor=world.school_d.team,
                      mentee=world.school_c.team)

    assert "mentor" in errors


def test_it_refuses_a_team_as_its_own_mentor(world):
    errors = _refusal(platform=world.own_platform, mentor=world.school_b.team,
                      mentee=world.school_b.team)

    assert errors["mentee"] == ["Команда не может быть наставником самой себе."]


def test_it_refuses_a_leader_of_the_direction_as_a_mentee(world):
    errors = _refusal(platform=world.own_platform, mentor=world.school_b.team,
                      mentee=world.school_a.team)

    assert errors["mentee"] == [
        "Команда-лидер этого направления не нуждается в наставнике по нему."
    ]


def test_it_refuses_a_mentee_that_is_not_on_the_platform(world):
    errors = _refusal(platform=world.own_platform, mentor=world.school_a.team,
                      mentee=world.kindergarten.team)

    assert errors["mentee"] == ["Эта команда не распределена на данную площадку."]


def test_it_refuses_the_same_pair_twice(world):
    start_mentorship(platform=world.own_platform, mentor=world.school_a.team,
                     mentee=world.school_c.team, started_on=IN_THE_YEAR)

    with pytest.raises(ValidationError) as refusal:
        start_mentorship(platform=world.own_platform, mentor=world.school_a.team,
                         mentee=world.school_c.team, started_on=D(2022, 2, 1))

    assert refusal.value.message_dict["mentee"] == [
        "Такая пара наставничества уже есть на этой площадке."
    ]
    assert Mentorship.objects.count() == 1


@pytest.mark.parametrize("started_on", [D(2021, 8, 31), D(2022, 9, 1)])
def test_it_refuses_a_start_outside_the_year(world, started_on):
    errors = _refusal(platform=world.own_platform, mentor=world.school_a.team,
                      mentee=world.school_c.team, started_on=started_on)

    assert errors["started_on"] == [
        "Дата начала должна лежать в 2021–2022 учебном году: с 01.09.2021 по 31.08.2022."
    ]


def test_it_ends_a_mentorship(world):
    mentorship = factories.MentorshipFactory(
        platform=world.own_platform, mentor=world.school_a.team, mentee=world.school_c.team,
        started_on=IN_THE_YEAR,
    )

    end_mentorship(mentorship=mentorship, ended_on=D(2022, 5, 31))

    mentorship.refresh_from_db()
    assert mentorship.ended_on == D(2022, 5, 31)


def test_it_ends_a_mentorship_on_the_day_it_started(world):
    mentorship = factories.MentorshipFactory(
        platform=world.own_platform, mentor=world.school_a.team, mentee=world.school_c.team,
        started_on=IN_THE_YEAR,
    )

    end_mentorship(mentorship=mentorship, ended_on=IN_THE_YEAR)

    mentorship.refresh_from_db()
    assert mentorship.ended_on == IN_THE_YEAR


def test_it_refuses_an_end_before_the_start(world):
    mentorship = factories.MentorshipFactory(
        platform=world.own_platform, mentor=world.school_a.team, mentee=world.school_c.team,
        started_on=IN_THE_YEAR,
    )

    with pytest.raises(ValidationError) as refusal:
        end_mentorship(mentorship=mentorship, ended_on=D(2021, 9, 30))

    assert refusal.value.message_dict["ended_on"] == [
        "Дата окончания не может быть раньше начала (01.10.2021)."
    ]
    mentorship.refresh_from_db()
    assert mentorship.ended_on is None


def test_it_refuses_to_end_a_mentorship_twice(world):
    mentorship = factories.MentorshipFactory(
        platform=world.own_platform, mentor=world.school_a.team, mentee=world.school_c.team,
        started_on=IN_THE_YEAR, ended_on=D(2022, 3, 1),
    )

    with pytest.raises(ValidationError) as refusal:
        end_mentorship(mentorship=mentorship, ended_on=D(2022, 5, 31))

    assert refusal.value.message_dict["ended_on"] == ["Наставничество уже завершено 01.03.2022."]
    mentorship.refresh_from_db()
    assert mentorship.ended_on == D(2022, 3, 1)


def test_it_offers_the_year_s_leaders_as_mentors(world):
    mentors = mentor_candidates(platform=world.own_platform)

    assert {team.organization.short_name for team in mentors} == {
        "СОШ № 1", "Гимназия № 2", "ООШ № 3",
    }


def test_it_offers_every_team_of_the_platform_but_its_leaders_as_mentees(world):
    mentees = mentee_candidates(platform=world.own_platform)

    # Гимназия № 2 and ООШ № 3 lead other directions and still learn in this one.
    assert {team.organization.short_name for team in mentees} == {
        "Гимназия № 2", "ООШ № 3", "НШ № 4",
    }
