"""Route pages by role: who opens them, who is refused, and what they show."""

import datetime

import pytest
from django.urls import reverse

from people.models import TeacherRecordView
from routes.models import (
    GrowthEntry,
    HelpRequest,
    MentoringPair,
    Route,
    RouteProposal,
    RouteStep,
    StepStatus,
)
from tests import factories
from tests.helpers import assert_redirects_to_login, messages_of

D = datetime.date


@pytest.fixture
def as_master(routes_world, login):
    return login(routes_world.master_user)


@pytest.fixture
def as_trainee(routes_world, login):
    return login(routes_world.trainee_user)


def test_it_sends_an_anonymous_visitor_to_sign_in(routes_world, client):
    assert_redirects_to_login(client.get(reverse("route_list")))


@pytest.mark.parametrize("role", ["staff", "school_user"])
def test_it_lists_the_route_for_staff_and_the_trainees_school(routes_world, as_role, role):
    response = as_role(role).get(reverse("route_list"))

    assert response.status_code == 200
    assert "ИОМ Юновой Д." in response.content.decode()


def test_it_shows_a_school_without_people_on_routes_what_to_do(routes_world, world, login):
    response = login(factories.school_user(world.school_c)).get(reverse("route_list"))

    page = response.content.decode()
    assert "ИОМ Юновой Д." not in page
    assert "предложите педагога" in page


def test_it_shows_the_masters_school_the_route_its_master_leads(routes_world, as_role):
    response = as_role("school_b_user").get(reverse("route_list"))

    assert "ИОМ Юновой Д." in response.content.decode()


@pytest.mark.parametrize("role", ["analyst", "curator"])
def test_it_refuses_the_list_to_analysts_and_curators(routes_world, as_role, role):
    assert as_role(role).get(reverse("route_list")).status_code == 403


def test_it_shows_nothing_to_another_municipality(routes_world, as_role):
    response = as_role("outsider").get(reverse("route_list"))

    assert "ИОМ Юновой Д." not in response.content.decode()
    assert "id=\"no-routes\"" in response.content.decode()
    detail = reverse("route_detail", args=[routes_world.route.pk])
    assert as_role("outsider").get(detail).status_code == 404


def test_it_filters_routes_with_overdue_steps(routes_world, as_role):
    on_time = Route.objects.get(pk=routes_world.route.pk)
    on_time.steps.update(due_on=D(2999, 1, 1))
    other = factories.TeacherFactory(organization=routes_world.trainee.organization)
    late = Route.objects.create(programme=routes_world.programme, kind="individual",
                                title="Просроченный ИОМ", master=routes_world.master,
                                starts_on=D(2022, 9, 1), ends_on=D(2023, 8, 31))
    late.memberships.create(teacher=other)
    RouteStep.objects.create(route=late, number=1, activity="theory", title="Старый шаг",
                             due_on=D(2022, 9, 10))

    page = as_role("staff").get(reverse("route_list"), {"overdue": "on"}).content.decode()

    assert "Просроченный ИОМ" in page
    assert "ИОМ Юновой Д." not in page


def test_it_pins_the_queries_of_the_list(routes_world, as_role, django_assert_num_queries):
    client = as_role("staff")
    school = routes_world.trainee.organization
    for number in range(12):
        route = Route.objects.create(programme=routes_world.programme, kind="group",
                                     title=f"Групповой маршрут {number}",
                                     master=routes_world.master, starts_on=D(2022, 9, 1),
                                     ends_on=D(2023, 8, 31))
        for _ in range(3):
            route.memberships.create(teacher=factories.TeacherFactory(organization=school))
        RouteProposal.objects.create(teacher=factories.TeacherFactory(organization=school),
                                     programme=routes_world.programme,
                                     proposed_on=D(2022, 8, 20))
    client.get(reverse("route_list"))

    with django_assert_num_queries(9):
        response = client.get(reverse("route_list"))

    assert len(response.context["routes"]) == 13


def test_it_audits_the_opening_of_a_route_by_staff(routes_world, as_role):
    as_role("staff").get(reverse("route_detail", args=[routes_world.route.pk]))

    assert TeacherRecordView.objects.filter(teacher=routes_world.trainee).count() == 1


