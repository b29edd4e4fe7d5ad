"""The rules the register of teachers and its platforms keep in the database."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from people.models import ProgrammeModule, QualificationCategory, Teacher
from tests import factories

D = datetime.date


def test_it_calls_a_teacher_young_under_three_years_of_teaching(db):
    teacher = factories.TeacherFactory(teaching_since=D(2021, 9, 1))

    assert teacher.is_young_on(D(2024, 8, 31))
    assert not teacher.is_young_on(D(2024, 9, 1))


def test_it_counts_three_years_from_the_29th_of_february(db):
    teacher = factories.TeacherFactory(teaching_since=D(2020, 2, 29))

    assert teacher.is_young_on(D(2023, 2, 28))
    assert not teacher.is_young_on(D(2023, 3, 1))


def test_it_does_not_call_young_a_teacher_whose_start_is_unknown(db):
    assert not factories.TeacherFactory(teaching_since=None).is_young_on(D(2024, 1, 1))


def test_a_master_is_a_teacher_with_the_status_date(db):
    assert factories.TeacherFactory(master_since=D(2022, 1, 10)).is_master
    assert not factories.TeacherFactory().is_master


@pytest.mark.parametrize("qualification, qualified_on", [
    (QualificationCategory.FIRST, None),
    (QualificationCategory.NONE, D(2022, 1, 1)),
])
def test_it_refuses_a_category_without_its_date_and_a_date_without_a_category(
        db, qualification, qualified_on):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.TeacherFactory(qualification=qualification, qualified_on=qualified_on)


def test_it_refuses_the_same_name_twice_in_one_organization(db):
    teacher = factories.TeacherFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.TeacherFactory(organization=teacher.organization, full_name=teacher.full_name)
    factories.TeacherFactory(full_name=teacher.full_name)
    assert Teacher.objects.filter(full_name=teacher.full_name).count() == 2


def test_it_refuses_a_programme_shorter_at_most_than_at_least(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ModularProgrammeFactory(months_from=18, months_to=12)


def test_it_lets_a_programme_state_no_duration_and_modules_no_hours(db):
    programme = factories.ModularProgrammeFactory(months_from=None, months_to=None)
    module = ProgrammeModule.objects.create(programme=programme, number=1,
                                            title="Самостоятельная теоретическая подготовка")

    assert module.hours is None


def test_it_refuses_a_module_of_zero_hours(db):
    programme = factories.ModularProgrammeFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeModule.objects.create(programme=programme, number=1, title="Модуль", hours=0)
