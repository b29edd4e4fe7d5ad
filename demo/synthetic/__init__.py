"""Synthetic districts at national scale, for load tests and benchmarks.

A synthetic municipality runs the demo district's internship model — its project with the
stages and control points, the seven directions, the starter deficit catalogue and the
diagnostic rounds — moved three years on (2024–2027), and fills it with made-up
organizations, teams, placements, journals, diagnoses and monitoring figures. The
municipalities are named «Синтетическое МО 0001», «… 0002», … and marked ``is_synthetic``;
their users see a warning on every page.

The content depends on the arguments only: every stage draws from its own random stream
seeded with the seed and the stage's name, dates are fixed relative to the programme's
start, and nothing reads the clock or the ids the database hands out. Rows are written in
bulk — by COPY on PostgreSQL, with ``bulk_create`` elsewhere — and simple-history keeps no
records of them; removing the synthetic municipalities deletes table by table, bottom-up,
without loading the rows.
"""

import datetime
import io
import random
import re
import time
import zoneinfo
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import connection, models, transaction

from demo.diagnostics import ROUND_TITLES, STARTER_DEFICITS
from demo.krymsky import CONTROL_POINTS, DIRECTIONS, PROGRAMME, STAGES
from diagnostics.models import (
    Aspect,
    Deficit,
    Diagnosis,
    DiagnosisSource,
    DiagnosticRound,
    NeedsOffer,
    SchoolIndicator,
    Staffing,
)
from internships.attachments import delete_files_on_commit
from internships.models import (
    AgendaItem,
    ControlPoint,
    CouncilAttachment,
    CouncilMeeting,
    Curator,
    CuratorBody,
    Direction,
    EntryAttachment,
    JournalEntry,
    Mentorship,
    Outcome,
    Period,
    Placement,
    PlannedEvent,
    Platform,
    Programme,
    Stage,
    Strategy,
    StrategyKind,
    TeamResult,
    Tier,
    Transfer,
    WorkForm,
)
from teams.models import (
    Locality,
    ManagementTeam,
    Municipality,
    Organization,
    OrganizationKind,
    Role,
    SchoolLevel,
    TeamMember,
    UserProfile,
)

D = datetime.date
DAY = datetime.timedelta(days=1)

MUNICIPALITY_NAME = "Синтетическое МО {:04d}"
MAX_MUNICIPALITIES = 9999
MIN_ORGANIZATIONS_PER_MUNICIPALITY = 10
# The demo project (2021–2024) moved on to 2024–2027; it holds three whole academic years.
YEARS_LATER = 3
MAX_PERIODS = 3
# Rows per INSERT, and rows kept in memory before they are written.
BATCH_SIZE = 2000
FLUSH_ROWS = 20000

MARK = " (синтетические данные)"
_ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _later(day: datetime.date) -> datetime.date:
    return day.replace(year=day.year + YEARS_LATER)


def _later_title(title: str) -> str:
    return re.sub(r"\b20\d\d\b", lambda year: str(int(year.group()) + YEARS_LATER), title)


PROGRAMME_STARTS = _later(STAGES[0][1])
PROGRAMME_ENDS = _later(STAGES[-1][2])

# Share of organizations by kind, of schools by level (seed 000's district is the model).
SCHOOL_SHARE = (0.56, 0.64)
PRESCHOOL_SHARE = (0.27, 0.33)
LEVEL_WEIGHTS = [
    (SchoolLevel.SECONDARY, 60), (SchoolLevel.BASIC, 20), (SchoolLevel.PRIMARY, 8),
    (SchoolLevel.GYMNASIUM, 7), (SchoolLevel.LYCEUM, 5),
]
# A basic or primary school is a branch (филиал) of a secondary school this often: about
# 5 % of all organizations.
BRANCH_SHARE = 0.3
RURAL_SHARE = {
    SchoolLevel.SECONDARY: 0.6, SchoolLevel.BASIC: 0.85, SchoolLevel.PRIMARY: 0.85,
    SchoolLevel.GYMNASIUM: 0.1, SchoolLevel.LYCEUM: 0.1,
    OrganizationKind.PRESCHOOL: 0.55, OrganizationKind.ADDITIONAL: 0.4,
}
OWNERSHIP = [
    ("МБОУ", "Муниципальное бюджетное общеобразовательное учреждение", 85),
    ("МАОУ", "Муниципальное автономное общеобразовательное учреждение", 10),
    ("МКОУ", "Муниципальное казённое общеобразовательное учреждение", 5),
]
SCHOOL_WORDS = {
    SchoolLevel.SECONDARY: ("СОШ", "Средняя общеобразовательная школа"),
    SchoolLevel.BASIC: ("ООШ", "Основная общеобразовательная школа"),
    SchoolLevel.PRIMARY: ("НШ", "Начальная общеобразовательная школа"),
    SchoolLevel.GYMNASIUM: ("гимназия", "Гимназия"),
    SchoolLevel.LYCEUM: ("лицей", "Лицей"),
}
ADDITIONAL_KINDS = [
    ("ЦДТ", "Центр детского творчества"),
    ("ДЮСШ", "Детско-юношеская спортивная школа"),
    ("ДШИ", "Детская школа искусств"),
    ("СЮТ", "Станция юных техников"),
    ("ЦДО", "Центр дополнительного образования"),
]
POSITIONS = {
    OrganizationKind.SCHOOL: [
        "директор", "заместитель директора по учебно-воспитательной работе",
        "заместитель директора по воспитательной работе",
        "заместитель директора по научно-методической работе",
    ],
    OrganizationKind.PRESCHOOL: [
        "заведующий", "старший воспитатель",
        "заместитель заведующего по воспитательно-методической работе", "педагог-психолог",
    ],
    OrganizationKind.ADDITIONAL: [
        "директор", "заместитель директора по учебно-воспитательной работе", "методист",
        "заместитель директора по организационно-массовой работе",
    ],
}
BRANCH_HEAD = "заведующий филиалом"

SURNAMES = [
    "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
    "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
    "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
    "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
    "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев",
    "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев",
    "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов",
    "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов",
    "Руденко", "Шевченко", "Бондаренко", "Ткаченко", "Кравченко", "Коваленко",
]
# (name, patronymic of his son, of his daughter)
MEN = [
    ("Александр", "Александрович", "Александровна"), ("Алексей", "Алексеевич", "Алексеевна"),
    ("Андрей", "Андреевич", "Андреевна"), ("Сергей", "Сергеевич", "Сергеевна"),
    ("Дмитрий", "Дмитриевич", "Дмитриевна"), ("Владимир", "Владимирович", "Владимировна"),
    ("Николай", "Николаевич", "Николаевна"), ("Михаил", "Михайлович", "Михайловна"),
    ("Евгений", "Евгеньевич", "Евгеньевна"), ("Игорь", "Игоревич", "Игоревна"),
    ("Олег", "Олегович", "Олеговна"), ("Павел", "Павлович", "Павловна"),
    ("Юрий", "Юрьевич", "Юрьевна"), ("Виктор", "Викторович", "Викторовна"),
    ("Иван", "Иванович", "Ивановна"), ("Роман", "Романович", "Романовна"),
    ("Василий", "Васильевич", "Васильевна"), ("Анатолий", "Анатольевич", "Анатольевна"),
]
WOMEN = [
    "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Марина", "Анна", "Людмила",
    "Галина", "Юлия", "Оксана", "Екатерина", "Надежда", "Валентина", "Лариса", "Виктория",
    "Анастасия", "Любовь", "Вера",
]
WOMEN_SHARE = 0.75