def test_it_lets_staff_add_a_step(routes_world, as_role):
    response = as_role("staff").post(
        reverse("route_step_add", args=[routes_world.route.pk]),
        {"activity": "understudy", "title": "Дублёр заместителя директора",
         "due_on": "2023-02-01"})

    assert response.status_code == 302
    assert routes_world.route.steps.get(number=3).activity == "understudy"


def test_it_refuses_the_school_to_change_a_route(routes_world, as_role):
    url = reverse("route_edit", args=[routes_world.route.pk])

    assert as_role("school_user").get(url).status_code == 403


def test_it_creates_a_route_from_the_form(routes_world, as_role):
    other = factories.TeacherFactory(organization=routes_world.trainee.organization)

    response = as_role("staff").post(reverse("route_add"), {
        "programme": routes_world.programme.pk, "kind": "individual", "title": "ИОМ нового",
        "master": routes_world.master.pk, "participants": [other.pk],
        "starts_on": "2022-09-01", "ends_on": "2023-08-31", "status": "planned",
        "product_title": "Вариативная модель профессиональной деятельности"})

    assert response.status_code == 302
    assert Route.objects.get(title="ИОМ нового").participants.get() == other


def test_it_refuses_two_participants_on_an_individual_route_in_russian(routes_world, as_role):
    school = routes_world.trainee.organization
    people = [factories.TeacherFactory(organization=school) for _ in range(2)]

    response = as_role("staff").post(reverse("route_add"), {
        "programme": routes_world.programme.pk, "kind": "individual", "title": "ИОМ двоих",
        "master": routes_world.master.pk, "participants": [p.pk for p in people],
        "starts_on": "2022-09-01", "ends_on": "2023-08-31", "status": "planned",
        "product_title": "Модель"})

    assert "У индивидуального маршрута (ИОМ) ровно один участник." in response.content.decode()
    assert Route.objects.count() == 1


def test_it_refuses_finishing_without_a_product_in_russian(routes_world, as_role):
    response = as_role("staff").post(reverse("route_edit", args=[routes_world.route.pk]), {
        "programme": routes_world.programme.pk, "kind": "individual", "title": "ИОМ",
        "master": routes_world.master.pk, "participants": [routes_world.trainee.pk],
        "starts_on": "2022-09-01", "ends_on": "2023-08-31", "status": "finished",
        "product_title": "Модель"})

    assert "Завершённый маршрут должен иметь итоговый продукт" in response.content.decode()
    assert Route.objects.get(pk=routes_world.route.pk).status == "active"


def test_it_shows_the_teacher_their_route_master_and_steps(routes_world, as_trainee):
    page = as_trainee.get(reverse("my_route")).content.decode()

    assert "ИОМ Юновой Д." in page
    assert "Мастерова Ольга" in page
    assert "Изучить ФГОС" in page


def test_it_links_the_teachers_own_page_to_the_route(routes_world, as_trainee):
    page = as_trainee.get(reverse("my_page")).content.decode()

    assert reverse("my_route") in page


def test_it_pins_the_queries_of_the_teachers_route(routes_world, as_trainee,
                                                   django_assert_num_queries):
    for number in range(3, 15):
        RouteStep.objects.create(route=routes_world.route, number=number, activity="other",
                                 title=f"Шаг {number}", due_on=D(2023, 1, number))
    for day in range(1, 11):
        GrowthEntry.objects.create(trainee=routes_world.trainee, author=routes_world.trainee,
                                   author_role="trainee", written_on=D(2022, 10, day),
                                   text="Запись")
        HelpRequest.objects.create(author=routes_world.trainee, text="Вопрос",
                                   asked_on=D(2022, 10, day), master=routes_world.master)
    as_trainee.get(reverse("my_route"))

    with django_assert_num_queries(12):
        as_trainee.get(reverse("my_route"))


def test_it_marks_a_step_done_from_the_teachers_page(routes_world, as_trainee):
    step = routes_world.route.steps.get(number=1)

    as_trainee.post(reverse("route_step_progress", args=[step.pk]),
                    {"status": "done", "note": "Конспект ФГОС составлен"})

    step.refresh_from_db()
    assert step.status == StepStatus.DONE


