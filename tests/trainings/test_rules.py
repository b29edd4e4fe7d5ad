"""The rules of sessions, attendance, completions and the effectiveness map: what is
refused with a Russian message and leaves the database as it was."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from people.models import Teacher
from tests import factories
from trainings import sessions
from trainings.completions import record_completion
from trainings.effectiveness import record_mark, save_criterion
from trainings.models import Attendance, Completion, EffectivenessMark, PlatformSession

D = datetime.date


def session_of(training, **fields):
    data = sessions.SessionInput(**{"held_on": D(2024, 10, 3), "topic": "Урок по ФГОС",
                                    "form": "seminar", **fields})
    return sessions.save_session(platform=training.platform, data=data)


def test_it_saves_a_session_led_by_a_master_with_the_platform_s_programme(training):
    session = session_of(training, programme=training.programme, module=training.module,
                         led_by=training.master)

    assert session.platform == training.platform
    assert session.led_by == training.master


@pytest.mark.parametrize(("field", "message"), [
    ("programme", "Выберите программу этой площадки."),
    ("led_by", "Занятие проводит руководитель площадки или педагог-мастер"),
])
def test_it_refuses_a_programme_or_leader_from_elsewhere(training, field, message):
    other_programme = factories.ModularProgrammeFactory(platform__host=training.platform.host)
    value = other_programme if field == "programme" else training.young

    with pytest.raises(ValidationError) as error:
        session_of(training, **{field: value})

    assert message in str(error.value.message_dict[field])
    assert not PlatformSession.objects.exists()


def test_it_refuses_a_module_without_its_programme(training):
    with pytest.raises(ValidationError) as error:
        session_of(training, module=training.module)

    assert "Модуль выбирается из модулей выбранной программы." in error.value.message_dict[
        "module"]


def test_it_refuses_a_blank_topic(training):
    with pytest.raises(ValidationError):
        session_of(training, topic="  ")

    assert not PlatformSession.objects.exists()


def test_it_sets_attendance_as_a_whole(training):
    session = session_of(training)
    allowed = Teacher.objects.filter(organization__municipality=training.platform.host
                                     .municipality)
    sessions.mark_attendance(session=session, teachers=[training.young, training.senior],
                             allowed=allowed)

    count = sessions.mark_attendance(session=session, teachers=[training.young],
                                     allowed=allowed)

    assert count == 1
    assert list(session.attendances.values_list("teacher", flat=True)) == [training.young.pk]


def test_it_keeps_marks_of_people_the_user_does_not_see(training):
    session = session_of(training)
    Attendance.objects.create(session=session, teacher=training.senior)

    sessions.mark_attendance(session=session, teachers=[training.young],
                             allowed=Teacher.objects.filter(pk=training.young.pk))

    assert set(session.attendances.values_list("teacher", flat=True)) == {
        training.young.pk, training.senior.pk}


def test_it_refuses_to_mark_someone_outside_the_list(training):
    session = session_of(training)

    with pytest.raises(ValidationError, match="только работников из списка"):
        sessions.mark_attendance(session=session, teachers=[training.stranger],
                                 allowed=Teacher.objects.filter(pk=training.young.pk))

    assert not Attendance.objects.exists()


def test_it_counts_a_person_once_per_session(training):
    session = session_of(training)
    Attendance.objects.create(session=session, teacher=training.young)

    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(session=session, teacher=training.young)


def test_it_records_a_completion_once(training):
    record_completion(teacher=training.young, programme=training.programme,
                      completed_on=D(2025, 5, 20), document="удостоверение № 1", hours=36)

    with pytest.raises(ValidationError) as error:
        record_completion(teacher=training.young, programme=training.programme,
                          completed_on=D(2025, 5, 21), document="удостоверение № 2")

    assert "уже записано" in str(error.value)
    assert Completion.objects.get().document == "удостоверение № 1"


def test_it_refuses_a_completion_of_a_person_of_another_municipality(training):
    with pytest.raises(ValidationError, match="разных муниципальных"):
        record_completion(teacher=training.stranger, programme=training.programme,
                          completed_on=D(2025, 5, 20), document="№ 1")

    assert not Completion.objects.exists()


def test_it_refuses_a_scale_out_of_order(training):
    with pytest.raises(ValidationError) as error:
        save_criterion(programme=training.programme, number=1, title="Урок", scale_min=3,
                       scale_max=1)

    assert "«до» больше «от»" in str(error.value)


def test_it_refuses_a_criterion_with_neither_scale_nor_description(training):
    with pytest.raises(ValidationError, match="Задайте шкалу или опишите"):
        save_criterion(programme=training.programme, number=1, title="Урок")


def test_it_keeps_a_mark_within_the_scale(training, world):
    criterion = save_criterion(programme=training.programme, number=1, title="Урок",
                               scale_min=0, scale_max=3)

    with pytest.raises(ValidationError, match="от 0 до 3"):
        record_mark(teacher=training.young, criterion=criterion, marked_on=D(2025, 1, 10),
                    value=5)
    mark = record_mark(teacher=training.young, criterion=criterion, marked_on=D(2025, 1, 10),
                       value=2, marked_by=world.staff)

    assert EffectivenessMark.objects.get() == mark
    assert mark.marked_by_name == (world.staff.get_full_name() or world.staff.username)


def test_it_takes_words_for_a_criterion_without_a_scale(training):
    criterion = save_criterion(programme=training.programme, number=2, title="Продукт",
                               description="Что разработано")

    with pytest.raises(ValidationError, match="нет шкалы"):
        record_mark(teacher=training.young, criterion=criterion, marked_on=D(2025, 1, 10),
                    value=1)
    record_mark(teacher=training.young, criterion=criterion, marked_on=D(2025, 1, 10),
                comment="Разработан проект урока")

    assert EffectivenessMark.objects.get().comment == "Разработан проект урока"
