"""The demo district's project after its first year: 2022–2023, 2023–2024 and the autumn of
2024, where the project ends (illustrative).

The Krymsky project prints the placement table of 2021–2022 only; the years after it evolve
here as the project's plan (§12) describes the implementation and analytical stages, through
the portal's own functions, as a department would have entered them:
- each new year is opened with ``open_next_period`` and its teams are placed with
  ``place_team``: every team keeps its tier, except a hidden-reserve team that showed no
  deficits in the direction at the latest diagnostics, which becomes promising (at most two
  a direction); the council approves the distribution in its first protocol of the year;
- the platforms work by their plans (``plan_event``), every event held is written into the
  journal with the teams' results (``record_entry``, ``save_results``); three plan lines of
  the demo curator's platforms were genuinely missed, so the home page shows three overdue
  items;
- after the diagnostics of April 2023 and the final one of 2024 the teams that lost all their
  deficits are transferred up a tier (one new leader a direction at most) and the promising
  teams whose deficits grew down a tier (``transfer_team``); the council records the
  transfers;
- leaders mentor the hidden-reserve teams of their platform every year.

The 2021–2022 placements stay exactly as the project prints them. All figures are drawn with a
fixed seed; descriptions and comments say they are illustrative. Loading again changes nothing.
"""

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from demo.diagnostics import ROUND_TITLES
from demo.krymsky import MUNICIPALITY, PERIOD, PROGRAMME
from demo.krymsky_monitoring import ILLUSTRATIVE, diagnose_round, load_school_figures
from demo.krymsky_regional import load_regional_monitoring
from diagnostics.models import Diagnosis, DiagnosisSource, DiagnosticRound
from internships.council import AgendaItemInput, save_protocol
from internships.journal import (
    EntryData,
    PlanData,
    ResultRow,
    plan_event,
    record_entry,
    save_results,
)
from internships.mentorships import start_mentorship
from internships.models import (
    ControlPointKind,
    Outcome,
    Period,
    Placement,
    PlannedEvent,
    Platform,
    Programme,
    Tier,
    Transfer,
    WorkForm,
)
from internships.periods import open_next_period
from internships.placements import place_team, transfer_team

D = datetime.date
DESCRIPTION = f"{ILLUSTRATIVE}: запись журнала придумана для показа."
UP = {Tier.RESERVE: Tier.PROMISING, Tier.PROMISING: Tier.LEADER}
DOWN = {Tier.PROMISING: Tier.RESERVE}
MOVES_A_DIRECTION = 2
ATTENDS_IF_ENGAGED = 0.9
ATTENDS_OTHERWISE = 0.3
ENGAGED = 0.7
OUTCOMES = [Outcome.MASTERED] * 5 + [Outcome.PARTIAL] * 4 + [Outcome.NOT_MASTERED]
ATTENDEES = ("Резник З.А., Аблаева В.Н. (управление образования), Пацюк А.А. (МКУ ИМЦ), "
             "Володина З.А., Багинская М.Р., руководители команд-лидеров стажировочных площадок")

# When the demo curator's platforms held the work plan of 2021–2022 (demo.krymsky.WORK_PLAN).
FIRST_YEAR_HELD = {D(2022, 2, 1): D(2022, 2, 17), D(2022, 3, 1): D(2022, 3, 24),
                   D(2022, 4, 1): D(2022, 4, 21)}
FIRST_YEAR_MENTORING = D(2022, 1, 17)


@dataclass(frozen=True)
class YearPlan:
    # (date, form, topic with {direction}) of every platform's work plan.
    events: tuple[tuple[datetime.date, str, str], ...]
    # (direction number, date) of the plan lines not held.
    missed: frozenset[tuple[int, datetime.date]]
    # Teams move up a tier at the start of the year after a clean diagnosis.
    redistribute: bool
    # The diagnostics of the year (demo.diagnostics.ROUND_TITLES key) and the day the
    # transfers that follow it are made.
    diagnostics: tuple | None = None
    transfers_on: datetime.date | None = None


