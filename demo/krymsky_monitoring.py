"""The demo district's figures after 2021–2022 (illustrative): later diagnoses, the schools'
monitoring indicators and their staffing, for every academic year of the project.

The Krymsky project names the indicators but gives none of their values, so every figure here
is drawn with a fixed seed and is marked as illustrative where the portal keeps a comment
(diagnoses). The figures improve over the years, as a working model would make them, but the
portal never treats them as targets. Everything is written through the portal's own functions:
``save_expert_diagnoses``, ``save_indicators`` and ``save_staffing``.
"""

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.utils import timezone

from diagnostics.diagnoses import DiagnosisEntry, save_expert_diagnoses
from diagnostics.models import Deficit, Diagnosis, DiagnosisSource, DiagnosticRound
from diagnostics.monitoring import save_indicators, save_staffing
from internships.models import Period, Placement, Platform, TeamResult, Tier
from teams.models import Organization, SchoolLevel

ILLUSTRATIVE = "Иллюстративные данные"
DIAGNOSIS_COMMENT = f"{ILLUSTRATIVE}: результат придуман для показа динамики дефицитов."

# Chance that a team loses a deficit by the next round: it came to most of its platform's
# events of the year, or it did not.
LOSS_IF_ENGAGED = 0.6
LOSS_OTHERWISE = 0.25
# Chance that a team not leading the direction shows a new deficit.
NEW_DEFICIT = 0.12
ENGAGED_SHARE = 0.5

# Schools with low results (ШНОР) at the start: the teams the project places as hidden
# reserves of direction 2 «Система работы ШНОР»; one of them leaves the list each year.
LOW_RESULTS_AT_START = ["МАОУ СОШ № 11", "МБОУ ООШ № 38", "МБОУ ООШ № 60", "МБОУ ООШ № 66"]
NON_OBJECTIVE_AT_START = ["МБОУ СОШ № 20", "МБОУ ООШ № 28"]
# Staffing lines: one at the start of the project, then one every September.
STAFFING_DATES = [datetime.date(2021, 10, 1), datetime.date(2022, 9, 1),
                  datetime.date(2023, 9, 1), datetime.date(2024, 9, 1)]
# Organizations whose staff is mostly without a category at the start («критическое
# состояние»); they catch up by one in ten teachers a year.
CRITICAL_AT_START = ["МБОУ ООШ № 65", "МБОУ ООШ № 5"]


def _latest_deficits(*, team_id: int, direction_id: int, before: DiagnosticRound) -> set[int]:
    latest = (Diagnosis.objects.filter(team_id=team_id, direction_id=direction_id,
                                       source=DiagnosisSource.EXPERT,
                                       round__programme_id=before.programme_id,
                                       round__starts_on__lt=before.starts_on)
              .order_by("-round__starts_on").first())
    return set(latest.deficits.values_list("pk", flat=True)) if latest else set()


def _engaged_teams(platform: Platform, until: datetime.date) -> set[int]:
    """Teams that came to at least half of the platform's events held up to ``until``."""
    came: dict[int, list[bool]] = {}
    for team_id, attended in TeamResult.objects.filter(
        entry__platform=platform, entry__held_on__lte=until
    ).values_list("team_id", "attended"):
        came.setdefault(team_id, []).append(attended)
    return {team_id for team_id, marks in came.items()
            if sum(marks) >= ENGAGED_SHARE * len(marks)}


