"""The project's effectiveness indicators on hand-made data whose answers are known.

The ``world`` district: four schools (СОШ № 1, Гимназия № 2, ООШ № 3, НШ № 4) and a
kindergarten, three platforms in 2021–2022, each with a leader (СОШ № 1, Гимназия № 2,
ООШ № 3), five teams placed.
"""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import timezone

from diagnostics.models import (
    DiagnosticRound,
    RoundKind,
    SchoolIndicator,
    Staffing,
)
from internships.journal_reads import journal_entries, people_trained
from internships.models import CuratorBody, JournalEntry, Tier
from reports import builders, indicator_catalogue, indicators, jobs
from reports.indicator_catalogue import (
    INDICATORS,
    REGIONAL_MONITORING,
    Group,
    Indicator,
    IndicatorValue,
)
from reports.indicators import compute_by_direction, compute_indicators
from reports.models import ProducedHandbook, ReportJob, ReportKind
from reports.network_indicators import NETWORK_INDICATORS
from reports.person_indicators import JOURNAL_SOURCE
from teams.models import OrganizationKind
from tests import factories
from tests.reports.indicator_support import (
    D,
    deficit_history_of,
    entry,
    second_period,
    values,
)
from tests.reports.jobs_support import refusing_builder, writing_builder

# --- Definitions -------------------------------------------------------------------------

def test_it_defines_every_indicator_once_with_a_russian_name_unit_and_formula():
    codes = [item.code for item in INDICATORS]
    assert len(codes) == len(set(codes))
    for item in INDICATORS:
        assert item.name and item.formula and item.short_name
        assert item.unit in ("ед.", "чел.", "%", "")
        if item.is_share:
            assert "числитель" in item.formula.lower()
            assert "знаменатель" in item.formula.lower()
    # Section 9 of the Krymsky project: eight direct indicators (two of them yes/no facts,
    # two of them in two parts) and five indirect ones, numbered as the programme does.
    numbers = {item.group: [] for item in INDICATORS}
    for item in INDICATORS:
        numbers[item.group].append(item.number)
    assert numbers[Group.DIRECT] == ["П1", "П2", "П3", "П4", "П5", "П6.1", "П6.2", "П7",
                                     "П8.1", "П8.2"]
    # К5 broken down by category: К5.1–К5.4 (reports.contest_indicators).
    assert numbers[Group.INDIRECT] == ["К1", "К2", "К3", "К4", "К5", "К5.1", "К5.2", "К5.3",
                                       "К5.4"]
    assert all(number.startswith("Д") for group, found in numbers.items()
               if group not in (Group.DIRECT, Group.INDIRECT) for number in found)
    assert len({item.number for item in INDICATORS}) == len(INDICATORS)
    # The seed's own words for the groups.
    assert Group.DIRECT.label == "Прямые показатели"
    assert Group.INDIRECT.label == "Опосредованные показатели"


def test_it_computes_every_indicator_in_definition_order(world):
    computed = compute_indicators(municipality=world.municipality, period=world.period)
    # Then the region's motivating monitoring: one «нет данных» line when not loaded; then
    # the networks' effectiveness, «нет данных» outside every network.
    assert [item.indicator for item in computed] == [*INDICATORS, REGIONAL_MONITORING,
                                                     *NETWORK_INDICATORS]


@pytest.mark.parametrize(("value", "unit", "text"), [
    (None, "%", "нет данных"),
    (None, "ед.", "нет данных"),
    (12, "ед.", "12"),
    (0, "чел.", "0"),
    (Decimal(6) / Decimal(17), "%", "35,3 %"),
    (Decimal("0.12345"), "%", "12,3 %"),
    (Decimal(1), "%", "100,0 %"),
    (True, "", "да"),
    (False, "", "нет"),
])
def test_it_prints_values_the_russian_way(value, unit, text):
    indicator = Indicator(code="x", name="Показатель", unit=unit, group=Group.DIRECT,
                          formula="Числитель: …; знаменатель: …")
    assert IndicatorValue(indicator, value).text == text


# --- Direct indicators -------------------------------------------------------------------

