"""Routes, mentoring and growth journals of the Timashevsk demo district.

The project names the kinds of work an internship consists of (self-study, taking part in
the teaching, work with documents, acting as an understudy of an official, meetings…), the
routes — individual (ИОМ) and group — on programmes «на 1–1,5 года», the pedagogue-masters
who mentor the young teachers, the «журнал непрерывного профессионального роста» and the
product of a route, a «вариативная модель профессиональной деятельности». Everything else
here is illustrative: which young teacher is on which programme, the steps, the dates, the
journal entries and the help requests. Dates follow the day of loading, so the pages, which
judge by today, always show routes just begun, half-way (with a few overdue steps) and
finished with a product.
"""

import datetime
from itertools import cycle

from django.db.models import Q

from demo.krymsky import _demo_user
from people.models import ModularProgramme, Teacher
from routes.models import (
    DEFAULT_PRODUCT,
    ActivityType,
    GrowthEntry,
    HelpRequest,
    HelpStatus,
    JournalAuthor,
    MentoringPair,
    Route,
    RouteKind,
    RouteParticipant,
    RouteStatus,
    RouteStep,
    StepStatus,
)
from teams.models import Municipality, Role

DAY = datetime.timedelta(days=1)
ROUTE_DAYS = 365
# (kind of work, what is done, days from the start of the route it is due).
STEPS = [
    (ActivityType.THEORY, "Изучение модульной программы и нормативных документов", 20),
    (ActivityType.DOCUMENTS, "Работа с рабочей программой и технологической картой урока", 50),
    (ActivityType.STUDY, "Изучение организации образовательного процесса на базе площадки",
     90),
    (ActivityType.TEACHING, "Посещение и анализ уроков педагога-мастера", 130),
    (ActivityType.SKILLS, "Педагогическая мастерская: разработка фрагмента урока", 180),
    (ActivityType.TEACHING, "Проведение открытого урока", 220),
    (ActivityType.MEETINGS, "Участие в методическом совещании площадки", 280),
    (ActivityType.UNDERSTUDY, "Дублёр руководителя методического объединения", 320),
    (ActivityType.OTHER, "Представление вариативной модели профессиональной деятельности",
     360),
]
# How long ago a route began, by its stage; the two half-way stages differ in how many
# steps are overdue.
STARTED_DAYS_AGO = {"finished": 400, "halfway": 210, "halfway_late": 240, "started": 10}
# How many steps of a route are done, by its stage; the rest past their dates are overdue.
DONE_STEPS = {"finished": len(STEPS), "halfway": 4, "halfway_late": 3, "started": 0}
JOURNAL = [
    (JournalAuthor.TRAINEE, 15, "Познакомилась с модульной программой, составила план "
                                "самообразования."),
    (JournalAuthor.MASTER, 45, "Обсудили технологическую карту урока: цели сформулированы "
                               "через планируемые результаты."),
    (JournalAuthor.TRAINEE, 100, "Посетила три урока педагога-мастера, записала приёмы "
                                 "организации групповой работы."),
    (JournalAuthor.MASTER, 140, "Стажёр уверенно ведёт этап рефлексии; рекомендована "
                                "работа над дифференциацией заданий."),
]
HELP_TO_MASTER = "Как построить урок открытия нового знания в системно-деятельностном подходе?"
HELP_TO_PLATFORM = "Можно ли посетить занятие площадки по оцениванию в другом месяце?"
PLATFORM_ANSWER = "Да, напишите руководителю площадки: расписание занятий в плане работы."


def _young(municipality: Municipality, today: datetime.date) -> list[Teacher]:
    recent = today.replace(year=today.year - 3) + DAY
    return list(Teacher.objects.filter(
        organization__municipality=municipality, master_since__isnull=True,
        teaching_since__gte=recent).select_related("organization")
        .order_by("organization__short_name", "full_name", "pk"))


def _route(*, programme, title, kind, master, people, stage, today) -> Route:
    starts_on = today - STARTED_DAYS_AGO[stage] * DAY
    ends_on = starts_on + ROUTE_DAYS * DAY
    finished = stage == "finished"
    route, _ = Route.objects.update_or_create(programme=programme, title=title, defaults={
        "kind": kind, "master": master, "starts_on": starts_on, "ends_on": ends_on,
        "status": RouteStatus.FINISHED if finished else RouteStatus.ACTIVE,
        "product_title": DEFAULT_PRODUCT,
        "product_note": "Модель представлена на итоговом занятии площадки." if finished else "",
        "product_done_on": ends_on if finished else None,
    })
    for person in people:
        RouteParticipant.objects.get_or_create(route=route, teacher=person)
    for number, (activity, text, due_days) in enumerate(STEPS, start=1):
        due_on = starts_on + due_days * DAY
        done = number <= DONE_STEPS[stage]
        # On a half-way route the last done step waits for the master's confirmation.
        waiting = stage == "halfway" and number == DONE_STEPS[stage]
        RouteStep.objects.update_or_create(route=route, number=number, defaults={
            "activity": activity, "title": text, "due_on": due_on,
            "status": StepStatus.DONE if done else (
                StepStatus.IN_PROGRESS if due_on < today else StepStatus.PLANNED),
            "done_on": due_on - 2 * DAY if done else None,
            "evidence_note": "Материалы представлены педагогу-мастеру." if done else "",
            "confirmed_on": due_on if done and not waiting else None,
        })
    return route