def diagnose_round(*, diagnostic_round: DiagnosticRound, period: Period, entered_by: User,
                   rng: random.Random) -> int:
    """Expert results of every team placed in the year, drawn from its previous result:
    a team that came to its platform's events loses deficits more often."""
    written = 0
    for platform in period.platforms.select_related("direction", "period").order_by(
            "direction__number"):
        catalogue = list(Deficit.objects.filter(direction=platform.direction, active=True)
                         .order_by("code").values_list("pk", flat=True))
        engaged = _engaged_teams(platform, diagnostic_round.starts_on)
        entries = []
        for placement in (Placement.objects.filter(platform=platform)
                          .select_related("team__organization").order_by("team_id")):
            found: set[int] = set()
            if placement.tier != Tier.LEADER:
                loss = LOSS_IF_ENGAGED if placement.team_id in engaged else LOSS_OTHERWISE
                before = _latest_deficits(team_id=placement.team_id,
                                          direction_id=platform.direction_id,
                                          before=diagnostic_round)
                found = {pk for pk in sorted(before) if rng.random() >= loss}
                fresh = [pk for pk in catalogue if pk not in before]
                if fresh and rng.random() < NEW_DEFICIT:
                    found.add(rng.choice(fresh))
            entries.append(DiagnosisEntry(team=placement.team, direction=platform.direction,
                                          assessed=True, deficit_ids=frozenset(found),
                                          comment=DIAGNOSIS_COMMENT))
        save_expert_diagnoses(diagnostic_round=diagnostic_round, platform=platform,
                              entries=entries, entered_by=entered_by,
                              today=timezone.localdate())
        written += len(entries)
    return written


@dataclass(frozen=True)
class _SchoolSize:
    students: tuple[int, int]
    graduates: tuple[int, int]
    teachers: tuple[int, int]


_SIZES = {
    SchoolLevel.SECONDARY: _SchoolSize((420, 980), (45, 110), (32, 64)),
    SchoolLevel.BASIC: _SchoolSize((90, 260), (10, 28), (12, 24)),
    SchoolLevel.GYMNASIUM: _SchoolSize((900, 1150), (110, 140), (60, 75)),
}


def _indicator_values(organization: Organization, year: int, rng: random.Random) -> dict:
    """One school's indicators for the ``year``-th academic year of the project (0-based)."""
    size = _SIZES.get(organization.level, _SIZES[SchoolLevel.SECONDARY])
    students = rng.randint(*size.students)
    graduates = rng.randint(*size.graduates)
    teachers = rng.randint(*size.teachers)
    low = organization.short_name in LOW_RESULTS_AT_START[year:]
    return {
        "low_results": low,
        "non_objective": organization.short_name in NON_OBJECTIVE_AT_START[year:],
        "students_total": students,
        # Olympiad winners from about 1 % to 3 %, high GIA from about 12 % to 25 %,
        # competition winners from about 2 % to 8 % over the four years.
        "olympiad_winners": round(students * rng.uniform(0.006, 0.014) * (1 + 0.5 * year)),
        "graduates_total": graduates,
        "graduates_high_gia": round(graduates * rng.uniform(0.08, 0.16)
                                    * (1 + 0.25 * year) * (0.6 if low else 1)),
        "teachers_total": teachers,
        "teachers_competition_winners": min(teachers, round(
            teachers * rng.uniform(0.01, 0.03) * (1 + year))),
    }


def _staffing_values(organization: Organization, year: int, rng: random.Random) -> dict:
    size = _SIZES.get(organization.level, _SIZES[SchoolLevel.SECONDARY])
    total = rng.randint(*size.teachers)
    critical = organization.short_name in CRITICAL_AT_START
    without_share = (0.58 if critical else rng.uniform(0.12, 0.3)) - 0.05 * year
    without = max(round(total * max(without_share, 0.05)), 2)
    # Both are among those without a category.
    exempt = rng.randint(0, 1)
    attested = rng.randint(1, without - exempt)
    categorized = total - without
    highest = round(categorized * rng.uniform(0.35, 0.55))
    return {"teachers_total": total, "without_category": without,
            "first_category": categorized - highest, "highest_category": highest,
            "attested_for_position": attested, "not_subject_to_attestation": exempt}


def load_school_figures(*, periods: list[Period], rng: random.Random) -> dict[str, int]:
    """Indicators of every school for each year, and a staffing line each September."""
    organizations = list(Organization.objects.filter(
        municipality_id=periods[0].programme.municipality_id).order_by("short_name"))
    for year, period in enumerate(periods):
        for organization in organizations:
            save_indicators(organization=organization, period=period,
                            values=_indicator_values(organization, year, rng))
    for year, as_of in enumerate(STAFFING_DATES):
        for organization in organizations:
            save_staffing(organization=organization, as_of=as_of,
                          values=_staffing_values(organization, year, rng))
    return {"indicators": len(organizations) * len(periods),
            "staffing": len(organizations) * len(STAFFING_DATES)}