def test_it_refuses_done_without_evidence_in_russian_and_changes_nothing(routes_world,
                                                                         as_trainee):
    step = routes_world.route.steps.get(number=1)

    response = as_trainee.post(reverse("route_step_progress", args=[step.pk]),
                               {"status": "done", "note": ""}, follow=True)

    assert messages_of(response) == ["Чтобы отметить шаг выполненным, опишите результат или "
                                     "прикрепите файл."]
    assert RouteStep.objects.get(pk=step.pk).status == StepStatus.PLANNED


def test_it_refuses_a_help_request_to_both_addressees_in_russian(routes_world, as_trainee):
    response = as_trainee.post(reverse("my_help_add"), {
        "text": "Помогите", "master": routes_world.master.pk,
        "platform": routes_world.platform.pk}, follow=True)

    assert messages_of(response) == ["Адресуйте запрос либо площадке, либо педагогу-мастеру — "
                                     "выберите одно."]
    assert not HelpRequest.objects.exists()


def test_it_sends_a_help_request_and_the_master_answers(routes_world, login):
    trainee = login(routes_world.trainee_user)
    trainee.post(reverse("my_help_add"), {"text": "Как вести журнал?",
                                          "master": routes_world.master.pk})
    request = HelpRequest.objects.get()

    master = login(routes_world.master_user)
    master.post(reverse("help_answer", args=[request.pk]), {"answer": "Каждую неделю"})

    request.refresh_from_db()
    assert request.answer == "Каждую неделю"


def test_it_shows_the_master_trainees_and_overdue_steps(routes_world, as_master):
    page = as_master.get(reverse("my_trainees")).content.decode()

    assert "Юнова Дарья" in page
    assert "просрочен" in page


def test_it_pins_the_queries_of_the_masters_page(routes_world, as_master,
                                                 django_assert_num_queries):
    school = routes_world.trainee.organization
    for number in range(10):
        trainee = factories.TeacherFactory(organization=school)
        MentoringPair.objects.create(master=routes_world.master, trainee=trainee,
                                     started_on=D(2022, 9, 1))
        route = Route.objects.create(programme=routes_world.programme, kind="individual",
                                     title=f"ИОМ {number}", master=routes_world.master,
                                     starts_on=D(2022, 9, 1), ends_on=D(2023, 8, 31))
        route.memberships.create(teacher=trainee)
        RouteStep.objects.create(route=route, number=1, activity="theory", title="Шаг",
                                 due_on=D(2022, 9, 10), status="done", done_on=D(2022, 9, 9),
                                 evidence_note="Сделано")
        RouteStep.objects.create(route=route, number=2, activity="theory", title="Шаг",
                                 due_on=D(2022, 9, 20))
        HelpRequest.objects.create(author=trainee, text="Вопрос", asked_on=D(2022, 10, 1),
                                   platform=routes_world.platform)
    as_master.get(reverse("my_trainees"))

    with django_assert_num_queries(12):
        as_master.get(reverse("my_trainees"))


def test_it_lets_the_master_confirm_a_done_step(routes_world, as_master):
    step = routes_world.route.steps.get(number=1)
    step.status, step.done_on, step.evidence_note = StepStatus.DONE, D(2022, 9, 20), "Конспект"
    step.save()

    as_master.post(reverse("route_step_confirm", args=[step.pk]))

    step.refresh_from_db()
    assert step.confirmed_on is not None


def test_it_refuses_the_trainee_to_confirm_their_own_step(routes_world, as_trainee):
    step = routes_world.route.steps.get(number=1)

    assert as_trainee.post(reverse("route_step_confirm", args=[step.pk])).status_code == 403


def test_it_lets_the_master_write_in_the_trainees_journal(routes_world, as_master):
    as_master.post(reverse("trainee_journal", args=[routes_world.trainee.pk]),
                   {"text": "Посетила урок", "written_on": "2022-10-05"})

    assert GrowthEntry.objects.get().author_role == "master"


def test_it_refuses_staff_to_write_in_a_journal(routes_world, as_role):
    response = as_role("staff").post(reverse("trainee_journal", args=[routes_world.trainee.pk]),
                                     {"text": "Запись", "written_on": "2022-10-05"})

    assert response.status_code == 403
    assert not GrowthEntry.objects.exists()