LATER_YEARS = [
    YearPlan(
        events=(
            (D(2022, 10, 20), WorkForm.SESSION, "Стажировочная сессия: опыт команд-лидеров — "
                                                "{direction}"),
            (D(2022, 12, 8), WorkForm.SEMINAR, "Семинар по итогам текущего мониторинга: "
                                               "{direction}"),
            (D(2023, 2, 16), WorkForm.MASTER_CLASS, "Мастер-класс команды-лидера: {direction}"),
            (D(2023, 4, 13), WorkForm.MUTUAL_VISIT, "Взаимопосещение: {direction}"),
        ),
        missed=frozenset({(6, D(2023, 2, 16))}),
        redistribute=True,
        diagnostics=(ControlPointKind.INTERMEDIATE_DIAGNOSTICS, D(2023, 4, 1)),
        transfers_on=D(2023, 5, 25),
    ),
    YearPlan(
        events=(
            (D(2023, 10, 19), WorkForm.WORKSHOP, "Педагогическая мастерская: {direction}"),
            (D(2023, 12, 7), WorkForm.ROUND_TABLE, "Круглый стол по итогам текущего "
                                                   "мониторинга: {direction}"),
            (D(2024, 2, 15), WorkForm.SESSION, "Стажировочная сессия: {direction}"),
            (D(2024, 4, 11), WorkForm.WEBINAR, "Вебинар: эффективные практики — {direction}"),
        ),
        missed=frozenset({(3, D(2023, 12, 7))}),
        redistribute=True,
        diagnostics=(ControlPointKind.FINAL_DIAGNOSTICS, D(2024, 5, 1)),
        transfers_on=D(2024, 6, 20),
    ),
    YearPlan(
        events=(
            (D(2024, 9, 26), WorkForm.SEMINAR, "Семинар: результаты итоговой диагностики — "
                                               "{direction}"),
            (D(2024, 11, 14), WorkForm.ROUND_TABLE, "Круглый стол: практики площадки для "
                                                    "методического пособия — {direction}"),
        ),
        missed=frozenset({(2, D(2024, 11, 14))}),
        redistribute=False,
    ),
]


@dataclass
class _Loaded:
    periods: list[Period]
    entries: int = 0
    missed: int = 0
    transfers: int = 0
    moved_at_start: int = 0
    mentorships: int = 0
    diagnoses: int = 0


def _placements(platform: Platform) -> list[Placement]:
    return list(Placement.objects.filter(platform=platform)
                .select_related("team__organization").order_by("team__organization__number",
                                                               "team_id"))


def _deficit_counts(period: Period, before: datetime.date) -> dict[tuple[int, int], int]:
    """(team, direction) → deficits found at the latest expert diagnosis before the day."""
    latest: dict[tuple[int, int], tuple[datetime.date, int]] = {}
    for diagnosis in (Diagnosis.objects.filter(round__programme_id=period.programme_id,
                                               round__starts_on__lt=before,
                                               source=DiagnosisSource.EXPERT)
                      .select_related("round").prefetch_related("deficits")):
        key = (diagnosis.team_id, diagnosis.direction_id)
        if key not in latest or latest[key][0] < diagnosis.round.starts_on:
            latest[key] = (diagnosis.round.starts_on, len(diagnosis.deficits.all()))
    return {key: count for key, (_, count) in latest.items()}


def _redistribute(*, previous: Period, period: Period, promote: bool) -> list[Placement]:
    """Place every team of the previous year; returns the placements whose tier changed.

    At the start of a year only hidden reserves move up: a team becomes a leader by a
    council's transfer during the year, after it has shown its results."""
    counts = _deficit_counts(period, period.starts_on) if promote else {}
    targets = {platform.direction_id: platform for platform in period.platforms.all()}
    changed = []
    for platform in previous.platforms.select_related("direction").order_by("direction__number"):
        moved = 0
        for placement in _placements(platform):
            tier = placement.tier
            clean = counts.get((placement.team_id, platform.direction_id)) == 0
            if clean and tier == Tier.RESERVE and moved < MOVES_A_DIRECTION:
                tier, moved = Tier.PROMISING, moved + 1
            new = place_team(team=placement.team, platform=targets[platform.direction_id],
                             tier=tier)
            if tier != placement.tier:
                changed.append(new)
    return changed


def _pair_mentors(period: Period, started_on: datetime.date) -> int:
    """Each hidden-reserve team gets a mentor among its platform's leaders, in turn."""
    pairs = 0
    for platform in period.platforms.select_related("period", "direction"):
        placements = _placements(platform)
        leaders = [p.team for p in placements if p.tier == Tier.LEADER]
        reserve = [p.team for p in placements if p.tier == Tier.RESERVE]
        for index, mentee in enumerate(reserve):
            start_mentorship(platform=platform, mentor=leaders[index % len(leaders)],
                             mentee=mentee, started_on=started_on)
            pairs += 1
    return pairs


