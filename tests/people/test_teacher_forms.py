"""Adding, changing and removing a person: who may, and bad input refused in Russian with
nothing written."""

import datetime

import pytest
from django.urls import reverse

from people.models import QualificationCategory, Teacher, TeacherRecordView, WorkerCategory
from people.teachers import EDIT_PAGE
from tests import factories
from tests.helpers import assert_redirects_to_login, messages_of

D = datetime.date
ADD_URL = reverse("teacher_add")


def edit_url(teacher) -> str:
    return reverse("teacher_edit", args=[teacher.pk])


def delete_url(teacher) -> str:
    return reverse("teacher_delete", args=[teacher.pk])


def posted(**changes) -> dict:
    return {"full_name": "Смирнова Елена Викторовна", "position": "учитель биологии",
            "subjects": "биология", "worker_category": WorkerCategory.TEACHER,
            "teaching_since": "2015-09-01", "qualification": QualificationCategory.FIRST,
            "qualified_on": "2021-04-15", **changes}


def form_errors(response) -> list[str]:
    form = response.context["form"]
    return [message for messages in form.errors.values() for message in messages]


def test_it_lets_staff_add_a_person_to_any_organization_of_the_municipality(world, as_role):
    response = as_role("staff").post(ADD_URL, posted(organization=world.kindergarten.pk))

    teacher = Teacher.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("teacher_detail", args=[teacher.pk])
    assert (teacher.organization, teacher.full_name, teacher.qualified_on) == (
        world.kindergarten, "Смирнова Елена Викторовна", D(2021, 4, 15))
    assert teacher.history.get().history_user == world.staff


def test_it_offers_staff_only_the_organizations_of_their_municipality(world, as_role):
    client = as_role("staff")
    choices = client.get(ADD_URL).context["form"].fields["organization"].queryset

    assert world.other_organization not in choices and world.school_d in choices
    response = client.post(ADD_URL, posted(organization=world.other_organization.pk))
    assert form_errors(response) == ["Выберите организацию из списка."]
    assert not Teacher.objects.exists()


def test_it_adds_a_school_s_person_to_its_own_organization_whatever_is_posted(world, as_role):
    client = as_role("school_user")
    page = client.get(ADD_URL)
    assert "organization" not in page.context["form"].fields
    assert "СОШ № 1" in page.content.decode()

    client.post(ADD_URL, posted(organization=world.school_b.pk))

    assert Teacher.objects.get().organization == world.school_a


@pytest.mark.parametrize("role", ["curator", "analyst"])
def test_it_refuses_the_add_form_to_those_who_keep_no_register(world, as_role, role):
    assert as_role(role).get(ADD_URL).status_code == 403
    assert as_role(role).post(ADD_URL, posted(organization=world.school_a.pk)).status_code == 403
    assert not Teacher.objects.exists()


def test_it_sends_an_anonymous_visitor_from_the_forms_to_the_login_page(world, client):
    teacher = factories.TeacherFactory(organization=world.school_a)

    assert_redirects_to_login(client.get(ADD_URL))
    assert_redirects_to_login(client.post(edit_url(teacher), posted()))
    assert_redirects_to_login(client.post(delete_url(teacher)))


@pytest.mark.parametrize(("changes", "message"), [
    ({"qualification": QualificationCategory.HIGHEST, "qualified_on": ""},
     "Укажите дату присвоения категории."),
    ({"qualification": QualificationCategory.NONE},
     "У работника без категории нет даты присвоения: очистите дату или выберите категорию."),
    ({"full_name": ""}, "Укажите ФИО работника."),
    ({"full_name": "   "}, "Укажите ФИО работника."),
    ({"worker_category": "janitor"}, "Выберите категорию работника из списка."),
    ({"teaching_since": "1 сентября"}, "Введите дату в формате ДД.ММ.ГГГГ."),
    ({"teaching_since": "2999-09-01"},
     "Начало педагогического стажа не может быть позже сегодняшнего дня."),
])
def test_it_refuses_bad_input_in_russian_and_writes_nothing(world, as_role, changes, message):
    response = as_role("school_user").post(ADD_URL, posted(**changes))

    assert response.status_code == 200
    assert message in form_errors(response)
    assert message in response.content.decode()
    assert not Teacher.objects.exists()


