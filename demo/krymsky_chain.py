"""The demo district's chain from deficit to event to result, 2021–2022 (illustrative).

The source documents give no diagnostic results and no journals, so everything here is
demonstration data and says so: every journal entry's description and every diagnosis's
comment begins with «Демонстрационные данные». It is drawn with a fixed seed so that the
chain shows real contrasts:
- the first deficit of each direction is addressed by every event of the platform, and a team
  that attended such an event loses it far more often than one that did not;
- the second is addressed by one event, and attending makes no difference;
- the rest are addressed by nothing.
Expert diagnoses are written for the start round (October 2021) and the intermediate round of
May 2022; three events per platform are held between them. Loading again changes nothing.
"""

import datetime
import random

from django.db import transaction

from demo.diagnostics import OPEN_ROUND, ROUND_TITLES, START_ROUND
from demo.krymsky import MUNICIPALITY, PERIOD, PROGRAMME
from diagnostics.models import Deficit, Diagnosis, DiagnosisSource, DiagnosticRound
from internships import journal
from internships.models import JournalEntry, Period, Placement, Tier, WorkForm
from outcomes.addressing import name_entry_deficits

D = datetime.date
MARK = "Демонстрационные данные"
EVENTS = [
    (D(2021, 11, 18), WorkForm.SESSION, "Стажировочная сессия: {topic}"),
    (D(2022, 1, 27), WorkForm.WORKSHOP, "Педагогическая мастерская: {topic}"),
    (D(2022, 3, 17), WorkForm.MUTUAL_VISIT, "Взаимопосещение: {topic}"),
]
ENGAGED = 0.65
MISSES = 0.2
# Chance that a team loses a deficit by May 2022.
LOSS_IF_ATTENDED = 0.75
LOSS_OTHERWISE = 0.2
LOSS_EVENLY = 0.35


def _round(programme_id: int, key) -> DiagnosticRound:
    return DiagnosticRound.objects.get(programme_id=programme_id, title=ROUND_TITLES[key][1])


def _diagnose(team, diagnostic_round, direction, deficits, user=None) -> None:
    diagnosis, _ = Diagnosis.objects.update_or_create(
        team=team, round=diagnostic_round, direction=direction, source=DiagnosisSource.EXPERT,
        defaults={"comment": f"{MARK}: результат придуман для показа связи «дефицит — "
                             "мероприятие — результат».", "entered_by": user},
    )
    diagnosis.deficits.set(deficits)


def _events(platform, placements, first, second, rng):
    """Three events with the leader hosting; who came is drawn per team and event."""
    hosts = [p.team for p in placements if p.tier == Tier.LEADER]
    learners = [p.team for p in placements if p.tier != Tier.LEADER]
    # About a third of the teams never come; the others miss an event now and then.
    engaged = {team.pk for team in learners if rng.random() < ENGAGED}
    entries = []
    for held_on, form, title in EVENTS:
        entry = journal.record_entry(platform=platform, recorded_by=None, data=journal.EntryData(
            held_on=held_on, ends_on=None, form=form, form_other="",
            topic=title.format(topic=platform.direction.short_title or platform.direction.title),
            venue=hosts[0].organization, hosts=hosts[:1], participants=learners,
            description=f"{MARK}: запись журнала придумана для показа.",
        ))
        absent = [team.pk for team in learners
                  if team.pk not in engaged or rng.random() < MISSES]
        entry.results.filter(team_id__in=absent).update(attended=False, managers=0, teachers=0)
        entries.append(entry)
    name_entry_deficits(entry=entries[0], deficits=[first, second], named_by=None)
    for entry in entries[1:]:
        name_entry_deficits(entry=entry, deficits=[first], named_by=None)
    went = set(entries[0].results.filter(attended=True).values_list("team_id", flat=True)) | {
        team_id for entry in entries[1:]
        for team_id in entry.results.filter(attended=True).values_list("team_id", flat=True)}
    return went


def _platform_chain(platform, start, intermediate, rng) -> int:
    deficits = list(Deficit.objects.filter(direction=platform.direction).order_by("code"))
    if len(deficits) < 3:
        return 0
    placements = list(Placement.objects.filter(platform=platform)
                      .select_related("team__organization"))
    if not any(p.tier == Tier.LEADER for p in placements):
        return 0
    first, second, rest = deficits[0], deficits[1], deficits[2:]
    went = _events(platform, placements, first, second, rng)
    for placement in placements:
        team = placement.team
        leader = placement.tier == Tier.LEADER
        had = [] if leader else [first, *rng.sample([second, *rest], k=rng.randint(1, 2))]
        kept = []
        for deficit in had:
            chance = (LOSS_EVENLY if deficit == second else
                      LOSS_IF_ATTENDED if deficit == first and team.pk in went else
                      LOSS_OTHERWISE)
            if rng.random() >= chance:
                kept.append(deficit)
        _diagnose(team, start, platform.direction, had)
        _diagnose(team, intermediate, platform.direction, kept)
    return 3


@transaction.atomic
def load_demo_chain() -> dict[str, int]:
    """After ``load_demo`` and ``load_demo_diagnostics``; skipped if already loaded."""
    period = Period.objects.get(programme__municipality__name=MUNICIPALITY,
                                programme__title=PROGRAMME, title=PERIOD)
    if JournalEntry.objects.filter(platform__period=period, description__startswith=MARK).exists():
        return {"entries": 0, "diagnoses": 0}
    start = _round(period.programme_id, START_ROUND)
    intermediate = _round(period.programme_id, OPEN_ROUND)
    rng = random.Random(2021)
    entries = sum(_platform_chain(platform, start, intermediate, rng)
                  for platform in period.platforms.select_related("direction")
                  .order_by("direction__number", "pk"))
    return {"entries": entries,
            "diagnoses": Diagnosis.objects.filter(round__in=[start, intermediate]).count()}
