"""The demo district: Krymsky district's internship model as its project prints it.

Source: the innovation project «Непрерывное профессиональное развитие
управленческих команд через вовлечение в систему взаимных стажировок»
(управление образования МО Крымский район, 2021), the table «Основные
направления, по которым формируются взаимные стажировки» and the plan of §12.
Obvious typos of the source (e.g. «МББОУ») are corrected. Team members and
e-mails are not in the source and are left empty.
"""

import datetime
import re

from django.contrib.auth.models import User
from django.db import transaction

from internships.models import (
    ControlPoint,
    ControlPointKind,
    Curator,
    CuratorBody,
    Direction,
    Period,
    Placement,
    PlannedEvent,
    Platform,
    Programme,
    Stage,
    Tier,
    WorkForm,
)
from teams.models import ManagementTeam, Municipality, Organization, Role, SchoolLevel, UserProfile

MUNICIPALITY = "Муниципальное образование Крымский район"
PROGRAMME = (
    "Непрерывное профессиональное развитие управленческих команд через вовлечение "
    "в систему взаимных стажировок"
)
PERIOD = "2021–2022"
DEMO_PASSWORD = "demo"

D = datetime.date

# number, dates, title, what the stage does (the plan of §12 in brief)
STAGES = [
    (1, D(2021, 9, 1), D(2021, 12, 31), "Подготовительный",
     "Нормативная база и дорожная карта, подбор диагностических материалов, изучение "
     "потребностей школ и распределение команд по площадкам, закрепление кураторов, "
     "планы работы площадок."),
    (2, D(2022, 1, 1), D(2024, 4, 30), "Внедренческий",
     "Работа площадок по планам, промежуточная диагностика и текущий мониторинг, "
     "своевременная корректировка модели."),
    (3, D(2024, 5, 1), D(2024, 12, 31), "Аналитический",
     "Итоговая диагностика участников, мониторинг эффективности, подготовка "
     "методического пособия."),
]

CONTROL_POINTS = [
    (ControlPointKind.START_DIAGNOSTICS,
     "Мониторинг потребностей общеобразовательных организаций по направлениям "
     "деятельности стажировочных площадок", D(2021, 10, 1), D(2021, 11, 30)),
    (ControlPointKind.INTERMEDIATE_DIAGNOSTICS,
     "Промежуточная диагностика деятельности стажировочных площадок",
     D(2022, 5, 1), D(2022, 5, 31)),
    (ControlPointKind.CURRENT_MONITORING,
     "Текущий мониторинг организации деятельности стажировочных площадок",
     D(2022, 12, 1), D(2022, 12, 31)),
    (ControlPointKind.INTERMEDIATE_DIAGNOSTICS,
     "Промежуточная диагностика деятельности стажировочных площадок",
     D(2023, 4, 1), D(2023, 4, 30)),
    (ControlPointKind.CURRENT_MONITORING,
     "Текущий мониторинг организации деятельности стажировочных площадок",
     D(2023, 5, 1), D(2023, 5, 31)),
    (ControlPointKind.CURRENT_MONITORING,
     "Текущий мониторинг организации деятельности стажировочных площадок",
     D(2023, 12, 1), D(2023, 12, 31)),
    (ControlPointKind.CURRENT_MONITORING,
     "Текущий мониторинг организации деятельности стажировочных площадок",
     D(2024, 4, 1), D(2024, 4, 30)),
    (ControlPointKind.FINAL_DIAGNOSTICS,
     "Итоговая диагностика участников стажировочных площадок", D(2024, 5, 1), D(2024, 8, 31)),
    (ControlPointKind.EFFECTIVENESS_MONITORING,
     "Мониторинг эффективности результатов деятельности стажировочных площадок",
     D(2024, 9, 1), D(2024, 10, 31)),
    (ControlPointKind.HANDBOOK,
     "Подготовка методического пособия, описывающего систему научно-методического "
     "сопровождения и непрерывного профессионального роста школьных управленческих команд",
     D(2024, 11, 1), D(2024, 12, 31)),
]

