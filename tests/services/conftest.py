"""A methodological service with two departments and a programme passport with two stages
(with a gap between them) on the test world."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from services.passports import add_deliverable, save_passport, save_stage
from services.staff import (
    SpecialistData,
    add_department,
    add_direction,
    create_service,
    save_specialist,
)

D = datetime.date


def pdf(name: str = "spravka.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 spravka", content_type="application/pdf")


@pytest.fixture
def centre(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    service = create_service(municipality=world.municipality, short_name="МБУ «ЦРО»",
                             name="МБУ «Центр развития образования»")
    quality = add_department(service=service, name="Отдел качества образования")
    support = add_department(service=service, name="Отдел методического сопровождения")
    assessment = add_direction(service=service, title="Оценка качества образования")
    mentoring = add_direction(service=service, title="Наставничество")
    head = save_specialist(service=service, data=SpecialistData(
        full_name="Орлова Ирина Петровна", position="начальник отдела", department=quality,
        heads_department=True, directions=(assessment,)))
    expert = save_specialist(service=service, data=SpecialistData(
        full_name="Белов Пётр Ильич", position="специалист 1 категории", department=support,
        heads_department=False, directions=(assessment, mentoring)))
    passport = save_passport(programme=world.programme, user=world.staff, values={
        "nomination": "Муниципальные модели системы оценки качества образования",
        "title": "Модель сетевой организации управления качеством образования",
        "mechanism": "Поэтапно"})
    first = save_stage(passport=passport, values={
        "number": 1, "title": "Подготовительный", "starts_on": D(2019, 9, 1),
        "ends_on": D(2019, 12, 31), "tasks": "Обосновать условия"})
    second = save_stage(passport=passport, values={
        "number": 2, "title": "Теоретико-моделирующий", "starts_on": D(2020, 1, 1),
        "ends_on": D(2020, 5, 31), "tasks": ""})
    report = add_deliverable(stage=first, text="Аналитическая справка")
    return SimpleNamespace(service=service, quality=quality, support=support,
                           assessment=assessment, mentoring=mentoring, head=head,
                           expert=expert, passport=passport, first=first, second=second,
                           report=report)
