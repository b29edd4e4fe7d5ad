"""The second demo district: Timashevsk's teachers, their platforms and modular programmes.

Source: the innovation project «Научно-методическое сопровождение профессионального роста
педагогов в условиях деятельности стажировочных площадок» (Тимашевский район). From it come
the schools that host the internship platforms (МБОУ СОШ № 1, 2, 4, 5, 11, 13), the support
platform of МБДОУ д/с № 7, the six competence areas of the section «Содержание и формы
реализации сетевых мероприятий», the eight modular programmes «на 1–1,5 года» of the
organisational conditions, the platform «Методическая предметная компетентность педагога» of
the work plan, the platforms' years of work (from the autumn of 2020 to November 2022) and
the scale of about 80 young teachers, as many as the district's platforms taught in their
first three years.

Everything else is illustrative and marked so below: the further schools and kindergartens,
which programme sits on which host, and every person — the names are made up, and so are
positions, subjects and dates of the teachers. The project names no modules and no hours
for its programmes, so none are loaded. The district's methodological service (МБУ «Центр
развития образования») is not loaded: the project calls it a methodological service, not an
organization of additional education, and no other kind of organization fits it.
"""

import datetime
import random
from dataclasses import dataclass, replace

from django.db import transaction
from django.utils import timezone

from core.school_year import school_year_of
from demo.krymsky import _demo_user, describe_school
from demo.synthetic.names import person
from demo.timashevsk_competence import load_competence
from demo.timashevsk_routes import load_timashevsk_routes
from demo.timashevsk_trainings import load_trainings
from internships.models import Period, Programme
from people.models import (
    CompetenceArea,
    ModularProgramme,
    PlatformKind,
    QualificationCategory,
    Teacher,
    TeacherPlatform,
    WorkerCategory,
)
from teams.models import ManagementTeam, Municipality, Organization, OrganizationKind, Role

MUNICIPALITY = "Муниципальное образование Тимашевский район"

D = datetime.date

# The platforms began their classes in October 2020 and work «январь – ноябрь 2022» last.
PLATFORMS_START = D(2020, 10, 1)
PLATFORMS_END = D(2022, 11, 30)
# The young teachers' first working days are written as they stood when the platforms began;
# loading moves them forward by the time since that day, so that on any day the demo is
# loaded the same 80 people are «молодые педагоги» on the pages, which judge by today.
REGISTER_DAY = PLATFORMS_START

# «Программы, рассчитанные на 1–1,5 года обучения».
PROGRAMME_MONTHS = (12, 18)

# The wording of the section «Содержание и формы реализации сетевых мероприятий», numbered
# in its order.
COMPETENCE_AREAS = [
    (1, "Развитие психолого-педагогических компетенций"),
    (2, "Развитие проектно-исследовательских компетенций"),
    (3, "Формирование оценочных компетенций"),
    (4, "Развитие методических компетенций"),
    (5, "Компетенции в области ИКТ и цифровых технологий"),
    (6, "Здоровьесберегающие компетенции"),
]

INTERNSHIP_SCHOOLS = ["МБОУ СОШ № 1", "МБОУ СОШ № 2", "МБОУ СОШ № 4", "МБОУ СОШ № 5",
                      "МБОУ СОШ № 11", "МБОУ СОШ № 13"]
SUPPORT_KINDERGARTEN = "МБДОУ д/с № 7"

# (programme, host, kind of platform, the platform's theme, competence area numbers).
# The project does not say which school teaches which programme: this assignment is
# illustrative. A platform's theme is its programme's title, except the one the work plan
# names by a title of its own. The kindergarten's programme — the developing environment of
# a preschool group — is both a methodical and a psychological-pedagogical competence.
PROGRAMMES = [
    ("Формирование методических компетенций педагогов", "МБОУ СОШ № 1",
     PlatformKind.INTERNSHIP, "Методическая предметная компетентность педагога", [4]),
    ("Развитие проектно-исследовательских компетенций", "МБОУ СОШ № 2",
     PlatformKind.INTERNSHIP, None, [2]),
    ("Развитие компетенций педагогов в оценке качества образования", "МБОУ СОШ № 4",
     PlatformKind.INTERNSHIP, None, [3]),
    ("Ступеньки успеха: психолого-педагогические компетенции", "МБОУ СОШ № 5",
     PlatformKind.INTERNSHIP, None, [1]),
    ("Системно-деятельностный метод обучения: методология, методика, практика",
     "МБОУ СОШ № 11", PlatformKind.INTERNSHIP, None, [4]),
    ("ИКТ-компетенции", "МБОУ СОШ № 13", PlatformKind.INTERNSHIP, None, [5]),
    ("Формирование здоровьесберегающих компетенций педагогов", "МБОУ СОШ № 13",
     PlatformKind.INTERNSHIP, None, [6]),
    ("Компетенции в области проектирования предметно-развивающей среды",
     SUPPORT_KINDERGARTEN, PlatformKind.SUPPORT, None, [1, 4]),
]