CURATOR_POSITIONS = {
    CuratorBody.DEPARTMENT: ["заместитель начальника управления образования",
                             "главный специалист управления образования",
                             "ведущий специалист управления образования"],
    CuratorBody.METHODOLOGICAL: ["директор МКУ ИМЦ", "старший методист МКУ ИМЦ",
                                 "методист МКУ ИМЦ"],
    CuratorBody.QUALITY: ["руководитель ЦОКО", "специалист ЦОКО"],
}
CURATOR_BODIES = [CuratorBody.DEPARTMENT, CuratorBody.METHODOLOGICAL, CuratorBody.QUALITY]
# The curator with an account curates the platforms of these directions (by index).
ACCOUNT_CURATOR_DIRECTIONS = (0, 1)

TIER_WEIGHTS = [(Tier.LEADER, 20), (Tier.PROMISING, 40), (Tier.RESERVE, 40)]
KEEP_DIRECTION = 0.75
KEEP_TIER = 0.6
TRANSFER_SHARE = 0.05
SECOND_TRANSFER_SHARE = 0.1
# A transfer brought a team to its tier from this one (several: drawn by weight).
TRANSFERRED_FROM = {
    Tier.LEADER: [(Tier.PROMISING, 1)],
    Tier.PROMISING: [(Tier.RESERVE, 7), (Tier.LEADER, 3)],
    Tier.RESERVE: [(Tier.PROMISING, 1)],
}
TRANSFER_REASONS = {
    True: [
        "Решение научно-методического совета: команда освоила программу стажировки",
        "По итогам промежуточной диагностики дефициты по направлению устранены",
        "Команда представила свою практику на стажировочной сессии площадки",
    ],
    False: [
        "По итогам промежуточной диагностики выявлены дефициты по направлению",
        "Смена состава управленческой команды: нужна поддержка наставника",
        "Решение научно-методического совета по итогам мониторинга",
    ],
}
MENTEE_CAPACITY = 3
MENTORED_SHARE = {Tier.RESERVE: 0.5, Tier.PROMISING: 0.25}
ENDED_MENTORSHIP_SHARE = 0.1

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

# Deficits found at the first diagnosis, by tier; later rounds resolve most of them.
FIRST_DEFICITS = {
    Tier.LEADER: [(0, 50), (1, 40), (2, 10)],
    Tier.PROMISING: [(0, 10), (1, 40), (2, 40), (3, 10)],
    Tier.RESERVE: [(1, 15), (2, 45), (3, 40)],
}
FIRST_SCORES = {Tier.LEADER: (70, 95), Tier.PROMISING: (50, 80), Tier.RESERVE: (25, 60)}
MAX_DEFICITS = 3
RESOLVED_SHARE = 0.45
NEW_DEFICIT_SHARE = 0.12
DIAGNOSIS_COMMENTS = [
    "Динамика положительная.",
    "Рекомендовано участие в стажировочной сессии площадки.",
    "Нужна поддержка наставника.",
]

INDICATOR_SHARE = {"low_results": 0.1, "low_results_left": 0.3, "non_objective": 0.06}
CRITICAL_STAFFING_SHARE = 0.08
NEEDS_SHARE = 0.3
NEEDS_NOTES = [
    "Нужна консультация по нормативной базе.",
    "Готовы провести открытое мероприятие.",
    "Просим включить в план площадки.",
]
STRATEGY_SHARE = 0.5

COUNT_LABELS = {
    "deleted_municipalities": "удалено синтетических МО",
    "deleted_rows": "удалено строк",
    "municipalities": "муниципальных образований",
    "organizations": "организаций",
    "teams": "управленческих команд",
    "team_members": "членов команд",
    "programmes": "проектов",
    "stages": "этапов",
    "control_points": "контрольных точек",
    "periods": "учебных лет",
    "directions": "направлений",
    "curators": "кураторов",
    "platforms": "площадок",
    "platform_curators": "закреплений кураторов",
    "placements": "распределений",
    "transfers": "переводов",
    "mentorships": "пар наставничества",
    "strategies": "стратегий",
    "journal_entries": "мероприятий журнала",
    "entry_hosts": "проводящих команд",
    "team_results": "результатов команд",
    "planned_events": "строк плана работы",
    "deficits": "дефицитов в каталоге",
    "diagnostic_rounds": "диагностик",
    "diagnoses": "результатов диагностики",
    "diagnosis_deficits": "отмеченных дефицитов",
    "school_indicators": "строк показателей мониторинга",
    "staffing": "строк кадрового состава",
    "needs_offers": "строк карты проблем и решений",
    "users": "пользователей",
}


class GenerationRefused(Exception):
    """The arguments or the database do not allow generating; the message is for the user."""


@dataclass(frozen=True)
class Span:
    title: str
    starts_on: datetime.date
    ends_on: datetime.date


@dataclass(slots=True)
class SyntheticOrganization:
    kind: str
    level: str
    number: int | None
    short_name: str
    name: str
    rural: bool
    # Index of the head organization, for a branch.
    parent: int | None = None
    members: int = 0
    pk: int = 0
    team_pk: int = 0

    @property
    def sort_key(self) -> tuple:
        """Organization.sort_rank, number, short name: the order of the portal's lists."""
        if self.level in (SchoolLevel.SECONDARY, SchoolLevel.GYMNASIUM, SchoolLevel.LYCEUM):
            rank = 1
        else:
            rank = {SchoolLevel.BASIC: 2, SchoolLevel.PRIMARY: 3}.get(self.level, 9)
        return rank, self.number is None, self.number or 0, self.short_name


@dataclass(slots=True)
class SyntheticPlacement:
    team: int  # index of the organization
    direction: int  # index of the direction
    tier: str
    transferred: bool = False
    pk: int = 0


@dataclass
class District:
    """One synthetic municipality as generated so far: the rows' ids and what they hold."""

    number: int
    pk: int = 0
    organizations: list[SyntheticOrganization] = field(default_factory=list)
    programme_pk: int = 0
    control_point_pks: dict[tuple[str, datetime.date], int] = field(default_factory=dict)
    period_pks: list[int] = field(default_factory=list)
    direction_pks: list[int] = field(default_factory=list)
    curator_pks: list[int] = field(default_factory=list)
    # (period index, direction index) → platform id, and the curators' indexes per direction.
    platform_pks: dict[tuple[int, int], int] = field(default_factory=dict)
    platform_curators: dict[int, list[int]] = field(default_factory=dict)
    # Per period index: the placements of that year.
    placements: list[list[SyntheticPlacement]] = field(default_factory=list)
    # (period index, team index) → how many teams it mentors that year.
    mentees: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))

    def on_platform(self, period: int, direction: int) -> list[SyntheticPlacement]:
        return [item for item in self.placements[period] if item.direction == direction]


