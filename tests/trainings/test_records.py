"""Completions, the effectiveness map and the attendance download by role."""

import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from people.models import TeacherRecordView
from tests import factories
from trainings.models import (
    Attendance,
    Completion,
    CoverageTarget,
    EffectivenessCriterion,
    EffectivenessMark,
    PlatformSession,
)

D = datetime.date


@pytest.fixture
def criterion(training):
    return EffectivenessCriterion.objects.create(
        programme=training.programme, number=1, title="Проектирование урока", scale_min=0,
        scale_max=3, illustrative=True)


def test_it_records_a_completion_by_staff(as_role, training, world):
    response = as_role("staff").post(reverse("completion_create"), {
        "teacher": training.young.pk, "programme": training.programme.pk,
        "completed_on": "2025-05-20", "document": "удостоверение № 12", "hours": "36"})

    completion = Completion.objects.get()
    assert response.status_code == 302
    assert (completion.teacher, completion.hours, completion.recorded_by) == (
        training.young, 36, world.staff)


def test_it_refuses_a_completion_without_a_document(as_role, training):
    response = as_role("staff").post(reverse("completion_create"), {
        "teacher": training.young.pk, "programme": training.programme.pk,
        "completed_on": "2025-05-20", "document": "", "hours": "0"})

    text = response.content.decode()
    assert "Укажите документ и его номер." in text and "не меньше 1" in text
    assert not Completion.objects.exists()


def test_it_lets_the_head_record_completions_of_their_programmes_only(login, training, world):
    client = login(training.head_user)
    form = client.get(reverse("completion_create")).context["form"]

    assert list(form.fields["programme"].queryset) == [training.programme]


@pytest.mark.parametrize("role", ["analyst"])
def test_it_refuses_completions_to_analysts(as_role, role):
    assert as_role(role).get(reverse("completion_list")).status_code == 403


def test_it_lists_to_a_school_only_completions_of_its_people(as_role, training):
    Completion.objects.create(teacher=training.young, programme=training.programme,
                              completed_on=D(2025, 5, 20), document="№ 1")
    Completion.objects.create(teacher=training.senior, programme=training.programme,
                              completed_on=D(2025, 5, 20), document="№ 2")

    page = as_role("school_b_user").get(reverse("completion_list")).content.decode()

    assert "Молодова Ирина" in page and "Опытнова Вера" not in page


def test_it_pins_the_queries_of_the_completion_list(as_role, training, world,
                                                   django_assert_num_queries):
    for number in range(12):
        Completion.objects.create(
            teacher=factories.TeacherFactory(organization=world.school_c),
            programme=training.programme, completed_on=D(2025, 5, 1), document=f"№ {number}")
    client = as_role("staff")
    client.get(reverse("completion_list"))

    with django_assert_num_queries(6):
        response = client.get(reverse("completion_list"))

    assert len(response.context["completions"]) == 12


def test_it_shows_a_teacher_s_map_over_time_and_audits_the_opening(as_role, training,
                                                                   criterion, world):
    for day, value in [(D(2024, 10, 1), 1), (D(2025, 4, 1), 3)]:
        EffectivenessMark.objects.create(teacher=training.young, criterion=criterion,
                                         marked_on=day, value=value, marked_by_name="staff")

    response = as_role("staff").get(reverse("effectiveness_map", args=[training.young.pk]))

    the_map = response.context["map"]
    assert [row.cells[0].value for row in the_map.programmes[0].rows] == [1]
    assert [cell.value for cell in the_map.programmes[0].rows[0].cells] == [1, 3]
    assert "иллюстративный" in response.content.decode()
    assert TeacherRecordView.objects.filter(teacher=training.young, viewer=world.staff).exists()


def test_it_hides_from_the_head_people_who_never_came(login, training):
    response = login(training.head_user).get(
        reverse("effectiveness_map", args=[training.young.pk]))

    assert response.status_code == 404


def test_it_shows_the_teacher_their_own_map(login, training, criterion):
    response = login(training.trainee_user).get(
        reverse("effectiveness_map", args=[training.young.pk]))

    assert response.status_code == 200
    assert response.context["form"] is None


@pytest.mark.parametrize("role", ["analyst", "outsider"])
def test_it_hides_a_teacher_s_map_from_those_who_do_not_see_names(as_role, training, role):
    response = as_role(role).get(reverse("effectiveness_map", args=[training.young.pk]))

    assert response.status_code == 404


def test_it_records_a_mark_of_a_participant_by_the_head(login, training, criterion):
    session = PlatformSession.objects.create(platform=training.platform, held_on=D(2024, 10, 3),
                                             topic="Урок", form="seminar")
    Attendance.objects.create(session=session, teacher=training.young)

    response = login(training.head_user).post(
        reverse("effectiveness_map", args=[training.young.pk]),
        {"criterion": criterion.pk, "marked_on": "2025-01-15", "value": "2"})

    mark = EffectivenessMark.objects.get()
    assert response.status_code == 302
    assert (mark.value, mark.marked_by) == (2, training.head_user)


