"""The rules of services and passports, held by the database and the writes: stage dates,
a deliverable ticked only with its file, one head per department, scope of a service."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from services.models import Deliverable, PassportStage, Specialist
from services.passports import add_deliverable, save_stage, tick_deliverable, untick_deliverable
from services.staff import SpecialistData, add_department, create_service, save_specialist
from tests.services.conftest import pdf

D = datetime.date


def test_it_refuses_a_stage_that_ends_before_it_starts(centre):
    with pytest.raises(ValidationError) as refusal:
        save_stage(passport=centre.passport, values={
            "number": 3, "title": "Практический", "starts_on": D(2020, 12, 31),
            "ends_on": D(2020, 9, 1)})
    assert "Окончание этапа не может быть раньше его начала." in str(refusal.value)
    assert centre.passport.stages.count() == 2


def test_the_database_refuses_a_stage_ending_before_its_start(centre):
    with pytest.raises(IntegrityError), transaction.atomic():
        PassportStage.objects.create(passport=centre.passport, number=5, title="Обратный",
                                     starts_on=D(2021, 6, 1), ends_on=D(2021, 1, 1))


def test_stages_may_leave_gaps_between_them(centre):
    third = save_stage(passport=centre.passport, values={
        "number": 3, "title": "Практический", "starts_on": D(2020, 9, 1),
        "ends_on": D(2020, 12, 31)})
    assert third.starts_on > centre.second.ends_on + datetime.timedelta(days=1)


def test_the_database_refuses_a_deliverable_ticked_without_a_file(centre):
    with pytest.raises(IntegrityError), transaction.atomic():
        Deliverable.objects.filter(pk=centre.report.pk).update(done_on=D(2019, 12, 20))


def test_it_refuses_to_tick_a_deliverable_without_a_file(centre, world):
    with pytest.raises(ValidationError) as refusal:
        tick_deliverable(deliverable=centre.report, done_on=D(2019, 12, 20), upload=None,
                         user=world.staff)
    assert "без файла результат не отмечается" in str(refusal.value)
    centre.report.refresh_from_db()
    assert not centre.report.done


def test_it_refuses_a_renamed_file_with_the_attachment_checks(centre, world):
    fake = SimpleUploadedFile("spravka.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as refusal:
        tick_deliverable(deliverable=centre.report, done_on=D(2019, 12, 20), upload=fake,
                         user=world.staff)
    assert "не соответствует расширению PDF" in str(refusal.value)
    centre.report.refresh_from_db()
    assert not centre.report.done and not centre.report.file


def test_it_ticks_a_deliverable_with_its_file_and_unticks_it(centre, world):
    tick_deliverable(deliverable=centre.report, done_on=D(2019, 12, 20), upload=pdf(),
                     user=world.staff)
    centre.report.refresh_from_db()
    assert centre.report.done and centre.report.original_name == "spravka.pdf"
    assert centre.report.content_type == "application/pdf"

    untick_deliverable(deliverable=centre.report, user=world.staff)
    centre.report.refresh_from_db()
    assert not centre.report.done and not centre.report.file
    assert centre.report.history.count() == 3


def test_it_refuses_a_deliverable_done_before_its_stage_began(centre, world):
    with pytest.raises(ValidationError) as refusal:
        tick_deliverable(deliverable=centre.report, done_on=D(2019, 1, 1), upload=pdf(),
                         user=world.staff)
    assert "раньше начала этапа (01.09.2019)" in str(refusal.value)


def test_deliverables_are_numbered_in_order(centre):
    second = add_deliverable(stage=centre.first, text="План мероприятий")
    assert (centre.report.number, second.number) == (1, 2)


def test_a_department_has_one_head(centre):
    with pytest.raises(ValidationError) as refusal:
        save_specialist(service=centre.service, data=SpecialistData(
            full_name="Кузнецова Ольга Ивановна", position="начальник отдела",
            department=centre.quality, heads_department=True))
    assert "У этого отдела уже есть начальник." in str(refusal.value)


def test_a_head_must_be_in_a_department(centre):
    with pytest.raises(IntegrityError), transaction.atomic():
        Specialist.objects.create(service=centre.service, full_name="Без отдела",
                                  position="начальник отдела", heads_department=True)


def test_it_refuses_a_department_of_another_service(centre, world):
    other = create_service(municipality=world.municipality, short_name="ЦОКО",
                           name="Центр оценки качества образования")
    foreign = add_department(service=other, name="Отдел мониторинга")
    with pytest.raises(ValidationError) as refusal:
        save_specialist(service=centre.service, data=SpecialistData(
            full_name="Сидоров Иван Иванович", position="специалист",
            department=foreign, heads_department=False))
    assert "Выберите отдел этой службы." in str(refusal.value)
    assert not Specialist.objects.filter(full_name="Сидоров Иван Иванович").exists()


def test_a_service_name_is_unique_in_the_municipality(centre, world):
    with pytest.raises(ValidationError) as refusal:
        create_service(municipality=world.municipality, short_name="МБУ «ЦРО»", name="Другой")
    assert "Служба с таким кратким названием уже есть." in str(refusal.value)