class Ids:
    """Ids for rows written without reading anything back, drawn before the rows are made.

    PostgreSQL hands them out from the table's sequence; elsewhere they continue from the
    table's largest id, counted here (the run holds the database's write lock).
    """

    def __init__(self):
        self.next: dict[str, int] = {}

    def take(self, model: type[models.Model], count: int) -> list[int]:
        table = model._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) "
                               "FROM generate_series(1, %s)",
                               [table, model._meta.pk.column, count])
                return sorted(row[0] for row in cursor.fetchall())
            if table not in self.next:
                cursor.execute(f"SELECT MAX({connection.ops.quote_name(model._meta.pk.column)})"
                               f" FROM {connection.ops.quote_name(table)}")
                self.next[table] = (cursor.fetchone()[0] or 0) + 1
        first = self.next[table]
        self.next[table] += count
        return list(range(first, first + count))


@dataclass
class Scale:
    """What a run generates: the academic years and the municipalities."""

    spans: list[Span]
    ids: Ids
    districts: list[District] = field(default_factory=list)


def _copy_text(value) -> str:
    """A value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, str):
        return (value.replace("\\", "\\\\").replace("\t", "\\t")
                .replace("\n", "\\n").replace("\r", "\\r"))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


class _Table:
    """Rows of one table, as tuples in the order of ``columns``, written in batches as they
    are made, so memory stays flat.

    PostgreSQL takes them by COPY (several times faster than INSERT at this scale, and no
    model instances are built); other databases through ``bulk_create``, where Django
    stamps the automatic dates itself.
    """

    def __init__(self, model: type[models.Model], *columns: str):
        self.model = model
        self.fields = [model._meta.get_field(name) for name in columns]
        self.pending: list[tuple] = []
        self.written = 0

    def add(self, row: tuple) -> None:
        self.pending.append(row)
        if len(self.pending) >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> int:
        if not self.pending:
            return self.written
        if connection.vendor == "postgresql":
            self._copy()
        else:
            names = [item.attname for item in self.fields]
            self.model.objects.bulk_create(
                [self.model(**dict(zip(names, row, strict=True))) for row in self.pending],
                batch_size=BATCH_SIZE)
        self.written += len(self.pending)
        self.pending = []
        return self.written

    def _copy(self) -> None:
        quote = connection.ops.quote_name
        text = "".join("\t".join(map(_copy_text, row)) + "\n" for row in self.pending)
        columns = ", ".join(quote(item.column) for item in self.fields)
        with connection.cursor() as cursor:
            cursor.copy_expert(f"COPY {quote(self.model._meta.db_table)} ({columns}) FROM STDIN",
                               io.StringIO(text))


def _insert(instances: list[models.Model]) -> list[models.Model]:
    """Write the few rows of a small table; the database fills in their ids."""
    if instances:
        type(instances[0]).objects.bulk_create(instances, batch_size=BATCH_SIZE)
    return instances


def _moment(day: datetime.date, hour: int) -> datetime.datetime:
    """A time on a day of the data, for the rows' «записано» stamps: never the clock."""
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=_ZONE)


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def _stream(seed: int, stage: str) -> random.Random:
    """A random stream of its own: the same seed gives the same draws in every run."""
    return random.Random(f"{seed}:{stage}")


def _streams(seed: int, stage: str, scale: Scale) -> dict[int, random.Random]:
    """Municipality number → the stage's stream for it: what a municipality gets does not
    depend on how many others there are, so «Синтетическое МО 0001» of 1 000 organizations
    is the same whether the run makes one municipality or fifty."""
    return {district.number: _stream(seed, f"{stage}:{district.number}")
            for district in scale.districts}


def _person(rng: random.Random) -> tuple[str, str]:
    """A full name and «Фамилия И.О.»."""
    surname = rng.choice(SURNAMES)
    father = rng.choice(MEN)
    if rng.random() < WOMEN_SHARE:
        name, patronymic = rng.choice(WOMEN), father[2]
        if not surname.endswith("енко"):
            surname += "а"
    else:
        name, patronymic = rng.choice(MEN)[0], father[1]
    return f"{surname} {name} {patronymic}", f"{surname} {name[0]}.{patronymic[0]}."


def period_spans(count: int) -> list[Span]:
    """The programme's first ``count`` academic years."""
    spans = []
    for offset in range(count):
        starts_on = PROGRAMME_STARTS.replace(year=PROGRAMME_STARTS.year + offset)
        ends_on = starts_on.replace(year=starts_on.year + 1) - DAY
        spans.append(Span(f"{starts_on.year}–{ends_on.year}", starts_on,
                          min(ends_on, PROGRAMME_ENDS)))
    return spans


def municipality_sizes(*, municipalities: int, organizations: int,
                       rng: random.Random) -> list[int]:
    """Organizations per municipality: the first has exactly the average (rounded down),
    the others vary by about ±40 % around it, and together they make the total."""
    reference = organizations // municipalities
    if municipalities == 1:
        return [organizations]
    rest = organizations - reference
    weights = [rng.uniform(0.6, 1.4) for _ in range(municipalities - 1)]
    exact = [rest * weight / sum(weights) for weight in weights]
    sizes = [int(share) for share in exact]
    # What rounding down left goes to the largest remainders.
    by_remainder = sorted(range(len(exact)), key=lambda i: (sizes[i] - exact[i], i))
    for index in by_remainder[:rest - sum(sizes)]:
        sizes[index] += 1
    return [reference, *sizes]


def check_arguments(*, municipalities: int, organizations: int, periods: int) -> None:
    if not 1 <= municipalities <= MAX_MUNICIPALITIES:
        raise GenerationRefused(
            f"Число муниципальных образований — от 1 до {MAX_MUNICIPALITIES}.")
    if organizations < MIN_ORGANIZATIONS_PER_MUNICIPALITY * municipalities:
        raise GenerationRefused(
            f"Организаций должно быть не меньше {MIN_ORGANIZATIONS_PER_MUNICIPALITY} на "
            f"муниципальное образование: не меньше "
            f"{MIN_ORGANIZATIONS_PER_MUNICIPALITY * municipalities}.")
    if not 1 <= periods <= MAX_PERIODS:
        raise GenerationRefused(
            f"Учебных лет — от 1 до {MAX_PERIODS}: проект {PROGRAMME_STARTS.year}–"
            f"{PROGRAMME_ENDS.year} вмещает {MAX_PERIODS} учебных года.")


# Stages --------------------------------------------------------------------------------


def generate_municipalities(*, scale: Scale, count: int) -> dict[str, int]:
    """«Синтетическое МО 0001», «… 0002», …, marked synthetic."""
    created = _insert([Municipality(name=MUNICIPALITY_NAME.format(number), is_synthetic=True)
                       for number in range(1, count + 1)])
    scale.districts = [District(number=number, pk=municipality.pk)
                       for number, municipality in enumerate(created, start=1)]
    return {"municipalities": len(created)}


def _school_names(rng: random.Random, level: str, number: int) -> tuple[str, str]:
    short_ownership, ownership = _weighted(
        rng, [((short, full), weight) for short, full, weight in OWNERSHIP])
    short_level, level_words = SCHOOL_WORDS[level]
    return (f"{short_ownership} {short_level} № {number}",
            f"{ownership} «{level_words} № {number}»{MARK}")