# Organization → how many young teachers work there: 80 in all, the project's «около 80».
# Only the hosts above are named in the project; the other schools and kindergartens, and
# every number here, are illustrative.
YOUNG_TEACHERS = {
    "МБОУ СОШ № 1": 7, "МБОУ СОШ № 2": 7, "МБОУ СОШ № 4": 7, "МБОУ СОШ № 5": 7,
    "МБОУ СОШ № 11": 7, "МБОУ СОШ № 13": 7, SUPPORT_KINDERGARTEN: 6,
    "МБОУ СОШ № 3": 6, "МБОУ СОШ № 6": 6, "МБОУ СОШ № 9": 5, "МБОУ ООШ № 14": 3,
    "МБДОУ д/с № 3": 6, "МБДОУ д/с № 12": 6,
}
KINDERGARTEN_PREFIX = "МБДОУ д/с № "

# A young teacher's first working day: the first of September of the three school years
# before the register's day, or a start in the middle of a year.
YOUNG_STARTS = [D(2018, 9, 1), D(2019, 1, 14), D(2019, 9, 1), D(2020, 1, 13), D(2020, 9, 1)]

SCHOOL_POSTS = [
    ("учитель начальных классов",
     "русский язык, литературное чтение, математика, окружающий мир"),
    ("учитель", "математика"), ("учитель", "русский язык, литература"),
    ("учитель", "английский язык"), ("учитель", "история, обществознание"),
    ("учитель", "биология"), ("учитель", "химия"), ("учитель", "физика"),
    ("учитель", "информатика"), ("учитель", "математика, информатика"),
    ("учитель", "география"), ("учитель", "физическая культура"), ("учитель", "музыка"),
    ("учитель", "изобразительное искусство"), ("учитель", "технология"),
]
# Drawn with these weights: most young teachers of a school teach the primary classes or
# a main subject, and most of a kindergarten's are its groups' teachers.
YOUNG_SCHOOL_POSTS = [SCHOOL_POSTS[0]] * 4 + SCHOOL_POSTS[1:5] * 2 + SCHOOL_POSTS[5:]
PRESCHOOL_POSTS = [("воспитатель", "")] * 6 + [
    ("музыкальный руководитель", ""), ("инструктор по физической культуре", ""),
    ("учитель-логопед", ""), ("педагог-психолог", ""),
]
# The masters of a platform whose theme is a subject's own teach that subject; the other
# themes are every teacher's.
THEME_POSTS = {
    "ИКТ-компетенции": [("учитель", "информатика"), ("учитель", "математика, информатика"),
                        ("учитель", "физика")],
    "Формирование здоровьесберегающих компетенций педагогов": [
        ("учитель", "физическая культура"), ("учитель", "биология"), SCHOOL_POSTS[0]],
}
SCHOOL_HEAD = "заместитель директора по научно-методической работе"
PRESCHOOL_HEAD = "старший воспитатель"

# Fixed, so that every load draws the same people.
SEED = 2020


@dataclass(frozen=True)
class PersonRow:
    organization: str
    full_name: str
    position: str
    subjects: str
    worker_category: str
    teaching_since: datetime.date
    qualification: str = QualificationCategory.NONE
    qualified_on: datetime.date | None = None
    master_since: datetime.date | None = None


@dataclass(frozen=True)
class PlatformRow:
    programme: str
    host: str
    kind: str
    title: str
    areas: list[int]
    head: PersonRow
    masters: list[PersonRow]


def is_kindergarten(short_name: str) -> bool:
    return short_name.startswith(KINDERGARTEN_PREFIX)


