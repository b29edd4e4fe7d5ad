"""The platforms' journals: events hosted by the leaders, the teams' results and the
work plans the events were held for."""

import datetime
import random
from dataclasses import dataclass

from demo.krymsky import DIRECTIONS
from demo.synthetic.scale import DAY, D, District, Scale, Span, SyntheticOrganization
from demo.synthetic.streams import district_streams, moment, weighted
from demo.synthetic.tables import Table
from internships.models import JournalEntry, Outcome, PlannedEvent, TeamResult, Tier, WorkForm

ENTRIES_PER_PLATFORM = (6, 12)
# Events are held from 10 September to 31 May: days after the start of the year.
FIRST_EVENT_DAY, LAST_EVENT_DAY = 9, 272
TWO_DAY_SESSION_SHARE = 0.4
PARTICIPATION = (0.5, 0.7)
ATTENDANCE = 0.9
PLANNED_SHARE = 0.7
FORM_WEIGHTS = [
    (WorkForm.SESSION, 24), (WorkForm.SEMINAR, 18), (WorkForm.MASTER_CLASS, 15),
    (WorkForm.WORKSHOP, 8), (WorkForm.WEBINAR, 12), (WorkForm.CONSULTATION, 9),
    (WorkForm.MUTUAL_VISIT, 8), (WorkForm.ROUND_TABLE, 4), (WorkForm.OTHER, 2),
]
OTHER_FORMS = ["Деловая игра", "Фестиваль педагогических практик", "Педагогический квест"]
LONG_FORMS = (WorkForm.SESSION, WorkForm.MASTER_CLASS, WorkForm.WORKSHOP)
TOPICS = {
    1: ["Анализ результатов ВПР как основа управленческих решений",
        "Внутренняя система оценки качества образования: показатели и процедуры",
        "Объективность оценивания: от критериев к практике",
        "Адресная работа с обучающимися, испытывающими трудности в обучении",
        "Методическое объединение как центр работы с результатами обучения",
        "Подготовка к ГИА: система сопровождения выпускников"],
    2: ["Анализ причин низких образовательных результатов",
        "Программа перехода школы в эффективный режим работы",
        "Работа с обучающимися группы риска учебной неуспешности",
        "Сетевое партнёрство школ с разными образовательными результатами",
        "Наставничество для педагогов школы с низкими результатами",
        "Мониторинг динамики результатов после принятых мер"],
    3: ["Система выявления способностей и талантов обучающихся",
        "Подготовка к олимпиадам: поэтапная модель",
        "Индивидуальные образовательные маршруты мотивированных обучающихся",
        "Ресурсы дополнительного образования в развитии способностей",
        "Портфолио достижений обучающегося",
        "Работа педагога с одарёнными детьми"],
    4: ["Профориентационный минимум: организация в школе",
        "Диагностика профессиональных интересов обучающихся",
        "Партнёрство с предприятиями и колледжами района",
        "Профильное обучение и профессиональные планы обучающихся",
        "Проект «Билет в будущее»: опыт участия",
        "Вовлечение родителей в профессиональное самоопределение детей"],
    5: ["Распределение функций в управленческой команде",
        "Управленческие решения на основе данных",
        "Программа развития школы: цели и показатели",
        "Мониторинг эффективности управленческих решений",
        "Делегирование и командная работа",
        "Профессиональное развитие членов управленческой команды"],
    6: ["Выявление профессиональных дефицитов педагогов",
        "Индивидуальный образовательный маршрут педагога",
        "Наставничество молодых педагогов",
        "Курсовая подготовка по итогам диагностики дефицитов",
        "Распространение эффективных практик внутри школы",
        "Подготовка педагогов к конкурсам профессионального мастерства"],
    7: ["Рабочая программа воспитания: от документа к практике",
        "Анализ результатов воспитательной работы",
        "Методическое сопровождение классных руководителей",
        "Ученическое самоуправление и детские общественные объединения",
        "Взаимодействие с семьями обучающихся",
        "Профилактика асоциального поведения обучающихся"],
}
DESCRIPTIONS = [
    "Представлен опыт команды-лидера, разобраны кейсы участников.",
    "Участники получили материалы для работы в своих организациях.",
    "Подведены итоги этапа, согласованы задачи на следующий месяц.",
]
OUTCOME_WEIGHTS = {
    Tier.LEADER: [(Outcome.MASTERED, 75), (Outcome.PARTIAL, 20), ("", 5)],
    Tier.PROMISING: [(Outcome.MASTERED, 50), (Outcome.PARTIAL, 35),
                     (Outcome.NOT_MASTERED, 10), ("", 5)],
    Tier.RESERVE: [(Outcome.MASTERED, 30), (Outcome.PARTIAL, 45),
                   (Outcome.NOT_MASTERED, 20), ("", 5)],
}
RESULT_COMMENTS = [
    "Команда представила план внедрения практики.",
    "Нужна повторная консультация по теме.",
    "Материалы размещены на сайте организации.",
    "Участники отметили практическую пользу занятия.",
]
ABSENCE_REASONS = ["Не участвовали: совпадение с муниципальным мероприятием.",
                   "Не участвовали: болезнь членов команды."]


@dataclass(slots=True)
class _Entry:
    platform: int
    held_on: datetime.date
    ends_on: datetime.date | None
    form: str
    form_other: str
    topic: str
    description: str
    # Indexes of the organizations hosting and taking part; the tiers on the platform.
    hosts: list[int]
    participants: list[int]
    tiers: dict[int, str]
    pk: int = 0