def _rural(rng: random.Random, key: str) -> bool:
    return rng.random() < RURAL_SHARE[key]


def district_organizations(*, rng: random.Random, size: int) -> list[SyntheticOrganization]:
    """The organizations of one municipality: schools (with branches of secondary schools),
    kindergartens and additional-education organizations, numbered as a district numbers
    them."""
    schools = max(1, round(size * rng.uniform(*SCHOOL_SHARE)))
    preschool = min(size - schools, round(size * rng.uniform(*PRESCHOOL_SHARE)))
    additional = size - schools - preschool
    levels, weights = zip(*LEVEL_WEIGHTS, strict=True)
    # The first school is a secondary one, so every district has a head for branches and
    # graduates sitting the state exams.
    school_levels = [SchoolLevel.SECONDARY, *rng.choices(levels, weights=weights,
                                                         k=schools - 1)]
    branch = [level in (SchoolLevel.BASIC, SchoolLevel.PRIMARY) and rng.random() < BRANCH_SHARE
              for level in school_levels]
    organizations = []
    number = 0
    for level, is_branch in zip(school_levels, branch, strict=True):
        if is_branch:
            continue
        number += 1
        short_name, name = _school_names(rng, level, number)
        organizations.append(SyntheticOrganization(
            OrganizationKind.SCHOOL, level, number, short_name, name, _rural(rng, level)))
    for number in range(1, preschool + 1):
        organizations.append(SyntheticOrganization(
            OrganizationKind.PRESCHOOL, "", number, f"МБДОУ д/с № {number}",
            "Муниципальное бюджетное дошкольное образовательное учреждение "
            f"«Детский сад № {number}»{MARK}",
            _rural(rng, OrganizationKind.PRESCHOOL)))
    numbers: dict[str, int] = defaultdict(int)
    for _ in range(additional):
        short_kind, kind_words = rng.choice(ADDITIONAL_KINDS)
        numbers[short_kind] += 1
        organizations.append(SyntheticOrganization(
            OrganizationKind.ADDITIONAL, "", numbers[short_kind],
            f"МБУ ДО {short_kind} № {numbers[short_kind]}",
            "Муниципальное бюджетное учреждение дополнительного образования "
            f"«{kind_words} № {numbers[short_kind]}»{MARK}",
            _rural(rng, OrganizationKind.ADDITIONAL)))
    heads = [index for index, item in enumerate(organizations)
             if item.level == SchoolLevel.SECONDARY]
    branches_of: dict[int, int] = defaultdict(int)
    for level, is_branch in zip(school_levels, branch, strict=True):
        if not is_branch:
            continue
        parent = rng.choice(heads)
        branches_of[parent] += 1
        head = organizations[parent]
        order = branches_of[parent]
        level_words = SCHOOL_WORDS[level][1].lower()
        organizations.append(SyntheticOrganization(
            OrganizationKind.SCHOOL, level, None, f"{head.short_name}, филиал № {order}",
            f"Филиал № {order} ({level_words}) — {head.name.removesuffix(MARK)}{MARK}",
            _rural(rng, level), parent=parent))
    for item in organizations:
        item.members = rng.randint(2, 4)
    return organizations


def generate_organizations(*, scale: Scale, organizations: int, seed: int) -> dict[str, int]:
    """Organizations spread over the municipalities, each with a team of 2–4 members."""
    sizes = municipality_sizes(municipalities=len(scale.districts),
                               organizations=organizations, rng=_stream(seed, "sizes"))
    streams = _streams(seed, "organizations", scale)
    for district, size in zip(scale.districts, sizes, strict=True):
        district.organizations = district_organizations(rng=streams[district.number],
                                                        size=size)

    everything = [item for district in scale.districts for item in district.organizations]
    pks = scale.ids.take(Organization, len(everything))
    team_pks = scale.ids.take(ManagementTeam, len(everything))
    for item, pk, team_pk in zip(everything, pks, team_pks, strict=True):
        item.pk, item.team_pk = pk, team_pk
    rows = _Table(Organization, "id", "municipality", "name", "short_name", "kind", "level",
                  "number", "locality", "parent")
    teams = _Table(ManagementTeam, "id", "organization")
    members = _Table(TeamMember, "team", "full_name", "position", "email")
    for district in scale.districts:
        rng = streams[district.number]
        for item in district.organizations:
            parent = None if item.parent is None else district.organizations[item.parent].pk
            rows.add((item.pk, district.pk, item.name, item.short_name, item.kind, item.level,
                      item.number, Locality.RURAL if item.rural else Locality.URBAN, parent))
            teams.add((item.team_pk, item.pk))
            positions = POSITIONS[item.kind][:item.members]
            if item.parent is not None:
                positions[0] = BRANCH_HEAD
            for position in positions:
                members.add((item.team_pk, _person(rng)[0], position, ""))
    return {"organizations": rows.flush(), "teams": teams.flush(),
            "team_members": members.flush()}


def generate_programmes(*, scale: Scale, seed: int) -> dict[str, int]:
    """The demo's project, three years on: stages, control points, academic years, the
    seven directions, 3–6 curators and a platform per direction and year."""
    programmes = _insert([
        Programme(municipality_id=district.pk, title=PROGRAMME, starts_on=PROGRAMME_STARTS,
                  ends_on=PROGRAMME_ENDS, mentee_capacity=MENTEE_CAPACITY)
        for district in scale.districts])
    streams = _streams(seed, "programmes", scale)
    stages, points, periods, directions, curators = [], [], [], [], []
    for district, programme in zip(scale.districts, programmes, strict=True):
        district.programme_pk = programme.pk
        stages += [Stage(programme_id=programme.pk, number=number, title=title,
                         description=description, starts_on=_later(starts_on),
                         ends_on=_later(ends_on))
                   for number, starts_on, ends_on, title, description in STAGES]
        points += [(district, ControlPoint(
            programme_id=programme.pk, kind=kind, title=title, starts_on=_later(starts_on),
            ends_on=_later(ends_on))) for kind, title, starts_on, ends_on in CONTROL_POINTS]
        periods += [(district, Period(programme_id=programme.pk, title=span.title,
                                      starts_on=span.starts_on, ends_on=span.ends_on))
                    for span in scale.spans]
        directions += [(district, Direction(programme_id=programme.pk, number=number,
                                            title=title, annex=annex))
                       for number, title, annex, *_ in DIRECTIONS]
        curators += [(district, curator)
                     for curator in _curators(streams[district.number], district)]
    _insert(stages)
    for rows, attribute in ((points, None), (periods, "period_pks"),
                            (directions, "direction_pks"), (curators, "curator_pks")):
        _insert([instance for _, instance in rows])
        for district, instance in rows:
            if attribute is None:
                district.control_point_pks[instance.kind, instance.starts_on] = instance.pk
            else:
                getattr(district, attribute).append(instance.pk)
    platforms = []
    for district in scale.districts:
        district.platform_curators = _platform_curators(streams[district.number],
                                                        len(district.curator_pks))
        for period_index in range(len(scale.spans)):
            for direction_index, direction_pk in enumerate(district.direction_pks):
                platforms.append((district, period_index, direction_index, Platform(
                    direction_id=direction_pk, period_id=district.period_pks[period_index])))
    _insert([platform for *_, platform in platforms])
    links = _Table(Platform.curators.through, "platform", "curator")
    for district, period_index, direction_index, platform in platforms:
        district.platform_pks[period_index, direction_index] = platform.pk
        for curator in district.platform_curators[direction_index]:
            links.add((platform.pk, district.curator_pks[curator]))
    return {"programmes": len(programmes), "stages": len(stages),
            "control_points": len(points), "periods": len(periods),
            "directions": len(directions), "curators": len(curators),
            "platforms": len(platforms), "platform_curators": links.flush()}


