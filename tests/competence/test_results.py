"""Entering results: the round's scale, its people and areas, the window, the source."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from competence.models import PersonResult, ResultSource
from competence.results import ResultEntry, save_expert_results, save_self_assessment
from tests.competence.conftest import TODAY

pytestmark = pytest.mark.django_db


def test_it_stores_an_expert_level_and_changes_and_removes_it(world, diag):
    teacher, area = diag.people[0], diag.areas[0]
    entry = ResultEntry(teacher=teacher, area=area, level=diag.level(diag.first, 1))
    summary = save_expert_results(person_round=diag.first, entries=[entry],
                                  entered_by=world.staff, today=TODAY)
    assert summary.created == 1
    result = PersonResult.objects.get()
    assert (result.source, result.level.rank, result.entered_by) == (
        ResultSource.EXPERT, 1, world.staff)
    summary = save_expert_results(
        person_round=diag.first, entered_by=world.staff, today=TODAY,
        entries=[ResultEntry(teacher=teacher, area=area, level=diag.level(diag.first, 3))])
    assert summary.updated == 1 and PersonResult.objects.get().level.rank == 3
    summary = save_expert_results(
        person_round=diag.first, entered_by=world.staff, today=TODAY,
        entries=[ResultEntry(teacher=teacher, area=area, level=None)])
    assert summary.removed == 1 and not PersonResult.objects.exists()


def test_it_refuses_a_level_of_another_rounds_scale_and_writes_nothing(world, diag):
    entries = [
        ResultEntry(teacher=diag.people[1], area=diag.areas[0], level=diag.level(diag.first, 2)),
        ResultEntry(teacher=diag.people[0], area=diag.areas[0],
                    level=diag.level(diag.second, 2)),
    ]
    with pytest.raises(ValidationError, match="не из шкалы этой диагностики"):
        save_expert_results(person_round=diag.first, entries=entries, entered_by=world.staff,
                            today=TODAY)
    assert not PersonResult.objects.exists()


def test_it_refuses_a_person_the_round_does_not_diagnose(world, diag):
    entry = ResultEntry(teacher=diag.methodologist, area=diag.areas[0],
                        level=diag.level(diag.first, 2))
    with pytest.raises(ValidationError, match="не участвует в диагностике"):
        save_expert_results(person_round=diag.first, entries=[entry], entered_by=world.staff,
                            today=TODAY)
    assert not PersonResult.objects.exists()


def test_it_refuses_expert_results_from_anyone_but_the_department(world, diag):
    entry = ResultEntry(teacher=diag.people[0], area=diag.areas[0],
                        level=diag.level(diag.first, 2))
    for user in (world.curator, world.school_user, world.outsider):
        with pytest.raises(ValidationError, match="управление образования"):
            save_expert_results(person_round=diag.first, entries=[entry], entered_by=user,
                                today=TODAY)
    assert not PersonResult.objects.exists()


def test_it_stores_a_self_assessment_inside_the_window(diag):
    teacher = diag.people[0]
    save_self_assessment(
        person_round=diag.first, teacher=teacher, entered_by=diag.teacher_user, today=TODAY,
        entries=[ResultEntry(teacher=teacher, area=diag.areas[1],
                             level=diag.level(diag.first, 3))])
    result = PersonResult.objects.get()
    assert (result.source, result.teacher, result.level.rank) == (ResultSource.SELF, teacher, 3)


def test_it_refuses_a_self_assessment_outside_the_window_in_russian(diag):
    teacher = diag.people[0]
    entry = ResultEntry(teacher=teacher, area=diag.areas[1], level=diag.level(diag.first, 3))
    late = diag.first.entry_closes + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="закрыт"):
        save_self_assessment(person_round=diag.first, teacher=teacher, entries=[entry],
                             entered_by=diag.teacher_user, today=late)
    early = diag.first.entry_opens - datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="откроется"):
        save_self_assessment(person_round=diag.first, teacher=teacher, entries=[entry],
                             entered_by=diag.teacher_user, today=early)
    assert not PersonResult.objects.exists()


def test_it_refuses_a_self_assessment_of_another_person(diag):
    other = diag.people[1]
    entry = ResultEntry(teacher=other, area=diag.areas[1], level=diag.level(diag.first, 3))
    with pytest.raises(ValidationError):
        save_self_assessment(person_round=diag.first, teacher=other, entries=[entry],
                             entered_by=diag.teacher_user, today=TODAY)
    with pytest.raises(ValidationError, match="только себя"):
        save_self_assessment(person_round=diag.first, teacher=diag.people[0], entries=[entry],
                             entered_by=diag.teacher_user, today=TODAY)
    assert not PersonResult.objects.exists()


def test_it_lets_the_department_write_after_the_window_closes(world, diag):
    late = diag.first.entry_closes + datetime.timedelta(days=10)
    save_expert_results(
        person_round=diag.first, entered_by=world.staff, today=late,
        entries=[ResultEntry(teacher=diag.people[0], area=diag.areas[0],
                             level=diag.level(diag.first, 2))])
    assert PersonResult.objects.count() == 1
