"""Indicators of persons: who was trained on the platforms and the coverage of professional
development, each with its numerator, denominator and stated formula.

Persons are counted once however many sessions or platforms they came to: the figures are
DISTINCT people, by worker category, young teachers (under three years, ``people.Teacher``)
separately. Completion of a modular programme is «прошли обучение по теме» for the coverage.
The coverage targets (Timashevsk: ≥ 41 % and ≥ 20 %) are the municipality's
(``CoverageTarget``), never written into the code.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Min, Q

from people.models import Teacher, WorkerCategory
from teams.models import Municipality
from trainings.models import CoverageTarget

PERSONS_TRAINED_FORMULA = (
    "Число различных педагогических работников муниципального образования, отмеченных хотя "
    "бы на одном занятии площадок для педагогов за период: человек, пришедший на несколько "
    "занятий или на несколько площадок, считается один раз. По категориям работников; "
    "молодые педагоги (стаж меньше трёх лет на день первого занятия периода) — отдельно.")
PD_TEACHERS_FORMULA = (
    "Числитель: педагогические работники участвующих организаций (в которых хотя бы один "
    "работник за период посетил занятие площадки или завершил модульную программу), "
    "завершившие модульную программу за период; знаменатель: все педагогические работники "
    "этих организаций, кроме специалистов ТМС/ЦРО.")
PD_SPECIALISTS_FORMULA = (
    "Числитель: специалисты управления образования и методической службы (категория "
    "«Специалист ТМС/ЦРО»), завершившие модульную программу за период; знаменатель: все "
    "такие специалисты муниципального образования.")


@dataclass(frozen=True)
class Share:
    numerator: int
    denominator: int
    formula: str
    target_percent: Decimal | None = None

    @property
    def value(self) -> Decimal | None:
        """A fraction 0..1; ``None`` when there is nothing to divide by."""
        if not self.denominator:
            return None
        return Decimal(self.numerator) / Decimal(self.denominator)

    @property
    def target(self) -> Decimal | None:
        return None if self.target_percent is None else self.target_percent / 100

    @property
    def target_met(self) -> bool | None:
        if self.value is None or self.target is None:
            return None
        return self.value >= self.target


@dataclass(frozen=True)
class PersonsTrained:
    total: int
    young: int
    # Worker category label → distinct persons, in the order of WorkerCategory.
    by_category: dict[str, int] = field(default_factory=dict)
    formula: str = PERSONS_TRAINED_FORMULA

    @property
    def numerator(self) -> int:
        return self.total

    @property
    def denominator(self) -> None:
        return None


@dataclass(frozen=True)
class PdCoverage:
    teachers: Share
    specialists: Share
    participating_organizations: int


def _people(municipality: Municipality):
    return Teacher.objects.filter(organization__municipality=municipality)


def _attended(date_from: datetime.date, date_to: datetime.date) -> Q:
    return Q(attendances__session__held_on__gte=date_from,
             attendances__session__held_on__lte=date_to)


def _completed(date_from: datetime.date, date_to: datetime.date) -> Q:
    return Q(completions__completed_on__gte=date_from, completions__completed_on__lte=date_to)


def persons_trained(municipality: Municipality, date_from: datetime.date,
                    date_to: datetime.date) -> PersonsTrained:
    """DISTINCT persons who attended at least one session in the period."""
    rows = list(_people(municipality).filter(_attended(date_from, date_to)).values(
        "pk", "worker_category", "teaching_since").annotate(
        first=Min("attendances__session__held_on")))
    counts = dict.fromkeys(WorkerCategory.values, 0)
    young = 0
    for row in rows:
        counts[row["worker_category"]] += 1
        person = Teacher(teaching_since=row["teaching_since"])
        young += person.is_young_on(row["first"])
    return PersonsTrained(
        total=len(rows), young=young,
        by_category={label: counts[value] for value, label in WorkerCategory.choices})


def has_attendance(municipality: Municipality, date_from: datetime.date,
                   date_to: datetime.date) -> bool:
    """Whether named attendance was recorded in the period (a source for the figures)."""
    return _people(municipality).filter(_attended(date_from, date_to)).exists()


def coverage_target(municipality: Municipality) -> CoverageTarget | None:
    return CoverageTarget.objects.filter(municipality=municipality).first()


# ``pd_coverage`` reads the municipality's target unless it is given.
READ_TARGET = object()


def pd_coverage(municipality: Municipality, date_from: datetime.date,
                date_to: datetime.date, *, target=READ_TARGET) -> PdCoverage:
    """Teachers of participating organizations and specialists with a completion."""
    people = _people(municipality)
    participating = people.filter(
        _attended(date_from, date_to) | _completed(date_from, date_to)
    ).values("organization_id")
    completed = Q(pk__in=people.filter(_completed(date_from, date_to)).values("pk"))
    specialist = Q(worker_category=WorkerCategory.METHODOLOGIST)
    teachers = people.filter(organization__in=participating).aggregate(
        all=Count("pk", filter=~specialist), done=Count("pk", filter=~specialist & completed),
        organizations=Count("organization", distinct=True))
    specialists = people.filter(specialist).aggregate(
        all=Count("pk"), done=Count("pk", filter=completed))
    if target is READ_TARGET:
        target = coverage_target(municipality)
    organizations = teachers["organizations"]
    return PdCoverage(
        teachers=Share(teachers["done"], teachers["all"], PD_TEACHERS_FORMULA,
                       target.teachers_percent if target else None),
        specialists=Share(specialists["done"], specialists["all"], PD_SPECIALISTS_FORMULA,
                          target.specialists_percent if target else None),
        participating_organizations=organizations,
    )
