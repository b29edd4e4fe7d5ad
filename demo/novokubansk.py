"""The Novokubansk demo district: its centre's specialists and its programme passport.

Source: the passport of the innovation project of МБУ «ЦРО» МО Новокубанский район (seed
003). From it come the passport's fields word for word, the four named stages with their
terms, tasks and expected results, and the centre's staff: «19 человек: 2 начальника
отделов, 17 — специалисты 1 категории». The document names neither the departments nor the
specialists nor which directions each curates, so those are **illustrative**: two departments,
invented names, and the six directions taken from the passport's «Задачи деятельности на
2019–2021 годы», shared out among the specialists. Which deliverables are ticked done (with a
placeholder file) is illustrative too. A department login `nov-staff` (invented person).
"""

import datetime
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from demo.krymsky import _demo_user
from demo.novokubansk_texts import PASSPORT, STAGES
from internships.models import Programme
from services.models import MethodService, ProgrammePassport
from services.passports import add_deliverable, save_passport, save_stage, tick_deliverable
from services.staff import (
    SpecialistData,
    add_department,
    add_direction,
    create_service,
    save_specialist,
)
from teams.models import Municipality, Role

MUNICIPALITY = "Новокубанский район"
PROGRAMME = ("Модель сетевой организации управления качеством образования, способствующей "
             "развитию образовательной среды в муниципальном образовании на основе принципов "
             "взаимодействия и адресности")
SERVICE = ("МБУ «ЦРО» МО Новокубанский район", "МБУ «ЦРО»")
HEADS, SPECIALISTS = 2, 17
HEAD_POSITION, SPECIALIST_POSITION = "начальник отдела", "специалист 1 категории"
D = datetime.date
# The printed terms («2019 - сентябрь-декабрь», «Январь - май 2020»…) as dates.
STAGE_DATES = ((D(2019, 9, 1), D(2019, 12, 31)), (D(2020, 1, 1), D(2020, 5, 31)),
               (D(2020, 9, 1), D(2020, 12, 31)), (D(2021, 1, 1), D(2021, 6, 30)))
# Illustrative: the deliverables of the first two stages are ticked done.
TICKED_STAGES = 2

# Illustrative departments: the document counts two heads of department but names neither.
DEPARTMENTS = ("Отдел методического сопровождения", "Отдел оценки качества образования")
# The directions are the passport's tasks for 2019–2021; who curates which is illustrative.
DIRECTIONS = (
    "Нормативно-правовая основа проекта (комплекс локальных актов)",
    "Стартовая диагностика готовности специалистов ЦРО к инновационной деятельности",
    "План мероприятий (дорожная карта)",
    "Банк программ и методических разработок",
    "Стажировка специалистов ТМС других муниципальных образований",
    "Сетевое взаимодействие с социальными партнёрами",
)
# Invented people (the document does not name the specialists): two heads, then 17.
NAMES = (
    "Гречко Марина Васильевна", "Лысенко Андрей Николаевич",
    "Бондаренко Ольга Петровна", "Ткаченко Елена Викторовна", "Мельник Светлана Юрьевна",
    "Кравец Наталья Александровна", "Шевченко Ирина Геннадьевна", "Руденко Татьяна Ивановна",
    "Коваль Людмила Сергеевна", "Сидоренко Анна Михайловна", "Литвиненко Юлия Олеговна",
    "Пономаренко Галина Васильевна", "Зинченко Оксана Викторовна", "Гордиенко Вера Андреевна",
    "Мирошниченко Лариса Николаевна", "Савченко Дмитрий Игоревич", "Кириленко Алёна Сергеевна",
    "Павленко Марина Олеговна", "Онищенко Евгения Павловна",
)
PLACEHOLDER_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                   b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def _results(printed: str) -> list[str]:
    """The stage's expected results, one per printed numbered line, without the numbers."""
    return [re.sub(r"^\d+\.\s*", "", line).strip() for line in printed.splitlines()
            if line.strip()]


def _staff(service: MethodService) -> None:
    departments = [add_department(service=service, name=name) for name in DEPARTMENTS]
    directions = [add_direction(service=service, title=title) for title in DIRECTIONS]
    for number, name in enumerate(NAMES):
        head = number < HEADS
        department = departments[number % len(departments)]
        curated = (tuple(d for i, d in enumerate(directions) if i % HEADS == number) if head
                   else (directions[number % len(directions)],))
        save_specialist(service=service, data=SpecialistData(
            full_name=name, position=HEAD_POSITION if head else SPECIALIST_POSITION,
            department=department, heads_department=head, directions=curated))


def _stages(passport: ProgrammePassport, user) -> None:
    for number, ((title, _term, tasks, results), (starts_on, ends_on)) in enumerate(
            zip(STAGES, STAGE_DATES, strict=True), start=1):
        stage = save_stage(passport=passport, values={
            "number": number, "title": title, "tasks": tasks, "starts_on": starts_on,
            "ends_on": ends_on})
        for text in _results(results):
            deliverable = add_deliverable(stage=stage, text=text)
            if number <= TICKED_STAGES:
                tick_deliverable(
                    deliverable=deliverable, done_on=ends_on, user=user,
                    upload=SimpleUploadedFile(f"etap-{number}-rezultat-{deliverable.number}.pdf",
                                              PLACEHOLDER_PDF, content_type="application/pdf"))


@transaction.atomic
def load_novokubansk() -> dict[str, int]:
    """Create the Novokubansk district, its centre's staff and its passport; a second run
    changes nothing."""
    municipality, _ = Municipality.objects.get_or_create(name=MUNICIPALITY)
    user = _demo_user("nov-staff", "Ирина Владимировна", "Соколова", municipality, Role.STAFF)
    service = MethodService.objects.filter(municipality=municipality,
                                           short_name=SERVICE[1]).first()
    if service is None:
        service = create_service(municipality=municipality, name=SERVICE[0],
                                 short_name=SERVICE[1])
        _staff(service)
    programme, _ = Programme.objects.get_or_create(
        municipality=municipality, title=PROGRAMME,
        defaults={"starts_on": STAGE_DATES[0][0], "ends_on": STAGE_DATES[-1][1]})
    passport = ProgrammePassport.objects.filter(programme=programme).first()
    if passport is None:
        passport = save_passport(programme=programme, values=PASSPORT, user=user)
        _stages(passport, user)
    deliverables = [d for stage in passport.stages.prefetch_related("deliverables")
                    for d in stage.deliverables.all()]
    return {
        "specialists": service.specialists.count(),
        "heads": service.specialists.filter(heads_department=True).count(),
        "departments": service.departments.count(),
        "directions": service.directions.count(),
        "stages": passport.stages.count(),
        "deliverables": len(deliverables),
        "ticked": sum(d.done for d in deliverables),
    }