# (short name, full name, body, position)
CURATORS = [
    ("Резник З.А.", "Резник Зинаида Александровна", CuratorBody.DEPARTMENT,
     "заместитель начальника управления образования"),
    ("Володина З.А.", "Володина З.А.", "", ""),
    ("Пацюк А.А.", "Пацюк Анна Анатольевна", CuratorBody.METHODOLOGICAL, "директор МКУ ИМЦ"),
    ("Багинская М.Р.", "Багинская М.Р.", "", ""),
    ("Аблаева В.Н.", "Аблаева Венера Недимовна", CuratorBody.DEPARTMENT,
     "заместитель начальника управления образования"),
]

# number, title, annex, leaders, promising, hidden reserves, curators
DIRECTIONS = [
    (1, "Система качества подготовки обучающихся", "приложение № 1",
     ["МБОУ СОШ № 1", "МБОУ гимназия № 7", "МБОУ СОШ № 25", "МБОУ ООШ № 23"],
     ["МБОУ СОШ № 4", "МБОУ СОШ № 6", "МБОУ СОШ № 57"],
     ["МБОУ СОШ № 9", "МБОУ СОШ № 12", "МБОУ СОШ № 20", "МБОУ СОШ № 45", "МБОУ СОШ № 56",
      "МБОУ СОШ № 61", "МБОУ ООШ № 28"],
     ["Резник З.А.", "Володина З.А."]),
    (2, "Система работы ШНОР", "приложение № 2",
     ["МБОУ СОШ № 16", "МБОУ СОШ № 31", "МБОУ СОШ № 62"],
     ["МБОУ СОШ № 36", "МБОУ СОШ № 56", "МБОУ ООШ № 14", "МБОУ ООШ № 22"],
     ["МАОУ СОШ № 11", "МБОУ ООШ № 38", "МБОУ ООШ № 60", "МБОУ ООШ № 66"],
     ["Резник З.А.", "Пацюк А.А."]),
    (3, "Система выявления, поддержки и развития способностей и талантов у детей и молодежи",
     "приложение № 3",
     ["МБОУ СОШ № 4", "МБОУ СОШ № 9"],
     ["МБОУ СОШ № 1", "МБОУ гимназия № 7", "МБОУ СОШ № 24", "МБОУ СОШ № 62", "МАОУ СОШ № 11",
      "МБОУ ООШ № 14"],
     ["МБОУ СОШ № 3", "МБОУ СОШ № 20", "МБОУ СОШ № 36", "МБОУ СОШ № 61", "МБОУ ООШ № 5",
      "МБОУ ООШ № 23", "МБОУ ООШ № 38", "МБОУ ООШ № 60", "МБОУ ООШ № 65"],
     ["Пацюк А.А."]),
    (4, "Система работы по самоопределению и профессиональной ориентации обучающихся",
     "приложение № 4",
     ["МБОУ СОШ № 36", "МБОУ СОШ № 44", "МБОУ СОШ № 58"],
     ["МБОУ СОШ № 2", "МБОУ СОШ № 41", "МБОУ СОШ № 59", "МБОУ ООШ № 5", "МБОУ ООШ № 38"],
     ["МБОУ СОШ № 20", "МБОУ СОШ № 61"],
     ["Багинская М.Р."]),
    (5, "Система эффективности работы руководителей ОО", "",
     ["МБОУ СОШ № 4", "МБОУ СОШ № 6"],
     ["МБОУ СОШ № 16", "МБОУ СОШ № 25", "МБОУ СОШ № 31", "МБОУ СОШ № 57", "МБОУ СОШ № 58"],
     ["МБОУ СОШ № 2", "МБОУ СОШ № 3", "МБОУ СОШ № 9", "МБОУ СОШ № 20", "МАОУ СОШ № 11",
      "МБОУ ООШ № 28", "МБОУ ООШ № 66"],
     ["Резник З.А.", "Аблаева В.Н."]),
    (6, "Система обеспечения профессионального развития педагогических работников",
     "приложение № 5",
     ["МАОУ СОШ № 11", "МБОУ СОШ № 56"],
     ["МБОУ СОШ № 3", "МБОУ СОШ № 12", "МБОУ СОШ № 45", "МБОУ ООШ № 60", "МБОУ ООШ № 65"],
     ["МБОУ СОШ № 2", "МБОУ СОШ № 36", "МБОУ СОШ № 61", "МБОУ ООШ № 5", "МБОУ ООШ № 14",
      "МБОУ ООШ № 28", "МБОУ ООШ № 66"],
     ["Пацюк А.А.", "Володина З.А."]),
    (7, "Система организации воспитания обучающихся", "приложение № 6",
     ["МБОУ СОШ № 10", "МБОУ СОШ № 24", "МБОУ СОШ № 57"],
     ["МБОУ СОШ № 16", "МБОУ СОШ № 56", "МБОУ СОШ № 61", "МБОУ ООШ № 66"],
     ["МБОУ СОШ № 3", "МБОУ СОШ № 41", "МАОУ СОШ № 11", "МБОУ ООШ № 22", "МБОУ ООШ № 38"],
     ["Аблаева В.Н."]),
]

