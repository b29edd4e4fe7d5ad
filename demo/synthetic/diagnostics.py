"""The starter deficit catalogue, the project's diagnostic rounds and the teams'
diagnoses, whose deficits mostly go away over the rounds."""

import random
from collections import defaultdict

from demo.diagnostics import ROUND_TITLES, STARTER_DEFICITS
from demo.krymsky import CONTROL_POINTS
from demo.synthetic.scale import Scale, later, later_title
from demo.synthetic.streams import district_streams, moment, weighted
from demo.synthetic.tables import Table, insert
from diagnostics.models import Deficit, Diagnosis, DiagnosisSource, DiagnosticRound
from internships.models import Tier

# Deficits found at the first diagnosis, by tier; later rounds resolve most of them.
FIRST_DEFICITS = {
    Tier.LEADER: [(0, 50), (1, 40), (2, 10)],
    Tier.PROMISING: [(0, 10), (1, 40), (2, 40), (3, 10)],
    Tier.RESERVE: [(1, 15), (2, 45), (3, 40)],
}
FIRST_SCORES = {Tier.LEADER: (70, 95), Tier.PROMISING: (50, 80), Tier.RESERVE: (25, 60)}
MAX_DEFICITS = 3
RESOLVED_SHARE = 0.45
NEW_DEFICIT_SHARE = 0.12
DIAGNOSIS_COMMENTS = [
    "Динамика положительная.",
    "Рекомендовано участие в стажировочной сессии площадки.",
    "Нужна поддержка наставника.",
]


def _rounds() -> list[tuple]:
    """The demo's rounds, three years on: kind, title, control point key, start, end."""
    rounds = []
    for kind, _, starts_on, ends_on in CONTROL_POINTS:
        if (kind, starts_on) in ROUND_TITLES:
            round_kind, title = ROUND_TITLES[kind, starts_on]
            rounds.append((round_kind, later_title(title), (kind, later(starts_on)),
                           later(starts_on), later(ends_on)))
    return rounds


def generate_diagnostics(*, scale: Scale, seed: int) -> dict[str, int]:
    """The starter catalogue and the project's rounds; every placement diagnosed in each
    round held in its year, with 0–3 deficits that mostly go away over the rounds."""
    deficits = []
    rounds = []
    for district in scale.districts:
        for direction_index, direction_pk in enumerate(district.direction_pks):
            deficits += [(district, direction_index, Deficit(
                direction_id=direction_pk, code=f"{direction_index + 1}.{position}",
                wording=wording, from_template=True))
                for position, wording in enumerate(STARTER_DEFICITS[direction_index + 1],
                                                   start=1)]
        # Past rounds: the entry windows are the control points' own, long closed.
        rounds += [(district, DiagnosticRound(
            programme_id=district.programme_pk, control_point_id=district.control_point_pks[key],
            kind=kind, title=title, starts_on=starts_on, ends_on=ends_on,
            entry_opens=starts_on, entry_closes=ends_on))
            for kind, title, key, starts_on, ends_on in _rounds()]
    insert([deficit for *_, deficit in deficits])
    insert([diagnostic_round for _, diagnostic_round in rounds])
    catalogue: dict[tuple[int, int], list[int]] = defaultdict(list)
    for district, direction_index, deficit in deficits:
        catalogue[district.number, direction_index].append(deficit.pk)
    held: dict[int, list[DiagnosticRound]] = defaultdict(list)
    for district, diagnostic_round in rounds:
        held[district.number].append(diagnostic_round)
    diagnoses = Table(Diagnosis, "id", "team", "round", "direction", "source", "score",
                       "comment", "updated_at")
    links = Table(Diagnosis.deficits.through, "diagnosis", "deficit")
    streams = district_streams(seed, "diagnostics", scale)
    for district in scale.districts:
        rng = streams[district.number]
        # (round, period index) for each round held in one of the generated years.
        diagnosed = [(diagnostic_round, period_index)
                     for diagnostic_round in held[district.number]
                     for period_index, span in enumerate(scale.spans)
                     if span.starts_on <= diagnostic_round.starts_on <= span.ends_on]
        pks = iter(scale.ids.take(Diagnosis, sum(len(district.placements[period_index])
                                                 for _, period_index in diagnosed)))
        state: dict[tuple[int, int], tuple[list[int], int]] = {}
        for diagnostic_round, period_index in diagnosed:
            entered_at = moment(diagnostic_round.ends_on, 12)
            for item in district.placements[period_index]:
                options = catalogue[district.number, item.direction]
                found, score = _diagnose(rng, state.get((item.team, item.direction)),
                                         item.tier, len(options))
                state[item.team, item.direction] = (found, score)
                pk = next(pks)
                diagnoses.add((
                    pk, district.organizations[item.team].team_pk, diagnostic_round.pk,
                    district.direction_pks[item.direction], DiagnosisSource.EXPERT, score,
                    rng.choice(DIAGNOSIS_COMMENTS) if rng.random() < 0.1 else "", entered_at))
                for index in found:
                    links.add((pk, options[index]))
    return {"deficits": len(deficits), "diagnostic_rounds": len(rounds),
            "diagnoses": diagnoses.flush(), "diagnosis_deficits": links.flush()}


def _diagnose(rng: random.Random, before: tuple[list[int], int] | None, tier: str,
              options: int) -> tuple[list[int], int]:
    """Deficit indexes and score: drawn by tier the first time, then most deficits resolve,
    a new one appears now and then, and the score grows."""
    if before is None:
        count = weighted(rng, FIRST_DEFICITS[tier])
        return sorted(rng.sample(range(options), count)), rng.randint(*FIRST_SCORES[tier])
    found, score = before
    kept = [index for index in found if rng.random() >= RESOLVED_SHARE]
    if len(kept) < MAX_DEFICITS and rng.random() < NEW_DEFICIT_SHARE:
        kept.append(rng.choice([index for index in range(options) if index not in found]))
    return sorted(kept), max(0, min(100, score + rng.randint(-3, 12)))