def _hold(*, platform: Platform, plan: PlannedEvent, held_on: datetime.date,
          recorded_by: User, engaged: set[int], rng: random.Random) -> None:
    """Write the plan line's event into the journal with every learning team's result; the
    leader responsible for the line hosts it."""
    placements = _placements(platform)
    leaders = [p.team for p in placements if p.tier == Tier.LEADER]
    host = next((team for team in leaders if team.pk == plan.responsible_id), leaders[0])
    learners = [p.team for p in placements if p.tier != Tier.LEADER]
    entry = record_entry(platform=platform, recorded_by=recorded_by, data=EntryData(
        held_on=held_on, ends_on=None, form=plan.form, form_other="", topic=plan.topic,
        venue=None if plan.form == WorkForm.WEBINAR else host.organization, hosts=[host],
        participants=learners, description=DESCRIPTION, planned_event=plan,
    ))
    rows = []
    for team in learners:
        chance = ATTENDS_IF_ENGAGED if team.pk in engaged else ATTENDS_OTHERWISE
        if rng.random() < chance:
            rows.append(ResultRow(team_id=team.pk, attended=True, managers=rng.randint(1, 3),
                                  teachers=rng.randint(0, 4), outcome=rng.choice(OUTCOMES),
                                  comment=""))
        else:
            rows.append(ResultRow(team_id=team.pk, attended=False, managers=0, teachers=0,
                                  outcome="", comment=""))
    save_results(entry=entry, version=entry.version, rows=rows, updated_by=recorded_by)


def _engaged(platform: Platform, rng: random.Random) -> set[int]:
    return {p.team_id for p in _placements(platform)
            if p.tier != Tier.LEADER and rng.random() < ENGAGED}


def _hold_first_year_plan(period: Period, users: dict[int, User], staff: User,
                          rng: random.Random, loaded: _Loaded) -> None:
    for platform in period.platforms.select_related("period__programme", "direction"):
        lines = list(PlannedEvent.objects.filter(platform=platform, entry__isnull=True)
                     .order_by("month", "pk"))
        engaged = _engaged(platform, rng)
        for plan in lines:
            if plan.month in FIRST_YEAR_HELD:
                _hold(platform=platform, plan=plan, held_on=FIRST_YEAR_HELD[plan.month],
                      recorded_by=users.get(platform.pk, staff), engaged=engaged, rng=rng)
                loaded.entries += 1


def _work_the_year(period: Period, year: YearPlan, users: dict[int, User], staff: User,
                   rng: random.Random, loaded: _Loaded) -> None:
    for platform in (period.platforms.select_related("period__programme", "direction")
                     .order_by("direction__number")):
        engaged = _engaged(platform, rng)
        # The platform's leaders take the year's events in turn.
        leaders = [p.team for p in _placements(platform) if p.tier == Tier.LEADER]
        for turn, (held_on, form, topic) in enumerate(year.events):
            plan = plan_event(platform=platform, data=PlanData(
                month=held_on.replace(day=1), planned_on=held_on, form=form, form_other="",
                topic=topic.format(direction=platform.direction.title),
                responsible=leaders[turn % len(leaders)]))
            if (platform.direction.number, held_on) in year.missed:
                loaded.missed += 1
                continue
            _hold(platform=platform, plan=plan, held_on=held_on,
                  recorded_by=users.get(platform.pk, staff), engaged=engaged, rng=rng)
            loaded.entries += 1


def _transfer_after(diagnostic_round: DiagnosticRound, period: Period, day: datetime.date,
                    staff: User) -> list[Transfer]:
    """Up a tier after a clean result, down a tier when deficits grew; two teams a
    direction, of them one new leader at most."""
    now = _deficit_counts(period, diagnostic_round.starts_on + datetime.timedelta(days=1))
    before = _deficit_counts(period, diagnostic_round.starts_on)
    reason = f"Решение научно-методического совета по итогам диагностики «{diagnostic_round.title}»"
    transfers = []
    for platform in period.platforms.select_related("direction").order_by("direction__number"):
        moves = promoted = 0
        for placement in _placements(platform):
            key = (placement.team_id, platform.direction_id)
            if moves >= MOVES_A_DIRECTION or key not in now:
                continue
            to_leader = placement.tier == Tier.PROMISING
            if now[key] == 0 and placement.tier in UP and not (to_leader and promoted):
                promoted += to_leader
                to_tier, why = UP[placement.tier], "дефицитов по направлению не выявлено"
            elif now[key] > before.get(key, now[key]) and placement.tier in DOWN:
                to_tier, why = DOWN[placement.tier], "дефицитов по направлению стало больше"
            else:
                continue
            transfers.append(transfer_team(placement=placement, to_tier=to_tier,
                                           transferred_on=day, reason=f"{reason}: {why}.",
                                           recorded_by=staff))
            moves += 1
    return transfers