# The work plan of the demo curator's platforms inside the district: a session of the
# leader teams and two webinars of the platform. The source schedules platform work «по
# отдельному графику» inside the implementation stage (from January 2022), so the months are
# the stage's first ones; the topics are illustrative. (The project's plan of network events,
# §13 — sessions for the schools of Anapa and webinars with Староминский district — is a
# network of the district, demo/networks.py, not a platform's plan.) Nothing is marked held.
DEMO_CURATOR = "Пацюк А.А."
WORK_PLAN = [
    (D(2022, 2, 1), WorkForm.SESSION,
     "Стажировочная сессия площадки: опыт команды-лидера (иллюстративная тема)"),
    (D(2022, 3, 1), WorkForm.WEBINAR,
     "Вебинар площадки: первые результаты команд направления (иллюстративная тема)"),
    (D(2022, 4, 1), WorkForm.WEBINAR,
     "Вебинар площадки: план взаимных посещений команд (иллюстративная тема)"),
]

_OWNERSHIP = {
    "МБОУ": "Муниципальное бюджетное общеобразовательное учреждение",
    "МАОУ": "Муниципальное автономное общеобразовательное учреждение",
}
_LEVELS = {
    "СОШ": (SchoolLevel.SECONDARY, "средняя общеобразовательная школа"),
    "ООШ": (SchoolLevel.BASIC, "основная общеобразовательная школа"),
    "гимназия": (SchoolLevel.GYMNASIUM, "гимназия"),
}
_SHORT_NAME = re.compile(r"^(МБОУ|МАОУ) (СОШ|ООШ|гимназия) № (\d+)$")


def describe_school(short_name: str) -> tuple[str, str, int]:
    """Full name, level and number spelled out from a short name like «МБОУ СОШ № 1»."""
    ownership, level, number = _SHORT_NAME.match(short_name).groups()
    level_code, level_words = _LEVELS[level]
    return f"{_OWNERSHIP[ownership]} {level_words} № {number}", level_code, int(number)


def short_title_of(number: int) -> str:
    """The project calls each direction's platform by its number."""
    return f"Стажировка {number}"


