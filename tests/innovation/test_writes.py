"""Writing projects through their pages: registering, editing, moving stages with evidence,
logging help, remarks, curators and tutors, documents and application versions. Bad input
gets a Russian message and changes nothing."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from innovation.models import (
    Application,
    ApplicationVersion,
    Consultation,
    InnovationProject,
    ProjectAssignment,
    ProjectComment,
    ProjectDocument,
    StageMove,
)
from tests import factories
from tests.helpers import messages_of

D = datetime.date


def _card(**fields) -> dict:
    return {"theme": "Школа равных возможностей", "key_problem": "", "idea": "",
            "innovation_object": "", "plan": "", **fields}


def test_it_lets_a_school_leader_register_the_own_schools_project(innovation, world, login):
    leader = factories.school_user(world.school_c, username="school-c")

    response = login(leader).post(reverse("innovation_project_add"), _card(
        organization=world.school_c.pk, period=world.period.pk))

    project = InnovationProject.objects.get(organization=world.school_c)
    assert response.status_code == 302
    assert project.stage.number == 1
    assert project.programme == world.programme
    assert project.is_pilot is False


def test_it_refuses_a_school_leader_another_schools_registration(innovation, world, login):
    leader = factories.school_user(world.school_c, username="school-c")

    response = login(leader).post(reverse("innovation_project_add"), _card(
        organization=world.school_d.pk, period=world.period.pk))

    assert response.status_code == 200
    assert "Выберите организацию из списка." in response.content.decode()
    assert not InnovationProject.objects.filter(organization=world.school_d).exists()


def test_it_refuses_a_second_project_of_a_school_in_the_same_year(innovation, world, login):
    response = login(world.staff).post(reverse("innovation_project_add"), _card(
        organization=world.school_a.pk, period=world.period.pk))

    assert "уже есть проект" in response.content.decode()
    assert InnovationProject.objects.filter(organization=world.school_a).count() == 1


def test_it_lets_staff_mark_a_pilot_school_but_not_the_school_itself(innovation, world, login):
    url = reverse("innovation_project_edit", args=[innovation.other_project.pk])

    login(world.staff).post(url, _card(theme="Цифровая среда", is_pilot="on"))
    innovation.other_project.refresh_from_db()
    assert innovation.other_project.is_pilot is True

    login(world.school_b_user).post(url, _card(theme="Цифровая среда школы"))
    innovation.other_project.refresh_from_db()
    assert innovation.other_project.is_pilot is True
    assert innovation.other_project.theme == "Цифровая среда школы"


def test_it_refuses_a_blank_theme(innovation, world, login):
    url = reverse("innovation_project_edit", args=[innovation.project.pk])

    response = login(world.school_user).post(url, _card(theme=""))

    assert "Укажите тему проекта." in response.content.decode()
    innovation.project.refresh_from_db()
    assert innovation.project.theme == "Школа полного дня"


def test_it_moves_a_stage_with_its_evidence_and_who_moved_it(innovation, world, login):
    third = world.programme.innovation_stages.get(number=3)
    upload = SimpleUploadedFile("протокол.pdf", b"%PDF-1.4 protocol",
                                content_type="application/pdf")

    response = login(innovation.tutor).post(
        reverse("innovation_move", args=[innovation.project.pk]),
        {"to_stage": third.pk, "moved_on": "2022-02-01",
         "evidence": "Анкетирование педагогов: 80 % готовы", "evidence_file": upload})

    assert response.status_code == 302
    move = StageMove.objects.get(project=innovation.project)
    assert (move.from_stage.number, move.to_stage.number) == (1, 3)
    assert move.moved_by == innovation.tutor
    assert move.evidence_document.original_name == "протокол.pdf"
    innovation.project.refresh_from_db()
    assert innovation.project.stage == third


def test_it_refuses_a_move_without_evidence(innovation, world, login):
    second = world.programme.innovation_stages.get(number=2)

    response = login(world.curator).post(
        reverse("innovation_move", args=[innovation.project.pk]),
        {"to_stage": second.pk, "moved_on": "2022-02-01", "evidence": ""})

    assert "Укажите, чем подтверждён переход." in response.content.decode()
    assert not StageMove.objects.exists()


def test_it_refuses_a_move_dated_before_the_last_one(innovation, world, login):
    client = login(world.curator)
    url = reverse("innovation_move", args=[innovation.project.pk])
    stages = {stage.number: stage for stage in world.programme.innovation_stages.all()}
    client.post(url, {"to_stage": stages[2].pk, "moved_on": "2022-02-01", "evidence": "Приказ"})

    response = client.post(url, {"to_stage": stages[3].pk, "moved_on": "2022-01-01",
                                 "evidence": "Анкеты"})

    assert "Дата раньше предыдущего перехода (01.02.2022)." in response.content.decode()
    assert StageMove.objects.count() == 1


def test_it_refuses_a_school_leader_moving_the_own_stage(innovation, world, login):
    second = world.programme.innovation_stages.get(number=2)

    response = login(world.school_user).post(
        reverse("innovation_move", args=[innovation.project.pk]),
        {"to_stage": second.pk, "moved_on": "2022-02-01", "evidence": "Приказ"})

    assert response.status_code == 403
    assert not StageMove.objects.exists()


def test_it_logs_methodological_help(innovation, world, login):
    response = login(world.curator).post(
        reverse("innovation_consult", args=[innovation.project.pk]),
        {"held_on": "2021-12-15", "form": "webinar", "form_other": "",
         "topic": "Алгоритм построения инновационной деятельности",
         "advisers": "Иванова Н.А., Ремель О.Л.", "participants": "директор, заместители",
         "outcome": "Школа сформировала рабочую группу"})

    assert response.status_code == 302
    entry = Consultation.objects.get(project=innovation.project)
    assert entry.form_text == "Вебинар"
    assert entry.recorded_by == world.curator


def test_it_asks_to_name_another_form_of_help(innovation, world, login):
    response = login(world.curator).post(
        reverse("innovation_consult", args=[innovation.project.pk]),
        {"held_on": "2021-12-15", "form": "other", "form_other": "",
         "topic": "Тема", "advisers": "Своя О. К."})

    assert "Назовите форму помощи." in response.content.decode()
    assert not Consultation.objects.exists()


def test_it_adds_a_remark_of_a_tutor(innovation, login):
    response = login(innovation.tutor).post(
        reverse("innovation_comment", args=[innovation.project.pk]),
        {"text": "Сформулируйте ключевую проблему короче"}, follow=True)

    assert "Замечание добавлено." in messages_of(response)
    assert ProjectComment.objects.get().author == innovation.tutor


def test_it_assigns_a_curator_only_from_the_department_or_the_centre(innovation, world,
                                                                      login):
    client = login(world.staff)
    url = reverse("innovation_people", args=[innovation.other_project.pk])

    refused = client.post(url, {"kind": "curator", "user": innovation.teacher.pk,
                                "assigned_on": "2021-10-01"})
    accepted = client.post(url, {"kind": "tutor", "user": innovation.teacher.pk,
                                 "assigned_on": "2021-10-01"})

    assert "куратором назначают специалиста" in refused.content.decode()
    assert accepted.status_code == 302
    assert ProjectAssignment.objects.get(project=innovation.other_project).kind == "tutor"


def test_it_does_not_offer_users_of_another_municipality(innovation, world, login):
    response = login(world.staff).post(
        reverse("innovation_people", args=[innovation.other_project.pk]),
        {"kind": "tutor", "user": world.outsider.pk, "assigned_on": "2021-10-01"})

    assert "Выберите пользователя из списка." in response.content.decode()
    assert not ProjectAssignment.objects.filter(project=innovation.other_project).exists()


def test_it_removes_an_assignment(innovation, world, login):
    assignment = innovation.project.assignments.get(user=innovation.tutor)

    login(world.staff).post(reverse("innovation_unassign", args=[assignment.pk]))

    assert not ProjectAssignment.objects.filter(pk=assignment.pk).exists()


def test_it_keeps_a_document_and_refuses_a_renamed_program(innovation, world, login):
    client = login(world.school_user)
    url = reverse("innovation_document_add", args=[innovation.project.pk])

    client.post(url, {"title": "Приказ", "file": SimpleUploadedFile(
        "приказ.pdf", b"%PDF-1.4 order", content_type="application/pdf")})
    refused = client.post(url, {"title": "", "file": SimpleUploadedFile(
        "virus.pdf", b"MZ\x90\x00", content_type="application/pdf")}, follow=True)

    assert ProjectDocument.objects.get().title == "Приказ"
    assert any("не соответствует расширению" in text for text in messages_of(refused))
    document = ProjectDocument.objects.get()
    download = client.get(reverse("innovation_document", args=[document.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 order"


def _sections(client, url) -> list[str]:
    form = client.get(url).context["form"]
    return [name for name in form.fields if name.startswith("section_")]


def test_it_saves_every_filling_of_the_application_as_a_new_version(innovation, world, login):
    client = login(world.school_user)
    url = reverse("innovation_project_application", args=[innovation.project.pk])
    names = _sections(client, url)

    client.post(url, {"title": "", "note": "", names[0]: "Школа полного дня"})
    client.post(url, {"title": "Номинация для ОО", "note": "Добавлена цель",
                      names[0]: "Школа полного дня", names[4]: "Цель проекта"})

    application = Application.objects.get(project=innovation.project)
    first, second = application.versions.order_by("number")
    assert len(names) == 16
    assert (first.number, second.number) == (1, 2)
    assert first.answers.get(section__number=5).text == ""
    assert second.answers.get(section__number=5).text == "Цель проекта"
    assert application.title == "Номинация для ОО"


def test_it_opens_the_form_with_the_last_versions_text(innovation, world, login):
    client = login(world.school_user)
    url = reverse("innovation_project_application", args=[innovation.project.pk])
    names = _sections(client, url)
    client.post(url, {"title": "", "note": "", names[1]: "Актуальность проекта"})

    form = client.get(url).context["form"]

    assert form.initial[names[1]] == "Актуальность проекта"


def test_it_refuses_an_empty_application(innovation, world, login):
    response = login(world.school_user).post(
        reverse("innovation_project_application", args=[innovation.project.pk]),
        {"title": "", "note": ""})

    assert "Заполните хотя бы один раздел заявки." in response.content.decode()
    assert not ApplicationVersion.objects.exists()


def test_it_lets_staff_fill_the_programmes_own_application(innovation, world, login):
    client = login(world.staff)
    url = reverse("innovation_programme_application_fill", args=[world.programme.pk])
    names = _sections(client, url)

    response = client.post(url, {"title": "", "note": "", names[0]: "Взаимные стажировки"})

    application = Application.objects.get(programme=world.programme)
    assert response.status_code == 302
    assert application.project is None
    assert login(world.analyst).get(reverse(
        "innovation_programme_application", args=[world.programme.pk])).status_code == 200