def test_it_counts_as_open_only_platforms_with_a_leader(world):
    fourth = factories.DirectionFactory(programme=world.programme, number=4)
    platform = factories.PlatformFactory(direction=fourth, period=world.period)
    factories.PlacementFactory(platform=platform, team=world.school_d.team, tier=Tier.PROMISING)

    found = values(world)["platforms_open"]

    assert found.value == 3
    assert found.note == "3 из 4 площадок с командой-лидером"


def test_it_says_no_data_for_platforms_and_events_of_a_period_without_platforms(world):
    found = values(world, second_period(world))

    assert found["platforms_open"].value is None
    assert found["platforms_open"].text == "нет данных"
    assert found["events_held"].value is None
    assert found["people_trained"].value is None


def test_it_sums_managers_and_teachers_of_attended_results_of_the_period(world):
    a, b, c, d = (world.school_a.team, world.school_b.team, world.school_c.team,
                  world.school_d.team)
    entry(world.own_platform, (b, 2, 3), (d, None))
    entry(world.foreign_platform, (a, 1, 4), (c, 0, 0))
    # Another year and another district do not count.
    later = factories.PlatformFactory(direction=world.directions[0], period=second_period(world))
    entry(later, (a, 5, 5), held_on=D(2022, 10, 1))
    entry(world.other_platform, (world.other_organization.team, 7, 7))

    found = values(world)

    assert found["people_trained"].value == 10
    assert found["people_trained"].note == ("руководителей — 3, педагогов — 7"
                                              f"; {JOURNAL_SOURCE}")
    assert found["events_held"].value == 2
    # The journals' own totals agree.
    in_journals = people_trained(journal_entries(
        JournalEntry.objects.filter(platform__period=world.period)))
    assert in_journals.managers + in_journals.teachers == 10


def test_it_counts_the_people_who_went_through_a_platform_not_their_visits(world):
    a, b, d = world.school_a.team, world.school_b.team, world.school_d.team
    # The same three people of Гимназия № 2 at ten sessions of one platform.
    for day in range(1, 11):
        entry(world.own_platform, (b, 1, 2), held_on=D(2022, 2, day))
    # СОШ № 1 sends its deputies once and its teachers another time.
    entry(world.foreign_platform, (a, 2, 0), held_on=D(2022, 3, 1))
    entry(world.foreign_platform, (a, 1, 4), (d, None), held_on=D(2022, 3, 2))
    # Going through another platform is going through it again.
    entry(world.third_platform, (b, 1, 1), held_on=D(2022, 3, 3))

    found = values(world)
    by_direction = compute_by_direction(municipality=world.municipality, period=world.period)

    assert found["people_trained"].value == 3 + 6 + 2
    assert found["people_trained"].note == ("руководителей — 4, педагогов — 7"
                                              f"; {JOURNAL_SOURCE}")
    assert [by_direction[number][0].value for number in (1, 2, 3)] == [3, 6, 2]
    assert found["events_held"].value == 13
    assert "наибольшее число" in indicator_catalogue.PEOPLE_TRAINED.formula
    assert "считаются один раз" in indicator_catalogue.PEOPLE_TRAINED.formula


def test_it_counts_events_without_results_but_says_no_data_for_people(world):
    entry(world.own_platform)

    found = values(world)

    assert found["events_held"].value == 1
    assert found["people_trained"].value is None
    assert found["people_trained"].note == ("в журналах нет результатов команд"
                                              f"; {JOURNAL_SOURCE}")


def test_it_counts_zero_events_on_open_platforms_with_empty_journals(world):
    found = values(world)["events_held"]

    assert found.value == 0
    assert found.note == "в журналах площадок нет мероприятий"


def test_it_has_no_data_on_teachers_deficits(world):
    found = values(world)["deficits_decreased_teachers"]

    assert found.value is None
    assert found.text == "нет данных"
    assert "нет двух сопоставимых диагностик компетенций педагогов" in found.note


@pytest.fixture
def order_handbook(world, settings, tmp_path, monkeypatch):
    """``order_handbook(period, builder)`` runs a handbook job of the period to its end."""
    settings.MEDIA_ROOT = tmp_path / "media"

    def order(period=None, builder=writing_builder) -> ReportJob:
        monkeypatch.setitem(builders.BUILDERS, ReportKind.HANDBOOK, builder)
        job = ReportJob.objects.create(municipality=world.municipality,
                                       kind=ReportKind.HANDBOOK, period=period or world.period)
        jobs.run_report_job(job_id=job.pk)
        job.refresh_from_db()
        return job

    return order