def _protocol(*, period: Period, number: int, held_on: datetime.date, question: str,
              decision: str, staff: User, placements=(), transfers=()) -> None:
    save_protocol(period=period, number=number, held_on=held_on, attendees=ATTENDEES,
                  items=[AgendaItemInput(question=question, decision=decision,
                                         placement_ids=[p.pk for p in placements],
                                         transfer_ids=[t.pk for t in transfers])],
                  user=staff)


def _open_year(programme: Programme, previous: Period, year: YearPlan, staff: User,
               loaded: _Loaded) -> Period:
    period = open_next_period(programme=programme)
    changed = _redistribute(previous=previous, period=period, promote=year.redistribute)
    loaded.moved_at_start += len(changed)
    moved = (f"Команды, у которых на последней диагностике дефицитов по направлению не "
             f"выявлено, перевести на уровень выше: {len(changed)}." if changed else
             "Уровни команд сохранить.")
    _protocol(period=period, number=1, held_on=period.starts_on + datetime.timedelta(days=7),
              question=f"О распределении управленческих команд по стажировочным площадкам на "
                       f"{period.title} учебный год",
              decision=f"Утвердить распределение команд. {moved}", staff=staff,
              placements=changed)
    loaded.mentorships += _pair_mentors(period, period.starts_on + datetime.timedelta(days=14))
    return period


def _diagnose_and_transfer(period: Period, year: YearPlan, staff: User, rng: random.Random,
                           loaded: _Loaded) -> None:
    diagnostic_round = DiagnosticRound.objects.get(programme_id=period.programme_id,
                                                   title=ROUND_TITLES[year.diagnostics][1])
    loaded.diagnoses += diagnose_round(diagnostic_round=diagnostic_round, period=period,
                                       entered_by=staff, rng=rng)
    transfers = _transfer_after(diagnostic_round, period, year.transfers_on, staff)
    loaded.transfers += len(transfers)
    _protocol(period=period, number=2, held_on=year.transfers_on,
              question=f"Об итогах диагностики «{diagnostic_round.title}»",
              decision=f"Перевести команды между уровнями: {len(transfers)}.", staff=staff,
              transfers=transfers)


def _curator_users(period_ids: list[int]) -> dict[int, User]:
    """Platform id → the user of one of its curators, who writes its journal."""
    users = {}
    for platform in Platform.objects.filter(period_id__in=period_ids).prefetch_related(
            "curators__user"):
        for curator in platform.curators.all():
            if curator.user is not None:
                users[platform.pk] = curator.user
    return users


@transaction.atomic
def load_demo_years() -> dict:
    """After ``load_demo``, ``load_demo_diagnostics`` and ``load_demo_chain``; skipped when
    the project has a second academic year already."""
    programme = Programme.objects.get(municipality__name=MUNICIPALITY, title=PROGRAMME)
    first = programme.periods.get(title=PERIOD)
    if programme.periods.exclude(pk=first.pk).exists():
        return {}
    staff = User.objects.get(username="staff")
    rng = random.Random(2022)
    loaded = _Loaded(periods=[first])
    _hold_first_year_plan(first, _curator_users([first.pk]), staff, rng, loaded)
    loaded.mentorships += _pair_mentors(first, FIRST_YEAR_MENTORING)
    previous = first
    for year in LATER_YEARS:
        period = _open_year(programme, previous, year, staff, loaded)
        _work_the_year(period, year, _curator_users([period.pk]), staff, rng, loaded)
        if year.diagnostics is not None:
            _diagnose_and_transfer(period, year, staff, rng, loaded)
        loaded.periods.append(period)
        previous = period
    figures = load_school_figures(periods=loaded.periods, rng=rng)
    load_regional_monitoring(periods=loaded.periods)
    placements = defaultdict(int)
    for title in Placement.objects.filter(platform__period__in=loaded.periods).values_list(
            "platform__period__title", flat=True):
        placements[title] += 1
    return {"periods": [(p.title, placements[p.title]) for p in loaded.periods],
            "entries": loaded.entries, "missed": loaded.missed,
            "moved_at_start": loaded.moved_at_start, "transfers": loaded.transfers,
            "mentorships": loaded.mentorships, "diagnoses": loaded.diagnoses, **figures}
