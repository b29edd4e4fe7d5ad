"""Hand-made data for the PDF report tests, on top of the ``world`` district.

``enrich(world)`` gives the district what a report prints, with figures known in advance:
- a second year 2022–2023 with the same three platforms and placements;
- stages, control points and two diagnostic rounds (October 2021, May 2022) in which the
  curators found deficits: СОШ № 1 goes from 2 deficits to 1 in direction 1, Гимназия № 2
  from 1 to 1 (no decrease);
- one journal entry per platform in 2021–2022 hosted by the platform's leader, with
  results (СОШ № 1 sends 2 managers and 3 teachers to the first one), a plan line held
  and one not held, a transfer, a mentor pair, strategies and a council protocol;
- staffing on 01.06.2022: СОШ № 1 has 10 teachers, 6 without a category (critical),
  Гимназия № 2 has 20 teachers, 4 without a category; a later line of СОШ № 1 (on
  01.10.2022, after the year) must not be used;
- school indicators for both years.

``extra`` adds that many more schools, each placed, reported and diagnosed, and that
many more entries per platform: the same report then reads more rows with as many queries.
"""

import datetime

from diagnostics.models import (
    Deficit,
    Diagnosis,
    DiagnosisSource,
    DiagnosticRound,
    RoundKind,
    SchoolIndicator,
    Staffing,
)
from internships.models import (
    ControlPoint,
    ControlPointKind,
    CouncilMeeting,
    CuratorBody,
    JournalEntry,
    Mentorship,
    Placement,
    PlannedEvent,
    Platform,
    Stage,
    Strategy,
    StrategyKind,
    TeamResult,
    Tier,
    Transfer,
)
from tests import factories

D = datetime.date

LEADER_TOPIC = "Внутренняя система оценки качества: опыт СОШ № 1"
LEADER_DESCRIPTION = "Команда показала, как разбирает результаты ВПР с учителями."


def _diagnose(diagnostic_round, team, direction, deficits):
    diagnosis = Diagnosis.objects.create(team=team, round=diagnostic_round, direction=direction,
                                         source=DiagnosisSource.EXPERT)
    diagnosis.deficits.set(deficits)
    return diagnosis


def enrich(world, *, extra: int = 0):
    start_point, may_point = _stages_and_control_points(world.programme)
    platforms = [world.own_platform, world.foreign_platform, world.third_platform]
    second = _second_year(world, platforms)
    schools = [world.school_a, world.school_b, world.school_c, world.school_d]
    schools += _extra_schools(world, platforms, extra)
    for curator in world.own_platform.curators.all():
        curator.body = CuratorBody.METHODOLOGICAL
        curator.save(update_fields=["body"])
    _diagnostics(world, schools, start_point=start_point, may_point=may_point)
    _journals(world, platforms, extra)
    _platform_life(world)
    _staffing(world, schools)
    _indicators(world, schools, second)
    return second


def _stages_and_control_points(programme):
    """The three stages; the start and May control points of the two rounds."""
    for number, title, starts_on, ends_on in [
        (1, "Подготовительный", D(2021, 9, 1), D(2021, 12, 31)),
        (2, "Внедренческий", D(2022, 1, 1), D(2024, 4, 30)),
        (3, "Аналитический", D(2024, 5, 1), D(2024, 12, 31)),
    ]:
        Stage.objects.create(programme=programme, number=number, title=title,
                             description=f"Содержание этапа «{title}».",
                             starts_on=starts_on, ends_on=ends_on)
    start_point = ControlPoint.objects.create(
        programme=programme, kind=ControlPointKind.START_DIAGNOSTICS,
        title="Мониторинг потребностей организаций", starts_on=D(2021, 10, 1),
        ends_on=D(2021, 11, 30))
    may_point = ControlPoint.objects.create(
        programme=programme, kind=ControlPointKind.INTERMEDIATE_DIAGNOSTICS,
        title="Промежуточная диагностика деятельности стажировочных площадок",
        starts_on=D(2022, 5, 1), ends_on=D(2022, 5, 31))
    ControlPoint.objects.create(
        programme=programme, kind=ControlPointKind.CURRENT_MONITORING,
        title="Текущий мониторинг организации деятельности площадок",
        starts_on=D(2022, 12, 1), ends_on=D(2022, 12, 31))
    return start_point, may_point


def _second_year(world, platforms):
    """2022–2023 with the same platforms and placements as the first year."""
    second = factories.PeriodFactory(programme=world.programme, starts_on=D(2022, 9, 1),
                                     ends_on=D(2023, 8, 31))
    for platform in platforms:
        next_year = Platform.objects.create(direction=platform.direction, period=second)
        for placement in platform.placements.all():
            Placement.objects.create(platform=next_year, team=placement.team,
                                     tier=placement.tier)
    return second


def _extra_schools(world, platforms, extra: int):
    schools = []
    for number in range(extra):
        school = factories.OrganizationFactory(municipality=world.municipality,
                                               short_name=f"СОШ № {100 + number}",
                                               number=100 + number)
        factories.PlacementFactory(platform=platforms[number % 3], team=school.team,
                                   tier=Tier.RESERVE)
        schools.append(school)
    return schools


