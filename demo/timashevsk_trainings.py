"""Timashevsk's platform sessions of the 2024/25 academic year: named attendance of the young
teachers, completed programmes, an effectiveness map and the coverage targets.

From the project come the forms of work (семинары, мастер-классы, открытые занятия,
консультации, практикумы — «Занятия на стажировочных площадках» for «Молодые педагоги») and
the coverage targets of «Ожидаемые результаты»: not less than 41 % of the teachers of the
organizations and 20 % of the specialists of the department and the methodological service.
Everything else is illustrative: the dates, topics and places of the sessions, who came,
who completed a programme with which document, and the criteria of the «Карта
эффективности профессиональной деятельности педагога», whose structure the project does
not print (the criteria are marked «иллюстративный»).
"""

import datetime
import random
from decimal import Decimal

from people.models import ModularProgramme, Teacher, TeacherPlatform
from teams.models import Municipality
from trainings.models import (
    Attendance,
    Completion,
    CoverageTarget,
    EffectivenessCriterion,
    EffectivenessMark,
    PlatformSession,
    SessionForm,
)

D = datetime.date
SEED = 2024
# Four sessions on each platform over the 2024/25 academic year.
SESSION_DAYS = [D(2024, 10, 17), D(2024, 12, 12), D(2025, 2, 20), D(2025, 4, 17)]
SESSION_TOPICS = [
    (SessionForm.SEMINAR, "Установочный семинар: {theme}"),
    (SessionForm.MASTER_CLASS, "Мастер-класс педагогов-мастеров: {theme}"),
    (SessionForm.OPEN_LESSON, "Открытое занятие: {theme} на практике"),
    (SessionForm.PRACTICUM, "Практикум: итоги года по теме «{theme}»"),
]
COMPLETED_ON = D(2025, 5, 30)
MARK_DAYS = [D(2024, 10, 17), D(2025, 5, 15)]
# Illustrative criteria of the effectiveness map, for the first two programmes.
CRITERIA = [
    (1, "Проектирование урока (занятия) с учётом требований ФГОС", 0, 3, ""),
    (2, "Применение приёмов и технологий, освоенных на площадке", 0, 3, ""),
    (3, "Рефлексия собственной педагогической деятельности", 0, 3, ""),
    (4, "Методический продукт по итогам обучения", None, None,
     "Что разработано и где представлено"),
]
TARGETS = (Decimal("41"), Decimal("20"))


def _young_by_platform(municipality: Municipality,
                       platforms: list[TeacherPlatform]) -> dict[int, list[Teacher]]:
    """Each young teacher (no master's status) is placed on one platform, in name order."""
    young = list(Teacher.objects.filter(organization__municipality=municipality,
                                        master_since__isnull=True).order_by("full_name", "pk"))
    placed: dict[int, list[Teacher]] = {platform.pk: [] for platform in platforms}
    for index, teacher in enumerate(young):
        placed[platforms[index % len(platforms)].pk].append(teacher)
    return placed


def _sessions(platform: TeacherPlatform,
              programme: ModularProgramme | None) -> list[PlatformSession]:
    leaders = [platform.head, *platform.masters.order_by("full_name")]
    theme = programme.title if programme else platform.title
    sessions = []
    for number, (day, (form, topic)) in enumerate(zip(SESSION_DAYS, SESSION_TOPICS,
                                                      strict=True)):
        session, _ = PlatformSession.objects.get_or_create(
            platform=platform, held_on=day, topic=topic.format(theme=theme),
            defaults={"form": form, "programme": programme,
                      "led_by": leaders[number % len(leaders)],
                      "place": platform.host.short_name})
        sessions.append(session)
    return sessions


def _map(programme: ModularProgramme, people: list[Teacher], rng: random.Random) -> None:
    criteria = []
    for number, title, low, high, description in CRITERIA:
        criterion, _ = EffectivenessCriterion.objects.get_or_create(
            programme=programme, number=number,
            defaults={"title": title, "scale_min": low, "scale_max": high,
                      "description": description, "illustrative": True})
        criteria.append(criterion)
    for teacher in people:
        start = rng.randint(0, 1)
        for step, day in enumerate(MARK_DAYS):
            for criterion in criteria:
                value = min(criterion.scale_max, start + step + rng.randint(0, 1)) \
                    if criterion.has_scale else None
                EffectivenessMark.objects.get_or_create(
                    teacher=teacher, criterion=criterion, marked_on=day,
                    defaults={"value": value, "marked_by_name": "руководитель площадки",
                              "comment": "" if criterion.has_scale else
                              ("Разработан проект урока" if step else "Тема выбрана")})


def load_trainings(*, municipality: Municipality) -> None:
    """Create the sessions, attendance, completions, map and targets; a second run changes
    nothing."""
    rng = random.Random(SEED)
    platforms = list(TeacherPlatform.objects.filter(host__municipality=municipality)
                     .select_related("head", "host").order_by("pk"))
    if not platforms:
        return
    placed = _young_by_platform(municipality, platforms)
    for index, platform in enumerate(platforms):
        programme = platform.programmes.order_by("pk").first()
        sessions = _sessions(platform, programme)
        people = placed[platform.pk]
        for number, teacher in enumerate(people):
            # Most come to three sessions of four; every fifth also visits a neighbour's
            # open lesson, so the same person is counted at two platforms.
            for session in sessions[:3] if number % 2 else sessions[1:]:
                Attendance.objects.get_or_create(session=session, teacher=teacher)
            if number % 5 == 0:
                neighbour = platforms[(index + 1) % len(platforms)]
                visit = PlatformSession.objects.filter(platform=neighbour,
                                                       held_on=SESSION_DAYS[2]).first()
                if visit is not None:
                    Attendance.objects.get_or_create(session=visit, teacher=teacher)
            if programme is not None and number % 2 == 0:
                Completion.objects.get_or_create(
                    teacher=teacher, programme=programme,
                    defaults={"completed_on": COMPLETED_ON, "hours": 36,
                              "document": f"сертификат № ТМ-2025-{teacher.pk:04d}"})
        if programme is not None and index < 2:
            _map(programme, people, rng)
    CoverageTarget.objects.get_or_create(
        municipality=municipality,
        defaults={"teachers_percent": TARGETS[0], "specialists_percent": TARGETS[1]})