def test_it_writes_the_teachers_own_journal_entry(routes_world, as_trainee):
    as_trainee.post(reverse("my_journal_add"), {"text": "Первый урок",
                                                "written_on": "2022-09-05"})

    assert GrowthEntry.objects.get().author == routes_world.trainee


def test_it_refuses_a_pair_over_capacity_in_russian(routes_world, as_role, settings):
    settings.ROUTES_MASTER_CAPACITY = 1
    MentoringPair.objects.create(master=routes_world.master,
                                 trainee=factories.TeacherFactory(
                                     organization=routes_world.trainee.organization),
                                 started_on=D(2022, 9, 1))

    response = as_role("staff").post(reverse("mentoring_pair_add"), {
        "master": routes_world.master.pk, "trainee": routes_world.trainee.pk,
        "started_on": "2022-09-01"})

    assert "это предел его нагрузки" in response.content.decode()
    assert MentoringPair.objects.count() == 1


def test_it_lists_pairs_for_staff_only(routes_world, as_role):
    assert as_role("staff").get(reverse("mentoring_pair_list")).status_code == 200
    assert as_role("school_user").get(reverse("mentoring_pair_list")).status_code == 403


def test_it_lets_the_school_propose_its_teacher_and_staff_accept(routes_world, world, login):
    other = factories.TeacherFactory(organization=world.school_a, full_name="Новикова Анна")
    school = login(world.school_user)
    school.post(reverse("route_propose"), {"teacher": other.pk,
                                           "programme": routes_world.programme.pk,
                                           "note": "Молодой педагог, первый год"})
    proposal = RouteProposal.objects.get()

    staff = login(world.staff)
    assert "Новикова Анна" in staff.get(reverse("route_list")).content.decode()
    response = staff.post(reverse("route_proposal_decide", args=[proposal.pk]),
                          {"decision": "accept"})

    proposal.refresh_from_db()
    assert proposal.status == "accepted"
    form = staff.get(response.url).context["form"]
    assert form.initial["participants"] == [other.pk]


def test_it_refuses_a_school_to_propose_another_schools_teacher(routes_world, world, login):
    foreign = factories.TeacherFactory(organization=world.school_b)

    response = login(world.school_user).post(reverse("route_propose"), {
        "teacher": foreign.pk, "programme": routes_world.programme.pk})

    assert "Выберите из списка." in response.content.decode()
    assert not RouteProposal.objects.exists()


def test_it_refuses_a_second_open_proposal_in_russian(routes_world, world, login):
    school = login(world.school_user)
    data = {"teacher": routes_world.trainee.pk, "programme": routes_world.programme.pk}
    school.post(reverse("route_propose"), data)

    response = school.post(reverse("route_propose"), data)

    assert "уже предложен на эту программу" in response.content.decode()
    assert RouteProposal.objects.count() == 1


def test_it_refuses_a_bad_due_date_of_a_step_in_russian(routes_world, as_role):
    response = as_role("staff").post(
        reverse("route_step_add", args=[routes_world.route.pk]),
        {"activity": "theory", "title": "Шаг", "due_on": "завтра"})

    assert "Введите дату в формате ДД.ММ.ГГГГ." in response.content.decode()
    assert routes_world.route.steps.count() == 2


def test_it_pins_the_queries_of_the_pairs_page(routes_world, as_role, django_assert_num_queries):
    school = routes_world.trainee.organization
    for _ in range(12):
        master = factories.TeacherFactory(organization=school, master_since=D(2018, 1, 1))
        MentoringPair.objects.create(master=master, started_on=D(2022, 9, 1),
                                     trainee=factories.TeacherFactory(organization=school))
    client = as_role("staff")
    client.get(reverse("mentoring_pair_list"))

    with django_assert_num_queries(6):
        client.get(reverse("mentoring_pair_list"))


def test_it_links_a_masters_route_page_to_the_trainees(routes_world, as_master):
    page = as_master.get(reverse("my_route")).content.decode()

    assert reverse("my_trainees") in page
    assert "Вы пока не идёте по образовательному маршруту" in page


def test_it_tells_a_teacher_who_is_not_a_master_what_the_page_is_for(routes_world, as_trainee):
    page = as_trainee.get(reverse("my_trainees")).content.decode()

    assert "Эта страница — для педагогов-мастеров" in page
