"""Timashevsk's network plans (seed 001): the plan of development and support of the
methodological network (§4.6, eleven lines with recurring events) and the plan-graph of
works 2020–2023 (§6, 54 items), loaded as the document gives them.

How the document's terms are read: a month («Октябрь 2020») or months («Октябрь – декабрь
2020») are a range; «в течение года» is the year of its section; «в течение периода» and a
periodicity («4 раза в год», «2 раза в год») run from its section's year to the plan's end;
«4 раза в год» is «1 раз в квартал», «2 раза в год» is «1 раз в полугодие». The wording of
the document is kept in «срок, как в документе». The document has no record of what was
held: the occurrences marked here are illustrative and say so.
"""

import datetime
import itertools

from django.db import transaction

from internships.models import Programme
from networks.models import Network
from plans.evidence import record_occurrence
from plans.items import ItemDetails, PlanDetails, create_plan, save_item, update_plan
from plans.models import Plan, PlanItem
from plans.recurrence import expand, month_end
from plans.terms import term_of

D = datetime.date
ILLUSTRATIVE_NOTE = "Иллюстративная отметка (демонстрационные данные): документ не сообщает, " \
                    "что проведено."


def months(first: tuple[int, int], last: tuple[int, int] | None = None) -> dict:
    """A range of whole months: («Октябрь 2020») or («Октябрь – декабрь 2020»)."""
    last = last or first
    return {"term_kind": "range", "starts_on": D(first[0], first[1], 1),
            "ends_on": month_end(*last)}


def every(periodicity: str, starts_on: datetime.date, ends_on: datetime.date) -> dict:
    return {"term_kind": "periodic", "periodicity": periodicity, "starts_on": starts_on,
            "ends_on": ends_on}


def span(starts_on: datetime.date, ends_on: datetime.date) -> dict:
    return {"term_kind": "range", "starts_on": starts_on, "ends_on": ends_on}


NO_TERM = {"term_kind": "none"}

SUPPORT_TITLE = "План развития и поддержки методической сети"
SUPPORT_START, SUPPORT_END = D(2020, 8, 1), D(2023, 12, 31)
TMS = "Специалисты и методисты ТМС"
LEADERS = "Специалисты и методисты ТМС, руководящие и педагогические работники"
YOUNG = "Молодые педагоги"
# Number, event, term as in the document, term, target group (§4.6; the document numbers two
# lines «8»).
SUPPORT_ITEMS = [
    ("1", "Установочные семинары для специалистов и методистов ТМС", "ежегодно",
     every("annual", SUPPORT_START, SUPPORT_END), TMS),
    ("2", "Обучающие семинары", "Один раз в квартал",
     every("quarterly", SUPPORT_START, SUPPORT_END),
     "Специалисты и методисты ТМС, руководители стажировочных площадок"),
    ("3", "Конференции, модельные семинары, форумы", "3 раза в год",
     every("thrice", SUPPORT_START, SUPPORT_END), LEADERS),
    ("4", "Размещение информационного материала на сайте", "1 раз в месяц",
     every("monthly", SUPPORT_START, SUPPORT_END), "Педагогические работники"),
    ("5", "Практико-ориентированные семинары, педагогические гостиные, «круглые» столы, др.",
     "1 раз в месяц", every("monthly", SUPPORT_START, SUPPORT_END),
     "Педагоги ДОУ, учителя, педагоги доп.образования"),
    ("6", "Занятия на стажировочных площадках", "В течение периода",
     span(SUPPORT_START, SUPPORT_END), YOUNG),
    ("7", "Педагогические мастерские. Мастер-классы", "В течение периода",
     span(SUPPORT_START, SUPPORT_END), YOUNG),
    ("8", "Проведение совместных мероприятий по обмену опытом", "4 раза в год",
     every("quarterly", SUPPORT_START, SUPPORT_END), "Руководящие и педагогические работники"),
    ("8", "Выставки, фестивали", "2 раза в год", every("semiannual", SUPPORT_START, SUPPORT_END),
     "Педагогические сообщества"),
    ("9", "Взаимопосещение методических мероприятий", "В течение периода",
     span(SUPPORT_START, SUPPORT_END), LEADERS),
    ("10", "Создание ассоциаций педагогов внутри методической сети", "В течение периода",
     span(SUPPORT_START, SUPPORT_END), LEADERS),
]

