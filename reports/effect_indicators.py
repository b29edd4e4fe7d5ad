"""The five criteria of effectiveness of a school-innovation programme (the Vyselki
programme's «Критерии эффективности»: востребованность, инновационная продукция,
межмуниципальное партнёрство, портфель достижений, мониторинг проекта) as indicators
Э1–Э5 of the group «Эффективность инновационного проекта».

They are computed only for programmes that have school innovation projects; for any other
programme ``effect_values`` returns nothing and the group is not shown. Pure reads: a
constant number of queries per academic year.
"""

from calendar import monthrange
from collections import Counter
from datetime import date
from decimal import Decimal

from django.db.models import Q

from contests.models import Application, Contest, OrganizationStatus, RegionalOutcome, StatusKind
from contests.ranking import CATEGORY_LABELS, LAUREATE, PRIZE, WINNER
from contests.result_reads import results_of
from innovation.models import InnovationProject
from internships.models import Period, PlannedEvent
from reports.indicator_catalogue import (
    UNIT_COUNT,
    UNIT_SHARE,
    Group,
    Indicator,
    IndicatorValue,
)

DEMAND = Indicator(
    code="effect_demand", number="Э1",
    name="Востребованность проекта: организации, развивающие инновационную деятельность",
    unit=UNIT_COUNT, group=Group.EFFECT,
    formula="Портал не хранит, чьи проекты и заявки используют продукты программы, поэтому "
            "показатель определён по тому, что есть: числитель — образовательные организации "
            "муниципалитета с инновационным проектом, зарегистрированным в программе на "
            "учебный год; знаменатель — все организации муниципалитета. В пояснении — "
            "сколько из них пилотные.",
    short_name="Востребованность",
)
PROJECTS = Indicator(
    code="effect_projects", number="Э2.1",
    name="Инновационная образовательная продукция: появилось инновационных проектов "
         "образовательных организаций",
    unit=UNIT_COUNT, group=Group.EFFECT,
    formula="Число инновационных проектов школ, зарегистрированных в программе на учебный год.",
    short_name="Проектов школ",
)
EVENT_PARTICIPANTS = Indicator(
    code="effect_event_participants", number="Э2.2",
    name="Инновационная образовательная продукция: организации, участвующие в инновационных "
         "мероприятиях муниципального и регионального уровня",
    unit=UNIT_COUNT, group=Group.EFFECT,
    formula="Числитель: различные организации, подавшие (сами или их педагоги) не отозванную "
            "заявку на конференцию или конкурс программы в учебном году; знаменатель — все "
            "организации муниципалитета. В пояснении — сколько из них направлены на "
            "региональный этап.",
    short_name="Участники мероприятий",
)
PARTNERSHIP = Indicator(
    code="effect_partnership", number="Э3",
    name="Межмуниципальное партнёрство: сетевое взаимодействие с муниципальными партнёрами",
    unit=UNIT_COUNT, group=Group.EFFECT,
    formula="Сетевые партнёрства с другими муниципалитетами на портале пока не ведутся: "
            "показатель не считается.",
    short_name="Межмуниципальное партнёрство",
)
PORTFOLIO = Indicator(
    code="effect_portfolio", number="Э4",
    name="Портфель достижений инновационных проектов образовательных организаций: "
         "результативность на муниципальном и региональном уровне и статусность",
    unit=UNIT_COUNT, group=Group.EFFECT,
    formula="Сумма: победители, призёры и лауреаты мероприятий программы, итоги которых "
            "утверждены в учебном году (муниципальный уровень); заявки, прошедшие I этап "
            "регионального тура, из них же; статусы (МИП, КИП, ФИП, лидер сетевого "
            "взаимодействия), присвоенные организациям муниципалитета приказами учебного года. "
            "Разбивка по уровням и категориям — в пояснении.",
    short_name="Портфель достижений",
)
ROADMAP = Indicator(
    code="effect_roadmap", number="Э5",
    name="Мониторинг проекта: мероприятия дорожной карты, выполненные в срок",
    unit=UNIT_SHARE, group=Group.EFFECT,
    formula="Числитель: мероприятия планов работы площадок программы учебного года, "
            "проведённые (записанные в журнал) не позже намеченной даты, а без даты — до "
            "конца намеченного месяца; знаменатель: мероприятия этих планов со сроком до "
            "конца учебного года.",
    short_name="Дорожная карта в срок",
)

EFFECT_INDICATORS: tuple[Indicator, ...] = (
    DEMAND, PROJECTS, EVENT_PARTICIPANTS, PARTNERSHIP, PORTFOLIO, ROADMAP)


