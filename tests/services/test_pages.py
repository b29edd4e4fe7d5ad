"""Pages of the services and passports under each role: the specialists by department,
the passport read like the document, the stages with deliverables ticked through the page,
Russian refusals that change nothing, list query counts pinned."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from services.models import Deliverable, PassportStage, Specialist
from services.passports import add_deliverable, save_stage
from services.staff import SpecialistData, add_department, save_specialist
from tests import factories
from tests.helpers import messages_of
from tests.services.conftest import pdf

D = datetime.date


def _more_specialists(centre, count=4):
    for number in range(count):
        department = add_department(service=centre.service, name=f"Отдел {number}")
        save_specialist(service=centre.service, data=SpecialistData(
            full_name=f"Специалист {number}", position="специалист 1 категории",
            department=department, heads_department=number % 2 == 0,
            directions=(centre.assessment, centre.mentoring)))


def test_the_staff_list_costs_the_same_queries_whatever_its_size(
    world, centre, login, django_assert_num_queries
):
    client = login(world.staff)
    with django_assert_num_queries(7):
        assert client.get(reverse("service_staff")).status_code == 200
    _more_specialists(centre)
    with django_assert_num_queries(7):
        response = client.get(reverse("service_staff"))
    assert response.status_code == 200


def test_the_passport_list_costs_the_same_queries_whatever_its_size(
    world, centre, login, django_assert_num_queries
):
    client = login(world.curator)
    with django_assert_num_queries(4):
        assert client.get(reverse("passport_list")).status_code == 200
    factories.ProgrammeFactory(municipality=world.municipality, title="Второй проект")
    for number in range(3, 6):
        stage = save_stage(passport=centre.passport, values={
            "number": number, "title": f"Этап {number}", "starts_on": D(2021, 1, 1),
            "ends_on": D(2021, 6, 30)})
        add_deliverable(stage=stage, text="Результат")
    with django_assert_num_queries(4):
        response = client.get(reverse("passport_list"))
    assert "получено 0 из 4" in response.content.decode()
    assert "не заполнен" in response.content.decode()


@pytest.mark.parametrize("role", ["staff", "curator", "analyst", "school_user"])
def test_those_who_work_with_the_specialists_see_them_by_department(world, centre, as_role,
                                                                    role):
    page = as_role(role).get(reverse("service_staff")).content.decode()
    assert page.index("Отдел качества образования") < page.index("Орлова Ирина Петровна")
    assert page.index("Отдел методического сопровождения") < page.index("Белов Пётр Ильич")
    assert "Наставничество; Оценка качества образования" in page
    assert ("Добавить специалиста" in page) == (role == "staff")


def test_a_teacher_does_not_see_the_specialists(world, centre, login):
    teacher = factories.teacher_user(factories.TeacherFactory(organization=world.school_a))
    client = login(teacher)
    assert client.get(reverse("service_staff")).status_code == 403
    assert client.get(reverse("service_specialist_edit", args=[centre.head.pk])
                      ).status_code == 404


def test_staff_of_another_municipality_see_their_own_empty_list(world, centre, login):
    page = login(world.outsider).get(reverse("service_staff")).content.decode()
    assert "Орлова" not in page and "Методических служб пока нет" in page


def test_staff_add_a_specialist_with_directions(world, centre, login):
    response = login(world.staff).post(
        reverse("service_specialist_add", args=[centre.service.pk]),
        {"full_name": "Новикова Мария Андреевна", "position": "специалист 1 категории",
         "department": centre.support.pk, "directions": [centre.mentoring.pk]})
    assert response.status_code == 302
    added = Specialist.objects.get(full_name="Новикова Мария Андреевна")
    assert list(added.directions.all()) == [centre.mentoring]


def test_a_second_head_is_refused_in_russian_and_nothing_changes(world, centre, login):
    response = login(world.staff).post(
        reverse("service_specialist_edit", args=[centre.expert.pk]),
        {"full_name": "Белов Пётр Ильич", "position": "начальник отдела",
         "department": centre.quality.pk, "heads_department": "on"})
    assert response.status_code == 200
    assert "У этого отдела уже есть начальник." in response.content.decode()
    centre.expert.refresh_from_db()
    assert centre.expert.department == centre.support and not centre.expert.heads_department


def test_staff_remove_a_specialist(world, centre, login):
    response = login(world.staff).post(
        reverse("service_specialist_remove", args=[centre.expert.pk]), follow=True)
    assert "Белов Пётр Ильич больше не в списке службы." in messages_of(response)
    assert not Specialist.objects.filter(pk=centre.expert.pk).exists()


@pytest.mark.parametrize("role", ["staff", "curator", "analyst", "school_user"])
def test_every_role_reads_the_passport_like_the_document(world, centre, as_role, role):
    page = as_role(role).get(reverse("passport_detail", args=[world.programme.pk])
                             ).content.decode()
    assert page.index("1. Номинация") < page.index("Муниципальные модели системы оценки")
    assert page.index("1 этап. Подготовительный") < page.index("2 этап. Теоретико-моделирующий")
    assert "Аналитическая справка" in page
    assert ("Изменить паспорт" in page) == (role == "staff")


def test_an_empty_passport_says_what_to_do(world, login):
    page = login(world.staff).get(reverse("passport_stages", args=[world.programme.pk])
                                  ).content.decode()
    assert "Паспорт проекта ещё не заполнен" in page and "заполните его" in page


def test_staff_fill_in_the_passport(world, login):
    response = login(world.staff).post(reverse("passport_edit", args=[world.programme.pk]), {
        "title": "Модель стажировок", "goals": "Создать модель", "status": "нет"})
    assert response.status_code == 302
    world.programme.passport.refresh_from_db()
    assert world.programme.passport.goals == "Создать модель"


def test_a_passport_without_a_title_is_refused(world, centre, login):
    response = login(world.staff).post(reverse("passport_edit", args=[world.programme.pk]), {
        "title": "", "goals": "Другие цели"})
    assert response.status_code == 200 and "Обязательное поле." in response.content.decode()
    centre.passport.refresh_from_db()
    assert centre.passport.goals == ""


def test_a_stage_ending_before_its_start_is_refused_in_russian(world, centre, login):
    response = login(world.staff).post(
        reverse("passport_stage_add", args=[world.programme.pk]),
        {"number": 3, "title": "Практический", "starts_on": "2020-12-31",
         "ends_on": "2020-09-01"})
    assert "Окончание этапа не может быть раньше его начала." in response.content.decode()
    assert PassportStage.objects.filter(passport=centre.passport).count() == 2


def test_staff_tick_a_deliverable_with_its_file_and_everyone_downloads_it(
    world, centre, login
):
    client = login(world.staff)
    response = client.post(reverse("passport_deliverable_tick", args=[centre.report.pk]),
                           {"done_on": "2019-12-20", "file": pdf()})
    assert response.status_code == 302
    page = client.get(reverse("passport_stages", args=[world.programme.pk])).content.decode()
    assert "20.12.2019" in page and "spravka.pdf" in page
    school = login(world.school_user)
    download = school.get(reverse("passport_deliverable_file", args=[centre.report.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content
                                                    if download.streaming else
                                                    [download.content]).startswith(b"%PDF")


def test_a_tick_without_a_file_or_with_a_renamed_one_changes_nothing(world, centre, login):
    client = login(world.staff)
    url = reverse("passport_deliverable_tick", args=[centre.report.pk])
    empty = client.post(url, {"done_on": "2019-12-20"})
    assert "Обязательное поле." in empty.content.decode()
    renamed = client.post(url, {"done_on": "2019-12-20", "file": SimpleUploadedFile(
        "spravka.pdf", b"<html>not a pdf</html>")})
    assert "не соответствует расширению PDF" in renamed.content.decode()
    assert not Deliverable.objects.get(pk=centre.report.pk).done


def test_a_deliverable_not_yet_done_has_no_file(world, centre, login):
    response = login(world.staff).get(
        reverse("passport_deliverable_file", args=[centre.report.pk]))
    assert response.status_code == 404