def test_it_counts_one_handbook_per_year_however_often_it_is_ordered(world, order_handbook):
    assert values(world)["handbooks_produced"].value == 0
    assert values(world)["handbooks_produced"].note == "пособие за год ещё не формировалось"

    first = order_handbook()
    order_handbook()
    order_handbook(builder=refusing_builder)
    order_handbook(period=second_period(world))

    found = values(world)["handbooks_produced"]
    assert found.value == 1
    assert found.note == f"сформировано {timezone.localtime(first.finished_at):%d.%m.%Y}"
    assert "повторные заказы" in found.indicator.formula


def test_a_failed_handbook_is_not_a_handbook(world, order_handbook):
    order_handbook(builder=refusing_builder)

    assert values(world)["handbooks_produced"].value == 0


def test_a_produced_handbook_still_counts_once_its_old_report_is_cleaned_up(
    world, order_handbook, django_capture_on_commit_callbacks
):
    job = order_handbook()
    long_after = job.finished_at + datetime.timedelta(days=settings.REPORT_RETENTION_DAYS + 1)

    with django_capture_on_commit_callbacks(execute=True):
        outcome = jobs.cleanup_reports(now=long_after)

    assert outcome["deleted"] == 1
    assert not ReportJob.objects.exists()
    assert values(world)["handbooks_produced"].value == 1


def test_another_municipalitys_handbook_does_not_count(world):
    ProducedHandbook.objects.create(period=world.other_platform.period,
                                    produced_at=timezone.now())

    assert values(world)["handbooks_produced"].value == 0


def test_it_counts_organizations_placed_in_the_period_as_the_network(world):
    elsewhere = second_period(world)
    newcomer = factories.OrganizationFactory(municipality=world.municipality, number=9)
    factories.PlacementFactory(
        platform=factories.PlatformFactory(direction=world.directions[0], period=elsewhere),
        team=newcomer.team)

    assert values(world)["network_organizations"].value == 5
    assert values(world)["network_organizations"].note == "5 из 6 организаций"
    assert values(world, elsewhere)["network_organizations"].value == 1


def test_it_counts_the_bodies_of_the_period_curators_as_methodological_services(world):
    world.curator.curator.body = CuratorBody.DEPARTMENT
    world.curator.curator.save()
    world.foreign_platform.curators.update(body=CuratorBody.METHODOLOGICAL)
    world.third_platform.curators.add(
        factories.CuratorFactory(municipality=world.municipality,
                                 body=CuratorBody.METHODOLOGICAL),
        factories.CuratorFactory(municipality=world.municipality, body=""))
    later = factories.PlatformFactory(direction=world.directions[0], period=second_period(world))
    later.curators.add(factories.CuratorFactory(municipality=world.municipality,
                                                body=CuratorBody.QUALITY))

    found = values(world)["network_services"]

    assert found.value == 2
    assert found.note == "Управление образования, ИМЦ"


def test_it_says_no_data_for_services_when_curators_name_no_body(world):
    found = values(world)["network_services"]

    assert found.value is None
    assert found.note == "у кураторов площадок не указано учреждение"


@pytest.fixture
def deficit_history(world):
    return deficit_history_of(world)


# --- Deficit dynamics --------------------------------------------------------------------

def test_it_shares_teams_whose_deficits_decreased_up_to_the_period_end(world, deficit_history):
    found = values(world)["deficits_decreased_teams"]

    assert (found.numerator, found.denominator) == (1, 2)
    assert found.value == Decimal("0.5")
    assert found.note == "1 из 2 команд"


def test_it_compares_each_team_first_and_last_diagnosis_in_a_later_period(world,
                                                                          deficit_history):
    found = values(world, second_period(world))["deficits_decreased_teams"]

    assert (found.numerator, found.denominator) == (2, 3)
    assert found.text == "66,7 %"


def test_it_shares_decreased_deficits_per_direction(world, deficit_history):
    by_direction = compute_by_direction(municipality=world.municipality, period=world.period)

    shares = {number: next(item for item in found
                           if item.indicator.code == "deficits_decreased_teams")
              for number, found in by_direction.items()}
    assert (shares[1].numerator, shares[1].denominator) == (1, 2)
    assert (shares[2].numerator, shares[2].denominator) == (0, 1)
    assert shares[2].text == "0,0 %"
    assert shares[3].value is None


