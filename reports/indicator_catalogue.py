"""The catalogue of the project's indicators: each defined once, with its unit, group and
stated formula (numerator and denominator, DHIS2-style), and how its value is printed.

The indicators are those of the Krymsky district's innovation project «Непрерывное
профессиональное развитие управленческих команд через вовлечение в систему взаимных
стажировок», section 9 «Критерии и показатели (индикаторы) эффективности инновационного
проекта»: the eight direct ones (П1–П8, the first two stated as facts) and the five indirect
ones (К1–К5) with the programme's own numbering, and a few the portal adds (Д: the staffing
quality coefficient, critical staffing, leading teams, the persons' indicators).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import TextChoices

from core.formatting import ru_number, ru_percent
from trainings import indicator_reads as person_reads


class Group(TextChoices):
    DIRECT = "direct", "Прямые показатели"
    INDIRECT = "indirect", "Опосредованные показатели"
    EXTRA = "extra", "Дополнительно"
    PERSONS = "persons", "Показатели по педагогическим работникам"
    # Section 10: the region's figures, loaded from its table (reports.regional_monitoring).
    REGIONAL = "regional", "Мотивирующий мониторинг региональной системы образования"
    # Only for programmes with school innovation projects (reports.effect_indicators).
    EFFECT = "effect", "Эффективность инновационного проекта"
    # The networks across municipalities the municipality keeps or takes part in
    # (reports.network_indicators).
    NETWORK = "network", "Эффективность сетевого взаимодействия"


NO_DATA = "нет данных"
UNIT_COUNT = "ед."
UNIT_PEOPLE = "чел."
UNIT_SHARE = "%"
UNIT_FACT = ""
# A count per member municipality per month: a quotient that is not a share.
UNIT_RATE = "чел. в мес."


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str
    group: Group
    formula: str
    per_direction: bool = False
    # A fall is an improvement (schools with low results, critical staffing).
    lower_is_better: bool = False
    # For column headings and chart legends, where the full name does not fit.
    short_name: str = ""
    # The number the programme's section 9 gives it (П — прямые, К — опосредованные
    # (косвенные)); Д — the portal's additions.
    number: str = ""

    @property
    def is_share(self) -> bool:
        return self.unit == UNIT_SHARE

    @property
    def is_rate(self) -> bool:
        return self.unit == UNIT_RATE

    @property
    def is_fact(self) -> bool:
        return self.unit == UNIT_FACT


@dataclass(frozen=True)
class IndicatorValue:
    indicator: Indicator
    value: Decimal | int | bool | None
    numerator: int | None = None
    denominator: int | None = None
    note: str = ""

    @property
    def text(self) -> str:
        """«нет данных», «12», «35,3 %», «да»/«нет»."""
        if self.value is None:
            return NO_DATA
        if isinstance(self.value, bool):
            return "да" if self.value else "нет"
        if self.indicator.is_share:
            return ru_percent(Decimal(self.value) * 100)
        if self.indicator.is_rate:
            return ru_number(self.value, 2)
        if isinstance(self.value, Decimal):
            return ru_number(self.value, 3, trim=True)
        return str(self.value)


PLATFORMS_OPEN = Indicator(
    code="platforms_open",
    number="П3",
    name="Количество открытых стажировочных площадок в муниципальном образовании",
    unit=UNIT_COUNT,
    group=Group.DIRECT,
    formula="Число стажировочных площадок учебного года, на которых распределена хотя бы "
            "одна команда-лидер.",
    short_name="Открыто площадок",
)
PEOPLE_TRAINED = Indicator(
    code="people_trained",
    number="П4",
    name="Количество педагогических работников, прошедших стажировки на базе муниципальных "
         "стажировочных площадок",
    unit=UNIT_PEOPLE,
    group=Group.DIRECT,
    formula="Сумма по командам и площадкам учебного года: для каждой команды на каждой "
            "площадке — наибольшее число руководителей и наибольшее число педагогов, "
            "пришедших от неё на одно мероприятие журнала площадки. Журнал записывает число "
            "людей, а не их имена, поэтому одни и те же работники на нескольких мероприятиях "
            "площадки считаются один раз. Если за учебный год записана поимённая посещаемость "
            "занятий площадок для педагогов, показатель — число различных людей, пришедших "
            "хотя бы на одно занятие: человек на нескольких площадках считается один раз. "
            "Какой источник использован, сказано в пояснении.",
    per_direction=True,
    short_name="Прошли стажировки, чел.",
)
EVENTS_HELD = Indicator(
    code="events_held",
    number="П5",
    name="Количество проведённых мероприятий для различных категорий педагогических и "
         "управленческих кадров в муниципалитете",
    unit=UNIT_COUNT,
    group=Group.DIRECT,
    formula="Число мероприятий, записанных в журналы стажировочных площадок учебного года.",
    per_direction=True,
    short_name="Проведено мероприятий",
)
DEFICITS_DECREASED_TEAMS = Indicator(
    code="deficits_decreased_teams",
    number="П6.1",
    name="Доля управленческих команд, у которых уменьшилось количество профессиональных "
         "дефицитов",
    unit=UNIT_SHARE,
    group=Group.DIRECT,
    formula="Числитель: команды, у которых по экспертной оценке куратора в последней "
            "диагностике проекта (до конца учебного года) дефицитов меньше, чем в первой; "
            "знаменатель: команды, продиагностированные хотя бы в двух диагностиках проекта "
            "до конца учебного года. Изменение команды — сумма по направлениям, в которых "
            "её можно сравнить.",
    per_direction=True,
    short_name="Команды с уменьшением дефицитов",
)
DEFICITS_DECREASED_TEACHERS = Indicator(
    code="deficits_decreased_teachers",
    number="П6.2",
    name="Доля педагогических работников, у которых уменьшилось количество профессиональных "
         "дефицитов",
    unit=UNIT_SHARE,
    group=Group.DIRECT,
    formula="Числитель: работники, у которых число областей компетенций на уровне «дефицит» "
            "стало меньше; знаменатель: работники с экспертными результатами обеих "
            "диагностик хотя бы в одной общей области. Сравниваются последняя диагностика "
            "компетенций педагогов, начатая в учебном году, и предыдущая сопоставимая (те же "
            "области, у обеих есть шкала уровней).",
    short_name="Педагоги с уменьшением дефицитов",
)
HANDBOOKS_PRODUCED = Indicator(
    code="handbooks_produced",
    number="П7",
    name="Количество методических пособий, разработанных в ходе реализации проекта",
    unit=UNIT_COUNT,
    group=Group.DIRECT,
    formula="Число записей реестра продуктов и публикаций за учебный год видов "
            "«методическое пособие», «методические рекомендации» и «сборник»: "
            "сформированное методическое пособие учебного года — одна запись, как бы его ни "
            "формировали (заказом отчёта или из командной строки): повторные заказы пособия "
            "за тот же год нового пособия не добавляют, а сформированное пособие "
            "учитывается и после удаления старых файлов отчётов; плюс материалы, которые "
            "внесли в реестр специалисты управления образования с этим учебным годом "
            "проекта. Статьи не считаются.",
    short_name="Методических пособий",
)
NETWORK_ORGANIZATIONS = Indicator(
    code="network_organizations",
    number="П8.1",
    name="Количество ОО, объединённых в единую сеть по теме реализации проекта",
    unit=UNIT_COUNT,
    group=Group.DIRECT,
    formula="Число образовательных организаций, команды которых распределены хотя бы на "
            "одну стажировочную площадку учебного года (сеть взаимных стажировок внутри "
            "муниципального образования). Организации и методические службы, вступившие в "
            "межмуниципальные сети по подписанным документам, считает показатель С5 "
            "группы «Эффективность сетевого взаимодействия».",
    per_direction=True,
    short_name="ОО в сети",
)
NETWORK_SERVICES = Indicator(
    code="network_services",
    number="П8.2",
    name="Количество методических служб, объединённых в единую сеть по теме реализации "
         "проекта",
    unit=UNIT_COUNT,
    group=Group.DIRECT,
    formula="Число учреждений (управление образования, ИМЦ, ЦОКО), специалисты которых "
            "закреплены кураторами стажировочных площадок учебного года. Методические службы "
            "муниципалитетов — участников межмуниципальных сетей считает показатель С5.",
    short_name="Методических служб в сети",
)
LOW_RESULTS_SHARE = Indicator(
    code="low_results_share",
    number="К1",
    name="Доля школ с низкими образовательными результатами",
    unit=UNIT_SHARE,
    group=Group.INDIRECT,
    formula="Числитель: организации, отмеченные в мониторинге учебного года как школы с "
            "низкими результатами (ШНОР); знаменатель: организации, по которым этот признак "
            "указан (да или нет).",
    lower_is_better=True,
    short_name="Школы с низкими результатами",
)
NON_OBJECTIVE_SCHOOLS = Indicator(
    code="non_objective_schools",
    number="К2",
    name="Количество школ с признаками необъективного оценивания",
    unit=UNIT_COUNT,
    group=Group.INDIRECT,
    formula="Число организаций с признаками необъективного оценивания в мониторинге учебного "
            "года; доля — от организаций, по которым признак указан (да или нет).",
    lower_is_better=True,
    short_name="Школы с необъективным оцениванием",
)
OLYMPIAD_WINNERS_SHARE = Indicator(
    code="olympiad_winners_share",
    number="К3",
    name="Доля обучающихся — победителей и призёров олимпиадного движения",
    unit=UNIT_SHARE,
    group=Group.INDIRECT,
    formula="Числитель: сумма победителей и призёров олимпиад (от муниципального этапа); "
            "знаменатель: сумма обучающихся — по организациям, у которых известны оба числа.",
    short_name="Победители и призёры олимпиад",
)
HIGH_GIA_SHARE = Indicator(
    code="high_gia_share",
    number="К4",
    name="Доля выпускников, демонстрирующих высокие показатели на ГИА",
    unit=UNIT_SHARE,
    group=Group.INDIRECT,
    formula="Числитель: сумма выпускников с высокими результатами ГИА; знаменатель: сумма "
            "выпускников — по организациям, у которых известны оба числа.",
    short_name="Высокие результаты ГИА",
)
COMPETITION_WINNERS_SHARE = Indicator(
    code="competition_winners_share",
    number="К5",
    name="Доля педагогов — победителей и призёров конкурсов профессионального мастерства",
    unit=UNIT_SHARE,
    group=Group.INDIRECT,
    formula="Числитель: сумма педагогов — победителей и призёров профессиональных конкурсов; "
            "знаменатель: сумма педагогов — по организациям, у которых известны оба числа.",
    short_name="Победители конкурсов мастерства",
)
# К5 by category: the contests held on the portal (reports.contest_indicators).
CONTEST_SOURCE = ("Считается по конкурсам муниципального образования, итоги которых утверждены "
                  "в учебном году (до контрольной точки отчёта): категория заявки — по "
                  "рейтингу номинации. ")
CONTEST_TEACHER_WINNERS = Indicator(
    code="contest_teacher_winners",
    number="К5.1",
    name="В том числе педагоги — победители конкурсов (муниципальный уровень)",
    unit=UNIT_PEOPLE,
    group=Group.INDIRECT,
    formula=CONTEST_SOURCE + "Число различных педагогов, чья заявка в номинации для "
                             "педагогов получила категорию «победитель».",
    short_name="Педагоги-победители конкурсов",
)
CONTEST_TEACHER_PRIZES = Indicator(
    code="contest_teacher_prizes",
    number="К5.2",
    name="В том числе педагоги — призёры конкурсов (муниципальный уровень)",
    unit=UNIT_PEOPLE,
    group=Group.INDIRECT,
    formula=CONTEST_SOURCE + "Число различных педагогов, чья заявка в номинации для "
                             "педагогов получила категорию «призёр».",
    short_name="Педагоги-призёры конкурсов",
)
CONTEST_ORGANIZATIONS = Indicator(
    code="contest_organizations",
    number="К5.3",
    name="Образовательные организации — победители и призёры конкурсов (муниципальный "
         "уровень)",
    unit=UNIT_COUNT,
    group=Group.INDIRECT,
    formula=CONTEST_SOURCE + "Число различных организаций, чья заявка в номинации для "
                             "образовательных организаций получила категорию «победитель» "
                             "или «призёр».",
    short_name="ОО — победители и призёры",
)
CONTEST_REGIONAL = Indicator(
    code="contest_regional",
    number="К5.4",
    name="Работы, прошедшие I этап регионального (краевого) конкурса",
    unit=UNIT_COUNT,
    group=Group.INDIRECT,
    formula=CONTEST_SOURCE + "Число заявок этих конкурсов, направленных на региональный этап "
                             "и прошедших его I этап.",
    short_name="Прошли региональный этап",
)
# The line the regional group shows for a year whose table was not loaded; the loaded
# figures are indicators of their own (reports.regional_monitoring).
REGIONAL_MONITORING = Indicator(
    code="regional_monitoring",
    number="Р",
    name="Показатели мотивирующего мониторинга региональной системы образования",
    unit=UNIT_COUNT,
    group=Group.REGIONAL,
    formula="Значения муниципального образования и его места среди муниципальных образований "
            "края по таблице региона за учебный год.",
    short_name="Мотивирующий мониторинг",
)
ENVIRONMENT_CREATED = Indicator(
    code="environment_created",
    number="П1",
    name="Создана среда, позволяющая непрерывно развиваться и восполнять профессиональные "
         "дефициты управленческих команд школ",
    unit=UNIT_FACT,
    group=Group.DIRECT,
    formula="«Да», когда команда каждой образовательной организации муниципального "
            "образования распределена хотя бы на одну площадку учебного года.",
    short_name="Создана среда",
)
MONITORING_DEVELOPED = Indicator(
    code="monitoring_developed",
    number="П2",
    name="Разработан мониторинг эффективности реализации проекта",
    unit=UNIT_FACT,
    group=Group.DIRECT,
    formula="«Да», когда до конца учебного года проведена хотя бы одна диагностика проекта "
            "с внесёнными результатами.",
    short_name="Разработан мониторинг",
)
QUALITY_COEFFICIENT = Indicator(
    code="quality_coefficient",
    number="Д1",
    name="Коэффициент качества кадрового состава (КК)",
    unit=UNIT_SHARE,
    group=Group.EXTRA,
    formula="КК = (Пп + Пв) / Поб. Числитель: педагоги с первой и высшей квалификационной "
            "категорией; знаменатель: все педагогические работники — по последним сведениям "
            "о кадровом составе каждой организации на конец учебного года.",
    short_name="КК",
)
CRITICAL_STAFFING = Indicator(
    code="critical_staffing",
    number="Д2",
    name="Организации в критическом состоянии кадрового состава",
    unit=UNIT_COUNT,
    group=Group.EXTRA,
    formula="Число организаций, у которых по последним сведениям на конец учебного года "
            "больше половины педагогов не имеют квалификационной категории; доля — от "
            "организаций со сведениями о кадровом составе.",
    lower_is_better=True,
    short_name="Критическое состояние кадров",
)
LEADING_TEAMS_SHARE = Indicator(
    code="leading_teams_share",
    number="Д3",
    name="Доля команд, лидирующих хотя бы в одном направлении",
    unit=UNIT_SHARE,
    group=Group.EXTRA,
    formula="Числитель: команды, распределённые командой-лидером хотя бы на одну площадку "
            "учебного года; знаменатель: команды, распределённые хотя бы на одну площадку "
            "учебного года.",
    short_name="Команды-лидеры хотя бы в одном направлении",
)

PERSONS_TRAINED = Indicator(
    code="persons_trained",
    number="Д4",
    name="Количество педагогических работников, обученных на площадках для педагогов "
         "(различные люди)",
    unit=UNIT_PEOPLE,
    group=Group.PERSONS,
    formula=person_reads.PERSONS_TRAINED_FORMULA,
    short_name="Обучено на площадках, чел.",
)
YOUNG_TRAINED = Indicator(
    code="young_persons_trained",
    number="Д5",
    name="Из них молодых педагогов (стаж меньше трёх лет)",
    unit=UNIT_PEOPLE,
    group=Group.PERSONS,
    formula="Те из обученных на площадках для педагогов, у кого на день первого занятия "
            "периода педагогический стаж меньше трёх лет.",
    short_name="Из них молодых педагогов",
)
PD_COVERAGE_TEACHERS = Indicator(
    code="pd_coverage_teachers",
    number="Д6",
    name="Доля педагогов участвующих организаций, прошедших обучение по теме (охват "
         "повышением квалификации)",
    unit=UNIT_SHARE,
    group=Group.PERSONS,
    formula=person_reads.PD_TEACHERS_FORMULA,
    short_name="Охват педагогов",
)
PD_COVERAGE_SPECIALISTS = Indicator(
    code="pd_coverage_specialists",
    number="Д7",
    name="Доля специалистов управления образования и методической службы, прошедших "
         "обучение по теме",
    unit=UNIT_SHARE,
    group=Group.PERSONS,
    formula=person_reads.PD_SPECIALISTS_FORMULA,
    short_name="Охват специалистов УО/ТМС",
)
COMPETENCE_GROWN = Indicator(
    code="competence_grown",
    number="Д8",
    name="Доля педагогических работников, у которых вырос уровень компетенций",
    unit=UNIT_SHARE,
    group=Group.PERSONS,
    formula="Числитель: работники, у которых уровень вырос хотя бы в одной общей области "
            "компетенций и не снизился ни в одной; знаменатель: работники с экспертными "
            "результатами обеих диагностик хотя бы в одной общей области. Диагностики — те "
            "же, что для доли педагогов с уменьшением дефицитов.",
    short_name="Педагоги с ростом компетенций",
)

INDICATORS: tuple[Indicator, ...] = (
    ENVIRONMENT_CREATED,
    MONITORING_DEVELOPED,
    PLATFORMS_OPEN,
    PEOPLE_TRAINED,
    EVENTS_HELD,
    DEFICITS_DECREASED_TEAMS,
    DEFICITS_DECREASED_TEACHERS,
    HANDBOOKS_PRODUCED,
    NETWORK_ORGANIZATIONS,
    NETWORK_SERVICES,
    LOW_RESULTS_SHARE,
    NON_OBJECTIVE_SCHOOLS,
    OLYMPIAD_WINNERS_SHARE,
    HIGH_GIA_SHARE,
    COMPETITION_WINNERS_SHARE,
    CONTEST_TEACHER_WINNERS,
    CONTEST_TEACHER_PRIZES,
    CONTEST_ORGANIZATIONS,
    CONTEST_REGIONAL,
    QUALITY_COEFFICIENT,
    CRITICAL_STAFFING,
    LEADING_TEAMS_SHARE,
    PERSONS_TRAINED,
    YOUNG_TRAINED,
    PD_COVERAGE_TEACHERS,
    PD_COVERAGE_SPECIALISTS,
    COMPETENCE_GROWN,
)

BY_CODE: dict[str, Indicator] = {indicator.code: indicator for indicator in INDICATORS}
PER_DIRECTION: tuple[Indicator, ...] = tuple(item for item in INDICATORS if item.per_direction)
