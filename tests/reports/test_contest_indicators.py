"""К5 broken down by category: the winners and prize-winners of the municipality's contests
with approved results, by teachers and organizations, and the works that passed the
regional round — on a hand-made contest whose categories are known in advance."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from contests.events import assign_expert, save_criterion, save_nomination
from contests.models import Application, Audience, RegionalOutcome, Score
from internships.models import Period
from reports.indicators import compute_indicators, compute_periods
from tests import factories
from tests.contests.conftest import make_contest

MOSCOW = ZoneInfo("Europe/Moscow")
CODES = ("contest_teacher_winners", "contest_teacher_prizes", "contest_organizations",
         "contest_regional")


def _apply(nomination, expert, criterion, points, **applicant):
    application = Application.objects.create(nomination=nomination, title="Работа", **applicant)
    Score.objects.create(application=application, expert=expert, criterion=criterion,
                         value=points)
    return application


def _contest(world, title, approved_at):
    """One winner, one prize-winner, one laureate per nomination (by places)."""
    contest = make_contest(world.programme, title)
    organizations = save_nomination(contest=contest, audience=Audience.ORGANIZATION,
                                    title="Для ОО")
    teachers = save_nomination(contest=contest, audience=Audience.TEACHER, title="Для педагогов")
    criterion = save_criterion(contest=contest, number=1, title="Актуальность", maximum=20)
    expert = assign_expert(contest=contest, user=world.curator,
                           nominations=[organizations, teachers])
    contest.results_approved_at = approved_at
    contest.results_approved_by = world.staff if approved_at else None
    contest.save()
    return contest, organizations, teachers, criterion, expert


@pytest.fixture
def contests(world):
    approved = datetime.datetime(2022, 4, 15, 12, tzinfo=MOSCOW)
    _, organizations, teachers, criterion, expert = _contest(world, "Инновационный поиск",
                                                             approved)
    # Organizations: СОШ № 1 (15) winner, Гимназия № 2 (10) prize, ООШ № 3 (5) laureate.
    first = _apply(organizations, expert, criterion, 15, organization=world.school_a)
    _apply(organizations, expert, criterion, 10, organization=world.school_b)
    _apply(organizations, expert, criterion, 5, organization=world.school_c)
    # Teachers: 12 winner, 8 prize, 4 laureate.
    people = [factories.TeacherFactory(organization=world.school_a) for _ in range(3)]
    _apply(teachers, expert, criterion, 12, teacher=people[0])
    second = _apply(teachers, expert, criterion, 8, teacher=people[1])
    _apply(teachers, expert, criterion, 4, teacher=people[2])
    first.regional_outcome = RegionalOutcome.PASSED
    first.save()
    second.regional_outcome = RegionalOutcome.NOT_PASSED
    second.regional_note = "Не раскрыта новизна."
    second.save()
    # Results not approved: not counted.
    _, pending, _, pending_criterion, pending_expert = _contest(world, "Без итогов", None)
    _apply(pending, pending_expert, pending_criterion, 20, organization=world.school_d)
    return world


def _figures(values):
    found = {item.indicator.code: item for item in values}
    return [found[code].value for code in CODES], found


def test_it_breaks_the_winners_down_by_category(contests):
    figures, found = _figures(compute_indicators(municipality=contests.municipality,
                                                 period=contests.period))

    assert figures == [1, 1, 2, 1]
    assert found["contest_organizations"].note == "«Инновационный поиск» (иллюстративные данные)"
    assert found["contest_teacher_winners"].indicator.number == "К5.1"


def test_it_counts_a_contest_in_the_year_its_results_were_approved(contests):
    second_year = factories.PeriodFactory(programme=contests.programme, title="2022–2023",
                                          starts_on=datetime.date(2022, 9, 1),
                                          ends_on=datetime.date(2023, 8, 31))
    later, _, teachers, criterion, expert = _contest(
        contests, "Инновационный поиск — 2023",
        datetime.datetime(2023, 3, 1, 12, tzinfo=MOSCOW))
    _apply(teachers, expert, criterion, 9, teacher=factories.TeacherFactory(
        organization=contests.school_b))

    first, second = compute_periods(municipality=contests.municipality,
                                    periods=[contests.period, second_year])

    assert _figures(first.values)[0] == [1, 1, 2, 1]
    assert _figures(second.values)[0] == [1, 0, 0, 0]
    assert later.title in _figures(second.values)[1]["contest_teacher_winners"].note


def test_it_leaves_out_results_approved_after_the_control_point(contests):
    first = compute_periods(municipality=contests.municipality, periods=[contests.period],
                            as_of=datetime.date(2022, 3, 31))[0]

    figures, found = _figures(first.values)
    assert figures == [None] * 4
    assert found["contest_regional"].note == "итоги конкурсов за учебный год не утверждены"


def test_another_municipalitys_contests_do_not_count(contests):
    period = Period.objects.get(programme__municipality=contests.other_municipality)

    figures, _ = _figures(compute_indicators(municipality=contests.other_municipality,
                                             period=period))

    assert figures == [None] * 4
