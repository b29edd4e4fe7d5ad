"""The register's writes: adding, changing and removing a person, and the status
«Педагог-мастер», each refused in Russian with nothing written."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from people.models import QualificationCategory, Teacher, TeacherRecordView, WorkerCategory
from people.teacher_reads import young_cutoff
from people.teachers import (
    DUPLICATE_NAME,
    RECORD_PAGE,
    TeacherDetails,
    create_teacher,
    delete_teacher,
    grant_master,
    record_view,
    revoke_master,
    update_teacher,
)
from tests import factories

D = datetime.date


def details(**changes) -> TeacherDetails:
    fields = {"full_name": "Сидорова  Анна Ивановна ", "position": "учитель физики",
              "worker_category": WorkerCategory.TEACHER, "subjects": "физика",
              "teaching_since": D(2023, 9, 1)}
    return TeacherDetails(**{**fields, **changes})


def test_it_adds_a_person_with_the_name_tidied_and_the_author_in_the_history(world):
    teacher = create_teacher(organization=world.school_a, data=details(), user=world.staff)

    assert teacher.full_name == "Сидорова Анна Ивановна"
    assert teacher.organization == world.school_a
    assert teacher.qualification == QualificationCategory.NONE
    assert teacher.history.get().history_user == world.staff


def test_it_refuses_a_second_person_of_the_same_name_in_the_organization(world):
    factories.TeacherFactory(organization=world.school_a, full_name="Сидорова Анна Ивановна")

    with pytest.raises(ValidationError) as refusal:
        create_teacher(organization=world.school_a, data=details(), user=world.staff)

    assert refusal.value.message_dict == {"full_name": [DUPLICATE_NAME]}
    assert Teacher.objects.count() == 1


def test_it_allows_the_same_name_in_another_organization(world):
    factories.TeacherFactory(organization=world.school_b, full_name="Сидорова Анна Ивановна")

    create_teacher(organization=world.school_a, data=details(), user=world.staff)

    assert Teacher.objects.count() == 2


@pytest.mark.parametrize(("qualification", "qualified_on", "message"), [
    (QualificationCategory.FIRST, None, "Укажите дату присвоения категории."),
    (QualificationCategory.NONE, D(2022, 1, 1),
     "У работника без категории нет даты присвоения: очистите дату или выберите категорию."),
    (QualificationCategory.HIGHEST, D(2999, 1, 1),
     "Дата присвоения категории не может быть позже сегодняшнего дня."),
])
def test_it_refuses_a_category_without_its_date_and_a_date_without_a_category(
        world, qualification, qualified_on, message):
    with pytest.raises(ValidationError) as refusal:
        create_teacher(organization=world.school_a, user=world.staff,
                       data=details(qualification=qualification, qualified_on=qualified_on))

    assert refusal.value.message_dict == {"qualified_on": [message]}
    assert not Teacher.objects.exists()


def test_it_refuses_a_blank_name_and_a_start_of_teaching_in_the_future(world):
    with pytest.raises(ValidationError) as refusal:
        create_teacher(organization=world.school_a, user=world.staff,
                       data=details(full_name="  ", teaching_since=D(2999, 9, 1)))

    assert refusal.value.message_dict == {
        "full_name": ["Укажите ФИО работника."],
        "teaching_since": ["Начало педагогического стажа не может быть позже сегодняшнего дня."],
    }


def test_it_changes_a_record_and_moves_a_person_to_another_organization(world):
    teacher = factories.TeacherFactory(organization=world.school_a)

    update_teacher(teacher=teacher, user=world.staff, organization=world.school_b,
                   data=details(qualification=QualificationCategory.FIRST,
                                qualified_on=D(2022, 3, 1)))

    teacher.refresh_from_db()
    assert (teacher.organization, teacher.full_name, teacher.qualified_on) == (
        world.school_b, "Сидорова Анна Ивановна", D(2022, 3, 1))
    assert teacher.history.first().history_user == world.staff


def test_it_keeps_a_person_s_own_name_free_when_changing_the_record(world):
    teacher = factories.TeacherFactory(organization=world.school_a,
                                       full_name="Сидорова Анна Ивановна")

    update_teacher(teacher=teacher, data=details(position="завуч"), user=world.school_user)

    teacher.refresh_from_db()
    assert teacher.position == "завуч"


def test_it_refuses_to_rename_a_person_into_a_colleague(world):
    factories.TeacherFactory(organization=world.school_a, full_name="Сидорова Анна Ивановна")
    teacher = factories.TeacherFactory(organization=world.school_a, full_name="Петрова Ольга")

    with pytest.raises(ValidationError):
        update_teacher(teacher=teacher, data=details(), user=world.staff)

    teacher.refresh_from_db()
    assert teacher.full_name == "Петрова Ольга"


def test_it_removes_a_person_and_keeps_their_name_in_the_audit(world):
    teacher = factories.TeacherFactory(organization=world.school_a, full_name="Петрова Ольга")
    record_view(teacher=teacher, viewer=world.staff, page=RECORD_PAGE)

    delete_teacher(teacher=teacher, user=world.staff)

    assert not Teacher.objects.exists()
    view = TeacherRecordView.objects.get()
    assert (view.teacher, view.teacher_name) == (None, "Петрова Ольга")


def test_it_refuses_to_remove_the_head_of_a_platform(world):
    teacher = factories.TeacherFactory(organization=world.school_a, full_name="Петрова Ольга")
    factories.TeacherPlatformFactory(host=world.school_a, head=teacher, title="ИКТ-компетенции")

    with pytest.raises(ValidationError) as refusal:
        delete_teacher(teacher=teacher, user=world.staff)

    assert refusal.value.messages == [
        "Петрова Ольга руководит площадкой «ИКТ-компетенции»: назначьте площадке другого "
        "руководителя, затем удалите работника."]
    assert Teacher.objects.filter(pk=teacher.pk).exists()


def test_it_refuses_to_remove_a_member_of_a_working_group(world):
    teacher = factories.TeacherFactory(organization=world.school_a, master_since=D(2021, 1, 1))
    factories.TeacherPlatformFactory(host=world.school_b, title="Оценочные компетенции"
                                     ).masters.add(teacher)

    with pytest.raises(ValidationError) as refusal:
        delete_teacher(teacher=teacher, user=world.staff)

    assert "рабочую группу площадки «Оценочные компетенции»" in refusal.value.messages[0]
    assert Teacher.objects.filter(pk=teacher.pk).exists()


def test_it_grants_the_master_status_from_a_date_and_can_correct_it(world):
    teacher = factories.TeacherFactory(teaching_since=D(2010, 9, 1))

    grant_master(teacher=teacher, since=D(2021, 5, 20), user=world.staff)
    grant_master(teacher=teacher, since=D(2021, 5, 10), user=world.staff)

    teacher.refresh_from_db()
    assert teacher.master_since == D(2021, 5, 10)
    assert teacher.history.first().history_user == world.staff


@pytest.mark.parametrize(("since", "message"), [
    (D(2999, 1, 1), "Дата присвоения статуса не может быть позже сегодняшнего дня."),
    (D(2009, 1, 1), "Статус нельзя присвоить раньше начала педагогического стажа (01.09.2010)."),
])
def test_it_refuses_a_master_status_dated_in_the_future_or_before_teaching(world, since, message):
    teacher = factories.TeacherFactory(teaching_since=D(2010, 9, 1))

    with pytest.raises(ValidationError) as refusal:
        grant_master(teacher=teacher, since=since, user=world.staff)

    assert refusal.value.message_dict == {"since": [message]}
    teacher.refresh_from_db()
    assert teacher.master_since is None


def test_it_revokes_the_master_status(world):
    teacher = factories.TeacherFactory(master_since=D(2021, 1, 1))

    revoke_master(teacher=teacher, user=world.staff)

    teacher.refresh_from_db()
    assert not teacher.is_master


def test_it_refuses_to_revoke_the_status_of_a_working_group_member_naming_the_platforms(world):
    teacher = factories.TeacherFactory(full_name="Петрова Ольга", master_since=D(2021, 1, 1))
    for title in ["Оценочные компетенции", "ИКТ-компетенции"]:
        factories.TeacherPlatformFactory(host=world.school_b, title=title).masters.add(teacher)

    with pytest.raises(ValidationError) as refusal:
        revoke_master(teacher=teacher, user=world.staff)

    assert refusal.value.messages == [
        "Петрова Ольга входит в рабочую группу педагогов-мастеров площадки "
        "«ИКТ-компетенции», «Оценочные компетенции»: сначала исключите работника из "
        "рабочей группы."]
    teacher.refresh_from_db()
    assert teacher.master_since == D(2021, 1, 1)


def test_it_refuses_to_revoke_a_status_the_person_does_not_have(world):
    teacher = factories.TeacherFactory(full_name="Петрова Ольга")

    with pytest.raises(ValidationError, match="не имеет статуса «Педагог-мастер»"):
        revoke_master(teacher=teacher, user=world.staff)


def test_it_records_a_view_with_the_names_copied(world):
    teacher = factories.TeacherFactory(full_name="Петрова Ольга")

    view = record_view(teacher=teacher, viewer=world.staff, page=RECORD_PAGE)

    assert (view.teacher, view.teacher_name, view.viewer, view.viewer_name, view.page) == (
        teacher, "Петрова Ольга", world.staff, "staff", "карточка работника")


@pytest.mark.parametrize("start", [D(2020, 2, 29), D(2021, 9, 1), D(2021, 3, 1), D(2021, 2, 28)])
def test_the_young_cutoff_agrees_with_the_model_on_every_day(start):
    teacher = Teacher(teaching_since=start)
    day = start
    while day < D(2025, 3, 5):
        assert teacher.is_young_on(day) == (start > young_cutoff(day)), day
        day += datetime.timedelta(days=1)
