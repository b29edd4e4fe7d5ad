"""How teams' professional deficits change from one diagnostic round to another.

Every number the diagnostics pages show about change comes from here. The
comparisons work on plain data — sets of deficit ids per team, direction and
round — so they are easy to check by hand; ``load_deficit_sets`` and
``load_deficit_counts`` are the functions that read the database, from a
queryset the caller has already scoped to the user. Where only the shares are
wanted, ``load_deficit_counts`` counts the deficits in the database and a
``CountChange`` carries the two counts instead of the two sets.

Rules:
- only a team diagnosed in both rounds (in a direction, from one source) is
  compared; a team missing from either round is «нет данных», not «no change»;
- a deficit withdrawn from the catalogue (``active=False``) is left out of both
  sides of a comparison: it is neither resolved nor persisting, only listed;
- a share is ``None`` when no team could be compared — the page says «нет данных»
  rather than 0 %.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import NamedTuple

from django.db.models import Count, Q, QuerySet

from diagnostics.models import Deficit, Diagnosis

# (round id, team id, direction id) → ids of the deficits found.
DeficitSets = dict[tuple[int, int, int], frozenset[int]]
# (round id, team id, direction id) → how many of the deficits found still count.
DeficitCounts = dict[tuple[int, int, int], int]


@dataclass(frozen=True)
class DeficitChange:
    """One team in one direction between two rounds."""

    team_id: int
    direction_id: int
    before: frozenset[int] | None
    after: frozenset[int] | None
    withdrawn: frozenset[int] = frozenset()

    @property
    def compared(self) -> bool:
        return self.before is not None and self.after is not None

    @property
    def resolved(self) -> frozenset[int]:
        return self.before - self.after if self.compared else frozenset()

    @property
    def persisting(self) -> frozenset[int]:
        return self.before & self.after if self.compared else frozenset()

    @property
    def new(self) -> frozenset[int]:
        return self.after - self.before if self.compared else frozenset()

    @property
    def delta(self) -> int | None:
        """The change in the number of deficits; negative is better."""
        return len(self.after) - len(self.before) if self.compared else None

    @property
    def decreased(self) -> bool:
        return self.compared and self.delta < 0


class CountChange(NamedTuple):
    """One team in one direction between two rounds in which it was diagnosed, as counts.

    ``before`` and ``after`` are the numbers of active deficits found (withdrawn ones
    already left out), so ``delta`` and ``decreased`` equal those of the DeficitChange
    of the same two sets. A tuple, being made by the thousand for the indicators.
    """

    team_id: int
    direction_id: int
    before: int
    after: int

    @property
    def compared(self) -> bool:
        return True

    @property
    def delta(self) -> int:
        return self.after - self.before

    @property
    def decreased(self) -> bool:
        return self.after < self.before


def compare(
    *,
    team_id: int,
    direction_id: int,
    before: Iterable[int] | None,
    after: Iterable[int] | None,
    active_ids: set[int] | frozenset[int],
) -> DeficitChange:
    """Compare one team's deficits in one direction; ``None`` = not diagnosed in that round."""
    found = set(before or ()) | set(after or ())
    return DeficitChange(
        team_id=team_id,
        direction_id=direction_id,
        before=None if before is None else frozenset(before) & active_ids,
        after=None if after is None else frozenset(after) & active_ids,
        withdrawn=frozenset(found - active_ids),
    )


def compare_rounds(
    *,
    sets: Mapping[tuple[int, int, int], frozenset[int]],
    first_round_id: int,
    second_round_id: int,
    active_ids: set[int] | frozenset[int],
) -> list[DeficitChange]:
    """Every team and direction diagnosed in either round, with its change."""
    pairs = sorted(
        {(team, direction) for (round_id, team, direction) in sets
         if round_id in (first_round_id, second_round_id)}
    )
    return [
        compare(
            team_id=team,
            direction_id=direction,
            before=sets.get((first_round_id, team, direction)),
            after=sets.get((second_round_id, team, direction)),
            active_ids=active_ids,
        )
        for team, direction in pairs
    ]


@dataclass(frozen=True)
class Share:
    """How many of the compared teams reduced their deficits."""

    decreased: int
    compared: int

    @property
    def value(self) -> Fraction | None:
        return Fraction(self.decreased, self.compared) if self.compared else None

    @property
    def percent(self) -> int | None:
        """Rounded half up to a whole percent; ``None`` = нет данных."""
        if not self.compared:
            return None
        return int(Fraction(self.decreased * 100, self.compared) + Fraction(1, 2))


