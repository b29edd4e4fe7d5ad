"""A teacher's own page: they sign in with the teacher role and land on their record."""

import datetime

import pytest
from django.db import IntegrityError
from django.urls import reverse

from people.models import TeacherRecordView
from teams.models import Role, UserProfile
from tests import factories
from tests.helpers import assert_redirects_to_login

MY_PAGE = reverse("my_page")


@pytest.fixture
def teacher(world):
    return factories.TeacherFactory(
        organization=world.school_a, full_name="Кравец Дарья Олеговна",
        position="учитель английского языка", subjects="английский язык",
        teaching_since=datetime.date.today() - datetime.timedelta(days=400),
    )


@pytest.fixture
def teacher_client(teacher, login):
    return login(factories.teacher_user(teacher, username="kravets"))


def test_it_sends_a_teacher_from_home_to_their_page(teacher_client):
    response = teacher_client.get(reverse("home"))

    assert response.status_code == 302
    assert response.headers["Location"] == MY_PAGE


def test_it_shows_the_teacher_their_own_record(teacher_client, teacher):
    response = teacher_client.get(MY_PAGE)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Кравец Дарья Олеговна" in content and "английский язык" in content
    assert "молодой педагог" in content
    assert "Моя карточка" in content  # the teacher's menu
    # Reading one's own record is not someone else's view of personal data.
    assert not TeacherRecordView.objects.exists()


def test_it_lists_the_platforms_the_teacher_works_on(teacher_client, teacher, world):
    platform = factories.TeacherPlatformFactory(host=world.school_a, head=teacher,
                                                title="Школа молодого педагога")

    content = teacher_client.get(MY_PAGE).content.decode()

    assert f"{platform.title} — руководитель" in content


def test_it_explains_what_to_do_when_the_account_is_not_linked(world, login):
    user = factories.make_user(Role.TEACHER, world.municipality, organization=world.school_a)

    response = login(user).get(MY_PAGE)

    assert response.status_code == 200
    assert 'id="no-record"' in response.content.decode()


@pytest.mark.parametrize("role", ["staff", "curator", "school_user", "analyst"])
def test_it_is_the_teachers_page_only(as_role, role):
    assert as_role(role).get(MY_PAGE).status_code == 403


def test_it_sends_anonymous_users_to_sign_in(client):
    assert_redirects_to_login(client.get(MY_PAGE))


def test_it_keeps_a_teacher_out_of_the_management_teams_diagnostics(teacher_client, world):
    assert teacher_client.get(reverse("round_list")).status_code == 403
    assert teacher_client.get(
        reverse("team_diagnostics", args=[world.school_a.pk])).status_code == 403
    assert teacher_client.get(reverse("matrix")).status_code == 403


def test_it_requires_an_organization_for_the_teacher_role(world):
    user = factories.UserFactory()
    with pytest.raises(IntegrityError):
        UserProfile.objects.create(user=user, municipality=world.municipality,
                                   role=Role.TEACHER)
