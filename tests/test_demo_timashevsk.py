"""The Timashevsk demo district must be the project's platforms and programmes.

The expected titles are copied by hand from the project «Научно-методическое сопровождение
профессионального роста педагогов в условиях деятельности стажировочных площадок» (the
organisational conditions, the section «Содержание и формы реализации сетевых мероприятий»
and the work plan), not from ``demo.timashevsk``, so a slip in either shows up here.
"""

import datetime
import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db.models import Count

from competence.dynamics import persons_with_fewer_deficits, persons_with_grown_competence
from competence.models import Instrument, PersonResult, PersonRound
from demo.krymsky import load_demo
from demo.timashevsk import load_timashevsk
from internships.models import Period
from people.access import teachers_for_user
from people.models import (
    CompetenceArea,
    ModularProgramme,
    PlatformKind,
    ProgrammeModule,
    Teacher,
    TeacherPlatform,
    WorkerCategory,
)
from reports.indicators import compute_indicators
from routes.access import own_teacher, routes_for_user, trainees_of
from routes.models import (
    GrowthEntry,
    HelpRequest,
    MentoringPair,
    Route,
    RouteKind,
    RouteStatus,
    RouteStep,
    StepStatus,
)
from teams.models import ManagementTeam, Municipality, Organization, OrganizationKind, Role
from trainings.indicator_reads import pd_coverage, persons_trained
from trainings.models import (
    Attendance,
    Completion,
    EffectivenessCriterion,
    EffectivenessMark,
    PlatformSession,
)

pytestmark = pytest.mark.django_db

MUNICIPALITY = "Муниципальное образование Тимашевский район"
LOAD_DAY = datetime.date(2026, 12, 4)

AREAS = [
    "Развитие психолого-педагогических компетенций",
    "Развитие проектно-исследовательских компетенций",
    "Формирование оценочных компетенций",
    "Развитие методических компетенций",
    "Компетенции в области ИКТ и цифровых технологий",
    "Здоровьесберегающие компетенции",
]
PROGRAMMES = {
    "Формирование методических компетенций педагогов",
    "Развитие проектно-исследовательских компетенций",
    "Развитие компетенций педагогов в оценке качества образования",
    "Ступеньки успеха: психолого-педагогические компетенции",
    "Системно-деятельностный метод обучения: методология, методика, практика",
    "ИКТ-компетенции",
    "Формирование здоровьесберегающих компетенций педагогов",
    "Компетенции в области проектирования предметно-развивающей среды",
}
INTERNSHIP_SCHOOLS = {"МБОУ СОШ № 1", "МБОУ СОШ № 2", "МБОУ СОШ № 4", "МБОУ СОШ № 5",
                      "МБОУ СОШ № 11", "МБОУ СОШ № 13"}
FULL_NAME = re.compile(r"^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+(вич|вна|ична|ич)$")


@pytest.fixture
def timashevsk():
    load_timashevsk(today=LOAD_DAY)


def district_teachers():
    return Teacher.objects.filter(organization__municipality__name=MUNICIPALITY)


def test_the_six_competence_areas_in_the_projects_order(timashevsk):
    areas = CompetenceArea.objects.filter(municipality__name=MUNICIPALITY)

    assert [(area.number, area.title) for area in areas] == list(enumerate(AREAS, start=1))


def test_the_eight_modular_programmes_last_one_to_one_and_a_half_years(timashevsk):
    programmes = ModularProgramme.objects.filter(platform__host__municipality__name=MUNICIPALITY)

    assert {programme.title for programme in programmes} == PROGRAMMES
    assert programmes.count() == 8
    assert {(p.months_from, p.months_to) for p in programmes} == {(12, 18)}
    assert all(p.competence_areas.exists() for p in programmes)
    # The project lists no modules and no hours: none are made up.
    assert not ProgrammeModule.objects.exists()


def test_programmes_are_linked_to_their_areas(timashevsk):
    linked = {p.title: {a.number for a in p.competence_areas.all()}
              for p in ModularProgramme.objects.all()}

    assert linked["Ступеньки успеха: психолого-педагогические компетенции"] == {1}
    assert linked["Развитие проектно-исследовательских компетенций"] == {2}
    assert linked["Развитие компетенций педагогов в оценке качества образования"] == {3}
    assert linked["Формирование методических компетенций педагогов"] == {4}
    assert linked["ИКТ-компетенции"] == {5}
    assert linked["Формирование здоровьесберегающих компетенций педагогов"] == {6}