SCHEDULE_TITLE = "План-график выполнения работ 2020–2023"
SCHEDULE_START, SCHEDULE_END = D(2020, 4, 1), D(2023, 12, 31)
# The first year's section begins with the work of August 2020.
YEAR_STARTS = {2020: D(2020, 8, 1), 2021: D(2021, 1, 1), 2022: D(2022, 1, 1),
               2023: D(2023, 1, 1)}
PERIOD = "В течение периода"
YEAR = "В течение года"


def _through(year: int, periodicity: str = "") -> dict:
    """«В течение периода» or a periodicity: from the section's year to the plan's end."""
    if periodicity:
        return every(periodicity, YEAR_STARTS[year], SCHEDULE_END)
    return span(YEAR_STARTS[year], SCHEDULE_END)


# Year (section), event, term as in the document, term (§6: 15 + 15 + 16 + 8 = 54 items).
SCHEDULE_ITEMS = [
    (2020, "Создание рабочей группы (Координационного совета)", "Август-сентябрь 2020",
     months((2020, 8), (2020, 9))),
    (2020, "Проведение заседаний Координационного совета", "4 раза в год",
     _through(2020, "quarterly")),
    (2020, "Разработка и утверждение плана работы инновационной площадки", "Август 2020",
     months((2020, 8))),
    (2020, "Подписание партнерских соглашений между краевым ресурсным центром и ТМС с "
           "недостаточным методическим потенциалом по направлению профессионального роста "
           "педагогов", "Сентябрь 2020", months((2020, 9))),
    (2020, "Определение стажировочных площадок на базах образовательных организаций",
     "Август-сентябрь 2020", months((2020, 8), (2020, 9))),
    (2020, "Формирование нормативно-правовой базы", YEAR, span(D(2020, 8, 1), D(2020, 12, 31))),
    (2020, "Анализ деятельности ТМС за последние 2 года (планы работы, модели сопровождения "
           "педагогов, нормативно-правовые документы, регламентирующие работу метод.служб)",
     "Сентябрь-октябрь 2020", months((2020, 9), (2020, 10))),
    (2020, "Проведение диагностики уровня профессиональных компетенций педагогов ОО",
     "Октябрь – декабрь 2020", months((2020, 10), (2020, 12))),
    (2020, "Формирование банка документов федерального, регионального, муниципального уровней "
           "(законы, указы, распоряжения, приказы, положения, постановления, программы)", YEAR,
     span(D(2020, 8, 1), D(2020, 12, 31))),
    (2020, "Разработка и корректировка программ стажировочных площадок",
     "Октябрь-декабрь 2020", months((2020, 10), (2020, 12))),
    (2020, "Модельный семинар для методистов и специалистов методических служб по теме "
           "«Национальные проекты в образовании. Региональный проект «Учитель будущего»",
     "Октябрь 2020", months((2020, 10))),
    (2020, "Занятия на стажировочной площадке «Методическая предметная компетентность "
           "педагога»", "Октябрь – ноябрь 2020", months((2020, 10), (2020, 11))),
    (2020, "Практико-ориентированный семинар на базе краевой инновационной площадки "
           "«Использование ИКТ-технологий для внутреннего мониторинга эффективности учебной "
           "деятельности»", "Ноябрь 2020", months((2020, 11))),
    (2020, "Консультация «Организация и проведение диагностики профессиональных компетенций "
           "педагогов»", "Октябрь- ноябрь 2020", months((2020, 10), (2020, 11))),
    (2020, "Консультация «Организация муниципальных стажировочных площадок как средство "
           "повышения профессиональных компетенций педагогов»", "Декабрь 2020",
     months((2020, 12))),
    (2021, "Проведение мониторинга эффективности педагогической деятельности работников ОО",
     "2 раза в год", _through(2021, "semiannual")),
    (2021, "Проведение мониторинга эффективности методической деятельности «Центров развития "
           "образования» по сопровождению профессионального развития педагогов",
     "2 раза в год", _through(2021, "semiannual")),
    (2021, "Посещение муниципальных методических мероприятий, направленных на повышение "
           "квалификации педагогических работников.", PERIOD, _through(2021)),
    (2021, "Практико- ориентированный семинар «Организация инновационной деятельности ОО» на "
           "примере опыта работы краевой инновационной площадки МБОУ СОШ № 1", "Январь 2021",
     months((2021, 1))),
    (2021, "Организация работы стажировочных площадок", "Январь – ноябрь 2021",
     months((2021, 1), (2021, 11))),
    (2021, "Консультация «Использование активных и интерактивных форм методического "
           "сопровождения педагогов»", "Февраль 2021", months((2021, 2))),
    (2021, "Педагогическая ассамблея «Школа как точка пересечения взрослых и детей, "
           "физического и виртуального пространства»", "Март 2021", months((2021, 3))),
    (2021, "Педагогический флешмоб «Активные и интерактивные формы методического "
           "сопровождения педагогических кадров»", "Апрель 2021", months((2021, 4))),
    (2021, "Методическая мастерская «Разработка и апробация комплексной системы оценки "
           "качества образования в ДОО на основе шкалы развивающей оценки образовательной "
           "среды (методика ECERS-R)» (на базе опорной площадки МБДОУ д/с № 7)", "Май 2021",
     months((2021, 5))),
    (2021, "Разработка карт эффективности деятельности КРЦ по направлениям – мониторинг "
           "эффективности совместной деятельности", "Май 2021", months((2021, 5))),
    (2021, "Публикация статей по проблеме повышения квалификации педагогов", PERIOD,
     _through(2021)),
    (2021, "Практико-ориентированный семинар «Профессиональная компетентность педагогических "
           "работников в освоении и реализации требований ФГОС ДОО»", "Сентябрь 2021",
     months((2021, 9))),
    (2021, "Педагогическая гостиная «Создание условий повышения квалификации педагогических "
           "работников в муниципалитете»", "Октябрь 2021", months((2021, 10))),
    (2021, "Круглый стол «Работа территориальной методической службы по организации "
           "методических недель»", "Ноябрь 2021", months((2021, 11))),
    (2021, "Консультация «Применение нетрадиционных методов и приемов в работе ТМС",
     "Декабрь 2021", months((2021, 12))),
    (2022, "Организация работы стажировочных площадок", "Январь – ноябрь 2022",
     months((2022, 1), (2022, 11))),
    (2022, "Педагогический марафон. Мастер-классы педагогов – победителей и призеров "
           "профессиональных конкурсов.", "Январь 2022", months((2022, 1))),
    (2022, "Деловая игра «Педагогическое проектирование» (на базе стажировочной площадки "
           "МБОУ СОШ № 2)", "Январь 2022", months((2022, 1))),
    (2022, "Фестиваль педагогических идей «Современные образовательные технологии в работе "
           "учителя». Открытые уроки.", "Февраль 2022", months((2022, 2))),
    (2022, "Создание сетевых сообществ педагогов в рамках методического сопровождения по "
           "направлению «Профессиональный рост педагогов»", "Март – апрель 2022",
     months((2022, 3), (2022, 4))),
    (2022, "Совместный педагогический совет «Профессиональный стандарт педагога как вектор "
           "профессионального развития. Пути повышения квалификации педагогических "
           "работников»", "Апрель 2022", months((2022, 4))),
    (2022, "Практический семинар «Проектирование развивающей предметно-пространственной среды "
           "в ДОО»", "Май-июнь 2022", months((2022, 5), (2022, 6))),
    (2022, "Практические занятия педагогов-мастеров для различных категорий педагогических "
           "работников «Формирование профессиональных компетенций педагогических работников»",
     PERIOD, _through(2022)),
    (2022, "Проведение дистанционных консультаций с применением Интернет-ресурсов", PERIOD,
     _through(2022)),
    (2022, "Методический фестиваль «Непрерывное повышение квалификации педагогических "
           "работников. Идеи, находки, опыт»", "Сентябрь 2022", months((2022, 9))),
    (2022, "Модельный семинар «Развитие проектных компетенций педагогов. Применение "
           "проектно-исследовательской деятельности в работе»", "Октябрь 2022",
     months((2022, 10))),
    (2022, "Педагогическая мастерская «Использование здоровьесберегающих технологий в "
           "педагогической практике»", "Ноябрь 2022", months((2022, 11))),
    (2022, "Использование интернет-ресурсов в контрольно-аналитической деятельности педагогов "
           "и руководителей ДОУ", "Декабрь 2022", months((2022, 12))),
    (2022, "Систематизировать имеющийся опыт. Разработать методические рекомендации по "
           "организации деятельности ресурсных центров для дальнейшего использования в крае",
     PERIOD, _through(2022)),
    (2022, "Публикация статей по проблеме повышения квалификации педагогов", PERIOD,
     _through(2022)),
    (2022, "Выпуск методических пособий, сборников, методических бюллетеней из опыта работы "
           "краевого ресурсного центра", "Апрель 2020-июнь 2021",
     months((2020, 4), (2021, 6))),
    (2023, "Краевой семинар «Индивидуальный образовательный маршрут как средство повышения "
           "профессиональных компетенций педагога»", "Январь 2023", months((2023, 1))),
    (2023, "Психолого-педагогическая конференция «Личностный рост педагога в рамках сетевого "
           "взаимодействия»", "Февраль 2023", months((2023, 2))),
    (2023, "Практико-ориентированный семинар «Формирование профессиональных компетенций "
           "педагогов через организацию муниципальной сети стажировочных площадок»",
     "Март 2023", months((2023, 3))),
    (2023, "Фестиваль инновационных идей «Инновационная деятельность на базе образовательных "
           "организаций – одна из форм профессионального роста педагогов». Из опыта "
           "деятельности инновационных площадок ДОО.", "Апрель 2023", months((2023, 4))),
    (2023, "Выпуск методических пособий, сборников, методических бюллетеней из опыта работы "
           "краевого ресурсного центра", "Апрель 2023-июнь 2023",
     months((2023, 4), (2023, 6))),
    (2023, "Конференция «Эффективные практики повышения профессионального мастерства "
           "педагогических и руководящих работников». Обмен опытом.", "Сентябрь 2023",
     months((2023, 9))),
    (2023, "Выставка методических материалов «Лучшие педагогические и инновационные практики»",
     "Октябрь 2023", months((2023, 10))),
    (2023, "Обобщить опыт работы краевого ресурсного центра по теме «Научно-методическое "
           "сопровождение профессионального роста педагога в условиях деятельности "
           "стажировочных площадок»", "Сентябрь-декабрь 2023", months((2023, 9), (2023, 12))),
]