def _journal(*, trainee, master, route, today) -> None:
    for role, days, text in JOURNAL:
        written_on = route.starts_on + days * DAY
        if written_on > min(route.ends_on, today):
            continue
        author = trainee if role == JournalAuthor.TRAINEE else master
        GrowthEntry.objects.update_or_create(trainee=trainee, author_role=role, text=text,
                                             defaults={"author": author,
                                                       "written_on": written_on})


def _help(*, trainee, master, programme, today) -> None:
    HelpRequest.objects.update_or_create(author=trainee, text=HELP_TO_MASTER, defaults={
        "asked_on": today - 3 * DAY, "master": master, "platform": None})
    HelpRequest.objects.update_or_create(author=trainee, text=HELP_TO_PLATFORM, defaults={
        "asked_on": today - 20 * DAY, "master": None, "platform": programme.platform,
        "status": HelpStatus.ANSWERED, "answer": PLATFORM_ANSWER,
        "answered_on": today - 18 * DAY, "answered_by": programme.platform.head})


def _pair(*, master, trainee, route, today) -> None:
    ended_on = route.ends_on if route.ends_on < today else None
    MentoringPair.objects.update_or_create(master=master, trainee=trainee, defaults={
        "started_on": route.starts_on, "ended_on": ended_on})


def _programme_routes(*, programme, young, today) -> tuple[Teacher, Teacher] | None:
    """Three finished, four half-way and a group just begun; the first half-way trainee and
    their master, for the demo accounts."""
    masters = cycle(programme.platform.masters.order_by("full_name", "pk"))
    first = None
    for index, trainee in enumerate(young[:7]):
        stage = "finished" if index < 3 else ("halfway" if index % 2 else "halfway_late")
        master = next(masters)
        route = _route(programme=programme, title=f"ИОМ: {trainee.full_name}",
                       kind=RouteKind.INDIVIDUAL, master=master, people=[trainee],
                       stage=stage, today=today)
        _pair(master=master, trainee=trainee, route=route, today=today)
        _journal(trainee=trainee, master=master, route=route, today=today)
        if index == 3:
            _help(trainee=trainee, master=master, programme=programme, today=today)
            first = trainee, master
    if young[7:]:
        _route(programme=programme, title=f"Групповой маршрут «{programme.title}»",
               kind=RouteKind.GROUP, master=next(masters), people=young[7:], stage="started",
               today=today)
    return first


def _link_account(username: str, teacher: Teacher) -> None:
    surname, given = teacher.full_name.split(" ", 1)
    user = _demo_user(username, given, surname, teacher.organization.municipality,
                      Role.TEACHER, organization=teacher.organization)
    if teacher.user_id != user.pk:
        Teacher.objects.filter(user=user).exclude(pk=teacher.pk).update(user=None)
        teacher.user = user
        teacher.save(update_fields=["user"])


def load_timashevsk_routes(*, municipality: Municipality, today: datetime.date) -> dict:
    """Routes of the young teachers on the eight programmes, ten or so on each."""
    programmes = list(ModularProgramme.objects.filter(
        platform__host__municipality=municipality).select_related("platform__head")
        .order_by("title", "pk"))
    young = _young(municipality, today)
    share = -(-len(young) // max(len(programmes), 1))
    demo_pair = None
    for number, programme in enumerate(programmes):
        picked = _programme_routes(programme=programme,
                                   young=young[number * share:(number + 1) * share],
                                   today=today)
        demo_pair = demo_pair or picked
    if demo_pair is not None:
        trainee, master = demo_pair
        _link_account("tim-teacher", trainee)
        _link_account("tim-master", master)
    routes = Route.objects.filter(programme__platform__host__municipality=municipality)
    return {"routes": routes.count(),
            "finished": routes.filter(status=RouteStatus.FINISHED).count(),
            "overdue_steps": RouteStep.objects.filter(
                route__in=routes, due_on__lt=today).filter(
                Q(status=StepStatus.PLANNED) | Q(status=StepStatus.IN_PROGRESS)).count()}
