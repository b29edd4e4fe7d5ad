"""A person's record: who may open it, what it shows, and the audit of every opening."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from people.models import QualificationCategory, TeacherRecordView
from people.teacher_reads import RECENT_VIEWS_SHOWN
from people.teachers import RECORD_PAGE, record_view
from tests import factories
from tests.helpers import assert_redirects_to_login

D = datetime.date
YEAR = datetime.timedelta(days=365)


def record_url(teacher) -> str:
    return reverse("teacher_detail", args=[teacher.pk])


@pytest.fixture
def teacher(world):
    return factories.TeacherFactory(
        organization=world.school_a, full_name="Петрова Ольга Ивановна",
        position="учитель математики", subjects="математика, информатика",
        teaching_since=D(2005, 9, 1), qualification=QualificationCategory.HIGHEST,
        qualified_on=D(2020, 12, 25), master_since=D(2019, 5, 20),
    )


@pytest.mark.parametrize("role", ["staff", "curator", "school_user"])
def test_it_shows_the_record_to_those_who_see_the_person(world, as_role, teacher, role):
    response = as_role(role).get(record_url(teacher))

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1" in content and "Петрова Ольга Ивановна" in content
    assert "математика, информатика" in content
    assert "01.09.2005" in content and "Высшая, с 25.12.2020" in content
    assert "Педагог-мастер с 20.05.2019." in content


@pytest.mark.parametrize("role", ["school_b_user", "outsider", "analyst"])
def test_it_hides_the_record_from_those_who_may_not_see_the_person(world, as_role, teacher,
                                                                   role):
    assert as_role(role).get(record_url(teacher)).status_code == 404
    assert not TeacherRecordView.objects.exists()


def test_it_hides_from_a_curator_the_people_of_schools_off_their_platforms(world, as_role):
    teacher = factories.TeacherFactory(organization=world.kindergarten)

    assert as_role("curator").get(record_url(teacher)).status_code == 404
    assert not TeacherRecordView.objects.exists()


def test_it_sends_an_anonymous_visitor_to_the_login_page_and_records_nothing(world, client,
                                                                            teacher):
    assert_redirects_to_login(client.get(record_url(teacher)))
    assert not TeacherRecordView.objects.exists()


def test_it_records_every_opening_once_with_the_names_copied(world, as_role, teacher):
    client = as_role("curator")
    client.get(record_url(teacher))
    client.get(record_url(teacher))

    views = list(TeacherRecordView.objects.order_by("pk"))
    assert len(views) == 2
    assert {(view.teacher, view.teacher_name, view.viewer, view.viewer_name, view.page)
            for view in views} == {
        (teacher, "Петрова Ольга Ивановна", world.curator, "curator", RECORD_PAGE)}


def test_it_shows_the_department_the_last_views_newest_first(world, as_role, teacher):
    world.curator.first_name, world.curator.last_name = "Ольга", "Кураторова"
    world.curator.save()
    for _ in range(RECENT_VIEWS_SHOWN + 5):
        record_view(teacher=teacher, viewer=world.school_user, page=RECORD_PAGE)
    record_view(teacher=teacher, viewer=world.curator, page=RECORD_PAGE)

    response = as_role("staff").get(record_url(teacher))

    views = response.context["recent_views"]
    assert len(views) == RECENT_VIEWS_SHOWN
    assert [view.viewer for view in views[:2]] == [world.staff, world.curator]
    content = response.content.decode()
    assert "Журнал просмотров" in content
    assert "Кураторова" in content and "(curator)" in content


@pytest.mark.parametrize("role", ["curator", "school_user"])
def test_it_keeps_the_journal_of_views_from_everyone_but_the_department(world, as_role,
                                                                        teacher, role):
    content = as_role(role).get(record_url(teacher)).content.decode()

    assert "Журнал просмотров" not in content


def test_it_lists_the_platforms_the_person_heads_and_works_in(world, as_role, teacher):
    factories.TeacherPlatformFactory(host=world.school_a, head=teacher,
                                     title="ИКТ-компетенции педагогов")
    factories.TeacherPlatformFactory(host=world.kindergarten, title="Оценочные компетенции"
                                     ).masters.add(teacher)

    response = as_role("school_user").get(record_url(teacher))

    assert [p.title for p in response.context["headed_platforms"]] == [
        "ИКТ-компетенции педагогов"]
    assert [p.title for p in response.context["working_groups"]] == ["Оценочные компетенции"]
    content = response.content.decode()
    assert "Руководит площадкой" in content and "на базе Детский сад № 5" in content


def test_it_offers_edit_and_delete_to_the_keepers_only(world, as_role, teacher):
    edit = reverse("teacher_edit", args=[teacher.pk])

    assert edit in as_role("staff").get(record_url(teacher)).content.decode()
    assert edit in as_role("school_user").get(record_url(teacher)).content.decode()
    assert edit not in as_role("curator").get(record_url(teacher)).content.decode()


def test_it_shows_a_school_the_master_status_read_only(world, as_role, teacher):
    content = as_role("school_user").get(record_url(teacher)).content.decode()

    assert "Педагог-мастер с 20.05.2019." in content
    assert reverse("teacher_master_revoke", args=[teacher.pk]) not in content
    assert reverse("teacher_master_grant", args=[teacher.pk]) not in content
    assert "Статус присваивает управление образования" in content


def test_it_offers_the_department_to_grant_or_revoke_the_status(world, as_role, teacher):
    newcomer = factories.TeacherFactory(organization=world.school_a,
                                        teaching_since=timezone.localdate() - YEAR)
    client = as_role("staff")

    assert reverse("teacher_master_revoke", args=[teacher.pk]) in client.get(
        record_url(teacher)).content.decode()
    content = client.get(record_url(newcomer)).content.decode()
    assert reverse("teacher_master_grant", args=[newcomer.pk]) in content
    assert "молодой педагог" in content


@pytest.mark.parametrize("platforms", [1, 10])
def test_it_opens_a_record_with_a_fixed_number_of_queries(world, as_role, teacher,
                                                          django_assert_num_queries, platforms):
    for _ in range(platforms):
        factories.TeacherPlatformFactory(host=world.school_b, head=teacher).masters.add(teacher)
        record_view(teacher=teacher, viewer=world.school_user, page=RECORD_PAGE)
    client = as_role("staff")
    client.get(record_url(teacher))

    # session, user, profile, the person, the audit row written; the latest nomination for
    # the status «Педагог-мастер», the platforms headed, the working groups, the recent views.
    with django_assert_num_queries(9):
        response = client.get(record_url(teacher))

    assert len(response.context["working_groups"]) == platforms