def test_it_says_no_data_when_no_team_was_diagnosed_twice(world):
    found = values(world)["deficits_decreased_teams"]

    assert found.value is None
    assert found.note == "нет команд, продиагностированных дважды"


# --- Indirect indicators -----------------------------------------------------------------

def test_it_computes_the_monitoring_shares_over_organizations_with_data(world):
    SchoolIndicator.objects.create(
        organization=world.school_a, period=world.period, low_results=True,
        non_objective=False, students_total=100, olympiad_winners=10, graduates_total=20,
        graduates_high_gia=5, teachers_total=30, teachers_competition_winners=3)
    SchoolIndicator.objects.create(
        organization=world.school_b, period=world.period, low_results=False,
        non_objective=True, students_total=200, olympiad_winners=30, teachers_total=20)
    # Only the student count is known: no pair, no part in any share.
    SchoolIndicator.objects.create(organization=world.school_c, period=world.period,
                                   students_total=50)
    SchoolIndicator.objects.create(
        organization=world.school_d, period=second_period(world), low_results=True,
        non_objective=True, students_total=10, olympiad_winners=10)
    SchoolIndicator.objects.create(
        organization=world.other_organization, period=world.other_platform.period,
        low_results=True, non_objective=True, students_total=10, olympiad_winners=10)

    found = values(world)

    assert (found["low_results_share"].numerator,
            found["low_results_share"].denominator) == (1, 2)
    assert found["low_results_share"].text == "50,0 %"
    assert found["non_objective_schools"].value == 1
    assert found["non_objective_schools"].note == "1 из 2 организаций"
    assert (found["olympiad_winners_share"].numerator,
            found["olympiad_winners_share"].denominator) == (40, 300)
    assert found["olympiad_winners_share"].text == "13,3 %"
    assert found["high_gia_share"].value == Decimal("0.25")
    assert found["competition_winners_share"].value == Decimal("0.1")


def test_it_says_no_data_when_monitoring_was_not_entered(world):
    found = values(world)

    for code in ("low_results_share", "non_objective_schools", "olympiad_winners_share",
                 "high_gia_share", "competition_winners_share"):
        assert found[code].value is None
        assert found[code].text == "нет данных"
        assert found[code].note == "показатели мониторинга за учебный год не внесены"


def test_it_says_no_data_for_a_share_no_organization_has_both_numbers_of(world):
    SchoolIndicator.objects.create(organization=world.school_a, period=world.period,
                                   low_results=False, students_total=100, graduates_total=10)

    found = values(world)

    assert found["low_results_share"].value == 0
    assert found["low_results_share"].text == "0,0 %"
    assert found["non_objective_schools"].value is None
    assert found["olympiad_winners_share"].value is None
    assert found["olympiad_winners_share"].note == "ни у одной организации не внесены оба числа"


# --- Facts -------------------------------------------------------------------------------

def test_it_says_the_environment_is_created_when_every_school_is_placed(world):
    found = values(world)["environment_created"]

    # The kindergarten is not a school: four of four schools.
    assert found.value is True
    assert found.text == "да"
    assert found.note == "распределены команды 4 из 4 школ"


def test_it_says_the_environment_is_not_created_while_a_school_is_not_placed(world):
    factories.OrganizationFactory(municipality=world.municipality, number=21)
    factories.OrganizationFactory(municipality=world.municipality, number=22,
                                  kind=OrganizationKind.ADDITIONAL, level="")

    found = values(world)["environment_created"]

    assert found.value is False
    assert (found.numerator, found.denominator) == (4, 5)


def test_it_evidences_the_monitoring_by_rounds_with_results(world, deficit_history):
    DiagnosticRound.objects.create(
        programme=world.programme, kind=RoundKind.INTERMEDIATE, title="Без результатов",
        starts_on=D(2022, 6, 1), ends_on=D(2022, 6, 30), entry_opens=D(2022, 6, 1),
        entry_closes=D(2022, 6, 30))

    found = values(world)["monitoring_developed"]

    # The final round of 2023 is after the period's end.
    assert found.value is True
    assert (found.numerator, found.denominator) == (2, 3)
    assert found.note == "диагностик до конца учебного года: 3, из них с результатами: 2"


