"""Rules of routes, steps, mentoring pairs, help requests and the growth journal."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import override_settings

from routes import growth, help, mentoring, steps
from routes.enrolment import create_route, update_route
from routes.models import (
    GrowthEntry,
    HelpRequest,
    HelpStatus,
    JournalAuthor,
    MentoringPair,
    Route,
    RouteKind,
    RouteStatus,
    RouteStep,
    StepStatus,
)
from tests import factories
from tests.routes.conftest import details

D = datetime.date


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_it_refuses_a_master_without_the_status(routes_world):
    plain = factories.TeacherFactory(organization=routes_world.master.organization,
                                     full_name="Простова Ирина")

    with pytest.raises(ValidationError) as error:
        create_route(data=details(routes_world, master=plain))

    assert "не имеет статуса «Педагог-мастер»" in messages(error.value)
    assert Route.objects.count() == 1


def test_it_gives_an_individual_route_exactly_one_participant(routes_world):
    other = factories.TeacherFactory(organization=routes_world.trainee.organization)

    with pytest.raises(ValidationError) as error:
        create_route(data=details(routes_world, participants=(routes_world.trainee, other)))

    assert "ровно один участник" in messages(error.value)
    assert Route.objects.count() == 1


def test_it_lets_a_group_route_share_several_participants(routes_world):
    other = factories.TeacherFactory(organization=routes_world.trainee.organization)

    route = create_route(data=details(routes_world, kind=RouteKind.GROUP,
                                      participants=(routes_world.trainee, other)))

    assert set(route.participants.all()) == {routes_world.trainee, other}


def test_it_refuses_to_finish_a_route_without_a_product(routes_world):
    with pytest.raises(ValidationError) as error:
        update_route(route=routes_world.route,
                     data=details(routes_world, status=RouteStatus.FINISHED))

    assert "итоговый продукт" in messages(error.value)
    routes_world.route.refresh_from_db()
    assert routes_world.route.status == RouteStatus.ACTIVE


def test_it_finishes_a_route_with_its_product(routes_world):
    update_route(route=routes_world.route, data=details(
        routes_world, status=RouteStatus.FINISHED, product_note="Модель урока-исследования",
        product_done_on=D(2023, 6, 1)))

    routes_world.route.refresh_from_db()
    assert routes_world.route.status == RouteStatus.FINISHED


def test_it_refuses_in_the_database_a_done_step_without_evidence(routes_world):
    with pytest.raises(IntegrityError), transaction.atomic():
        RouteStep.objects.filter(route=routes_world.route, number=1).update(
            status=StepStatus.DONE, done_on=D(2022, 10, 1))


def test_it_refuses_to_mark_a_step_done_without_evidence(routes_world):
    step = routes_world.route.steps.get(number=1)

    with pytest.raises(ValidationError) as error:
        steps.mark_progress(step=step, status=StepStatus.DONE, note=" ", today=D(2022, 9, 20))

    assert "опишите результат или прикрепите файл" in messages(error.value)
    assert RouteStep.objects.get(pk=step.pk).status == StepStatus.PLANNED


def test_it_marks_a_step_done_with_a_note_and_the_master_confirms(routes_world):
    step = routes_world.route.steps.get(number=1)

    steps.mark_progress(step=step, status=StepStatus.DONE, note="Конспект ФГОС",
                        today=D(2022, 9, 20))
    steps.confirm_step(step=step, today=D(2022, 9, 21))

    step.refresh_from_db()
    assert (step.status, step.done_on, step.confirmed_on) == (
        StepStatus.DONE, D(2022, 9, 20), D(2022, 9, 21))


def test_it_accepts_a_pdf_as_evidence(routes_world):
    step = routes_world.route.steps.get(number=1)
    upload = SimpleUploadedFile("конспект.pdf", b"%PDF-1.4 test", content_type="application/pdf")

    steps.mark_progress(step=step, status=StepStatus.DONE, note="", today=D(2022, 9, 20),
                        upload=upload)

    step.refresh_from_db()
    assert step.evidence_file_name == "конспект.pdf"


def test_it_refuses_a_renamed_file_as_evidence(routes_world):
    step = routes_world.route.steps.get(number=1)
    upload = SimpleUploadedFile("конспект.pdf", b"MZ program", content_type="application/pdf")

    with pytest.raises(ValidationError) as error:
        steps.mark_progress(step=step, status=StepStatus.DONE, note="", today=D(2022, 9, 20),
                            upload=upload)

    assert "не соответствует расширению PDF" in messages(error.value)
    assert RouteStep.objects.get(pk=step.pk).status == StepStatus.PLANNED


def test_it_returns_a_done_step_with_a_remark(routes_world):
    step = routes_world.route.steps.get(number=1)
    steps.mark_progress(step=step, status=StepStatus.DONE, note="Конспект",
                        today=D(2022, 9, 20))

    steps.return_step(step=step, remark="Добавьте анализ")

    step.refresh_from_db()
    assert (step.status, step.done_on, step.returned_note) == (
        StepStatus.IN_PROGRESS, None, "Добавьте анализ")


def test_it_refuses_to_confirm_a_step_not_done(routes_world):
    step = routes_world.route.steps.get(number=1)

    with pytest.raises(ValidationError):
        steps.confirm_step(step=step, today=D(2022, 9, 21))

    assert RouteStep.objects.get(pk=step.pk).confirmed_on is None


def test_it_numbers_new_steps_after_the_last(routes_world):
    step = steps.add_step(route=routes_world.route, activity="documents",
                          title="Изучить положение", due_on=D(2023, 1, 10))

    assert step.number == 3


def test_it_refuses_a_second_step_with_the_same_number(routes_world):
    with pytest.raises(ValidationError) as error:
        steps.add_step(route=routes_world.route, activity="documents", title="Повтор",
                       due_on=D(2023, 1, 10), number=1)

    assert "Шаг с таким номером уже есть" in messages(error.value)


@override_settings(ROUTES_MASTER_CAPACITY=2)
def test_it_keeps_a_master_within_the_default_capacity(routes_world):
    school = routes_world.trainee.organization
    for _ in range(2):
        mentoring.start_pair(master=routes_world.master,
                             trainee=factories.TeacherFactory(organization=school),
                             started_on=D(2022, 9, 1))

    with pytest.raises(ValidationError) as error:
        mentoring.start_pair(master=routes_world.master, trainee=routes_world.trainee,
                             started_on=D(2022, 9, 1))

    assert "уже 2 стажёров — это предел" in messages(error.value)
    assert MentoringPair.objects.count() == 2


def test_it_lets_a_master_have_a_capacity_of_their_own(routes_world, settings):
    settings.ROUTES_MASTER_CAPACITY = 1
    mentoring.set_capacity(master=routes_world.master, max_trainees=3)
    school = routes_world.trainee.organization
    for _ in range(3):
        mentoring.start_pair(master=routes_world.master,
                             trainee=factories.TeacherFactory(organization=school),
                             started_on=D(2022, 9, 1))

    assert MentoringPair.objects.filter(master=routes_world.master).count() == 3


def test_it_frees_a_place_when_a_pair_ends(routes_world, settings):
    settings.ROUTES_MASTER_CAPACITY = 1
    pair = mentoring.start_pair(master=routes_world.master, trainee=routes_world.trainee,
                                started_on=D(2022, 9, 1))
    mentoring.end_pair(pair=pair, ended_on=D(2022, 12, 1))

    mentoring.start_pair(master=routes_world.master,
                         trainee=factories.TeacherFactory(organization=pair.trainee.organization),
                         started_on=D(2023, 1, 1))

    assert MentoringPair.objects.filter(ended_on__isnull=True).count() == 1


def test_it_refuses_a_pair_with_a_master_without_the_status(routes_world):
    with pytest.raises(ValidationError):
        mentoring.start_pair(master=routes_world.trainee, trainee=routes_world.master,
                             started_on=D(2022, 9, 1))

    assert not MentoringPair.objects.exists()


def test_it_refuses_in_the_database_a_request_to_both_a_platform_and_a_master(routes_world):
    with pytest.raises(IntegrityError), transaction.atomic():
        HelpRequest.objects.create(author=routes_world.trainee, text="Помогите",
                                   asked_on=D(2022, 10, 1), platform=routes_world.platform,
                                   master=routes_world.master)


def test_it_refuses_a_request_to_no_one(routes_world):
    with pytest.raises(ValidationError) as error:
        help.ask_for_help(author=routes_world.trainee, text="Помогите", asked_on=D(2022, 10, 1))

    assert "либо площадке, либо педагогу-мастеру" in messages(error.value)
    assert not HelpRequest.objects.exists()


def test_it_lets_a_working_group_master_answer_a_platform_request(routes_world):
    request = help.ask_for_help(author=routes_world.trainee, text="Как составить ИОМ?",
                                asked_on=D(2022, 10, 1), platform=routes_world.platform)

    help.answer_help(request=request, answerer=routes_world.master, answer="Вот образец",
                     answered_on=D(2022, 10, 2))

    request.refresh_from_db()
    assert (request.status, request.answered_by) == (HelpStatus.ANSWERED, routes_world.master)


def test_it_refuses_an_answer_from_someone_else(routes_world):
    request = help.ask_for_help(author=routes_world.trainee, text="Как составить ИОМ?",
                                asked_on=D(2022, 10, 1), master=routes_world.master)
    stranger = factories.TeacherFactory(organization=routes_world.trainee.organization,
                                        master_since=D(2019, 1, 1))

    with pytest.raises(ValidationError):
        help.answer_help(request=request, answerer=stranger, answer="Ответ",
                         answered_on=D(2022, 10, 2))

    assert HelpRequest.objects.get(pk=request.pk).status == HelpStatus.OPEN


def test_it_records_who_writes_in_the_growth_journal(routes_world):
    growth.add_entry(trainee=routes_world.trainee, author=routes_world.trainee,
                     text="Провела первый урок", written_on=D(2022, 9, 5))
    growth.add_entry(trainee=routes_world.trainee, author=routes_world.master,
                     text="Урок посещён", written_on=D(2022, 9, 6))

    assert list(GrowthEntry.objects.values_list("author_role", flat=True)) == [
        JournalAuthor.MASTER, JournalAuthor.TRAINEE]


def test_it_refuses_a_journal_entry_from_a_stranger(routes_world):
    stranger = factories.TeacherFactory(organization=routes_world.trainee.organization)

    with pytest.raises(ValidationError):
        growth.add_entry(trainee=routes_world.trainee, author=stranger, text="Запись",
                         written_on=D(2022, 9, 5))

    assert not GrowthEntry.objects.exists()