def seed_schools() -> list[str]:
    names = {name for row in DIRECTIONS for tier in row[3:6] for name in tier}
    return sorted(names)


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Create or refresh the demo district; a second run changes nothing."""
    municipality, _ = Municipality.objects.get_or_create(name=MUNICIPALITY)
    teams = {}
    for short_name in seed_schools():
        full_name, level, number = describe_school(short_name)
        organization, _ = Organization.objects.update_or_create(
            municipality=municipality,
            short_name=short_name,
            defaults={"name": full_name, "kind": "school", "level": level, "number": number},
        )
        teams[short_name], _ = ManagementTeam.objects.get_or_create(organization=organization)

    programme, _ = Programme.objects.update_or_create(
        municipality=municipality,
        title=PROGRAMME,
        defaults={"starts_on": D(2021, 9, 1), "ends_on": D(2024, 12, 31)},
    )
    for number, starts_on, ends_on, title, description in STAGES:
        Stage.objects.update_or_create(
            programme=programme, number=number,
            defaults={"title": title, "description": description, "starts_on": starts_on,
                      "ends_on": ends_on},
        )
    for kind, title, starts_on, ends_on in CONTROL_POINTS:
        ControlPoint.objects.update_or_create(
            programme=programme, kind=kind, starts_on=starts_on,
            defaults={"title": title, "ends_on": ends_on},
        )
    period, _ = Period.objects.update_or_create(
        programme=programme, title=PERIOD,
        defaults={"starts_on": D(2021, 9, 1), "ends_on": D(2022, 8, 31)},
    )
    curators = {}
    for short_name, full_name, body, position in CURATORS:
        curators[short_name], _ = Curator.objects.update_or_create(
            municipality=municipality, short_name=short_name,
            defaults={"full_name": full_name, "body": body, "position": position},
        )

    for number, title, annex, leaders, promising, reserve, curator_names in DIRECTIONS:
        direction, _ = Direction.objects.update_or_create(
            programme=programme, number=number,
            defaults={"title": title, "short_title": short_title_of(number), "annex": annex},
        )
        platform, _ = Platform.objects.get_or_create(direction=direction, period=period)
        platform.curators.set([curators[name] for name in curator_names])
        for tier, names in ((Tier.LEADER, leaders), (Tier.PROMISING, promising),
                            (Tier.RESERVE, reserve)):
            for name in names:
                Placement.objects.get_or_create(
                    platform=platform, team=teams[name], defaults={"tier": tier}
                )
        if DEMO_CURATOR in curator_names:
            for month, form, topic in WORK_PLAN:
                PlannedEvent.objects.get_or_create(
                    platform=platform, month=month, form=form, topic=topic,
                    defaults={"responsible": teams[leaders[0]]},
                )

    _demo_user("staff", "Ольга Викторовна", "Савченко", municipality, Role.STAFF)
    curator_user = _demo_user("curator", "Анна Анатольевна", "Пацюк", municipality,
                              Role.CURATOR)
    Curator.objects.filter(user=curator_user).exclude(short_name="Пацюк А.А.").update(user=None)
    Curator.objects.filter(short_name="Пацюк А.А.", municipality=municipality).update(
        user=curator_user
    )
    _demo_user("school", "Сергей Николаевич", "Литвиненко", municipality, Role.SCHOOL,
               organization=teams["МБОУ СОШ № 4"].organization)
    _demo_user("analyst", "Марина Игоревна", "Ткаченко", municipality, Role.ANALYST)
    return {
        "organizations": len(teams),
        "placements": Placement.objects.filter(platform__period=period).count(),
    }


def _demo_user(username, first_name, last_name, municipality, role, organization=None) -> User:
    """A demo account with its full Russian name («Имя Отчество», «Фамилия»); the people
    behind the accounts are invented, except the curator, who is named in the project."""
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": first_name, "last_name": last_name}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    elif (user.first_name, user.last_name) != (first_name, last_name):
        user.first_name, user.last_name = first_name, last_name
        user.save(update_fields=["first_name", "last_name"])
    UserProfile.objects.update_or_create(
        user=user,
        defaults={"municipality": municipality, "role": role, "organization": organization},
    )
    return user