def test_it_says_the_monitoring_is_not_developed_without_rounds(world):
    found = values(world)["monitoring_developed"]

    assert found.value is False
    assert found.text == "нет"
    assert found.note == "диагностик не проводилось"


# --- Staffing and coverage ---------------------------------------------------------------

def test_it_takes_each_organization_latest_staffing_up_to_the_period_end(world):
    def staffing(organization, as_of, total, without, first, highest):
        Staffing.objects.create(organization=organization, as_of=as_of, teachers_total=total,
                                without_category=without, first_category=first,
                                highest_category=highest)

    staffing(world.school_a, D(2021, 9, 1), 10, 6, 2, 2)   # replaced by the next line
    staffing(world.school_a, D(2022, 6, 1), 10, 4, 3, 3)
    staffing(world.school_b, D(2022, 9, 15), 10, 10, 0, 0)  # after 2021–2022 ends
    staffing(world.school_c, D(2021, 12, 1), 20, 11, 5, 4)  # critical: 11 of 20
    staffing(world.school_d, D(2021, 12, 1), 10, 5, 5, 0)   # exactly half: not critical
    staffing(world.other_organization, D(2021, 12, 1), 10, 10, 0, 0)

    found = values(world)
    later = values(world, second_period(world))

    assert (found["quality_coefficient"].numerator,
            found["quality_coefficient"].denominator) == (20, 40)
    assert found["quality_coefficient"].text == "50,0 %"
    assert found["critical_staffing"].value == 1
    assert found["critical_staffing"].note == "1 из 3 организаций"
    assert (later["quality_coefficient"].numerator,
            later["quality_coefficient"].denominator) == (20, 50)
    assert later["critical_staffing"].value == 2


def test_it_counts_the_dated_data_up_to_a_day_when_asked(world, deficit_history,
                                                         order_handbook):
    b = world.school_b.team
    entry(world.own_platform, (b, 1, 1), held_on=D(2021, 11, 10))
    entry(world.own_platform, (b, 3, 3), held_on=D(2022, 3, 1))
    Staffing.objects.create(organization=world.school_a, as_of=D(2021, 11, 1),
                            teachers_total=10, without_category=6, first_category=2,
                            highest_category=2)
    Staffing.objects.create(organization=world.school_a, as_of=D(2022, 2, 1),
                            teachers_total=10, without_category=0, first_category=5,
                            highest_category=5)
    order_handbook()

    [whole_year] = indicators.compute_periods(municipality=world.municipality,
                                              periods=[world.period])
    [in_november] = indicators.compute_periods(municipality=world.municipality,
                                               periods=[world.period], as_of=D(2021, 11, 30))

    def figures(item):
        rounds = item.value("monitoring_developed").denominator
        return {code: item.value(code).value for code in (
            "events_held", "people_trained", "handbooks_produced", "critical_staffing",
            "deficits_decreased_teams")} | {"rounds": rounds}

    assert figures(whole_year) == {
        "events_held": 2, "people_trained": 6, "handbooks_produced": 1,
        "critical_staffing": 0, "deficits_decreased_teams": Decimal(1) / Decimal(2),
        "rounds": 2}
    # By 30.11.2021: one event, the start round only, the November staffing line, and
    # the handbook was not there yet.
    assert figures(in_november) == {
        "events_held": 1, "people_trained": 2, "handbooks_produced": 0,
        "critical_staffing": 1, "deficits_decreased_teams": None, "rounds": 1}


def test_it_says_no_data_for_staffing_never_entered(world):
    found = values(world)

    assert found["quality_coefficient"].value is None
    assert found["critical_staffing"].value is None
    assert found["critical_staffing"].note == "нет сведений о кадровом составе"


def test_it_shares_teams_leading_in_at_least_one_direction(world):
    found = values(world)["leading_teams_share"]

    assert (found.numerator, found.denominator) == (3, 5)
    assert found.text == "60,0 %"
    assert found.note == "3 из 5 команд"


def test_it_says_no_data_for_coverage_before_the_distribution(world):
    found = values(world, second_period(world))

    assert found["leading_teams_share"].value is None
    assert found["network_organizations"].value is None
    assert found["environment_created"].value is False
