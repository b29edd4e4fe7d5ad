"""Monitoring figures of the organizations, their staffing by qualification category and
the map of problems and solutions."""

import random
from collections import defaultdict
from dataclasses import dataclass

from demo.synthetic.scale import (
    DAY,
    District,
    Scale,
    Span,
    SyntheticOrganization,
    SyntheticPlacement,
)
from demo.synthetic.streams import district_streams
from demo.synthetic.tables import Table
from diagnostics.models import Aspect, NeedsOffer, SchoolIndicator, Staffing
from internships.models import Tier
from teams.models import OrganizationKind, SchoolLevel

INDICATOR_SHARE = {"low_results": 0.1, "low_results_left": 0.3, "non_objective": 0.06}
CRITICAL_STAFFING_SHARE = 0.08
NEEDS_SHARE = 0.3
NEEDS_NOTES = [
    "Нужна консультация по нормативной базе.",
    "Готовы провести открытое мероприятие.",
    "Просим включить в план площадки.",
]


@dataclass(slots=True)
class _Profile:
    """An organization's size and standing, drifting a little from year to year."""

    students: int
    teachers: int
    graduates: int | None
    low_results: bool | None
    critical: bool


def _profile(rng: random.Random, item: SyntheticOrganization) -> _Profile:
    if item.kind == OrganizationKind.PRESCHOOL:
        students = rng.randint(40, 250)
        return _Profile(students, max(4, round(students / rng.uniform(7, 10))), None, None,
                        rng.random() < CRITICAL_STAFFING_SHARE)
    if item.kind == OrganizationKind.ADDITIONAL:
        students = rng.randint(300, 1500)
        return _Profile(students, max(6, round(students / rng.uniform(30, 50))), None, None,
                        rng.random() < CRITICAL_STAFFING_SHARE)
    ranges = {SchoolLevel.SECONDARY: (250, 1100), SchoolLevel.GYMNASIUM: (500, 1200),
              SchoolLevel.LYCEUM: (500, 1200), SchoolLevel.BASIC: (60, 300),
              SchoolLevel.PRIMARY: (20, 150)}
    low, high = ranges[item.level]
    if item.parent is not None:
        low, high = low // 2, high // 2
    students = rng.randint(low, high)
    graduate_share = {SchoolLevel.PRIMARY: None, SchoolLevel.BASIC: 0.1}.get(item.level, 0.18)
    weak = 2 if item.level in (SchoolLevel.BASIC, SchoolLevel.PRIMARY) else 1
    return _Profile(
        students, max(5, round(students / rng.uniform(11, 16))),
        None if graduate_share is None else max(1, round(students * graduate_share)),
        rng.random() < INDICATOR_SHARE["low_results"] * weak,
        rng.random() < CRITICAL_STAFFING_SHARE)


def _drift(rng: random.Random, value: int) -> int:
    return max(1, round(value * rng.uniform(0.96, 1.04)))


def generate_monitoring(*, scale: Scale, seed: int) -> dict[str, int]:
    """Per organization and year: monitoring indicators and the staffing by category;
    about 30 % of organizations fill in the map of problems and solutions."""
    indicators = Table(SchoolIndicator, "organization", "period", "low_results",
                        "non_objective", "students_total", "olympiad_winners",
                        "graduates_total", "graduates_high_gia", "teachers_total",
                        "teachers_competition_winners")
    staffing = Table(Staffing, "organization", "as_of", "teachers_total", "without_category",
                      "first_category", "highest_category", "attested_for_position",
                      "not_subject_to_attestation")
    needs = Table(NeedsOffer, "organization", "period", "direction", "aspect",
                   "needs_support", "offers_practice", "note")
    streams = district_streams(seed, "monitoring", scale)
    for district in scale.districts:
        rng = streams[district.number]
        profiles = [_profile(rng, item) for item in district.organizations]
        for period_index, span in enumerate(scale.spans):
            period_pk = district.period_pks[period_index]
            by_team: dict[int, list[SyntheticPlacement]] = defaultdict(list)
            for item in district.placements[period_index]:
                by_team[item.team].append(item)
            for index, (item, profile) in enumerate(zip(district.organizations, profiles,
                                                        strict=True)):
                if period_index:
                    profile.students = _drift(rng, profile.students)
                    profile.teachers = _drift(rng, profile.teachers)
                    if profile.low_results and rng.random() < INDICATOR_SHARE["low_results_left"]:
                        profile.low_results = False
                indicators.add(_indicator(rng, item, profile, period_pk))
                staffing.add(_staffing(rng, item, profile, span))
                if rng.random() < NEEDS_SHARE:
                    for line in _needs(rng, district, item, by_team[index], period_pk):
                        needs.add(line)
    return {"school_indicators": indicators.flush(), "staffing": staffing.flush(),
            "needs_offers": needs.flush()}


def _indicator(rng: random.Random, item: SyntheticOrganization, profile: _Profile,
               period_pk: int) -> tuple:
    school = item.kind == OrganizationKind.SCHOOL
    strong = item.level in (SchoolLevel.GYMNASIUM, SchoolLevel.LYCEUM)
    winners = None
    if item.kind != OrganizationKind.PRESCHOOL:
        winners = round(profile.students * rng.uniform(0, 0.06 if strong else 0.03))
    high_gia = None
    if profile.graduates is not None:
        high_gia = round(profile.graduates * rng.uniform(0.1, 0.35) if strong
                         else profile.graduates * rng.uniform(0, 0.2))
    return (item.pk, period_pk, profile.low_results if school else None,
            rng.random() < INDICATOR_SHARE["non_objective"] if school else None,
            profile.students, winners, profile.graduates, high_gia, profile.teachers,
            round(profile.teachers * rng.uniform(0, 0.1)))


def _staffing(rng: random.Random, item: SyntheticOrganization, profile: _Profile,
              span: Span) -> tuple:
    total = profile.teachers
    if profile.critical:
        # «Критическое состояние»: more than half without a category.
        without = min(total, total // 2 + 1 + round(total * rng.uniform(0, 0.2)))
    else:
        without = round(total * rng.uniform(0.05, 0.45))
    highest = round((total - without) * rng.uniform(0.3, 0.6))
    attested = round(without * rng.uniform(0, 0.7))
    exempt = rng.randint(0, min(3, without - attested))
    return (item.pk, span.starts_on + 4 * DAY, total, without, total - without - highest,
            highest, attested, exempt)


def _needs(rng: random.Random, district: District, item: SyntheticOrganization,
           placements: list[SyntheticPlacement], period_pk: int) -> list[tuple]:
    """1–3 lines in the directions the team works in: leaders offer, the others ask."""
    options = [(placement, aspect) for placement in placements for aspect in Aspect.values]
    lines = []
    for placement, aspect in rng.sample(options, min(len(options), rng.randint(1, 3))):
        leader = placement.tier == Tier.LEADER
        needs_support = rng.random() < (0.2 if leader else 0.85)
        offers = rng.random() < {Tier.LEADER: 0.9, Tier.PROMISING: 0.4}.get(placement.tier, 0.1)
        if not needs_support and not offers:
            needs_support, offers = not leader, leader
        lines.append((item.pk, period_pk, district.direction_pks[placement.direction], aspect,
                      needs_support, offers,
                      rng.choice(NEEDS_NOTES) if rng.random() < 0.25 else ""))
    return lines