def test_internship_platforms_sit_on_the_named_schools_and_the_support_one_on_the_kindergarten(
        timashevsk):
    platforms = TeacherPlatform.objects.filter(host__municipality__name=MUNICIPALITY)
    internship = platforms.filter(kind=PlatformKind.INTERNSHIP)
    support = platforms.get(kind=PlatformKind.SUPPORT)

    assert platforms.count() == 8
    assert internship.count() == 7
    assert {p.host.short_name for p in internship} == INTERNSHIP_SCHOOLS
    assert support.host.short_name == "МБДОУ д/с № 7"
    assert support.host.kind == OrganizationKind.PRESCHOOL
    assert [p.title for p in support.programmes.all()] == [
        "Компетенции в области проектирования предметно-развивающей среды"]
    # The work plan names this platform by its own title.
    assert platforms.filter(title="Методическая предметная компетентность педагога").exists()
    assert {(p.starts_on, p.ends_on) for p in platforms} == {
        (datetime.date(2020, 10, 1), datetime.date(2022, 11, 30))}


def test_every_platform_has_a_head_and_two_to_four_masters_of_its_host(timashevsk):
    for platform in TeacherPlatform.objects.select_related("head"):
        masters = list(platform.masters.all())

        assert platform.head is not None
        assert platform.head.organization_id == platform.host_id
        assert platform.head.is_master
        assert 2 <= len(masters) <= 4
        assert all(m.is_master and m.organization_id == platform.host_id for m in masters)
        assert platform.head not in masters


def test_about_eighty_young_teachers_on_the_day_of_loading(timashevsk):
    young = [t for t in district_teachers() if t.is_young_on(LOAD_DAY)]

    assert len(young) == 80
    assert {t.worker_category for t in young} == {WorkerCategory.TEACHER,
                                                  WorkerCategory.PRESCHOOL}
    assert all(not t.is_master for t in young)
    assert len({t.organization_id for t in young}) >= 10
    assert not any(t.is_young_on(LOAD_DAY) for t in Teacher.objects.filter(
        master_since__isnull=False))


def test_the_same_people_are_young_whatever_the_day_of_loading(db):
    load_timashevsk(today=datetime.date(2031, 3, 15))

    assert sum(t.is_young_on(datetime.date(2031, 3, 15)) for t in district_teachers()) == 80
    assert all(t.teaching_since <= datetime.date(2031, 3, 15) for t in district_teachers())


def test_teachers_have_plausible_distinct_names_and_posts(timashevsk):
    teachers = list(district_teachers().select_related("organization"))

    assert all(FULL_NAME.match(t.full_name) for t in teachers), [
        t.full_name for t in teachers if not FULL_NAME.match(t.full_name)]
    assert len({t.full_name for t in teachers}) == len(teachers)
    for teacher in teachers:
        preschool = teacher.organization.kind == OrganizationKind.PRESCHOOL
        assert (teacher.worker_category == WorkerCategory.PRESCHOOL) == preschool
        assert teacher.position


def test_the_district_has_its_schools_kindergartens_and_teams(timashevsk):
    organizations = Organization.objects.filter(municipality__name=MUNICIPALITY)

    assert {o.short_name for o in organizations} >= INTERNSHIP_SCHOOLS
    assert organizations.filter(kind=OrganizationKind.PRESCHOOL).count() >= 2
    assert ManagementTeam.objects.filter(organization__in=organizations).count() == (
        organizations.count())
    school = organizations.get(short_name="МБОУ СОШ № 11")
    assert (school.name, school.number) == (
        "Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная "
        "школа № 11", 11)


def snapshot() -> dict:
    platforms = TeacherPlatform.objects.order_by("pk")
    return {
        "organizations": list(Organization.objects.order_by("pk").values()),
        "areas": list(CompetenceArea.objects.order_by("pk").values()),
        "teachers": list(Teacher.objects.order_by("pk").values()),
        "history": Teacher.history.count(),
        "platforms": list(platforms.values()),
        "masters": [sorted(p.masters.values_list("pk", flat=True)) for p in platforms],
        "programmes": list(ModularProgramme.objects.order_by("pk").values()),
        "programme_areas": list(
            ModularProgramme.competence_areas.through.objects.order_by("pk").values()),
        "users": list(User.objects.order_by("pk").values("username", "password")),
        "competence": list(PersonResult.objects.order_by("pk").values()),
    }


