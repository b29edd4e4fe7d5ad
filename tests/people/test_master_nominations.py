"""A school proposes its people for the status «Педагог-мастер»; the department decides."""

import datetime

import pytest
from django.urls import reverse

from people.models import MasterNomination, NominationStatus
from tests import factories
from tests.helpers import messages_of

D = datetime.date


@pytest.fixture
def teacher(world):
    return factories.TeacherFactory(organization=world.school_a, full_name="Орлова Инна",
                                    teaching_since=D(2010, 9, 1))


def nominate(client, teacher, reason="Ведёт открытые уроки для молодых педагогов."):
    return client.post(reverse("master_nominate", args=[teacher.pk]), {"reason": reason},
                       follow=True)


def test_it_lets_a_school_propose_its_own_person(world, as_role, teacher):
    response = nominate(as_role("school_user"), teacher)

    assert messages_of(response) == [
        "Кандидатура Орлова Инна передана в управление образования."]
    nomination = MasterNomination.objects.get()
    assert (nomination.teacher, nomination.status, nomination.nominated_by) == (
        teacher, NominationStatus.PENDING, world.school_user)
    assert "кандидатура на рассмотрении" in response.content.decode()


def test_it_offers_the_proposal_form_only_to_the_own_school(world, as_role, teacher):
    assert "Предложить кандидатуру" in as_role("school_user").get(
        reverse("teacher_detail", args=[teacher.pk])).content.decode()
    assert "Предложить кандидатуру" not in as_role("staff").get(
        reverse("teacher_detail", args=[teacher.pk])).content.decode()


@pytest.mark.parametrize("role, status", [("staff", 403), ("curator", 403),
                                          ("school_b_user", 404), ("outsider", 404)])
def test_it_refuses_a_proposal_from_anyone_else(world, as_role, teacher, role, status):
    response = as_role(role).post(reverse("master_nominate", args=[teacher.pk]),
                                  {"reason": "Опыт"})
    assert response.status_code == status
    assert not MasterNomination.objects.exists()


def test_it_refuses_a_second_proposal_and_an_empty_reason(world, as_role, teacher):
    client = as_role("school_user")
    nominate(client, teacher)
    assert messages_of(nominate(client, teacher)) == [
        "Кандидатура Орлова Инна уже на рассмотрении в управлении образования."]
    assert messages_of(nominate(client, teacher, reason="   ")) == [
        "Напишите обоснование кандидатуры."]
    assert MasterNomination.objects.count() == 1


def test_it_refuses_to_propose_a_master(world, as_role, teacher):
    teacher.master_since = D(2020, 9, 1)
    teacher.save()
    assert messages_of(nominate(as_role("school_user"), teacher)) == [
        "Орлова Инна уже педагог-мастер."]


def test_it_grants_the_status_from_a_nomination(world, as_role, teacher):
    nominate(as_role("school_user"), teacher)
    nomination = MasterNomination.objects.get()
    response = as_role("staff").post(reverse("master_nomination_accept", args=[nomination.pk]),
                                     {"since": "2022-01-10"}, follow=True)
    assert messages_of(response) == ["Орлова Инна — педагог-мастер."]
    teacher.refresh_from_db()
    nomination.refresh_from_db()
    assert teacher.master_since == D(2022, 1, 10)
    assert nomination.status == NominationStatus.ACCEPTED
    assert nomination.decided_by == world.staff and nomination.decided_at is not None


def test_it_declines_with_a_reason_the_school_then_reads(world, as_role, teacher):
    nominate(as_role("school_user"), teacher)
    nomination = MasterNomination.objects.get()
    client = as_role("staff")
    url = reverse("master_nomination_decline", args=[nomination.pk])
    assert messages_of(client.post(url, {"note": ""}, follow=True)) == [
        "Напишите причину отказа: её увидит организация."]
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.PENDING
    client.post(url, {"note": "Стаж работы в школе меньше пяти лет."})
    page = as_role("school_user").get(reverse("teacher_detail", args=[teacher.pk]))
    assert "отклонена" in page.content.decode()
    assert "Стаж работы в школе меньше пяти лет." in page.content.decode()
    # A declined person may be proposed again.
    nominate(as_role("school_user"), teacher)
    assert MasterNomination.objects.filter(status=NominationStatus.PENDING).count() == 1


def test_it_decides_a_nomination_only_once(world, as_role, teacher):
    nominate(as_role("school_user"), teacher)
    nomination = MasterNomination.objects.get()
    client = as_role("staff")
    client.post(reverse("master_nomination_decline", args=[nomination.pk]), {"note": "Рано."})
    response = client.post(reverse("master_nomination_accept", args=[nomination.pk]),
                           {"since": "2022-01-10"}, follow=True)
    assert messages_of(response)[-1] == "По этой кандидатуре решение уже принято."
    teacher.refresh_from_db()
    assert teacher.master_since is None


def test_it_lists_the_nominations_for_the_department_in_fixed_queries(
        world, as_role, teacher, django_assert_num_queries):
    nominate(as_role("school_user"), teacher)
    client = as_role("staff")
    client.get(reverse("master_nomination_list"))
    with django_assert_num_queries(4):
        page = client.get(reverse("master_nomination_list")).content.decode()
    assert "Орлова Инна" in page and "Присвоить статус" in page
    for number in range(5):
        other = factories.TeacherFactory(organization=world.school_a,
                                         full_name=f"Кандидатова {number}")
        MasterNomination.objects.create(teacher=other, reason="Опыт", nominated_by=None)
    with django_assert_num_queries(4):
        page = client.get(reverse("master_nomination_list")).content.decode()
    assert page.count("Присвоить статус") == 6


@pytest.mark.parametrize("role", ["curator", "school_user", "analyst"])
def test_it_shows_the_list_only_to_the_department(world, as_role, role):
    assert as_role(role).get(reverse("master_nomination_list")).status_code == 403


def test_it_says_what_to_do_when_there_are_no_nominations(world, as_role):
    page = as_role("staff").get(reverse("master_nomination_list")).content.decode()
    assert "Новых кандидатур нет" in page