def _curators(rng: random.Random, district: District) -> list[Curator]:
    count = rng.randint(3, 6)
    bodies = CURATOR_BODIES + [rng.choice(CURATOR_BODIES) for _ in range(count - 3)]
    curators, taken = [], set()
    for body in bodies:
        full_name, short_name = _person(rng)
        while short_name in taken:
            full_name, short_name = _person(rng)
        taken.add(short_name)
        curators.append(Curator(municipality_id=district.pk, full_name=full_name,
                                short_name=short_name, body=body,
                                position=rng.choice(CURATOR_POSITIONS[body])))
    return curators


def _platform_curators(rng: random.Random, count: int) -> dict[int, list[int]]:
    """Direction index → curator indexes, the same in every year (as a new year copies
    them); curator 0 is the one given an account."""
    others = list(range(1, count))
    assigned = {}
    for direction in range(len(DIRECTIONS)):
        chosen = rng.sample(others, rng.randint(1, 2))
        if direction in ACCOUNT_CURATOR_DIRECTIONS:
            chosen = [0, *chosen[:1]] if rng.random() < 0.5 else [0]
        assigned[direction] = sorted(chosen)
    return assigned


def _directions_of_year(rng: random.Random, before: dict[int, str] | None) -> dict[int, str]:
    """Direction index → tier for one team in one year: 2–4 directions, most of last
    year's kept, tiers often kept."""
    wanted = rng.randint(2, 4)
    tiers: dict[int, str] = {}
    for direction, tier in sorted((before or {}).items()):
        if len(tiers) < wanted and rng.random() < KEEP_DIRECTION:
            tiers[direction] = tier if rng.random() < KEEP_TIER else _weighted(rng, TIER_WEIGHTS)
    others = [direction for direction in range(len(DIRECTIONS)) if direction not in tiers]
    for direction in rng.sample(others, wanted - len(tiers)):
        tiers[direction] = _weighted(rng, TIER_WEIGHTS)
    return dict(sorted(tiers.items()))


def _cover_platforms(rng: random.Random, placements: list[SyntheticPlacement],
                     teams: int) -> None:
    """Every platform gets a team and a leader, however small the district."""
    for direction in range(len(DIRECTIONS)):
        mine = [item for item in placements if item.direction == direction]
        if not mine:
            counts = defaultdict(int)
            for item in placements:
                counts[item.team] += 1
            free = [team for team in range(teams) if counts[team] < 4]
            placements.append(SyntheticPlacement(rng.choice(free), direction, Tier.LEADER))
        elif not any(item.tier == Tier.LEADER for item in mine):
            rng.choice(mine).tier = Tier.LEADER
    placements.sort(key=lambda item: (item.team, item.direction))


def generate_placements(*, scale: Scale, seed: int) -> dict[str, int]:
    """Every team placed in 2–4 directions a year; about 5 % transferred; leaders mentor."""
    streams = _streams(seed, "placements", scale)
    for district in scale.districts:
        rng = streams[district.number]
        before: list[dict[int, str] | None] = [None] * len(district.organizations)
        district.placements = []
        for _ in scale.spans:
            placements = []
            for team in range(len(district.organizations)):
                before[team] = _directions_of_year(rng, before[team])
                placements += [SyntheticPlacement(team, direction, tier)
                               for direction, tier in before[team].items()]
            _cover_platforms(rng, placements, len(district.organizations))
            district.placements.append(placements)
    everything = [item for district in scale.districts for placements in district.placements
                  for item in placements]
    for item, pk in zip(everything, scale.ids.take(Placement, len(everything)), strict=True):
        item.pk = pk
    rows = _Table(Placement, "id", "platform", "team", "tier")
    transfers = _Table(Transfer, "placement", "from_tier", "to_tier", "transferred_on",
                       "reason", "recorded_at")
    mentorships = _Table(Mentorship, "platform", "mentor", "mentee", "started_on", "ended_on")
    for district in scale.districts:
        rng = streams[district.number]
        for period_index, span in enumerate(scale.spans):
            for item in district.placements[period_index]:
                rows.add((item.pk, district.platform_pks[period_index, item.direction],
                          district.organizations[item.team].team_pk, item.tier))
                if rng.random() < TRANSFER_SHARE:
                    item.transferred = True
                    for transfer in _transfers(rng, item, span):
                        transfers.add(transfer)
            for direction in range(len(DIRECTIONS)):
                for pair in _mentorships(rng, district, period_index, direction, span):
                    mentorships.add(pair)
    return {"placements": rows.flush(), "transfers": transfers.flush(),
            "mentorships": mentorships.flush()}


def _transfers(rng: random.Random, item: SyntheticPlacement, span: Span) -> list[tuple]:
    """One or two transfers that brought the team to its tier, dated December to April."""
    path = [item.tier]
    for _ in range(2 if rng.random() < SECOND_TRANSFER_SHARE else 1):
        path.insert(0, _weighted(rng, TRANSFERRED_FROM[path[0]]))
    first_day = span.starts_on.replace(month=12, day=1)
    days = sorted(rng.sample(range(150), len(path) - 1))
    order = [Tier.RESERVE, Tier.PROMISING, Tier.LEADER]
    rows = []
    for from_tier, to_tier, day in zip(path, path[1:], days, strict=False):
        promoted = order.index(to_tier) > order.index(from_tier)
        transferred_on = first_day + day * DAY
        rows.append((item.pk, from_tier, to_tier, transferred_on,
                     rng.choice(TRANSFER_REASONS[promoted]), _moment(transferred_on, 12)))
    return rows


def _mentorships(rng: random.Random, district: District, period_index: int, direction: int,
                 span: Span) -> list[tuple]:
    """Leaders of the platform (not transferred there this year) mentor its promising and
    reserve teams, no more than the programme's mentee capacity each in the year."""
    placed = district.on_platform(period_index, direction)
    load = district.mentees
    free = [item.team for item in placed if item.tier == Tier.LEADER and not item.transferred
            and load[period_index, item.team] < MENTEE_CAPACITY]
    pairs = []
    for mentee in placed:
        if mentee.tier == Tier.LEADER or rng.random() >= MENTORED_SHARE[mentee.tier]:
            continue
        if not free:
            break
        index = rng.randrange(len(free))
        mentor = free[index]
        load[period_index, mentor] += 1
        if load[period_index, mentor] == MENTEE_CAPACITY:
            # A full mentor leaves the list: the last one takes its place.
            free[index] = free[-1]
            free.pop()
        started_on = span.starts_on + rng.randint(14, 60) * DAY
        ended_on = None
        if rng.random() < ENDED_MENTORSHIP_SHARE:
            ended_on = min(started_on + rng.randint(120, 240) * DAY, span.ends_on)
        pairs.append((district.platform_pks[period_index, direction],
                      district.organizations[mentor].team_pk,
                      district.organizations[mentee.team].team_pk, started_on, ended_on))
    return pairs