def test_it_refuses_a_second_person_of_the_same_name_in_the_organization(world, as_role):
    factories.TeacherFactory(organization=world.school_a, full_name="Смирнова Елена Викторовна")

    response = as_role("school_user").post(ADD_URL, posted(full_name="Смирнова  Елена Викторовна"))

    assert form_errors(response) == ["В организации уже есть работник с таким ФИО."]
    assert Teacher.objects.count() == 1


@pytest.mark.parametrize("role", ["staff", "school_user"])
def test_it_lets_the_keepers_change_a_record(world, as_role, role):
    teacher = factories.TeacherFactory(organization=world.school_a)
    client = as_role(role)
    assert client.get(edit_url(teacher)).status_code == 200

    response = client.post(edit_url(teacher), posted(organization=world.school_a.pk,
                                                      position="заместитель директора"))

    assert response.status_code == 302
    teacher.refresh_from_db()
    assert (teacher.full_name, teacher.position) == ("Смирнова Елена Викторовна",
                                                     "заместитель директора")


def test_it_lets_only_the_department_move_a_person_to_another_organization(world, as_role):
    teacher = factories.TeacherFactory(organization=world.school_a)

    as_role("school_user").post(edit_url(teacher), posted(organization=world.school_b.pk))
    teacher.refresh_from_db()
    assert teacher.organization == world.school_a

    as_role("staff").post(edit_url(teacher), posted(organization=world.school_b.pk))
    teacher.refresh_from_db()
    assert teacher.organization == world.school_b


def test_it_fills_the_edit_form_and_records_its_opening(world, as_role):
    teacher = factories.TeacherFactory(organization=world.school_a, full_name="Орлова Инна")

    form = as_role("school_user").get(edit_url(teacher)).context["form"]

    assert form["full_name"].value() == "Орлова Инна"
    view = TeacherRecordView.objects.get()
    assert (view.viewer, view.page) == (world.school_user, EDIT_PAGE)


def test_it_keeps_the_record_unchanged_when_the_edit_is_refused(world, as_role):
    teacher = factories.TeacherFactory(organization=world.school_a, full_name="Орлова Инна")

    response = as_role("staff").post(edit_url(teacher), posted(organization=world.school_a.pk,
                                                               qualified_on=""))

    assert "Укажите дату присвоения категории." in form_errors(response)
    teacher.refresh_from_db()
    assert teacher.full_name == "Орлова Инна"


@pytest.mark.parametrize(("role", "status"), [
    ("curator", 403), ("school_b_user", 404), ("outsider", 404), ("analyst", 404),
])
def test_it_refuses_the_edit_and_delete_to_others(world, as_role, role, status):
    teacher = factories.TeacherFactory(organization=world.school_a, full_name="Орлова Инна")
    client = as_role(role)

    assert client.get(edit_url(teacher)).status_code == status
    assert client.post(edit_url(teacher), posted()).status_code == status
    assert client.get(delete_url(teacher)).status_code == status
    assert client.post(delete_url(teacher)).status_code == status
    teacher.refresh_from_db()
    assert teacher.full_name == "Орлова Инна"
    assert not TeacherRecordView.objects.exists()


@pytest.mark.parametrize("role", ["staff", "school_user"])
def test_it_asks_before_removing_a_person_then_removes_them(world, as_role, role):
    teacher = factories.TeacherFactory(organization=world.school_a, full_name="Орлова Инна")
    client = as_role(role)

    page = client.get(delete_url(teacher))
    assert "Удалить карточку работника?" in page.content.decode()
    assert "<strong>Орлова Инна</strong>" in page.content.decode()
    assert Teacher.objects.exists()

    response = client.post(delete_url(teacher), follow=True)

    assert response.redirect_chain[-1][0] == reverse("teacher_list")
    assert messages_of(response) == ["Работник Орлова Инна удалён из реестра."]
    assert not Teacher.objects.exists()


def test_it_refuses_to_remove_the_head_of_a_platform_with_a_russian_message(world, as_role):
    teacher = factories.TeacherFactory(organization=world.school_a, full_name="Орлова Инна")
    factories.TeacherPlatformFactory(host=world.school_a, head=teacher, title="ИКТ-компетенции")

    response = as_role("school_user").post(delete_url(teacher), follow=True)

    assert response.redirect_chain[-1][0] == reverse("teacher_detail", args=[teacher.pk])
    assert messages_of(response) == [
        "Орлова Инна руководит площадкой «ИКТ-компетенции»: назначьте площадке другого "
        "руководителя, затем удалите работника."]
    assert Teacher.objects.filter(pk=teacher.pk).exists()
