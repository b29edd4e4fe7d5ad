"""The Vyselki conference (2022) and contest «Инновационный поиск — 2023» (seed 002), with
their experts, scored applications, results, statuses and the regional round.

The document names the events, their order (conference in March 2022, contest by nominations
for teachers and organizations in March 2023, the regional contest in 2023–2024 with an
analysis of errors when round I is not passed) and the statuses; it gives no nominations,
criteria, scales, scores, order numbers or outcomes. Those here are illustrative and say so.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from contests.applying import record_regional_outcome, submit_application, withdraw_application
from contests.events import (
    ContestDetails,
    add_window,
    assign_expert,
    create_contest,
    save_criterion,
    save_nomination,
)
from contests.models import Application, Audience, Contest, RegionalOutcome, StatusKind
from contests.result_reads import contest_results
from contests.results import StatusAward, approve_results, award_status
from contests.scoring import save_scores
from demo.krymsky import _demo_user, describe_school
from innovation.models import InnovationProject
from internships.models import Programme
from people.models import Teacher, WorkerCategory
from teams.models import ManagementTeam, Municipality, Organization, Role

D = datetime.date
ILLUSTRATIVE = " (иллюстративно)"
CONFERENCE = "Муниципальная образовательная конференция «Инновационный поиск» — 2022"
CONTEST = "Муниципальный образовательный конкурс «Инновационный поиск» — 2023"
ISSUER = "Управление образования МО Выселковский район"

CONFERENCE_SCHOOLS = ["МБОУ СОШ № 1", "МБОУ СОШ № 2", "МБОУ СОШ № 3", "МБОУ СОШ № 4",
                      "МБОУ СОШ № 5"]
# Nomination (illustrative) → audience, applicants (schools, or teachers as (school, name)).
NOMINATIONS = [
    ("Инновационные модели управления образовательной организацией", Audience.ORGANIZATION,
     ["МБОУ СОШ № 1", "МБОУ СОШ № 2", "МБОУ СОШ № 3", "МБОУ СОШ № 7"]),
    ("Инновационные практики сетевого взаимодействия", Audience.ORGANIZATION,
     ["МБОУ СОШ № 4", "МБОУ СОШ № 6"]),
    ("Инновационные педагогические практики", Audience.TEACHER,
     [("МБОУ СОШ № 1", "Белова Ирина Сергеевна"), ("МБОУ СОШ № 5", "Гончаренко Олег Иванович"),
      ("МБОУ СОШ № 8", "Литвинова Светлана Андреевна")]),
]
CRITERIA = [
    ("Актуальность и соответствие направлениям развития образования края", 5),
    ("Новизна и обоснованность проектной идеи", 5),
    ("Проработанность механизмов и плана реализации", 5),
    ("Практическая значимость и перспективы развития", 5),
]


@dataclass(frozen=True)
class ExpertRow:
    username: str
    first_name: str
    last_name: str
    role: str
    school: str | None


EXPERTS = [
    ExpertRow("vys-expert1", "Елена", "Коваленко", Role.SCHOOL, "МБОУ СОШ № 2"),
    ExpertRow("vys-expert2", "Андрей", "Шевченко", Role.CURATOR, None),
    ExpertRow("vys-expert3", "Наталья", "Гончаренко", Role.TEACHER, "МБОУ СОШ № 3"),
]


def _school(municipality: Municipality, short_name: str) -> Organization:
    full_name, level, number = describe_school(short_name)
    school, _ = Organization.objects.get_or_create(
        municipality=municipality, short_name=short_name,
        defaults={"name": full_name, "level": level, "number": number})
    ManagementTeam.objects.get_or_create(organization=school)
    return school


def _project(school: Organization) -> InnovationProject | None:
    return (InnovationProject.objects.filter(organization=school)
            .order_by("period__starts_on").first())


def _experts(municipality: Municipality) -> list[User]:
    users = []
    for row in EXPERTS:
        school = _school(municipality, row.school) if row.school else None
        user = _demo_user(row.username, row.first_name, row.last_name, municipality, row.role,
                          organization=school)
        if row.role == Role.TEACHER:
            Teacher.objects.get_or_create(user=user, defaults={
                "organization": school, "full_name": f"{row.last_name} {row.first_name}",
                "position": "заместитель директора", "worker_category": WorkerCategory.MANAGER})
        users.append(user)
    return users


def _staff(municipality: Municipality) -> User:
    return (User.objects.filter(profile__municipality=municipality, profile__role=Role.STAFF)
            .order_by("pk").first()
            or _demo_user("vys-staff", "", "Иванова Н.А.", municipality, Role.STAFF))


def _conference(programme: Programme) -> None:
    conference = create_contest(programme=programme, details=ContestDetails(
        kind="conference", title=CONFERENCE, year=2022, illustrative=True,
        description="Участие инновационных проектов пилотных школ (дорожная карта проекта, "
                    "этап 2, март 2022). Номинация — иллюстративная."))
    add_window(contest=conference, opens_on=D(2022, 2, 1), closes_on=D(2022, 3, 15))
    nomination = save_nomination(contest=conference, audience=Audience.ORGANIZATION,
                                 title="Инновационные проекты пилотных школ" + ILLUSTRATIVE)
    for short_name in CONFERENCE_SCHOOLS:
        school = _school(programme.municipality, short_name)
        project = _project(school)
        submit_application(nomination=nomination, organization=school, today=D(2022, 3, 1),
                           project=project,
                           title=_title(short_name, project))


def _applicant(municipality, applicant) -> dict:
    if isinstance(applicant, str):
        return {"organization": _school(municipality, applicant)}
    school = _school(municipality, applicant[0])
    teacher, _ = Teacher.objects.get_or_create(organization=school, full_name=applicant[1],
                                               defaults={"position": "учитель",
                                                         "worker_category":
                                                             WorkerCategory.TEACHER})
    return {"teacher": teacher}


def _title(applicant, project: InnovationProject | None) -> str:
    if project is not None:
        return project.theme
    if isinstance(applicant, str):
        return f"Инновационный проект {applicant}" + ILLUSTRATIVE
    return f"Инновационная педагогическая практика: {applicant[1]}" + ILLUSTRATIVE


def _contest(programme: Programme, experts: list[User]) -> Contest:
    municipality = programme.municipality
    contest = create_contest(programme=programme, details=ContestDetails(
        kind="contest", title=CONTEST, year=2023, illustrative=True, winner_places=1,
        prize_places=1, laureate_places=1,
        description="Конкурс по номинациям для педагогов и образовательных организаций "
                    "(дорожная карта проекта, этап 3, март 2023). Номинации, критерии и "
                    "шкалы — иллюстративные: положение конкурса их не приводит."))
    add_window(contest=contest, opens_on=D(2023, 2, 1), closes_on=D(2023, 3, 15))
    for number, (title, maximum) in enumerate(CRITERIA, start=1):
        save_criterion(contest=contest, number=number, title=title + ILLUSTRATIVE,
                       maximum=maximum)
    for title, audience, applicants in NOMINATIONS:
        nomination = save_nomination(contest=contest, audience=audience,
                                     title=title + ILLUSTRATIVE)
        for user in experts:
            assign_expert(contest=contest, user=user, nominations=[nomination])
        for applicant in applicants:
            who = _applicant(municipality, applicant)
            organization = who.get("organization") or who["teacher"].organization
            project = _project(organization) if "organization" in who else None
            submit_application(nomination=nomination, today=D(2023, 3, 1), project=project,
                               title=_title(applicant, project), **who)
    return contest


def _scores(contest: Contest) -> None:
    """Every expert scores every application they may: illustrative marks from 2 to 5."""
    criteria = list(contest.criteria.all())
    applications = list(Application.objects.filter(nomination__contest=contest)
                        .select_related("organization", "teacher", "nomination"))
    for index, application in enumerate(applications):
        for shift, expert in enumerate(contest.experts.all()):
            if expert.organization_id == application.applicant_organization_id:
                continue
            values = {c.pk: 2 + (index * 3 + shift * 2 + c.number) % 4 for c in criteria}
            save_scores(expert=expert, application=application, values=values)


def _after_the_contest(contest: Contest, staff: User) -> None:
    late = Application.objects.get(nomination__contest=contest,
                                   organization__short_name="МБОУ СОШ № 7")
    withdraw_application(application=late, reason="Проект не готов к конкурсу" + ILLUSTRATIVE)
    approve_results(contest=contest, by=staff)
    results = contest_results(contest)
    winners = [row for group in results.nominations for row in group.rows
               if row.ranked.category in ("winner", "prize")]
    for index, row in enumerate(winners):
        passed = index % 2 == 0
        record_regional_outcome(
            application=row.application,
            outcome=RegionalOutcome.PASSED if passed else RegionalOutcome.NOT_PASSED,
            note="" if passed else "Анализ ошибок: не раскрыта новизна, план реализации без "
                                   "измеримых результатов" + ILLUSTRATIVE)
        if row.application.organization_id is not None:
            award_status(organization=row.application.organization, award=StatusAward(
                kind=StatusKind.MIP, order_number="демо-" + str(index + 1),
                order_date=D(2023, 4, 10), issuer=ISSUER + ILLUSTRATIVE,
                application=row.application))


@transaction.atomic
def load_vyselki_contests(municipality: Municipality) -> dict[str, int]:
    """Create the conference, the contest and what followed; a second run changes nothing."""
    programme = Programme.objects.filter(municipality=municipality).order_by("starts_on").first()
    if programme is None:
        programme = Programme.objects.create(
            municipality=municipality, starts_on=D(2021, 3, 1), ends_on=D(2024, 2, 29),
            title="Внедрение инновационной деятельности в образовательное пространство "
                  "Выселковского района")
    if not Contest.objects.filter(programme=programme, title=CONTEST).exists():
        experts = _experts(municipality)
        _conference(programme)
        contest = _contest(programme, experts)
        _scores(contest)
        _after_the_contest(contest, _staff(municipality))
    return {
        "contests": Contest.objects.filter(programme=programme).count(),
        "applications": Application.objects.filter(
            nomination__contest__programme=programme).count(),
    }