def generate_strategies(*, scale: Scale, seed: int) -> dict[str, int]:
    """About half the teams chose a strategy each year: narrow with few directions, wide
    with many."""
    strategies = _Table(Strategy, "team", "period", "kind")
    streams = _streams(seed, "strategies", scale)
    for district in scale.districts:
        rng = streams[district.number]
        for period_index, period_pk in enumerate(district.period_pks):
            directions = defaultdict(int)
            for item in district.placements[period_index]:
                directions[item.team] += 1
            for team, count in sorted(directions.items()):
                if rng.random() >= STRATEGY_SHARE:
                    continue
                narrow = rng.random() < (0.8 if count <= 2 else 0.3)
                strategies.add((district.organizations[team].team_pk, period_pk,
                                StrategyKind.NARROW if narrow else StrategyKind.WIDE))
    return {"strategies": strategies.flush()}


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
    rows = _Table(JournalEntry, "id", "platform", "held_on", "ends_on", "form", "form_other",
                  "topic", "venue", "description", "version", "created_at", "updated_at")
    hosts = _Table(JournalEntry.hosts.through, "journalentry", "managementteam")
    results = _Table(TeamResult, "entry", "team", "attended", "managers", "teachers",
                     "outcome", "comment")
    plans = _Table(PlannedEvent, "platform", "month", "planned_on", "form", "form_other",
                   "topic", "responsible", "entry")
    streams = _streams(seed, "journals", scale)
    for district in scale.districts:
        rng = streams[district.number]
        organizations = district.organizations
        entries = []
        for period_index, span in enumerate(scale.spans):
            for direction in range(len(DIRECTIONS)):
                entries += _platform_entries(rng, district, period_index, direction, span)
        for entry, pk in zip(entries, scale.ids.take(JournalEntry, len(entries)), strict=True):
            entry.pk = pk
            recorded_at = _moment(entry.ends_on or entry.held_on, 18)
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
    form = _weighted(rng, FORM_WEIGHTS)
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
                rng.randint(0, most_teachers), _weighted(rng, OUTCOME_WEIGHTS[tier]),
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


def _rounds() -> list[tuple]:
    """The demo's rounds, three years on: kind, title, control point key, start, end."""
    rounds = []
    for kind, _, starts_on, ends_on in CONTROL_POINTS:
        if (kind, starts_on) in ROUND_TITLES:
            round_kind, title = ROUND_TITLES[kind, starts_on]
            rounds.append((round_kind, _later_title(title), (kind, _later(starts_on)),
                           _later(starts_on), _later(ends_on)))
    return rounds


def generate_diagnostics(*, scale: Scale, seed: int) -> dict[str, int]:
    """The starter catalogue and the project's rounds; every placement diagnosed in each
    round held in its year, with 0–3 deficits that mostly go away over the rounds."""
    deficits = []
    rounds = []
    for district in scale.districts:
        for direction_index, direction_pk in enumerate(district.direction_pks):
            deficits += [(district, direction_index, Deficit(
                direction_id=direction_pk, code=f"{direction_index + 1}.{position}",
                wording=wording, from_template=True))
                for position, wording in enumerate(STARTER_DEFICITS[direction_index + 1],
                                                   start=1)]
        # Past rounds: the entry windows are the control points' own, long closed.
        rounds += [(district, DiagnosticRound(
            programme_id=district.programme_pk, control_point_id=district.control_point_pks[key],
            kind=kind, title=title, starts_on=starts_on, ends_on=ends_on,
            entry_opens=starts_on, entry_closes=ends_on))
            for kind, title, key, starts_on, ends_on in _rounds()]
    _insert([deficit for *_, deficit in deficits])
    _insert([diagnostic_round for _, diagnostic_round in rounds])
    catalogue: dict[tuple[int, int], list[int]] = defaultdict(list)
    for district, direction_index, deficit in deficits:
        catalogue[district.number, direction_index].append(deficit.pk)
    held: dict[int, list[DiagnosticRound]] = defaultdict(list)
    for district, diagnostic_round in rounds:
        held[district.number].append(diagnostic_round)
    diagnoses = _Table(Diagnosis, "id", "team", "round", "direction", "source", "score",
                       "comment", "updated_at")
    links = _Table(Diagnosis.deficits.through, "diagnosis", "deficit")
    streams = _streams(seed, "diagnostics", scale)
    for district in scale.districts:
        rng = streams[district.number]
        # (round, period index) for each round held in one of the generated years.
        diagnosed = [(diagnostic_round, period_index)
                     for diagnostic_round in held[district.number]
                     for period_index, span in enumerate(scale.spans)
                     if span.starts_on <= diagnostic_round.starts_on <= span.ends_on]
        pks = iter(scale.ids.take(Diagnosis, sum(len(district.placements[period_index])
                                                 for _, period_index in diagnosed)))
        state: dict[tuple[int, int], tuple[list[int], int]] = {}
        for diagnostic_round, period_index in diagnosed:
            entered_at = _moment(diagnostic_round.ends_on, 12)
            for item in district.placements[period_index]:
                options = catalogue[district.number, item.direction]
                found, score = _diagnose(rng, state.get((item.team, item.direction)),
                                         item.tier, len(options))
                state[item.team, item.direction] = (found, score)
                pk = next(pks)
                diagnoses.add((
                    pk, district.organizations[item.team].team_pk, diagnostic_round.pk,
                    district.direction_pks[item.direction], DiagnosisSource.EXPERT, score,
                    rng.choice(DIAGNOSIS_COMMENTS) if rng.random() < 0.1 else "", entered_at))
                for index in found:
                    links.add((pk, options[index]))
    return {"deficits": len(deficits), "diagnostic_rounds": len(rounds),
            "diagnoses": diagnoses.flush(), "diagnosis_deficits": links.flush()}


def _diagnose(rng: random.Random, before: tuple[list[int], int] | None, tier: str,
              options: int) -> tuple[list[int], int]:
    """Deficit indexes and score: drawn by tier the first time, then most deficits resolve,
    a new one appears now and then, and the score grows."""
    if before is None:
        count = _weighted(rng, FIRST_DEFICITS[tier])
        return sorted(rng.sample(range(options), count)), rng.randint(*FIRST_SCORES[tier])
    found, score = before
    kept = [index for index in found if rng.random() >= RESOLVED_SHARE]
    if len(kept) < MAX_DEFICITS and rng.random() < NEW_DEFICIT_SHARE:
        kept.append(rng.choice([index for index in range(options) if index not in found]))
    return sorted(kept), max(0, min(100, score + rng.randint(-3, 12)))


@dataclass(slots=True)
class _Profile:
    """An organization's size and standing, drifting a little from year to year."""

    students: int
    teachers: int
    graduates: int | None
    low_results: bool | None
    critical: bool