def organization_fields(short_name: str) -> dict:
    """Full name, kind, level and number of a school or kindergarten from its short name."""
    if is_kindergarten(short_name):
        number = int(short_name.removeprefix(KINDERGARTEN_PREFIX))
        return {"name": "Муниципальное бюджетное дошкольное образовательное учреждение "
                        f"детский сад № {number}",
                "kind": OrganizationKind.PRESCHOOL, "level": "", "number": number}
    full_name, level, number = describe_school(short_name)
    return {"name": full_name, "kind": OrganizationKind.SCHOOL, "level": level,
            "number": number}


class _Names:
    """Made-up names, each used once in the district."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def draw(self) -> str:
        while True:
            full_name, _ = person(self.rng)
            if full_name not in self.used:
                self.used.add(full_name)
                return full_name


def _master(*, rng: random.Random, names: _Names, host: str, programme: str,
            head: bool) -> PersonRow:
    """An experienced teacher of the host with the highest category and the master's status."""
    if is_kindergarten(host):
        position, subjects = PRESCHOOL_HEAD if head else "воспитатель", ""
        category = WorkerCategory.PRESCHOOL
    else:
        position, subjects = rng.choice(THEME_POSTS.get(programme, SCHOOL_POSTS))
        category = WorkerCategory.TEACHER
        if head:
            position, category = SCHOOL_HEAD, WorkerCategory.MANAGER
    return PersonRow(
        organization=host, full_name=names.draw(), position=position, subjects=subjects,
        worker_category=category, teaching_since=D(rng.randint(1988, 2008), 9, 1),
        qualification=QualificationCategory.HIGHEST,
        qualified_on=D(rng.randint(2015, 2019), rng.choice([3, 5, 12]), 25),
        # The status «Педагог-мастер» came with the district's first internship project.
        master_since=D(rng.randint(2016, 2018), 5, 31),
    )


def _young(*, rng: random.Random, names: _Names, organization: str) -> PersonRow:
    kindergarten = is_kindergarten(organization)
    position, subjects = rng.choice(PRESCHOOL_POSTS if kindergarten else YOUNG_SCHOOL_POSTS)
    return PersonRow(
        organization=organization, full_name=names.draw(), position=position,
        subjects=subjects,
        worker_category=WorkerCategory.PRESCHOOL if kindergarten else WorkerCategory.TEACHER,
        teaching_since=rng.choice(YOUNG_STARTS),
    )


def roster() -> tuple[list[PlatformRow], list[PersonRow]]:
    """The platforms with their heads and masters, and the young teachers; the same every
    time."""
    rng = random.Random(SEED)
    names = _Names(rng)
    platforms = []
    for programme, host, kind, theme, areas in PROGRAMMES:
        head = _master(rng=rng, names=names, host=host, programme=programme, head=True)
        masters = [_master(rng=rng, names=names, host=host, programme=programme, head=False)
                   for _ in range(rng.randint(2, 4))]
        platforms.append(PlatformRow(programme=programme, host=host, kind=kind,
                                     title=theme or programme, areas=areas, head=head,
                                     masters=masters))
    young = [_young(rng=rng, names=names, organization=organization)
             for organization, count in YOUNG_TEACHERS.items() for _ in range(count)]
    return platforms, young


def _keep_teacher(*, organizations: dict[str, Organization], row: PersonRow) -> Teacher:
    """Create or refresh a teacher, saving only a real change.

    Not ``update_or_create``: it saves even an unchanged record, and every save of a
    teacher writes a history row, so a second load would not be a no-op.
    """
    fields = {"position": row.position, "subjects": row.subjects,
              "worker_category": row.worker_category, "teaching_since": row.teaching_since,
              "qualification": row.qualification, "qualified_on": row.qualified_on,
              "master_since": row.master_since}
    teacher, created = Teacher.objects.get_or_create(
        organization=organizations[row.organization], full_name=row.full_name,
        defaults=fields,
    )
    changed = [name for name, value in fields.items() if getattr(teacher, name) != value]
    if not created and changed:
        for name in changed:
            setattr(teacher, name, fields[name])
        teacher.save(update_fields=changed)
    return teacher