def programmes_with_projects(programme_ids: set[int]) -> set[int]:
    """Those of the programmes that have school innovation projects (one query)."""
    return set(InnovationProject.objects.filter(programme_id__in=programme_ids)
               .values_list("programme_id", flat=True).distinct())


def effect_values(*, period: Period, organizations: int,
                  with_projects: set[int] | None = None) -> list[IndicatorValue]:
    """Э1–Э5 of the period's programme; [] when the programme has no school projects.
    ``with_projects``: the programmes known to have them (``programmes_with_projects``)."""
    if with_projects is None:
        with_projects = programmes_with_projects({period.programme_id})
    if period.programme_id not in with_projects:
        return []
    projects = list(InnovationProject.objects.filter(period=period)
                    .values_list("organization_id", "is_pilot"))
    with_project = {org for org, _ in projects}
    pilots = {org for org, pilot in projects if pilot}
    return [
        IndicatorValue(DEMAND, len(with_project), numerator=len(with_project),
                       denominator=organizations or None,
                       note=f"пилотных организаций — {len(pilots)}"),
        IndicatorValue(PROJECTS, len(projects),
                       note="" if projects else "на учебный год проекты не зарегистрированы"),
        _participants(period, organizations),
        IndicatorValue(PARTNERSHIP, None, note="сетевые партнёрства пока не ведутся"),
        _portfolio(period),
        _roadmap(period),
    ]


def _in_period(period: Period) -> Q:
    return Q(submitted_at__date__gte=period.starts_on, submitted_at__date__lte=period.ends_on)


def _participants(period: Period, organizations: int) -> IndicatorValue:
    rows = (Application.objects
            .filter(_in_period(period), nomination__contest__programme_id=period.programme_id,
                    withdrawn_at__isnull=True)
            .values_list("organization_id", "teacher__organization_id", "regional_outcome"))
    taking_part, regional = set(), set()
    for own, teachers, outcome in rows:
        organization = own or teachers
        taking_part.add(organization)
        if outcome != RegionalOutcome.NONE:
            regional.add(organization)
    return IndicatorValue(EVENT_PARTICIPANTS, len(taking_part), numerator=len(taking_part),
                          denominator=organizations or None,
                          note=f"на региональный этап направлены — {len(regional)}")


def _portfolio(period: Period) -> IndicatorValue:
    contests = list(Contest.objects.filter(
        programme_id=period.programme_id, results_approved_at__date__gte=period.starts_on,
        results_approved_at__date__lte=period.ends_on))
    categories: Counter = Counter()
    regional = 0
    for results in (results_of(contests) if contests else {}).values():
        for nomination in results.nominations:
            for row in nomination.rows:
                categories[row.ranked.category] += 1
                regional += row.application.regional_outcome == RegionalOutcome.PASSED
    statuses = Counter(OrganizationStatus.objects.filter(
        organization__municipality_id=period.programme.municipality_id,
        order_date__gte=period.starts_on, order_date__lte=period.ends_on,
    ).values_list("kind", flat=True))
    awarded = sum(categories[key] for key in (WINNER, PRIZE, LAUREATE))
    if not contests and not statuses:
        return IndicatorValue(PORTFOLIO, None,
                              note="итоги мероприятий не утверждены, статусы не присваивались")
    municipal = ", ".join(f"{CATEGORY_LABELS[key]} — {categories[key]}"
                          for key in (WINNER, PRIZE, LAUREATE))
    kinds = ", ".join(f"{label.split(' —')[0]} — {statuses[value]}"
                      for value, label in StatusKind.choices if statuses[value]) or "нет"
    return IndicatorValue(
        PORTFOLIO, awarded + regional + sum(statuses.values()),
        note=f"муниципальный уровень: {municipal}; региональный уровень: прошли I этап — "
             f"{regional}; статусы: {kinds}")


def _deadline(event: PlannedEvent) -> date:
    if event.planned_on:
        return event.planned_on
    return event.month.replace(day=monthrange(event.month.year, event.month.month)[1])


def _roadmap(period: Period) -> IndicatorValue:
    events = [event for event in PlannedEvent.objects.filter(
        platform__period=period, platform__direction__programme_id=period.programme_id,
        month__lte=period.ends_on).select_related("entry")
        if _deadline(event) <= period.ends_on]
    if not events:
        return IndicatorValue(ROADMAP, None, note="планы работы площадок на год не заведены")
    on_time = sum(1 for event in events
                  if event.entry is not None and event.entry.held_on <= _deadline(event))
    return IndicatorValue(ROADMAP, Decimal(on_time) / Decimal(len(events)),
                          numerator=on_time, denominator=len(events),
                          note=f"в срок — {on_time} из {len(events)}")