def _profile(rng: random.Random, item: SyntheticOrganization) -> _Profile:
    if item.kind == OrganizationKind.PRESCHOOL:
        students = rng.randint(40, 250)
        return _Profile(students, max(4, round(students / rng.uniform(7, 10))), None, None,
                        rng.random() < CRITICAL_STAFFING_SHARE)
    if item.kind == OrganizationKind.ADDITIONAL:
        students = rng.randint(300, 1500)
        return _Profile(students, max(6, round(students / rng.uniform(30, 50))), None, None,
                        rng.random() < CRITICAL_STAFFING_SHARE)
    ranges = {SchoolLevel.SECONDARY: (250, 1100), SchoolLevel.GYMNASIUM: (500, 1200),
              SchoolLevel.LYCEUM: (500, 1200), SchoolLevel.BASIC: (60, 300),
              SchoolLevel.PRIMARY: (20, 150)}
    low, high = ranges[item.level]
    if item.parent is not None:
        low, high = low // 2, high // 2
    students = rng.randint(low, high)
    graduate_share = {SchoolLevel.PRIMARY: None, SchoolLevel.BASIC: 0.1}.get(item.level, 0.18)
    weak = 2 if item.level in (SchoolLevel.BASIC, SchoolLevel.PRIMARY) else 1
    return _Profile(
        students, max(5, round(students / rng.uniform(11, 16))),
        None if graduate_share is None else max(1, round(students * graduate_share)),
        rng.random() < INDICATOR_SHARE["low_results"] * weak,
        rng.random() < CRITICAL_STAFFING_SHARE)


def _drift(rng: random.Random, value: int) -> int:
    return max(1, round(value * rng.uniform(0.96, 1.04)))


def generate_monitoring(*, scale: Scale, seed: int) -> dict[str, int]:
    """Per organization and year: monitoring indicators and the staffing by category;
    about 30 % of organizations fill in the map of problems and solutions."""
    indicators = _Table(SchoolIndicator, "organization", "period", "low_results",
                        "non_objective", "students_total", "olympiad_winners",
                        "graduates_total", "graduates_high_gia", "teachers_total",
                        "teachers_competition_winners")
    staffing = _Table(Staffing, "organization", "as_of", "teachers_total", "without_category",
                      "first_category", "highest_category", "attested_for_position",
                      "not_subject_to_attestation")
    needs = _Table(NeedsOffer, "organization", "period", "direction", "aspect",
                   "needs_support", "offers_practice", "note")
    streams = _streams(seed, "monitoring", scale)
    for district in scale.districts:
        rng = streams[district.number]
        profiles = [_profile(rng, item) for item in district.organizations]
        for period_index, span in enumerate(scale.spans):
            period_pk = district.period_pks[period_index]
            by_team: dict[int, list[SyntheticPlacement]] = defaultdict(list)
            for item in district.placements[period_index]:
                by_team[item.team].append(item)
            for index, (item, profile) in enumerate(zip(district.organizations, profiles,
                                                        strict=True)):
                if period_index:
                    profile.students = _drift(rng, profile.students)
                    profile.teachers = _drift(rng, profile.teachers)
                    if profile.low_results and rng.random() < INDICATOR_SHARE["low_results_left"]:
                        profile.low_results = False
                indicators.add(_indicator(rng, item, profile, period_pk))
                staffing.add(_staffing(rng, item, profile, span))
                if rng.random() < NEEDS_SHARE:
                    for line in _needs(rng, district, item, by_team[index], period_pk):
                        needs.add(line)
    return {"school_indicators": indicators.flush(), "staffing": staffing.flush(),
            "needs_offers": needs.flush()}


def _indicator(rng: random.Random, item: SyntheticOrganization, profile: _Profile,
               period_pk: int) -> tuple:
    school = item.kind == OrganizationKind.SCHOOL
    strong = item.level in (SchoolLevel.GYMNASIUM, SchoolLevel.LYCEUM)
    winners = None
    if item.kind != OrganizationKind.PRESCHOOL:
        winners = round(profile.students * rng.uniform(0, 0.06 if strong else 0.03))
    high_gia = None
    if profile.graduates is not None:
        high_gia = round(profile.graduates * rng.uniform(0.1, 0.35) if strong
                         else profile.graduates * rng.uniform(0, 0.2))
    return (item.pk, period_pk, profile.low_results if school else None,
            rng.random() < INDICATOR_SHARE["non_objective"] if school else None,
            profile.students, winners, profile.graduates, high_gia, profile.teachers,
            round(profile.teachers * rng.uniform(0, 0.1)))


