"""Placements of the teams on the platforms year by year, the transfers between tiers,
mentorships and the teams' strategies."""

import random
from collections import defaultdict

from demo.krymsky import DIRECTIONS
from demo.synthetic.programme import MENTEE_CAPACITY
from demo.synthetic.scale import DAY, District, Scale, Span, SyntheticPlacement
from demo.synthetic.streams import district_streams, moment, weighted
from demo.synthetic.tables import Table
from internships.models import Mentorship, Placement, Strategy, StrategyKind, Tier, Transfer

TIER_WEIGHTS = [(Tier.LEADER, 20), (Tier.PROMISING, 40), (Tier.RESERVE, 40)]
KEEP_DIRECTION = 0.75
KEEP_TIER = 0.6
TRANSFER_SHARE = 0.05
SECOND_TRANSFER_SHARE = 0.1
# A transfer brought a team to its tier from this one (several: drawn by weight).
TRANSFERRED_FROM = {
    Tier.LEADER: [(Tier.PROMISING, 1)],
    Tier.PROMISING: [(Tier.RESERVE, 7), (Tier.LEADER, 3)],
    Tier.RESERVE: [(Tier.PROMISING, 1)],
}
TRANSFER_REASONS = {
    True: [
        "Решение научно-методического совета: команда освоила программу стажировки",
        "По итогам промежуточной диагностики дефициты по направлению устранены",
        "Команда представила свою практику на стажировочной сессии площадки",
    ],
    False: [
        "По итогам промежуточной диагностики выявлены дефициты по направлению",
        "Смена состава управленческой команды: нужна поддержка наставника",
        "Решение научно-методического совета по итогам мониторинга",
    ],
}
MENTORED_SHARE = {Tier.RESERVE: 0.5, Tier.PROMISING: 0.25}
ENDED_MENTORSHIP_SHARE = 0.1
STRATEGY_SHARE = 0.5


def _directions_of_year(rng: random.Random, before: dict[int, str] | None) -> dict[int, str]:
    """Direction index → tier for one team in one year: 2–4 directions, most of last
    year's kept, tiers often kept."""
    wanted = rng.randint(2, 4)
    tiers: dict[int, str] = {}
    for direction, tier in sorted((before or {}).items()):
        if len(tiers) < wanted and rng.random() < KEEP_DIRECTION:
            tiers[direction] = tier if rng.random() < KEEP_TIER else weighted(rng, TIER_WEIGHTS)
    others = [direction for direction in range(len(DIRECTIONS)) if direction not in tiers]
    for direction in rng.sample(others, wanted - len(tiers)):
        tiers[direction] = weighted(rng, TIER_WEIGHTS)
    return dict(sorted(tiers.items()))


def _cover_platforms(rng: random.Random, placements: list[SyntheticPlacement],
                     teams: int) -> None:
    """Every platform gets a team and a leader, however small the district."""
    for direction in range(len(DIRECTIONS)):
        mine = [item for item in placements if item.direction == direction]
        if not mine:
            counts = defaultdict(int)
            for item in placements:
                counts[item.team] += 1
            free = [team for team in range(teams) if counts[team] < 4]
            placements.append(SyntheticPlacement(rng.choice(free), direction, Tier.LEADER))
        elif not any(item.tier == Tier.LEADER for item in mine):
            rng.choice(mine).tier = Tier.LEADER
    placements.sort(key=lambda item: (item.team, item.direction))


