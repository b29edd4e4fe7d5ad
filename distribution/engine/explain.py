"""Explanations of a proposal in Russian: why a team leads a direction or does not, why a
mentor suits its mentee, why a team is left without a mentor, and the notes on limits the
data cannot meet. Every claim is checked against the proposal it explains."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from core.formatting import ru_number
from core.plurals import ru_plural
from distribution.engine.inputs import LEADER, PROMISING, TIER_TITLES, Parameters, TeamInput
from distribution.engine.solver import TIE
from distribution.engine.terms import TierModel, extra_changes, leader_counts, leader_gain

# Said of a team without a diagnosis result in a direction; the review page names the round
# the department chose in its place (distribution.reads).
NO_RESULT = "результата диагностики по направлению нет"

def _number(value: float) -> str:
    return ru_number(value, 2)


def _numbers(numbers: Sequence[int]) -> str:
    return ", ".join(str(number) for number in sorted(numbers))


def teams_phrase(count: int) -> str:
    return f"{count} {ru_plural(count, 'команда', 'команды', 'команд')}"


def leaders_phrase(count: int) -> str:
    return f"{count} {ru_plural(count, 'лидер', 'лидера', 'лидеров')}"


def _mentees(count: int) -> str:
    return f"{count} {ru_plural(count, 'подопечный', 'подопечных', 'подопечных')}"


def shortfall_notes(ordered_directions, leaders, direction_min, p) -> list[str]:
    notes = []
    counts = leader_counts(leaders)
    for direction in ordered_directions:
        have, need = counts[direction.key], direction_min[direction.key]
        if have < need:
            notes.append(
                f"Направление {direction.number}: {leaders_phrase(have)} при минимуме {need} — "
                f"остальные участники уже ведут предельное число направлений "
                f"({p.max_directions_led})."
            )
    return notes


def coverage_notes(teams, numbers, leaders, direction_max) -> list[str]:
    leading = {team for team, _ in leaders}
    notes = []
    for team in teams:
        if team.strength and team.key not in leading:
            own = [numbers[d] for d in team.strength]
            limits = sorted({direction_max[d] for d in team.strength})
            limit = ", ".join(str(value) for value in limits)
            notes.append(
                f"{team.label} не ведёт ни одного направления: в её направлениях ({_numbers(own)}) "
                f"все места лидеров заняты (предел — {limit}); чтобы вели все команды, "
                f"поднимите максимум лидеров на направление."
            )
    return notes


def _strength_words(team: TeamInput, direction: int) -> str:
    if direction in team.from_diagnosis:
        return f"результат диагностики {_number(team.strength[direction])}"
    return f"сила — по текущему уровню: {NO_RESULT}"


@dataclass
class Facts:
    """The whole proposal, for explanations that compare a team with the others."""

    by_key: dict[int, TeamInput]
    numbers: dict[int, int]
    leaders_of: dict[int, list[int]]       # direction -> its proposed leader teams
    led_by_team: dict[int, list[int]]      # team -> directions it leads in the proposal
    idle: dict[int, list[TeamInput]]       # direction -> its teams that lead nowhere now
    counts: dict[int, int]                 # direction -> number of proposed leaders
    load: Mapping[int, int]


def _phrase(title: str, parts) -> str:
    return f"{title}: " + "; ".join(part for part in parts if part)


@dataclass
class Context:
    """Explains one (team, direction) decision. Every claim is checked against the proposal:
    an optimal proposal leaves a profitable leader out only for a limit, and keeps a weaker
    leader instead of a stronger team only for its narrow specialisation, its own coverage or
    the cost of changes."""

    team: TeamInput
    direction: int
    parameters: Parameters
    model: TierModel
    facts: Facts

    @property
    def number(self) -> int:
        return self.facts.numbers[self.direction]

    @property
    def strength(self) -> float:
        return self.team.strength[self.direction]

    @property
    def led_after(self) -> list[int]:
        return self.facts.led_by_team[self.team.key]

    def leader(self) -> str:
        p, d, number = self.parameters, self.direction, self.number
        if (self.team.key, d) in self.model.forced:
            return f"остаётся лидером по направлению {number}: узкая специализация"
        sole = self.led_after == [d]
        if self.team.current_tier.get(d) == LEADER:
            if self.strength >= p.leader_floor:
                reason = None
            elif sole:
                reason = "иначе команда не вела бы ни одного направления"
            elif self._at_minimum():
                reason = self._minimum_words()
            else:
                reason = "результат чуть ниже порога лидера, смена уровня не окупается"
            return _phrase(f"остаётся лидером по направлению {number}",
                           [reason, _strength_words(self.team, d)])
        title = f"лидер по направлению {number}"
        among_idle = self._best_among_idle()
        if leader_gain(self.team, d, p) > TIE:
            # Strong enough to pay for the change on its own, whatever the coverage needs.
            merit = (
                f"результат диагностики {_number(self.strength)} не ниже порога лидера "
                f"{_number(p.leader_floor)}"
                if d in self.team.from_diagnosis else _strength_words(self.team, d)
            )
            return _phrase(title, [among_idle, merit])
        if sole:
            reason = "так команда ведёт хотя бы одно направление"
        elif self._at_minimum():
            reason = self._minimum_words()
        else:
            # Leading here and not weigh the same for strength and stability; such ties go to
            # the choice that leaves fewer teams without a mentor.
            reason = self._on_the_floor_words()
            load = self.facts.load.get(self.team.key, 0)
            if load:
                reason += f"; берёт подопечных: {load}"
        return _phrase(title, [reason, among_idle, _strength_words(self.team, d)])

    def _on_the_floor_words(self) -> str:
        p = self.parameters
        if p.change_cost and extra_changes(self.team, self.direction, p) > 0:
            return (
                f"запас над порогом лидера {_number(p.leader_floor)} равен цене изменения "
                f"{_number(p.change_cost)}"
            )
        return f"результат на пороге лидера {_number(p.leader_floor)}"

    def _best_among_idle(self) -> str | None:
        """Whether no other team of the direction that leads nowhere now has a better result."""
        if LEADER in self.team.current_tier.values():
            return None
        others = [
            other.strength[self.direction] for other in self.facts.idle[self.direction]
            if other.key != self.team.key
        ]
        if not others or max(others) > self.strength + TIE:
            return None
        best = "один из лучших результатов" if max(others) >= self.strength - TIE else (
            "лучший результат")
        return f"{best} среди команд, не лидирующих ни в одном направлении"

    def _at_minimum(self) -> bool:
        return self.facts.counts[self.direction] <= self.model.direction_min[self.direction]

    def _minimum_words(self) -> str:
        minimum = self.model.direction_min[self.direction]
        return f"нужен для минимума лидеров направления ({minimum})"

    def non_leader(self, tier: str) -> str:
        p, d = self.parameters, self.direction
        if d in self.team.from_diagnosis:
            relation = "не ниже" if tier == PROMISING else "ниже"
            text = (
                f"{TIER_TITLES[tier]}: результат диагностики {_number(self.strength)} "
                f"{relation} порога {_number(p.promising_threshold)}"
            )
        else:
            text = f"{TIER_TITLES[tier]}: уровень по текущему распределению — {NO_RESULT}"
        gain = leader_gain(self.team, d, p)
        if self.team.current_tier.get(d) == LEADER:
            if gain > TIE:
                why = self._limits_words()
            elif self.strength < p.leader_floor - TIE:
                why = f"результат ниже порога лидера {_number(p.leader_floor)}"
            else:
                why = f"результат не выше порога лидера {_number(p.leader_floor)}"
            return f"перестаёт быть лидером: {why}; {text}"
        if gain > TIE:
            return f"{text}; в лидеры не выбрана: {self._limits_words()}"
        if self.strength > p.leader_floor + TIE:
            # Above the floor, yet the gain is nil: the change of tier costs as much.
            return (
                f"{text}; в лидеры не выбрана: запас над порогом лидера "
                f"{_number(p.leader_floor)} не больше цены изменения {_number(p.change_cost)}"
            )
        return text

    def _limits_words(self) -> str:
        """Why a team that would pay as a leader here is not one: the limits that bind."""
        d, count = self.direction, self.facts.counts[self.direction]
        limit = self.model.team_max[self.team.key]
        if len(self.led_after) >= limit:
            led = _numbers([self.facts.numbers[other] for other in self.led_after])
            reasons = [f"команда уже ведёт направления {led} — это предел ({limit})"]
            if count >= self.model.direction_max[d]:
                reasons.append(self._full_words(count))
            return "; ".join(reasons)
        # The team has room, so the direction is full: say who holds its places.
        reasons = []
        if count >= self.model.direction_max[d]:
            reasons.append(self._full_words(count))
        reasons.append(self._compare_with_leaders())
        return "; ".join(reasons)

    def _full_words(self, count: int) -> str:
        return f"в направлении {self.number} уже {leaders_phrase(count)} — это предел"

    def _compare_with_leaders(self) -> str:
        d, by_key = self.direction, self.facts.by_key
        weaker = [
            by_key[key] for key in self.facts.leaders_of[d]
            if by_key[key].strength[d] < self.strength - TIE
        ]
        if not weaker:
            return "у выбранных лидеров результат не ниже"
        weaker.sort(key=lambda other: (other.strength[d], other.key))
        return "слабее неё в лидерах: " + ", ".join(
            f"{other.label} ({_number(other.strength[d])}) — {self._why_kept(other)}"
            for other in weaker
        )

    def _why_kept(self, other: TeamInput) -> str:
        """Why a weaker leader holds the place: swapping it for this team, which has room to
        lead, would cost a narrow specialisation, the other's coverage, or more changes."""
        d = self.direction
        if (other.key, d) in self.model.forced:
            return "узкая специализация"
        if self.facts.led_by_team[other.key] == [d]:
            return "иначе не вела бы ни одного направления"
        if other.current_tier.get(d) == LEADER:
            return "уже лидер, смена уровня не окупается"
        return "меньше изменений уровня"