def _load_organizations(municipality: Municipality) -> dict[str, Organization]:
    names = dict.fromkeys([*INTERNSHIP_SCHOOLS, SUPPORT_KINDERGARTEN, *YOUNG_TEACHERS])
    organizations = {}
    for short_name in names:
        organizations[short_name], _ = Organization.objects.update_or_create(
            municipality=municipality, short_name=short_name,
            defaults=organization_fields(short_name),
        )
        # Every organization of the portal has its team: a school's users act as its team.
        ManagementTeam.objects.get_or_create(organization=organizations[short_name])
    return organizations


def _load_platform(*, organizations: dict[str, Organization],
                   areas: dict[int, CompetenceArea], row: PlatformRow) -> None:
    head = _keep_teacher(organizations=organizations, row=row.head)
    platform, _ = TeacherPlatform.objects.update_or_create(
        host=organizations[row.host], title=row.title,
        defaults={"kind": row.kind, "head": head, "starts_on": PLATFORMS_START,
                  "ends_on": PLATFORMS_END},
    )
    platform.masters.set([_keep_teacher(organizations=organizations, row=master)
                          for master in row.masters])
    months_from, months_to = PROGRAMME_MONTHS
    programme, _ = ModularProgramme.objects.update_or_create(
        platform=platform, title=row.programme,
        defaults={"months_from": months_from, "months_to": months_to},
    )
    programme.competence_areas.set([areas[number] for number in row.areas])


# The project as the portal's programme, so that its academic years carry the figures of the
# persons (trained on the platforms, coverage, competence dynamics). The project's own years
# were 2020–2022; the demo's are illustrative: from 2024–2025, the year of its platform
# sessions, to the last finished academic year, that of its competence rounds.
PROGRAMME = ("Научно-методическое сопровождение профессионального роста педагогов в условиях "
             "деятельности стажировочных площадок")
FIRST_PROGRAMME_YEAR = 2024


def _load_programme(municipality: Municipality, today: datetime.date) -> Programme:
    current = school_year_of(today)
    years = range(FIRST_PROGRAMME_YEAR, max(current, FIRST_PROGRAMME_YEAR + 1))
    programme, _ = Programme.objects.update_or_create(
        municipality=municipality, title=PROGRAMME,
        defaults={"starts_on": datetime.date(years[0], 9, 1),
                  "ends_on": datetime.date(years[-1] + 1, 8, 31)})
    for year in years:
        Period.objects.update_or_create(
            programme=programme, title=f"{year}–{year + 1}",
            defaults={"starts_on": datetime.date(year, 9, 1),
                      "ends_on": datetime.date(year + 1, 8, 31)})
    return programme


@transaction.atomic
def load_timashevsk(*, today: datetime.date | None = None) -> dict[str, int]:
    """Create or refresh the Timashevsk district; a second run on the same day changes
    nothing."""
    today = today or timezone.localdate()
    municipality, _ = Municipality.objects.get_or_create(name=MUNICIPALITY)
    organizations = _load_organizations(municipality)
    areas = {}
    for number, title in COMPETENCE_AREAS:
        areas[number], _ = CompetenceArea.objects.update_or_create(
            municipality=municipality, number=number, defaults={"title": title},
        )
    platforms, young = roster()
    for row in platforms:
        _load_platform(organizations=organizations, areas=areas, row=row)
    moved = today - REGISTER_DAY
    for row in young:
        _keep_teacher(organizations=organizations,
                      row=replace(row, teaching_since=row.teaching_since + moved))
    _load_programme(municipality, today)
    load_trainings(municipality=municipality)

    _demo_user("tim-staff", "Елена Петровна", "Кравченко", municipality, Role.STAFF)
    _demo_user("tim-school", "Игорь Владимирович", "Бондаренко", municipality, Role.SCHOOL,
               organization=organizations["МБОУ СОШ № 1"])
    load_timashevsk_routes(municipality=municipality, today=today)
    load_competence(municipality=municipality, areas=areas, today=today)
    teachers = Teacher.objects.filter(organization__municipality=municipality)
    return {
        "organizations": len(organizations),
        "platforms": len(platforms),
        "programmes": ModularProgramme.objects.filter(
            platform__host__municipality=municipality).count(),
        "teachers": teachers.count(),
        "young": sum(teacher.is_young_on(today) for teacher in teachers),
    }