def _staffing(rng: random.Random, item: SyntheticOrganization, profile: _Profile,
              span: Span) -> tuple:
    total = profile.teachers
    if profile.critical:
        # «Критическое состояние»: more than half without a category.
        without = min(total, total // 2 + 1 + round(total * rng.uniform(0, 0.2)))
    else:
        without = round(total * rng.uniform(0.05, 0.45))
    highest = round((total - without) * rng.uniform(0.3, 0.6))
    attested = round(without * rng.uniform(0, 0.7))
    exempt = rng.randint(0, min(3, without - attested))
    return (item.pk, span.starts_on + 4 * DAY, total, without, total - without - highest,
            highest, attested, exempt)


def _needs(rng: random.Random, district: District, item: SyntheticOrganization,
           placements: list[SyntheticPlacement], period_pk: int) -> list[tuple]:
    """1–3 lines in the directions the team works in: leaders offer, the others ask."""
    options = [(placement, aspect) for placement in placements for aspect in Aspect.values]
    lines = []
    for placement, aspect in rng.sample(options, min(len(options), rng.randint(1, 3))):
        leader = placement.tier == Tier.LEADER
        needs_support = rng.random() < (0.2 if leader else 0.85)
        offers = rng.random() < {Tier.LEADER: 0.9, Tier.PROMISING: 0.4}.get(placement.tier, 0.1)
        if not needs_support and not offers:
            needs_support, offers = not leader, leader
        lines.append((item.pk, period_pk, district.direction_pks[placement.direction], aspect,
                      needs_support, offers,
                      rng.choice(NEEDS_NOTES) if rng.random() < 0.25 else ""))
    return lines


def account_names(number: int) -> dict[str, str]:
    """Role → the username of a synthetic municipality's account in that role."""
    prefix = f"m{number:04d}"
    return {Role.STAFF: f"{prefix}-staff", Role.ANALYST: f"{prefix}-analyst",
            Role.CURATOR: f"{prefix}-curator", Role.SCHOOL: f"{prefix}-school"}


def generate_users(*, scale: Scale, password: str) -> dict[str, int]:
    """An account per role in every municipality, all with one password (hashed once).

    The curator curates the first two directions' platforms; the school account is the
    team of the first organization in the list that has placements.
    """
    hashed = make_password(password)
    rows = []
    for district in scale.districts:
        placed = {item.team for placements in district.placements for item in placements}
        first = min((district.organizations[index] for index in placed),
                    key=lambda item: item.sort_key)
        for role, username in account_names(district.number).items():
            rows.append((district, role, first.pk if role == Role.SCHOOL else None,
                         User(username=username, password=hashed)))
    _insert([user for *_, user in rows])
    UserProfile.objects.bulk_create(
        [UserProfile(user_id=user.pk, municipality_id=district.pk, role=role,
                     organization_id=organization)
         for district, role, organization, user in rows], batch_size=BATCH_SIZE)
    Curator.objects.bulk_update(
        [Curator(pk=district.curator_pks[0], user_id=user.pk)
         for district, role, _, user in rows if role == Role.CURATOR],
        ["user"], batch_size=BATCH_SIZE)
    return {"users": len(rows)}


# Removal -------------------------------------------------------------------------------

_SYNTHETIC = "municipality__is_synthetic"
_PROGRAMME = f"programme__{_SYNTHETIC}"
_PERIOD = f"period__{_PROGRAMME}"
_PLATFORM = f"platform__{_PERIOD}"
_ORGANIZATION = f"organization__{_SYNTHETIC}"
_TEAM = f"team__{_ORGANIZATION}"


def _bottom_up() -> list[tuple[type[models.Model], str]]:
    """Every table below the synthetic municipalities, children before their parents."""
    history = [
        (apps.get_model("internships", "HistoricalJournalEntry_hosts"),
         f"history__{_PLATFORM}"),
        (JournalEntry.history.model, _PLATFORM),
        (TeamResult.history.model, _TEAM),
        (Transfer.history.model, f"placement__{_TEAM}"),
        (Mentorship.history.model, _PLATFORM),
        (Placement.history.model, _TEAM),
        (CouncilMeeting.history.model, _PERIOD),
    ]
    return history + [
        (Diagnosis.deficits.through, f"diagnosis__{_TEAM}"),
        (Diagnosis, _TEAM),
        (Deficit, f"direction__{_PROGRAMME}"),
        (DiagnosticRound, _PROGRAMME),
        (AgendaItem.placements.through, f"agendaitem__meeting__{_PERIOD}"),
        (AgendaItem.transfers.through, f"agendaitem__meeting__{_PERIOD}"),
        (AgendaItem, f"meeting__{_PERIOD}"),
        (CouncilAttachment, f"meeting__{_PERIOD}"),
        (CouncilMeeting, _PERIOD),
        (PlannedEvent, _PLATFORM),
        (EntryAttachment, f"entry__{_PLATFORM}"),
        (TeamResult, _TEAM),
        (JournalEntry.hosts.through, f"journalentry__{_PLATFORM}"),
        (JournalEntry, _PLATFORM),
        (Transfer, f"placement__{_TEAM}"),
        (Mentorship, _PLATFORM),
        (Placement, _TEAM),
        (Platform.curators.through, _PLATFORM),
        (Platform, _PERIOD),
        (Strategy, _TEAM),
        (SchoolIndicator, _ORGANIZATION),
        (Staffing, _ORGANIZATION),
        (NeedsOffer, _ORGANIZATION),
        (TeamMember, _TEAM),
    ]


def _raw_delete(queryset: models.QuerySet) -> int:
    # One DELETE statement: no rows loaded, no signals, no history records of the removal.
    return queryset._raw_delete(queryset.db)


@transaction.atomic
def delete_synthetic() -> dict[str, int]:
    """Remove every synthetic municipality with everything in it, and its users."""
    municipalities = Municipality.objects.filter(is_synthetic=True)
    count = municipalities.count()
    if not count:
        return {"deleted_municipalities": 0, "deleted_rows": 0}
    delete_files_on_commit(
        [item.file for model, lookup in ((EntryAttachment, f"entry__{_PLATFORM}"),
                                         (CouncilAttachment, f"meeting__{_PERIOD}"))
         for item in model.objects.filter(**{lookup: True}).only("file")])
    rows = sum(_raw_delete(model.objects.filter(**{lookup: True}))
               for model, lookup in _bottom_up())
    # Few rows from here on: the ORM's deletion follows whatever else points at them.
    rows += User.objects.filter(profile__municipality__is_synthetic=True).delete()[0]
    for model, lookup in ((Curator, _SYNTHETIC), (ManagementTeam, _ORGANIZATION),
                          (Organization, _SYNTHETIC)):
        rows += _raw_delete(model.objects.filter(**{lookup: True}))
    rows += Programme.objects.filter(**{_SYNTHETIC: True}).delete()[0]
    rows += municipalities.delete()[0]
    return {"deleted_municipalities": count, "deleted_rows": rows}


# The whole run -------------------------------------------------------------------------

Report = Callable[[str, dict[str, int], float], None]


def _timed(title: str, report: Report | None, step: Callable[[], dict[str, int]],
           counts: dict[str, int]) -> None:
    started = time.perf_counter()
    done = step()
    counts.update(done)
    if report is not None:
        report(title, done, time.perf_counter() - started)


def generate_scale(*, municipalities: int, organizations: int, periods: int = 2,
                   seed: int = 1, password: str | None = None, replace: bool = False,
                   report: Report | None = None) -> dict[str, int]:
    """Fill the database with synthetic municipalities; the row counts by kind.

    Refused (GenerationRefused) when synthetic data is there already and ``replace`` is
    not given; with it the old synthetic municipalities go first. Everything happens in
    one transaction: a failure leaves the database as it was.
    """
    check_arguments(municipalities=municipalities, organizations=organizations,
                    periods=periods)
    names = [MUNICIPALITY_NAME.format(number) for number in range(1, municipalities + 1)]
    counts: dict[str, int] = {}
    with transaction.atomic():
        if Municipality.objects.filter(is_synthetic=True).exists() and not replace:
            raise GenerationRefused(
                "В базе уже есть синтетические данные. Чтобы заменить их новыми, "
                "запустите команду с --replace.")
        clash = Municipality.objects.filter(is_synthetic=False, name__in=names).first()
        if clash is not None:
            raise GenerationRefused(
                f"Муниципальное образование «{clash.name}» уже есть и не помечено как "
                "синтетическое: переименуйте его.")
        if replace:
            _timed("Удаление прежних синтетических данных", report, delete_synthetic, counts)
        scale = Scale(spans=period_spans(periods), ids=Ids())
        stages = [
            ("Муниципальные образования",
             lambda: generate_municipalities(scale=scale, count=municipalities)),
            ("Организации и команды",
             lambda: generate_organizations(scale=scale, organizations=organizations,
                                            seed=seed)),
            ("Проекты, учебные годы, направления, кураторы, площадки",
             lambda: generate_programmes(scale=scale, seed=seed)),
            ("Распределение, переводы, наставничество",
             lambda: generate_placements(scale=scale, seed=seed)),
            ("Стратегии команд",
             lambda: generate_strategies(scale=scale, seed=seed)),
            ("Журналы площадок и планы работы",
             lambda: generate_journals(scale=scale, seed=seed)),
            ("Диагностика",
             lambda: generate_diagnostics(scale=scale, seed=seed)),
            ("Мониторинг, кадровый состав, карта проблем и решений",
             lambda: generate_monitoring(scale=scale, seed=seed)),
        ]
        if password:
            stages.append(("Пользователи",
                           lambda: generate_users(scale=scale, password=password)))
        for title, step in stages:
            _timed(title, report, step, counts)
        committing = time.perf_counter()
    # The database checks the rows' references when the transaction commits.
    if report is not None:
        report("Проверка связей и фиксация транзакции", {}, time.perf_counter() - committing)
    if connection.vendor == "postgresql":
        _timed("ANALYZE", report, _analyze, counts)
    return counts


def _analyze() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {}