def pair_explanation(mentor: TeamInput, mentee: TeamInput, direction: int, kept: bool) -> str:
    same, other = [], []
    if mentor.kind and mentee.kind:
        (same if mentor.kind == mentee.kind else other).append("тип")
    if mentor.level and mentee.level:
        (same if mentor.level == mentee.level else other).append("уровень")
    parts = []
    if same:
        parts.append(f"тот же {' и '.join(same)} ОО")
    if other:
        parts.append(f"другой {' и '.join(other)} ОО")
    if mentor.locality and mentee.locality:
        if mentor.locality == mentee.locality:
            parts.append("обе сельские" if mentor.locality == "rural" else "обе городские")
        else:
            parts.append("сельская и городская")
    if direction in mentee.needs:
        if direction in mentor.offers:
            parts.append("предлагает практику, которая нужна")
        else:
            parts.append("практику по этому направлению не предлагает")
    if kept:
        parts.append("прежний наставник")
    return "наставник: " + (", ".join(parts) if parts else "свободный лидер направления")


def unmatched_reason(direction: int, numbers, leaders: Sequence[int], pairs, p: Parameters):
    """Where the places of the direction's leaders went. A leader's places serve every direction
    it leads, so a direction with more places than mentees can still leave some without one."""
    number = numbers[direction]
    if not leaders:
        return f"в направлении {number} нет лидеров"
    if not p.mentees_per_leader:
        return f"лидеры направления {number} не берут подопечных: число подопечных на лидера — 0"
    taken: dict[int, int] = defaultdict(int)
    mentors = set(leaders)
    for pair in pairs:
        if pair.mentor in mentors:
            taken[pair.direction] += 1
    parts = [f"{_mentees(taken[direction])} этого направления"] if taken[direction] else []
    for other in sorted(set(taken) - {direction}, key=numbers.get):
        count = taken[other]
        parts.append(
            f"{count} — направления {numbers[other]}" if parts
            else f"{_mentees(count)} направления {numbers[other]}"
        )
    return (
        f"места лидеров направления {number} ({leaders_phrase(len(leaders))} × "
        f"{_mentees(p.mentees_per_leader)}) заняты: {', '.join(parts)}"
    )