def generate_placements(*, scale: Scale, seed: int) -> dict[str, int]:
    """Every team placed in 2–4 directions a year; about 5 % transferred; leaders mentor."""
    streams = district_streams(seed, "placements", scale)
    for district in scale.districts:
        rng = streams[district.number]
        before: list[dict[int, str] | None] = [None] * len(district.organizations)
        district.placements = []
        for _ in scale.spans:
            placements = []
            for team in range(len(district.organizations)):
                before[team] = _directions_of_year(rng, before[team])
                placements += [SyntheticPlacement(team, direction, tier)
                               for direction, tier in before[team].items()]
            _cover_platforms(rng, placements, len(district.organizations))
            district.placements.append(placements)
    everything = [item for district in scale.districts for placements in district.placements
                  for item in placements]
    for item, pk in zip(everything, scale.ids.take(Placement, len(everything)), strict=True):
        item.pk = pk
    rows = Table(Placement, "id", "platform", "team", "tier")
    transfers = Table(Transfer, "placement", "from_tier", "to_tier", "transferred_on",
                       "reason", "recorded_at")
    mentorships = Table(Mentorship, "platform", "mentor", "mentee", "started_on", "ended_on")
    for district in scale.districts:
        rng = streams[district.number]
        for period_index, span in enumerate(scale.spans):
            for item in district.placements[period_index]:
                rows.add((item.pk, district.platform_pks[period_index, item.direction],
                          district.organizations[item.team].team_pk, item.tier))
                if rng.random() < TRANSFER_SHARE:
                    item.transferred = True
                    for transfer in _transfers(rng, item, span):
                        transfers.add(transfer)
            for direction in range(len(DIRECTIONS)):
                for pair in _mentorships(rng, district, period_index, direction, span):
                    mentorships.add(pair)
    return {"placements": rows.flush(), "transfers": transfers.flush(),
            "mentorships": mentorships.flush()}


def _transfers(rng: random.Random, item: SyntheticPlacement, span: Span) -> list[tuple]:
    """One or two transfers that brought the team to its tier, dated December to April."""
    path = [item.tier]
    for _ in range(2 if rng.random() < SECOND_TRANSFER_SHARE else 1):
        path.insert(0, weighted(rng, TRANSFERRED_FROM[path[0]]))
    first_day = span.starts_on.replace(month=12, day=1)
    days = sorted(rng.sample(range(150), len(path) - 1))
    order = [Tier.RESERVE, Tier.PROMISING, Tier.LEADER]
    rows = []
    for from_tier, to_tier, day in zip(path, path[1:], days, strict=False):
        promoted = order.index(to_tier) > order.index(from_tier)
        transferred_on = first_day + day * DAY
        rows.append((item.pk, from_tier, to_tier, transferred_on,
                     rng.choice(TRANSFER_REASONS[promoted]), moment(transferred_on, 12)))
    return rows


def _mentorships(rng: random.Random, district: District, period_index: int, direction: int,
                 span: Span) -> list[tuple]:
    """Leaders of the platform (not transferred there this year) mentor its promising and
    reserve teams, no more than the programme's mentee capacity each in the year."""
    placed = district.on_platform(period_index, direction)
    load = district.mentees
    free = [item.team for item in placed if item.tier == Tier.LEADER and not item.transferred
            and load[period_index, item.team] < MENTEE_CAPACITY]
    pairs = []
    for mentee in placed:
        if mentee.tier == Tier.LEADER or rng.random() >= MENTORED_SHARE[mentee.tier]:
            continue
        if not free:
            break
        index = rng.randrange(len(free))
        mentor = free[index]
        load[period_index, mentor] += 1
        if load[period_index, mentor] == MENTEE_CAPACITY:
            # A full mentor leaves the list: the last one takes its place.
            free[index] = free[-1]
            free.pop()
        started_on = span.starts_on + rng.randint(14, 60) * DAY
        ended_on = None
        if rng.random() < ENDED_MENTORSHIP_SHARE:
            ended_on = min(started_on + rng.randint(120, 240) * DAY, span.ends_on)
        pairs.append((district.platform_pks[period_index, direction],
                      district.organizations[mentor].team_pk,
                      district.organizations[mentee.team].team_pk, started_on, ended_on))
    return pairs


def generate_strategies(*, scale: Scale, seed: int) -> dict[str, int]:
    """About half the teams chose a strategy each year: narrow with few directions, wide
    with many."""
    strategies = Table(Strategy, "team", "period", "kind")
    streams = district_streams(seed, "strategies", scale)
    for district in scale.districts:
        rng = streams[district.number]
        for period_index, period_pk in enumerate(district.period_pks):
            directions = defaultdict(int)
            for item in district.placements[period_index]:
                directions[item.team] += 1
            for team, count in sorted(directions.items()):
                if rng.random() >= STRATEGY_SHARE:
                    continue
                narrow = rng.random() < (0.8 if count <= 2 else 0.3)
                strategies.add((district.organizations[team].team_pk, period_pk,
                                StrategyKind.NARROW if narrow else StrategyKind.WIDE))
    return {"strategies": strategies.flush()}