def _diagnostics(world, schools, *, start_point, may_point):
    """Two rounds, deficits of direction 1."""
    programme = world.programme
    start = DiagnosticRound.objects.create(
        programme=programme, control_point=start_point, kind=RoundKind.START,
        title="Стартовая диагностика", starts_on=D(2021, 10, 1), ends_on=D(2021, 11, 30),
        entry_opens=D(2021, 10, 1), entry_closes=D(2021, 11, 30))
    may = DiagnosticRound.objects.create(
        programme=programme, control_point=may_point, kind=RoundKind.INTERMEDIATE,
        title="Промежуточная диагностика", starts_on=D(2022, 5, 1), ends_on=D(2022, 5, 31),
        entry_opens=D(2022, 5, 1), entry_closes=D(2022, 5, 31))
    first_direction = world.directions[0]
    deficits = [Deficit.objects.create(direction=first_direction, code=f"1.{n}",
                                       wording=f"Дефицит {n}") for n in (1, 2, 3)]
    _diagnose(start, world.school_a.team, first_direction, deficits[:2])
    _diagnose(may, world.school_a.team, first_direction, deficits[:1])
    _diagnose(start, world.school_b.team, first_direction, deficits[2:])
    _diagnose(may, world.school_b.team, first_direction, deficits[2:])
    for school in schools[4:]:
        _diagnose(start, school.team, first_direction, deficits)
        _diagnose(may, school.team, first_direction, deficits[:1])


def _journals(world, platforms, extra: int):
    """An entry hosted by each platform's leader, with results, and its plan lines."""
    leaders = {platform.pk: platform.placements.get(tier=Tier.LEADER).team
               for platform in platforms}
    for index, platform in enumerate(platforms):
        for repeat in range(1 + extra):
            _leader_entry(platform, leaders[platform.pk], index=index, repeat=repeat)
    # An event hosted by a team that does not lead the platform is not a leader practice.
    foreign = JournalEntry.objects.create(platform=world.own_platform, held_on=D(2022, 3, 1),
                                          form="consultation", topic="Консультация резерва")
    foreign.hosts.set([world.school_c.team])


def _leader_entry(platform, leader, *, index: int, repeat: int):
    first = index == 0 and repeat == 0
    entry = JournalEntry.objects.create(
        platform=platform, held_on=D(2022, 2, 10 + repeat % 15), form="seminar",
        topic=LEADER_TOPIC if first else f"Семинар {repeat + 1}",
        description=LEADER_DESCRIPTION if first else "",
    )
    entry.hosts.set([leader])
    for placement in platform.placements.exclude(tier=Tier.LEADER):
        TeamResult.objects.create(entry=entry, team=placement.team,
                                  managers=2 if index == 0 else 1,
                                  teachers=3 if index == 0 else 0)
    if repeat == 0:
        PlannedEvent.objects.create(platform=platform, month=D(2022, 2, 1),
                                    form="seminar", topic=entry.topic,
                                    responsible=leader, entry=entry)
        PlannedEvent.objects.create(platform=platform, month=D(2022, 4, 1),
                                    form="webinar", topic="Вебинар для команд",
                                    responsible=leader)


def _platform_life(world):
    """A transfer, a mentor pair, two strategies and a council protocol."""
    Transfer.objects.create(placement=world.placement(world.school_c, world.own_platform),
                            from_tier=Tier.RESERVE, to_tier=Tier.PROMISING,
                            transferred_on=D(2022, 3, 15), reason="Итоги промежуточной работы")
    Mentorship.objects.create(platform=world.own_platform, mentor=world.school_a.team,
                              mentee=world.school_c.team, started_on=D(2021, 10, 1))
    Strategy.objects.create(team=world.school_a.team, period=world.period,
                            kind=StrategyKind.NARROW)
    Strategy.objects.create(team=world.school_b.team, period=world.period,
                            kind=StrategyKind.WIDE)
    CouncilMeeting.objects.create(period=world.period, number=1, held_on=D(2021, 12, 20),
                                  attendees="Кураторы площадок")


def _staffing(world, schools):
    """Staffing on 01.06.2022; the line of 01.10.2022 is after the year and is not used."""
    Staffing.objects.create(organization=world.school_a, as_of=D(2022, 6, 1), teachers_total=10,
                            without_category=6, first_category=3, highest_category=1)
    Staffing.objects.create(organization=world.school_a, as_of=D(2022, 10, 1),
                            teachers_total=10, without_category=1, first_category=5,
                            highest_category=4)
    Staffing.objects.create(organization=world.school_b, as_of=D(2022, 6, 1), teachers_total=20,
                            without_category=4, first_category=10, highest_category=6)
    for school in schools[4:]:
        Staffing.objects.create(organization=school, as_of=D(2022, 6, 1), teachers_total=10,
                                without_category=2, first_category=4, highest_category=4)


def _indicators(world, schools, second):
    for period, winners in ((world.period, 5), (second, 8)):
        for school in schools:
            SchoolIndicator.objects.create(
                organization=school, period=period, low_results=school == world.school_c,
                non_objective=False, students_total=100, olympiad_winners=winners,
                graduates_total=20, graduates_high_gia=4, teachers_total=10,
                teachers_competition_winners=1,
            )
