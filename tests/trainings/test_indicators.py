"""Indicators of persons on hand-made data: distinct persons, by category and young
teachers; the coverage of professional development with its configurable targets."""

import datetime
from decimal import Decimal

from people.models import WorkerCategory as Category
from tests import factories
from trainings.indicator_reads import pd_coverage, persons_trained
from trainings.models import Attendance, Completion, CoverageTarget, PlatformSession

D = datetime.date
YEAR = (D(2024, 9, 1), D(2025, 8, 31))


def came(platform, day, *people):
    session = PlatformSession.objects.create(platform=platform, held_on=day, topic="Занятие",
                                             form="seminar")
    for person in people:
        Attendance.objects.create(session=session, teacher=person)


def test_it_counts_one_person_at_two_platforms_once(world, training):
    second = factories.TeacherPlatformFactory(host=world.school_b, title="Вторая площадка")
    came(training.platform, D(2024, 10, 3), training.young, training.senior)
    came(training.platform, D(2024, 11, 3), training.young)
    came(second, D(2025, 2, 3), training.young)

    result = persons_trained(world.municipality, *YEAR)

    assert result.total == 2
    assert result.by_category["Учитель"] == 1 and result.by_category["Педагог ДОО"] == 1


def test_it_counts_young_teachers_separately(world, training):
    came(training.platform, D(2024, 10, 3), training.young, training.senior, training.master)

    result = persons_trained(world.municipality, *YEAR)

    assert (result.total, result.young) == (3, 1)
    assert "один раз" in result.formula


def test_it_counts_only_sessions_of_the_period_and_municipality(world, training):
    came(training.platform, D(2024, 5, 3), training.young)
    other = factories.TeacherPlatformFactory(host=world.other_organization)
    came(other, D(2024, 10, 3), training.stranger)

    assert persons_trained(world.municipality, *YEAR).total == 0


def test_it_computes_the_coverage_of_participating_organizations(world, training):
    # School B takes part (a trainee came); its three other people are its teachers.
    factories.TeacherFactory(organization=world.school_b)
    came(training.platform, D(2024, 10, 3), training.young)
    Completion.objects.create(teacher=training.young, programme=training.programme,
                              completed_on=D(2025, 5, 20), document="№ 1")
    Completion.objects.create(teacher=training.master, programme=training.programme,
                              completed_on=D(2023, 5, 20), document="№ 2")

    coverage = pd_coverage(world.municipality, *YEAR)

    # School B: the young teacher, the master and one more; only the young one completed
    # in the period. School C (no attendance, no completion) is not participating.
    assert (coverage.teachers.numerator, coverage.teachers.denominator) == (1, 3)
    assert coverage.participating_organizations == 1
    assert coverage.teachers.target is None


def test_it_computes_the_coverage_of_specialists_against_the_municipality_s_target(
        world, training):
    specialists = [factories.TeacherFactory(organization=world.school_a,
                                            worker_category=Category.METHODOLOGIST)
                   for _ in range(4)]
    Completion.objects.create(teacher=specialists[0], programme=training.programme,
                              completed_on=D(2024, 12, 1), document="№ 3")
    CoverageTarget.objects.create(municipality=world.municipality,
                                  teachers_percent=Decimal("41"),
                                  specialists_percent=Decimal("20"))

    coverage = pd_coverage(world.municipality, *YEAR)

    assert (coverage.specialists.numerator, coverage.specialists.denominator) == (1, 4)
    assert coverage.specialists.value == Decimal("0.25")
    assert coverage.specialists.target == Decimal("0.2")
    assert coverage.specialists.target_met is True
    # Specialists are not counted among the teachers of the participating organization.
    assert coverage.teachers.denominator == 1 and coverage.teachers.target_met is False


def test_it_gives_no_share_when_there_is_no_one_to_divide_by(world):
    coverage = pd_coverage(world.municipality, *YEAR)

    assert coverage.teachers.value is None and coverage.specialists.value is None
