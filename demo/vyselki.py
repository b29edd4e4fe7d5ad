"""The third demo district: Vyselki's school innovation projects on the seven-stage path.

Source: the «Инновационный поиск – 2021» application of МКУ «Информационно-методический
центр муниципального образования Выселковский район», project «Внедрение инновационной
деятельности в образовательное пространство Выселковского района» (seed 002). From it come
the programme and its four stages (вводный, муниципальная конференция 2021–22, муниципальный
конкурс 2022–23, краевые конкурсы 2023–24), the seven stages I–VII of the path of school
projects, the curators Иванова Н.А. (главный специалист УО) and Ремель О.Л. (специалист
ИМЦ), pilot and non-pilot schools, the webinar and the methodological help of the roadmap,
and the application itself in the sixteen sections of «Инновационный поиск»
(``demo/texts/vyselki_passport.txt``). The Krymsky programme's own passport (seed 000) is
loaded as its application in the same form (``demo/texts/krymsky_passport.txt``).

Everything else is illustrative and marked so: the document names neither the schools nor
their projects, so the schools' numbers, which of them are pilot, the projects' themes,
problems and ideas, the dates of their stage moves and of each consultation, the evidence
of the moves and the tutor are made up.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction

from demo.krymsky import PROGRAMME as KRYMSKY_PROGRAMME
from demo.krymsky import _demo_user, describe_school
from innovation.applications import application_of, save_version
from innovation.catalogue import ensure_path, standard_template
from innovation.consultations import log_consultation
from innovation.models import AssignmentKind, HelpForm, InnovationProject, ProjectAssignment
from innovation.projects import ProjectCard, register_project
from innovation.stages import move_stage
from internships.models import Period, Programme, Stage
from people.models import Teacher, WorkerCategory
from teams.models import ManagementTeam, Municipality, Organization, Role

MUNICIPALITY = "Муниципальное образование Выселковский район"
PROGRAMME = "Внедрение инновационной деятельности в образовательное пространство " \
    "Выселковского района"
TEXTS = Path(__file__).resolve().parent / "texts"
CURATORS = "Иванова Н.А., Ремель О.Л."
ILLUSTRATIVE = " (иллюстративные данные)"

D = datetime.date

# The roadmap of the document, «Дорожная карта пилотного проекта».
PROGRAMME_STAGES = [
    (1, D(2021, 9, 1), D(2021, 11, 30), "Вводный",
     "Вебинар «Инновационная образовательная деятельность в организации: основные понятия, "
     "характеристики, алгоритм построения», методические рекомендации."),
    (2, D(2021, 12, 1), D(2022, 8, 31), "Муниципальная образовательная конференция "
     "«Инновационный поиск»", "Кураторство проектов пилотных школ, конференция в марте 2022."),
    (3, D(2022, 9, 1), D(2023, 8, 31), "Муниципальный образовательный конкурс "
     "«Инновационный поиск»", "Положение конкурса по номинациям, семинары, кураторство "
     "тьюторов, конкурс в марте 2023."),
    (4, D(2023, 9, 1), D(2024, 2, 29), "Краевые образовательные конкурсы",
     "Участие победителей и призёров в краевом конкурсе, анализ ошибок."),
]
PERIODS = [("2021–2022", D(2021, 9, 1), D(2022, 8, 31)),
           ("2022–2023", D(2022, 9, 1), D(2023, 8, 31)),
           ("2023–2024", D(2023, 9, 1), D(2024, 8, 31))]


@dataclass(frozen=True)
class ProjectRow:
    school: str
    pilot: bool
    stage: int
    theme: str
    key_problem: str = ""
    idea: str = ""
    innovation_object: str = ""


# Illustrative: the document names no school and no school project. Pilot schools begin in
# 2021–2022 and reach the conference; the others join for the contest in 2022–2023.
PROJECTS = [
    ProjectRow("МБОУ СОШ № 1", True, 7, "Школа полного дня как условие роста учебной "
               "мотивации", "Низкая учебная мотивация обучающихся основной школы",
               "Единое образовательное пространство урочной и внеурочной деятельности",
               "Организация второй половины дня"),
    ProjectRow("МБОУ СОШ № 2", True, 6, "Наставничество как ресурс профессионального роста "
               "педагогов", "Высокая доля молодых педагогов без опыта проектирования уроков",
               "Внутришкольная система наставничества «педагог — педагог»",
               "Методическая работа школы"),
    ProjectRow("МБОУ СОШ № 3", True, 5, "Функциональная грамотность: от диагностики к "
               "результату", "Низкие результаты обучающихся в заданиях на применение знаний",
               "Сквозные межпредметные задания во всех параллелях",
               "Система внутришкольной оценки"),
    ProjectRow("МБОУ СОШ № 4", True, 5, "Сетевое профильное обучение сельских школ",
               "Недостаток ресурсов для профильного обучения в малокомплектной школе",
               "Сетевые профильные группы нескольких школ", "Учебный план старшей школы"),
    ProjectRow("МБОУ СОШ № 5", True, 4, "Цифровая образовательная среда школы",
               "Разрозненное использование цифровых ресурсов педагогами"),
    ProjectRow("МБОУ СОШ № 6", False, 4, "Индивидуальные образовательные маршруты "
               "обучающихся", "Отсутствие адресной работы с обучающимися группы риска"),
    ProjectRow("МБОУ СОШ № 7", False, 3, "Школа — центр социокультурной жизни станицы"),
    ProjectRow("МБОУ СОШ № 8", False, 3, "Объективность оценивания образовательных "
               "результатов"),
    ProjectRow("МБОУ СОШ № 9", False, 2, "Проектная деятельность в основной школе"),
    ProjectRow("МБОУ СОШ № 10", False, 1, "Казачье воспитание в воспитательной системе "
               "школы"),
    ProjectRow("МБОУ ООШ № 11", False, 1, "Внутришкольное повышение квалификации педагогов"),
]
# A school of the district without a project yet.
SCHOOLS = [row.school for row in PROJECTS] + ["МБОУ СОШ № 12"]

# What evidenced a move onto each stage (illustrative wording of the usual documents).
EVIDENCE = {
    2: "Приказ директора о создании рабочей группы проекта",
    3: "Протокол педагогического совета; анкетирование готовности педагогов к инновационной "
       "деятельности",
    4: "Проблемный анализ школы: проблемное поле и ключевая проблема",
    5: "Проектная идея и объект нововведений одобрены педагогическим советом",
    6: "План управленческих действий утверждён приказом директора",
    7: "Отчёт рабочей группы о первых шагах и корректировке плана",
}
PLAN = ("1. Приказ о рабочей группе и распределение ответственности.\n"
        "2. Обучающие семинары для педагогов по теме проекта.\n"
        "3. Апробация в двух параллелях, затем во всей школе.\n"
        "4. Мониторинг первых шагов раз в четверть, корректировка плана.")

# Methodological help of the roadmap: (date, form, topic, for pilot projects or for
# projects of the contest year). The dates within the roadmap's months are illustrative.
HELP = [
    (D(2021, 9, 28), HelpForm.WEBINAR, "Инновационная образовательная деятельность в "
     "организации: основные понятия, характеристики, алгоритм построения", True),
    (D(2022, 1, 25), HelpForm.CONSULTATION, "Кураторство инновационного проекта ОО: "
     "проблемный анализ и ключевая проблема", True),
    (D(2022, 3, 1), HelpForm.CONSULTATION, "Подготовка проекта к муниципальной "
     "образовательной конференции «Инновационный поиск»", True),
    (D(2022, 11, 15), HelpForm.SEMINAR, "Семинар для потенциальных участников конкурса "
     "«Инновационный поиск 2023»", False),
    (D(2023, 2, 7), HelpForm.CONSULTATION, "Кураторство тьюторов над проектом — участником "
     "конкурса «Инновационный поиск 2023»", False),
]


def passport(name: str) -> dict[int, str]:
    """Section number → text of a programme's application kept in ``demo/texts``."""
    sections: dict[int, list[str]] = {}
    current = None
    for line in (TEXTS / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            current = int(line[4:])
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    return {number: "\n".join(lines).strip() for number, lines in sections.items()}


def _load_programme(municipality: Municipality) -> tuple[Programme, dict[str, Period]]:
    programme, _ = Programme.objects.update_or_create(
        municipality=municipality, title=PROGRAMME,
        defaults={"starts_on": D(2021, 9, 1), "ends_on": D(2024, 8, 31)})
    for number, starts_on, ends_on, title, description in PROGRAMME_STAGES:
        Stage.objects.update_or_create(
            programme=programme, number=number,
            defaults={"title": title, "description": description, "starts_on": starts_on,
                      "ends_on": ends_on})
    periods = {}
    for title, starts_on, ends_on in PERIODS:
        periods[title], _ = Period.objects.update_or_create(
            programme=programme, title=title,
            defaults={"starts_on": starts_on, "ends_on": ends_on})
    ensure_path(programme=programme)
    return programme, periods


def _load_schools(municipality: Municipality) -> dict[str, Organization]:
    schools = {}
    for short_name in SCHOOLS:
        full_name, level, number = describe_school(short_name)
        schools[short_name], _ = Organization.objects.update_or_create(
            municipality=municipality, short_name=short_name,
            defaults={"name": full_name, "kind": "school", "level": level, "number": number})
        ManagementTeam.objects.get_or_create(organization=schools[short_name])
    return schools


def _users(municipality: Municipality, schools: dict[str, Organization]) -> dict[str, User]:
    tutor_school = schools["МБОУ СОШ № 2"]
    users = {
        "staff": _demo_user("vys-staff", "", "Иванова Н.А.", municipality, Role.STAFF),
        "curator": _demo_user("vys-curator", "", "Ремель О.Л.", municipality, Role.CURATOR),
        "school": _demo_user("vys-school", "", "", municipality, Role.SCHOOL,
                             organization=schools["МБОУ СОШ № 1"]),
        "tutor": _demo_user("vys-tutor", "Марина", "Тьюторова", municipality, Role.TEACHER,
                            organization=tutor_school),
    }
    Teacher.objects.get_or_create(
        user=users["tutor"], defaults={
            "organization": tutor_school, "full_name": "Тьюторова Марина Викторовна",
            "position": "заместитель директора по методической работе",
            "worker_category": WorkerCategory.MANAGER})
    return users


def _card(row: ProjectRow) -> ProjectCard:
    return ProjectCard(theme=row.theme, key_problem=row.key_problem, idea=row.idea,
                       innovation_object=row.innovation_object,
                       plan=PLAN if row.stage >= 6 else "")


def _accompany(project: InnovationProject, row: ProjectRow, users: dict[str, User],
               start: datetime.date) -> None:
    """The project's illustrative path: its curators, its moves every six weeks, its help."""
    for key in ("staff", "curator"):
        ProjectAssignment.objects.create(project=project, user=users[key],
                                         kind=AssignmentKind.CURATOR, assigned_on=start)
    if row.school in ("МБОУ СОШ № 1", "МБОУ СОШ № 7", "МБОУ СОШ № 9"):
        ProjectAssignment.objects.create(project=project, user=users["tutor"],
                                         kind=AssignmentKind.TUTOR, assigned_on=start)
    stages = {stage.number: stage for stage in project.programme.innovation_stages.all()}
    for number in range(2, row.stage + 1):
        move_stage(project=project, to_stage=stages[number],
                   moved_on=start + datetime.timedelta(weeks=6 * (number - 1)),
                   evidence=EVIDENCE[number] + ILLUSTRATIVE, moved_by=users["curator"])
    for held_on, form, topic, for_pilots in HELP:
        if for_pilots == row.pilot:
            log_consultation(project=project, held_on=held_on, form=form, topic=topic,
                             advisers=CURATORS, participants="директор, заместители директора",
                             outcome="Рекомендации по следующему этапу" + ILLUSTRATIVE,
                             recorded_by=users["curator"])


def _load_projects(schools, periods, users) -> int:
    created = 0
    for row in PROJECTS:
        period = periods["2021–2022" if row.pilot else "2022–2023"]
        if InnovationProject.objects.filter(organization=schools[row.school],
                                            period=period).exists():
            continue
        project = register_project(organization=schools[row.school], period=period,
                                   card=_card(row), is_pilot=row.pilot,
                                   registered_by=users["school"])
        _accompany(project, row, users, start=D(2021, 10, 4) if row.pilot else D(2022, 10, 3))
        created += 1
    return created


def _school_application(schools, periods, users) -> None:
    project = InnovationProject.objects.get(organization=schools["МБОУ СОШ № 1"],
                                            period=periods["2021–2022"])
    if application_of(project=project) is not None:
        return
    sections = {section.number: section.pk for section in standard_template(
        municipality=project.programme.municipality).sections.all()}
    texts = {
        1: project.theme,
        4: project.key_problem,
        5: "Повысить учебную мотивацию обучающихся через единое пространство урочной и "
           "внеурочной деятельности.",
        7: project.idea,
        13: PLAN,
    }
    save_version(texts={sections[number]: f"{text}{ILLUSTRATIVE}"
                        for number, text in texts.items()},
                 saved_by=users["school"], project=project,
                 title="Номинация для образовательных организаций" + ILLUSTRATIVE)


def load_programme_application(*, programme: Programme, name: str, title: str,
                               saved_by: User | None) -> None:
    """A programme's own passport as its application in the sixteen sections."""
    if application_of(programme=programme) is not None:
        return
    sections = {section.number: section.pk for section in standard_template(
        municipality=programme.municipality).sections.all()}
    texts = passport(name)
    save_version(texts={sections[number]: text for number, text in texts.items()},
                 saved_by=saved_by, programme=programme, title=title,
                 note="Паспорт проекта из заявки на конкурс")


@transaction.atomic
def load_vyselki() -> dict[str, int]:
    """Create or refresh the Vyselki district; a second run changes nothing."""
    municipality, _ = Municipality.objects.get_or_create(name=MUNICIPALITY)
    programme, periods = _load_programme(municipality)
    schools = _load_schools(municipality)
    users = _users(municipality, schools)
    _load_projects(schools, periods, users)
    _school_application(schools, periods, users)
    load_programme_application(
        programme=programme, name="vyselki_passport", saved_by=users["staff"],
        title="«Инновационный поиск – 2021»: «Совершенствование инновационной инфраструктуры "
              "межмуниципального взаимодействия»")
    krymsky = Programme.objects.filter(title=KRYMSKY_PROGRAMME).first()
    if krymsky is not None:
        load_programme_application(
            programme=krymsky, name="krymsky_passport", saved_by=None,
            title=f"«{KRYMSKY_PROGRAMME}»")
    return {
        "schools": len(schools),
        "projects": InnovationProject.objects.filter(programme=programme).count(),
        "pilot": InnovationProject.objects.filter(programme=programme, is_pilot=True).count(),
    }