def test_it_refuses_a_mark_out_of_scale_with_a_russian_message(as_role, training, criterion):
    response = as_role("staff").post(
        reverse("effectiveness_map", args=[training.young.pk]),
        {"criterion": criterion.pk, "marked_on": "2025-01-15", "value": "7"})

    assert "Балл по этому критерию — от 0 до 3." in response.content.decode()
    assert not EffectivenessMark.objects.exists()


def test_it_adds_criteria_by_staff_and_refuses_others(as_role, training):
    url = reverse("effectiveness_criteria", args=[training.programme.pk])

    as_role("staff").post(url, {"number": "1", "title": "Урок", "scale_min": "0",
                                "scale_max": "3"})
    refused = as_role("curator").post(url, {"number": "2", "title": "Ещё", "description": "x"})

    assert refused.status_code == 403
    assert list(EffectivenessCriterion.objects.values_list("title", flat=True)) == ["Урок"]


def test_it_downloads_the_attendance_of_a_platform_with_names_and_audit(as_role, training,
                                                                        world):
    session = PlatformSession.objects.create(platform=training.platform, held_on=D(2024, 10, 3),
                                             topic="=Опасная тема", form="seminar")
    Attendance.objects.create(session=session, teacher=training.young)
    PlatformSession.objects.create(platform=training.platform, held_on=D(2023, 10, 3),
                                   topic="Прошлый год", form="seminar")

    response = as_role("staff").get(
        reverse("platform_attendance_excel", args=[training.platform.pk]),
        {"date_from": "2024-09-01", "date_to": "2025-08-31"})

    book = load_workbook(BytesIO(response.content))
    sessions = list(book["Занятия"].iter_rows(min_row=2, values_only=True))
    people = list(book["Посещаемость"].iter_rows(min_row=2, values_only=True))
    assert [(row[1], row[6]) for row in sessions] == [("=Опасная тема", 1)]
    assert [row[2] for row in people] == ["Молодова Ирина"]
    assert TeacherRecordView.objects.filter(teacher=training.young,
                                            page__contains="посещаемости").count() == 1


def test_it_refuses_a_period_that_ends_before_it_starts(as_role, training):
    response = as_role("staff").get(
        reverse("platform_attendance_excel", args=[training.platform.pk]),
        {"date_from": "2025-09-01", "date_to": "2024-08-31"}, follow=True)

    assert "Конец периода раньше начала." in response.content.decode()
    assert not TeacherRecordView.objects.exists()


def test_it_filters_completions_by_name(as_role, training):
    for person in (training.young, training.senior):
        Completion.objects.create(teacher=person, programme=training.programme,
                                  completed_on=D(2025, 5, 20), document=f"№ {person.pk}")

    response = as_role("staff").get(reverse("completion_list"), {"q": "молодова"})

    assert [item.teacher for item in response.context["completions"]] == [training.young]


def test_it_lets_staff_set_the_coverage_targets(as_role, world):
    response = as_role("staff").post(reverse("coverage_target"),
                                     {"teachers_percent": "41", "specialists_percent": "20"})

    target = CoverageTarget.objects.get(municipality=world.municipality)
    assert response.status_code == 302
    assert (target.teachers_percent, target.specialists_percent) == (41, 20)


def test_it_refuses_a_target_above_100_percent_and_keeps_the_old_one(as_role, world):
    CoverageTarget.objects.create(municipality=world.municipality, teachers_percent=41,
                                  specialists_percent=20)

    response = as_role("staff").post(reverse("coverage_target"),
                                     {"teachers_percent": "141", "specialists_percent": "20"})

    assert "Цель — процент от 0 до 100." in response.content.decode()
    assert CoverageTarget.objects.get().teachers_percent == 41


@pytest.mark.parametrize("role", ["curator", "analyst", "school_user"])
def test_it_refuses_the_coverage_targets_to_other_roles(as_role, role):
    assert as_role(role).get(reverse("coverage_target")).status_code == 403


def test_it_pins_the_queries_of_a_teacher_s_map(as_role, training, criterion,
                                                django_assert_num_queries):
    for month in range(1, 11):
        EffectivenessMark.objects.create(teacher=training.young, criterion=criterion,
                                         marked_on=D(2025, month, 1), value=month % 4)
    client = as_role("staff")
    url = reverse("effectiveness_map", args=[training.young.pk])
    client.get(url)

    # With the record's audit row and the mark form's criteria.
    with django_assert_num_queries(10):
        response = client.get(url)

    assert len(response.context["map"].dates) == 10


def test_it_keeps_a_programme_someone_completed(as_role, training):
    Completion.objects.create(teacher=training.young, programme=training.programme,
                              completed_on=D(2025, 5, 20), document="№ 1")

    response = as_role("staff").post(
        reverse("modular_programme_delete", args=[training.programme.pk]), follow=True)

    assert "программу удалить нельзя" in response.content.decode()
    assert Completion.objects.filter(programme=training.programme).exists()
