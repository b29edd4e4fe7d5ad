"""Vyselki's roadmap of the network project «Совершенствование инновационной инфраструктуры
межмуниципального взаимодействия» на 2021–23 гг. (seed 002, «План сетевого взаимодействия с
образовательными организациями сетевого сообщества»), as the document gives it.

How its terms are read: a month or months are a range; «ежемесячно», «Ежеквартально» and
«По мере запроса» are periodicities over the plan; the joint report «Декабрь 2021г., Июнь
2022г., … Декабрь 2023г.» is «1 раз в полугодие» from July 2021, which gives exactly those
half-years; «Июнь, декабрь 2021» is «1 раз в полугодие» in 2021; the webinars «Апрель,
сентябрь (+ по мере необходимости)» are «1 раз в полугодие» (April falls in the first
half-year, September in the second); lines with no term are «срок не указан». The document
has no record of what was held: the occurrences marked here are illustrative and say so.
"""

import datetime

from django.contrib.auth.models import User
from django.db import transaction

from demo.plans_timashevsk import NO_TERM, every, mark_held, months, replace_plan
from internships.models import Programme
from plans.evidence import record_occurrence
from plans.items import ItemDetails, PlanDetails

D = datetime.date
TITLE = ("Дорожная карта проекта «Совершенствование инновационной инфраструктуры "
         "межмуниципального взаимодействия» на 2021–2023 гг.")
START, END = D(2021, 1, 1), D(2023, 12, 31)
NETWORK = "Участники сети"
ORGANIZATION = "1. Организационные мероприятия"
NORMS = "2. Нормативно-правовое обеспечение деятельности"
ANALYSIS = "3. Аналитическая, экспертная и диагностическая деятельность"
METHODS = "4. Методическая деятельность. Проведение сетевых мероприятий"
PRODUCTS = "5. Обобщение и распространение инновационного опыта (инновационные продукты)"