def test_loading_twice_changes_nothing(timashevsk):
    before = snapshot()

    counts = load_timashevsk(today=LOAD_DAY)

    assert snapshot() == before
    assert counts == {"organizations": 13, "platforms": 8, "programmes": 8,
                      "teachers": district_teachers().count(), "young": 80}


def test_the_demo_users_of_the_district(timashevsk):
    staff = User.objects.get(username="tim-staff")
    school = User.objects.get(username="tim-school")

    assert staff.check_password("demo") and school.check_password("demo")
    assert (staff.profile.role, staff.profile.municipality.name) == (Role.STAFF, MUNICIPALITY)
    assert (school.profile.role, school.profile.organization.short_name) == (
        Role.SCHOOL, "МБОУ СОШ № 1")


def test_each_districts_staff_sees_only_its_own_teachers():
    load_demo()
    load_timashevsk()
    timashevsk_teachers = set(district_teachers())

    assert set(teachers_for_user(User.objects.get(username="tim-staff"))) == (
        timashevsk_teachers)
    assert not set(teachers_for_user(User.objects.get(username="staff"))) & timashevsk_teachers
    assert set(teachers_for_user(User.objects.get(username="tim-school"))) == {
        t for t in timashevsk_teachers if t.organization.short_name == "МБОУ СОШ № 1"}


def test_the_load_demo_command_loads_both_districts():
    out = StringIO()

    call_command("load_demo", stdout=out)

    assert out.getvalue().splitlines()[0] == (
        "Демо-данные загружены: организаций — 34, распределений — 92."
    )
    teachers = district_teachers().count()
    assert (
        "Тимашевский район: организаций — 13, площадок для педагогов — 8, модульных программ "
        f"— 8, педагогов — {teachers}, из них молодых — 80. Педагоги вымышлены."
    ) in out.getvalue().splitlines()


def test_platform_sessions_of_2024_25_with_named_attendance_of_young_teachers(timashevsk):
    sessions = PlatformSession.objects.filter(platform__host__municipality__name=MUNICIPALITY)
    platforms = TeacherPlatform.objects.filter(host__municipality__name=MUNICIPALITY)
    assert set(sessions.values_list("platform", flat=True)) == set(
        platforms.values_list("pk", flat=True))
    assert all(datetime.date(2024, 9, 1) <= day <= datetime.date(2025, 8, 31)
               for day in sessions.values_list("held_on", flat=True))
    came = Teacher.objects.filter(attendances__in=Attendance.objects.filter(
        session__in=sessions)).distinct()
    assert came.count() == district_teachers().filter(master_since__isnull=True).count()
    assert all(teacher.is_young_on(LOAD_DAY) for teacher in came)


def test_persons_trained_counts_a_visitor_of_two_platforms_once(timashevsk):
    municipality = Municipality.objects.get(name=MUNICIPALITY)
    year = (datetime.date(2024, 9, 1), datetime.date(2025, 8, 31))
    trained = persons_trained(municipality, *year)
    assert trained.total == district_teachers().filter(master_since__isnull=True).count()
    coverage = pd_coverage(municipality, *year)
    assert coverage.teachers.numerator > 0
    assert (coverage.teachers.target_percent, coverage.specialists.target_percent) == (41, 20)


def test_an_illustrative_effectiveness_map_for_two_programmes(timashevsk):
    criteria = EffectivenessCriterion.objects.filter(
        programme__platform__host__municipality__name=MUNICIPALITY)
    assert criteria.values("programme").distinct().count() == 2
    assert all(criteria.values_list("illustrative", flat=True))
    assert EffectivenessMark.objects.filter(criterion__in=criteria).exists()
    assert Completion.objects.filter(
        programme__platform__host__municipality__name=MUNICIPALITY).exists()