def replace_plan(*, details: PlanDetails, items: list[ItemDetails],
                 programme: Programme | None = None, network: Network | None = None) -> Plan:
    """The plan of the programme or of the network with exactly these items (a reload starts
    its items and marks afresh)."""
    owner = {"network": network} if network is not None else {"programme": programme}
    plan = Plan.objects.filter(title=details.title, **owner).first()
    if plan is None:
        plan = create_plan(details=details, **owner)
    else:
        plan.items.all().delete()
        plan = update_plan(plan=plan, details=details)
    for item in items:
        save_item(plan=plan, details=item)
    return plan


def mark_held(item: PlanItem, *, count: int, user=None) -> int:
    """Mark the first ``count`` due occurrences of the item as held, illustratively, on their
    due dates."""
    dues = expand(term_of(item), school_years=item.plan.school_years)
    for due in itertools.islice(dues, count):
        record_occurrence(item=item, due_on=due.due_on, held_on=due.due_on,
                          note=ILLUSTRATIVE_NOTE, recorded_by=user, illustrative=True)
    return min(count, len(dues))


def _support_items() -> list[ItemDetails]:
    return [ItemDetails(section="Мероприятия методической сети", number=number, topic=topic,
                        term_text=text, audience=audience, **term)
            for number, topic, text, term, audience in SUPPORT_ITEMS]