# Section, number, activity, term as in the document, term, target group, responsible.
ITEMS = [
    (ORGANIZATION, "1.1", "Формирование списка организаций, принимающих участие в составе "
     "сетевого взаимодействия, получение согласий органов управления образованием, договоров "
     "о сетевом взаимодействии.", "Март 2021", months((2021, 3)), "ТМС",
     "Гл. специалист УО Иванова Н.А."),
    (ORGANIZATION, "1.2", "Утверждение плана работы (Дорожной карты проекта)", "Март 2021",
     months((2021, 3)), "ТМС",
     "Гл. специалист УО Иванова Н.А., специалист ИМЦ Ремель О.Л. (ТМС)"),
    (ORGANIZATION, "1.3", "Утверждение графика проведения методических дней", "", NO_TERM,
     NETWORK, "ТМС"),
    (ORGANIZATION, "1.4", "Подготовка совместного отчета о результатах реализации проекта",
     "Декабрь 2021г., Июнь 2022г., Декабрь 2022г., Июнь 2023г., Декабрь 2023г., Июнь 2023г.",
     every("semiannual", D(2021, 7, 1), END), "", "ТМС, участники сети"),
    (NORMS, "2.1", "Разработка и принятие локальных актов по осуществлению сетевого "
     "взаимодействия: договор о сетевом взаимодействии; согласие управления образованием об "
     "осуществлении сетевого взаимодействия", "Апрель 2021", months((2021, 4)), NETWORK,
     "Директор МКУ ИМПЦ Выселковск.р-н Верзунова О.А."),
    (NORMS, "2.2", "Разработка нормативного обеспечения мероприятий: разработка сетевых "
     "методических мероприятий (вебинаров); заседания рабочих групп по разработке "
     "инновационного продукта; муниципальная образовательная конференция «Инновационный "
     "поиск»; муниципальный образовательный конкурс «Инновационный поиск»",
     "Апрель 2021 Ноябрь 2021- февраль 2022 март 2022г. март 2023г.",
     months((2021, 4), (2023, 3)), NETWORK, "ТМС"),
    (ANALYSIS, "3.1", "Участие в мониторинге «Эффективность сетевого взаимодействия»",
     "Июнь, декабрь 2021", every("semiannual", D(2021, 1, 1), D(2021, 12, 31)), NETWORK,
     "ТМС"),
    (ANALYSIS, "3.2", "Проведение мониторинга активности участников сетевое взаимодействие",
     "ежемесячно", every("monthly", START, END), NETWORK, "ТМС"),
    (ANALYSIS, "3.3", "Проведение экспертизы (рецензирования) сетевых методических, "
     "научно-методических продуктов", "Ежеквартально", every("quarterly", START, END), "",
     "Участники сети, ТМС"),
    (ANALYSIS, "3.4", "Проведение анализа научных, методических, организационных мероприятий",
     "В соответствии с планом проведения", NO_TERM, "", "Участники сети, ТМС"),
    (METHODS, "4.1", "Проведение сетевых методических вебинаров для потенциальных участников "
     "межмуниципальной образовательной конференции «Инновационный поиск»",
     "Апрель, сентябрь (+ по мере необходимости)", every("semiannual", START, END), NETWORK,
     "ТМС"),
    (METHODS, "4.2", "Заседания рабочих групп по разработке инновационного продукта, "
     "консультации", "Ноябрь 2021-февраль 2022 (и по мере запроса)",
     months((2021, 11), (2022, 2)), NETWORK, "ТМС"),
    (METHODS, "4.3", "Проведение консультаций участников сетевого взаимодействия",
     "По мере запроса", every("on_request", START, END), NETWORK, "ТМС"),
    (METHODS, "4.4", "Проведение сетевой межмуниципальной образовательной конференции "
     "«Инновационный поиск»", "Март 2022г.", months((2022, 3)), NETWORK, "ТМС"),
    (METHODS, "4.5", "Проведение сетевых методических вебинаров для потенциальных участников "
     "межмуниципального конкурса образовательных проектов «Инновационный поиск 2023»",
     "Октябрь-декабрь 2022г.", months((2022, 10), (2022, 12)), NETWORK, "ТМС"),
    (METHODS, "4.6", "Консультирование в ИРО (по необходимости)", "",
     every("on_request", START, END), "", ""),
    (METHODS, "4.7", "Проведение сетевого межмуниципального конкурса образовательных проектов "
     "«Инновационный поиск 2023» (по номинациям)", "Март 2023г.", months((2023, 3)), NETWORK,
     "ТМС"),
    (METHODS, "4.8", "Участие в мероприятиях ГБОУ ИРО Краснодарского края: Постер-сессия, "
     "Фестиваль инновационных идей, Краевой образовательный конкурс «Инновационный поиск»",
     "Январь 2022. Сентябрь 2022. Октябрь 2022г.", months((2022, 1), (2022, 10)), NETWORK, ""),
    (PRODUCTS, "5.1", "Выпуск электронного сборника методических продуктов", "", NO_TERM, "",
     "TMC"),
    (PRODUCTS, "5.2", "Подготовка статей, обобщающих результаты реализации проекта, "
     "деятельности ЛВС", "", NO_TERM, "", "TMC"),
]
# Item number → how many of its first occurrences are marked held (illustrative).
HELD = {"1.1": 1, "1.2": 1, "1.4": 3, "2.1": 1, "3.1": 2, "3.2": 14, "3.3": 5, "4.4": 1}
CONSULTATIONS = [D(2021, 10, 12), D(2022, 2, 3)]


def _items() -> list[ItemDetails]:
    return [ItemDetails(section=section, number=number, topic=topic, term_text=text,
                        audience=audience, responsible=responsible, **term)
            for section, number, topic, text, term, audience, responsible in ITEMS]


@transaction.atomic
def load_vyselki_plans(programme: Programme) -> dict[str, int]:
    plan = replace_plan(programme=programme, items=_items(), details=PlanDetails(
        title=TITLE, kind="roadmap", starts_on=START, ends_on=END,
        source="Инновационный проект МКУ ИМЦ, «План сетевого взаимодействия с "
               "образовательными организациями сетевого сообщества»"))
    curator = User.objects.filter(username="vys-curator").first()
    held = 0
    for item in plan.items.all():
        held += mark_held(item, count=HELD.get(item.number, 0), user=curator)
        if item.number == "4.3":
            for day in CONSULTATIONS:
                record_occurrence(item=item, due_on=None, held_on=day, recorded_by=curator,
                                  illustrative=True,
                                  note="Иллюстративная отметка (демонстрационные данные): "
                                       "консультация по запросу школы.")
                held += 1
    return {"plans": 1, "items": plan.items.count(), "held": held}

