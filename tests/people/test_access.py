"""Who sees teachers by name: the school's own users, its curators and the department."""

import pytest

from people.access import (
    may_manage_teacher,
    organizations_kept_by_user,
    teacher_platforms_for_user,
    teachers_for_user,
)
from tests import factories


@pytest.fixture
def people(world):
    return {
        "a": factories.TeacherFactory(organization=world.school_a, full_name="Учитель СОШ 1"),
        "d": factories.TeacherFactory(organization=world.school_d, full_name="Учитель НШ 4"),
        "kindergarten": factories.TeacherFactory(organization=world.kindergarten,
                                                 full_name="Воспитатель ДС 5"),
        "other": factories.TeacherFactory(organization=world.other_organization,
                                          full_name="Учитель соседей"),
    }


def names(user) -> set[str]:
    return set(teachers_for_user(user).values_list("full_name", flat=True))


def test_it_shows_staff_every_teacher_of_their_municipality(world, people):
    assert names(world.staff) == {"Учитель СОШ 1", "Учитель НШ 4", "Воспитатель ДС 5"}


def test_it_shows_a_school_only_its_own_people(world, people):
    assert names(world.school_user) == {"Учитель СОШ 1"}


def test_it_shows_a_curator_the_people_of_the_teams_on_their_platforms(world, people):
    # The curator's own platform holds СОШ № 1, Гимназия № 2, НШ № 4 and ООШ № 3.
    assert names(world.curator) == {"Учитель СОШ 1", "Учитель НШ 4"}


def test_it_shows_an_analyst_and_an_outsider_no_names(world, people):
    assert names(world.analyst) == set()
    assert names(world.outsider) == {"Учитель соседей"}


def test_it_lets_staff_and_the_own_school_keep_a_record(world, people):
    assert may_manage_teacher(world.staff, people["a"])
    assert may_manage_teacher(world.school_user, people["a"])
    assert not may_manage_teacher(world.school_user, people["d"])
    assert not may_manage_teacher(world.curator, people["a"])
    assert not may_manage_teacher(world.outsider, people["a"])
    assert set(organizations_kept_by_user(world.school_user)) == {world.school_a}


def test_it_shows_every_role_of_the_municipality_its_teacher_platforms(world, people):
    own = factories.TeacherPlatformFactory(host=world.kindergarten)
    factories.TeacherPlatformFactory(host=world.other_organization)

    for user in (world.staff, world.curator, world.analyst, world.school_user):
        assert list(teacher_platforms_for_user(user)) == [own]
