"""Benchmark of the distribution engine on a synthetic municipality.

    .venv/bin/python bench/matching.py [--teams 2000] [--seed 1] [--mentees-per-leader 3]

The municipality is random but shaped like the demo district: every team takes part in two to
four of seven directions, about a fifth of the placements are leaders, most teams have a
diagnosis, some keep a narrow specialisation, some pairs already exist.
"""

import argparse
import math
import os
import random
import sys
import time
from pathlib import Path

KINDS = [("school", 0.75), ("preschool", 0.15), ("additional", 0.10)]
SCHOOL_LEVELS = ["sosh", "oosh", "ns", "gymnasium", "lyceum"]
LOCALITIES = [("urban", 0.45), ("rural", 0.45), ("", 0.10)]
TIERS = [("leader", 0.2), ("promising", 0.35), ("reserve", 0.45)]
# Diagnosed strength scatters around the level a team holds now.
TIER_CENTRE = {"leader": 0.8, "promising": 0.55, "reserve": 0.3}


def _pick(rng: random.Random, shares):
    values, weights = zip(*shares, strict=True)
    return rng.choices(values, weights)[0]


def synthetic_municipality(*, teams: int, seed: int, directions: int = 7):
    """Teams and directions for ``distribution.engine.propose``; the same seed, the same data."""
    # Imported here: run as a script, the project root joins sys.path only in main().
    from distribution.engine import TIER_STRENGTH, DirectionInput, TeamInput

    rng = random.Random(seed)
    direction_inputs = [DirectionInput(key=100 + number, number=number)
                        for number in range(1, directions + 1)]
    keys = [direction.key for direction in direction_inputs]
    drafts = []
    leaders_of = {key: [] for key in keys}
    for index in range(teams):
        team_key = index + 1
        taken = rng.sample(keys, rng.randint(min(2, directions), min(4, directions)))
        tiers = {d: _pick(rng, TIERS) for d in taken}
        for d, tier in tiers.items():
            if tier == "leader":
                leaders_of[d].append(team_key)
        drafts.append((team_key, taken, tiers))

    result = []
    for team_key, taken, tiers in drafts:
        kind = _pick(rng, KINDS)
        diagnosed = frozenset(d for d in taken if rng.random() < 0.8)
        strength = {
            d: (min(1.0, max(0.0, rng.gauss(TIER_CENTRE[tiers[d]], 0.15)))
                if d in diagnosed else TIER_STRENGTH[tiers[d]])
            for d in taken
        }
        leads = [d for d in taken if tiers[d] == "leader"]
        learns = [d for d in taken if tiers[d] != "leader"]
        mentors = {}
        for d in learns:
            others = leaders_of[d]
            if others and rng.random() < 0.5:
                mentors[d] = rng.choice(others)
        result.append(TeamInput(
            key=team_key,
            label=f"ОО № {team_key}",
            kind=kind,
            level=rng.choice(SCHOOL_LEVELS) if kind == "school" else "",
            locality=_pick(rng, LOCALITIES),
            strength={d: round(value, 2) for d, value in strength.items()},
            from_diagnosis=diagnosed,
            current_tier=tiers,
            narrow=bool(leads) and rng.random() < 0.2,
            needs=frozenset(d for d in learns if rng.random() < 0.4),
            offers=frozenset(d for d in taken if rng.random() < (0.5 if d in leads else 0.1)),
            current_mentor=mentors,
        ))
    return result, direction_inputs


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    # The explanations format their numbers with Django's Russian localisation.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from distribution.engine import Parameters, propose

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--directions", type=int, default=7)
    # Fewer places per leader leave teams without a mentor, the harder case for choosing leaders.
    parser.add_argument("--mentees-per-leader", type=int, default=3)
    arguments = parser.parse_args()

    started = time.perf_counter()
    teams, directions = synthetic_municipality(
        teams=arguments.teams, seed=arguments.seed, directions=arguments.directions
    )
    generated = time.perf_counter() - started
    # Every team leading somewhere needs room for about one leader per team over the
    # directions; half as much again leaves the solver a choice.
    parameters = Parameters(
        leaders_max=max(6, math.ceil(1.5 * len(teams) / len(directions))),
        max_directions_led=2,
        mentees_per_leader=arguments.mentees_per_leader,
    )
    placements = sum(len(team.strength) for team in teams)
    print(f"Команд: {len(teams)}, направлений: {len(directions)}, участий: {placements}")
    print(f"Параметры: лидеров на направление {parameters.leaders_min}–{parameters.leaders_max}, "
          f"направлений на команду ≤ {parameters.max_directions_led}, "
          f"подопечных на лидера ≤ {parameters.mentees_per_leader}")
    print(f"Данные сгенерированы за {generated:.2f} с")

    proposal = propose(teams=teams, directions=directions, parameters=parameters,
                       progress=lambda percent, stage: print(f"  {percent:3d}% {stage}"))

    for phase in proposal.phases:
        print(f"{phase.name}: переменных {phase.variables}, ограничений {phase.constraints}, "
              f"{phase.seconds:.2f} с")
    print(f"Ведут хотя бы одно направление: {proposal.leading_before} из "
          f"{proposal.teams_total} → {proposal.leading_after} из {proposal.teams_total}")
    print(f"Изменений уровня: {proposal.changes} из {len(proposal.tiers)}")
    print(f"Пар наставничества: {len(proposal.pairs)} "
          f"(сохранено прежних: {sum(pair.kept for pair in proposal.pairs)}), "
          f"без наставника: {len(proposal.unmatched)}")
    print(f"Наибольшая нагрузка лидера: {max(proposal.leader_load.values(), default=0)}")
    print(f"Замечаний: {len(proposal.notes)}")
    print(f"Всего: {proposal.seconds:.2f} с")


if __name__ == "__main__":
    main()