def generate_journals(*, scale: Scale, seed: int) -> dict[str, int]:
    """6–12 events a platform and year, hosted by its leaders, with results for about 60 %
    of its teams, and the work plan the events were held for."""
    rows = Table(JournalEntry, "id", "platform", "held_on", "ends_on", "form", "form_other",
                  "topic", "venue", "description", "version", "created_at", "updated_at")
    hosts = Table(JournalEntry.hosts.through, "journalentry", "managementteam")
    results = Table(TeamResult, "entry", "team", "attended", "managers", "teachers",
                     "outcome", "comment")
    plans = Table(PlannedEvent, "platform", "month", "planned_on", "form", "form_other",
                   "topic", "responsible", "entry")
    streams = district_streams(seed, "journals", scale)
    for district in scale.districts:
        rng = streams[district.number]
        organizations = district.organizations
        entries = []
        for period_index, span in enumerate(scale.spans):
            for direction in range(len(DIRECTIONS)):
                entries += _platform_entries(rng, district, period_index, direction, span)
        for entry, pk in zip(entries, scale.ids.take(JournalEntry, len(entries)), strict=True):
            entry.pk = pk
            recorded_at = moment(entry.ends_on or entry.held_on, 18)
            rows.add((pk, entry.platform, entry.held_on, entry.ends_on, entry.form,
                      entry.form_other, entry.topic, organizations[entry.hosts[0]].pk,
                      entry.description, 1, recorded_at, recorded_at))
            for team in entry.hosts:
                hosts.add((pk, organizations[team].team_pk))
            for team in entry.participants:
                results.add(_result(rng, entry, organizations[team], entry.tiers[team],
                                    host=team in entry.hosts))
            if rng.random() < PLANNED_SHARE:
                plans.add((entry.platform, entry.held_on.replace(day=1),
                           entry.held_on if rng.random() < 0.5 else None, entry.form,
                           entry.form_other, entry.topic,
                           organizations[entry.hosts[0]].team_pk, pk))
        for period_index, span in enumerate(scale.spans):
            for direction in range(len(DIRECTIONS)):
                for plan in _unheld_plan(rng, district, period_index, direction, span):
                    plans.add(plan)
    return {"journal_entries": rows.flush(), "entry_hosts": hosts.flush(),
            "team_results": results.flush(), "planned_events": plans.flush()}


def _form(rng: random.Random) -> tuple[str, str]:
    form = weighted(rng, FORM_WEIGHTS)
    return form, rng.choice(OTHER_FORMS) if form == WorkForm.OTHER else ""


def _platform_entries(rng: random.Random, district: District, period_index: int,
                      direction: int, span: Span) -> list[_Entry]:
    placed = district.on_platform(period_index, direction)
    tiers = {item.team: item.tier for item in placed}
    leaders = [item.team for item in placed if item.tier == Tier.LEADER]
    # A team transferred to the leaders during the year hosts only if nobody else can.
    steady = [item.team for item in placed if item.tier == Tier.LEADER and not item.transferred]
    pool = steady or leaders
    count = rng.randint(*ENTRIES_PER_PLATFORM)
    days = sorted(rng.sample(range(FIRST_EVENT_DAY, LAST_EVENT_DAY + 1), count))
    entries = []
    for day in days:
        form, form_other = _form(rng)
        held_on = span.starts_on + day * DAY
        ends_on = None
        if form == WorkForm.SESSION and rng.random() < TWO_DAY_SESSION_SHARE:
            ends_on = held_on + DAY
        host_teams = sorted(rng.sample(pool, min(len(pool), 1 if rng.random() < 0.75 else 2)))
        others = [team for team in sorted(tiers) if team not in host_teams]
        wanted = round(len(placed) * rng.uniform(*PARTICIPATION)) - len(host_teams)
        participants = sorted(host_teams + rng.sample(others, max(0, min(wanted, len(others)))))
        entries.append(_Entry(
            platform=district.platform_pks[period_index, direction], held_on=held_on,
            ends_on=ends_on, form=form, form_other=form_other,
            topic=rng.choice(TOPICS[direction + 1]),
            description=rng.choice(DESCRIPTIONS) if rng.random() < 0.5 else "",
            hosts=host_teams, participants=participants, tiers=tiers))
    return entries


def _result(rng: random.Random, entry: _Entry, organization: SyntheticOrganization,
            tier: str, *, host: bool) -> tuple:
    if host or rng.random() < ATTENDANCE:
        most_teachers = 6 if entry.form in LONG_FORMS else 3
        return (entry.pk, organization.team_pk, True, rng.randint(1, organization.members),
                rng.randint(0, most_teachers), weighted(rng, OUTCOME_WEIGHTS[tier]),
                rng.choice(RESULT_COMMENTS) if rng.random() < 0.1 else "")
    return (entry.pk, organization.team_pk, False, 0, 0, "",
            rng.choice(ABSENCE_REASONS) if rng.random() < 0.5 else "")


def _unheld_plan(rng: random.Random, district: District, period_index: int, direction: int,
                 span: Span) -> list[tuple]:
    """One or two plan lines of the year that no event was recorded for."""
    leaders = [item.team for item in district.on_platform(period_index, direction)
               if item.tier == Tier.LEADER]
    plans = []
    for _ in range(rng.randint(1, 2)):
        form, form_other = _form(rng)
        month = span.starts_on.month + rng.randint(0, 8)
        plans.append((district.platform_pks[period_index, direction],
                      D(span.starts_on.year + (month - 1) // 12, (month - 1) % 12 + 1, 1),
                      None, form, form_other, rng.choice(TOPICS[direction + 1]),
                      district.organizations[rng.choice(leaders)].team_pk, None))
    return plans