def share_by_direction(changes: Iterable[DeficitChange | CountChange]) -> dict[int, Share]:
    """Direction id → the share of teams (diagnosed in both rounds) whose deficits decreased."""
    decreased: dict[int, int] = defaultdict(int)
    compared: dict[int, int] = defaultdict(int)
    seen: set[int] = set()
    for change in changes:
        seen.add(change.direction_id)
        if change.compared:
            compared[change.direction_id] += 1
            decreased[change.direction_id] += change.decreased
    return {direction: Share(decreased[direction], compared[direction]) for direction in seen}


def share_overall(changes: Iterable[DeficitChange | CountChange]) -> Share:
    """The share of teams whose deficits decreased, counting each team once.

    A team's change is the sum over the directions in which it was diagnosed in
    both rounds; it counts as decreased when that sum is below zero (fewer
    deficits in one direction and as many more in another is no decrease).
    """
    totals: dict[int, int] = defaultdict(int)
    for change in changes:
        if change.compared:
            totals[change.team_id] += change.delta
    return Share(sum(1 for total in totals.values() if total < 0), len(totals))


@dataclass(frozen=True)
class Step:
    """A team's change in a direction from one of its diagnosed rounds to the next."""

    first_round_id: int
    second_round_id: int
    change: DeficitChange


@dataclass
class DirectionHistory:
    direction_id: int
    # Round id → deficit ids found, for the rounds in which the team was diagnosed.
    found: dict[int, frozenset[int]] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)


def team_history(
    *,
    sets: Mapping[tuple[int, int, int], frozenset[int]],
    team_id: int,
    round_ids: Sequence[int],
    active_ids: set[int] | frozenset[int],
) -> dict[int, DirectionHistory]:
    """Direction id → the team's deficits per round and the change between consecutive rounds.

    ``round_ids`` are in order; rounds in which the team was not diagnosed in a
    direction are skipped, so each step joins two rounds that both have data.
    """
    order = {round_id: position for position, round_id in enumerate(round_ids)}
    histories: dict[int, DirectionHistory] = {}
    for (round_id, team, direction), deficits in sets.items():
        if team == team_id and round_id in order:
            histories.setdefault(direction, DirectionHistory(direction)).found[round_id] = (
                deficits
            )
    for history in histories.values():
        diagnosed = sorted(history.found, key=order.__getitem__)
        history.found = {round_id: history.found[round_id] for round_id in diagnosed}
        for first, second in zip(diagnosed, diagnosed[1:], strict=False):
            history.steps.append(Step(first, second, compare(
                team_id=team_id,
                direction_id=history.direction_id,
                before=history.found[first],
                after=history.found[second],
                active_ids=active_ids,
            )))
    return histories


def load_deficit_sets(diagnoses: QuerySet[Diagnosis]) -> DeficitSets:
    """The deficits of each diagnosis in the queryset, in two queries whatever its size."""
    sets: dict[tuple[int, int, int], set[int]] = {}
    keys = {}
    for pk, round_id, team_id, direction_id in diagnoses.values_list(
        "pk", "round_id", "team_id", "direction_id"
    ):
        keys[pk] = (round_id, team_id, direction_id)
        sets[keys[pk]] = set()
    links = Diagnosis.deficits.through.objects.filter(diagnosis__in=diagnoses.values("pk"))
    for diagnosis_id, deficit_id in links.values_list("diagnosis_id", "deficit_id"):
        if diagnosis_id in keys:  # not one written between the two reads
            sets[keys[diagnosis_id]].add(deficit_id)
    return {key: frozenset(found) for key, found in sets.items()}


def load_deficit_counts(diagnoses: QuerySet[Diagnosis],
                        counted: QuerySet[Deficit]) -> DeficitCounts:
    """How many of the ``counted`` deficits (the active ones) each diagnosis in the queryset
    found, counted in the database in one query whatever its size; none found is 0."""
    return {
        (round_id, team_id, direction_id): found
        for round_id, team_id, direction_id, found in diagnoses.order_by().annotate(
            found=Count("deficits", filter=Q(deficits__in=counted.order_by().values("pk")))
        ).values_list("round_id", "team_id", "direction_id", "found")
    }