def _schedule_items() -> list[ItemDetails]:
    return [ItemDetails(section=str(year), topic=topic, term_text=text, **term)
            for year, topic, text, term in SCHEDULE_ITEMS]


# Item number → how many of its first occurrences are marked held (illustrative).
SUPPORT_HELD = {"1": 3, "2": 9, "3": 6, "4": 20}


@transaction.atomic
def load_timashevsk_plans(programme: Programme,
                          network: Network | None = None) -> dict[str, int]:
    """The plan-graph on the programme; the network support plan on the network (the
    resource centre's methodological network) when there is one, else on the programme."""
    details = PlanDetails(
        title=SUPPORT_TITLE, kind="support", starts_on=SUPPORT_START, ends_on=SUPPORT_END,
        source="Проект краевого ресурсного центра, раздел 4.6 «План развития и поддержки "
               "методической сети»; срок — срок плана-графика (август 2020 – декабрь 2023)")
    support = replace_plan(programme=programme, network=network, items=_support_items(),
                           details=details)
    schedule = replace_plan(programme=programme, items=_schedule_items(), details=PlanDetails(
        title=SCHEDULE_TITLE, kind="schedule", starts_on=SCHEDULE_START, ends_on=SCHEDULE_END,
        source="Проект краевого ресурсного центра, раздел 6 «План-график выполнения работ»"))
    held = 0
    for item in support.items.all():
        held += mark_held(item, count=SUPPORT_HELD.get(item.number, 0))
    for item in schedule.items.filter(section="2020"):
        held += mark_held(item, count=1)
    return {"plans": 2, "items": support.items.count() + schedule.items.count(),
            "schedule_items": schedule.items.count(), "held": held}