def test_the_young_teachers_are_on_routes_at_different_stages(timashevsk):
    routes = Route.objects.filter(programme__platform__host__municipality__name=MUNICIPALITY)
    on_routes = Teacher.objects.filter(routes__in=routes).distinct()
    overdue = RouteStep.objects.filter(route__in=routes, due_on__lt=LOAD_DAY,
                                       status__in=[StepStatus.PLANNED, StepStatus.IN_PROGRESS])

    assert on_routes.count() == 80
    assert routes.filter(kind=RouteKind.GROUP).count() == 8
    assert routes.filter(status=RouteStatus.FINISHED).count() == 24
    assert all(route.product_done_on for route in routes.filter(status=RouteStatus.FINISHED))
    assert routes.filter(status=RouteStatus.ACTIVE, kind=RouteKind.INDIVIDUAL).count() == 32
    assert overdue.count() == 64
    assert RouteStep.objects.filter(route__in=routes, status=StepStatus.DONE,
                                    confirmed_on__isnull=True).count() == 16


def test_masters_mentor_within_their_capacity_and_keep_journals(timashevsk, settings):
    open_pairs = MentoringPair.objects.filter(ended_on__isnull=True)
    per_master = open_pairs.values("master").annotate(n=Count("pk")).values_list("n", flat=True)

    assert open_pairs.count() == 32
    assert max(per_master) <= settings.ROUTES_MASTER_CAPACITY
    assert GrowthEntry.objects.filter(author_role="master").exists()
    assert GrowthEntry.objects.filter(author_role="trainee").exists()
    assert HelpRequest.objects.filter(status="open").count() == 8
    assert HelpRequest.objects.filter(status="answered").count() == 8


def test_the_demo_teacher_and_master_see_each_other(timashevsk):
    teacher = User.objects.get(username="tim-teacher")
    master = User.objects.get(username="tim-master")
    route = routes_for_user(teacher).get()

    assert teacher.check_password("demo") and master.check_password("demo")
    assert (teacher.profile.role, master.profile.role) == (Role.TEACHER, Role.TEACHER)
    assert route.master == own_teacher(master)
    assert own_teacher(teacher) in trainees_of(own_teacher(master))
    assert route.steps.filter(due_on__lt=LOAD_DAY, status="in_progress").exists()


def test_loading_routes_on_a_later_day_keeps_one_route_per_trainee(timashevsk):
    load_timashevsk(today=LOAD_DAY + datetime.timedelta(days=30))

    assert Route.objects.count() == 64
    assert MentoringPair.objects.count() == 56


def test_a_start_and_a_repeat_round_of_the_young_teachers_on_an_illustrative_scale(
    timashevsk
):
    start, repeat = PersonRound.objects.filter(
        municipality__name=MUNICIPALITY).order_by("starts_on")
    assert start.title.startswith("Стартовая") and start.title.endswith("осень 2025")
    assert repeat.title.startswith("Повторная") and repeat.title.endswith("весна 2026")
    assert start.illustrative_scale and repeat.illustrative_scale
    assert [(lv.rank, lv.title, lv.is_deficit) for lv in start.levels.all()] == [
        (1, "Базовый", True), (2, "Достаточный", False), (3, "Высокий", False)]
    assert start.competence_areas.count() == 6
    assert PersonResult.objects.filter(round=start).values("teacher").distinct().count() == 80
    assert PersonResult.objects.filter(round=repeat).count() == 80 * 6
    assert Instrument.objects.filter(municipality__name=MUNICIPALITY).count() == 4


def test_the_young_teachers_dynamics_are_neither_none_nor_all(timashevsk):
    start, repeat = PersonRound.objects.filter(
        municipality__name=MUNICIPALITY).order_by("starts_on")
    grown = persons_with_grown_competence(start, repeat)
    fewer = persons_with_fewer_deficits(start, repeat)
    assert grown.denominator == fewer.denominator == 80
    assert 0 < grown.numerator < 80 and 0 < fewer.numerator < 80


def test_the_project_years_carry_the_figures_of_persons(timashevsk):
    municipality = Municipality.objects.get(name=MUNICIPALITY)
    first, second = Period.objects.filter(programme__municipality=municipality).order_by(
        "starts_on")
    trained = {item.indicator.code: item
               for item in compute_indicators(municipality=municipality, period=first)}
    assert trained["persons_trained"].value == 80
    assert "педагог ДОО — 18" in trained["persons_trained"].note
    rounds = {item.indicator.code: item
              for item in compute_indicators(municipality=municipality, period=second)}
    assert rounds["deficits_decreased_teachers"].denominator == 80
    assert 0 < rounds["competence_grown"].numerator < 80
