"""Did the teams that attended events on a deficit lose it more often than those that did not?

For one deficit and two rounds of the same programme (expert diagnoses):
- the teams compared are those that had the deficit at the first round and were diagnosed in
  its direction at the second;
- «посещали» — a team marked as attending (TeamResult.attended) at least one event that
  addresses the deficit, held on or after the first round's start and before the second's;
- each group's share = teams that no longer have the deficit at the second round ÷ teams in
  the group; the difference is in percentage points;
- the p-value is the two-sided Fisher exact test on the 2×2 table (SciPy);
- a caution is given when a group is smaller than OUTCOMES_MIN_GROUP_SIZE teams or p ≥ 0.05.
The wording states co-occurrence, never a cause.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet
from scipy.stats import fisher_exact

from core.formatting import ru_number, ru_percent
from diagnostics.access import diagnoses_for_user
from diagnostics.dynamics import load_deficit_sets
from diagnostics.models import Deficit, Diagnosis, DiagnosisSource, DiagnosticRound
from internships.access import results_for_user
from internships.models import TeamResult
from outcomes.reads import addressing_entry_ids

SIGNIFICANCE = 0.05
FORMULA = ("Доля = команды, у которых дефицит не выявлен во второй диагностике ÷ команды группы, "
           "имевшие дефицит в первой и продиагностированные во второй; разница — в процентных "
           "пунктах; p — точный критерий Фишера (двусторонний).")


def min_group_size() -> int:
    return getattr(settings, "OUTCOMES_MIN_GROUP_SIZE", 5)


@dataclass(frozen=True)
class GroupShare:
    lost: int
    size: int

    @property
    def share(self) -> Fraction | None:
        return Fraction(self.lost, self.size) if self.size else None

    @property
    def share_text(self) -> str:
        return "нет данных" if self.share is None else ru_percent(float(self.share) * 100)


@dataclass(frozen=True)
class AttributableChange:
    attended: GroupShare
    not_attended: GroupShare
    p_value: float | None
    min_group: int

    @property
    def difference(self) -> Fraction | None:
        """Percentage points: the attending group's share minus the other's."""
        if self.attended.share is None or self.not_attended.share is None:
            return None
        return (self.attended.share - self.not_attended.share) * 100

    @property
    def difference_text(self) -> str:
        if self.difference is None:
            return "нет данных"
        sign = "+" if self.difference > 0 else "−" if self.difference < 0 else ""
        return f"{sign}{ru_number(abs(float(self.difference)))} п. п."

    @property
    def p_text(self) -> str:
        if self.p_value is None:
            return ""
        return "< 0,001" if self.p_value < 0.001 else ru_number(self.p_value, 3)

    @property
    def caution(self) -> str:
        if not self.attended.size and not self.not_attended.size:
            return ("Сравнивать некого: ни одна команда с этим дефицитом в первой диагностике "
                    "не продиагностирована во второй.")
        if not self.attended.size or not self.not_attended.size:
            return ("Сравнивать не с кем: одна из групп пуста, поэтому о связи посещения с "
                    "изменением судить нельзя.")
        if min(self.attended.size, self.not_attended.size) < self.min_group:
            return (f"Групп слишком мало для вывода: нужно не меньше {self.min_group} команд в "
                    "каждой. Цифры показаны для сведения.")
        if self.p_value is not None and self.p_value >= SIGNIFICANCE:
            return ("Различие может быть случайным (p ≥ 0,05): по этим данным нельзя сказать, "
                    "что посещавшие команды теряют дефицит чаще.")
        return ""


def attributable_change(*, lost_by_team: Mapping[int, bool],
                        attended_team_ids: set[int]) -> AttributableChange:
    """``lost_by_team``: each compared team → whether the deficit is gone at the second round."""
    went = [lost for team, lost in lost_by_team.items() if team in attended_team_ids]
    stayed = [lost for team, lost in lost_by_team.items() if team not in attended_team_ids]
    return compare_groups(attended=GroupShare(lost=sum(went), size=len(went)),
                          not_attended=GroupShare(lost=sum(stayed), size=len(stayed)))


def compare_groups(*, attended: GroupShare, not_attended: GroupShare) -> AttributableChange:
    """The two groups' shares with Fisher's exact p when both groups have teams."""
    p_value = None
    if attended.size and not_attended.size:
        table = [[attended.lost, attended.size - attended.lost],
                 [not_attended.lost, not_attended.size - not_attended.lost]]
        p_value = float(fisher_exact(table, alternative="two-sided")[1])
    return AttributableChange(attended=attended, not_attended=not_attended,
                              p_value=p_value, min_group=min_group_size())


def changes_by_deficit(*, diagnoses: QuerySet[Diagnosis], results: QuerySet[TeamResult],
                       first: DiagnosticRound, second: DiagnosticRound,
                       deficit_ids: Iterable[int] | None = None) -> dict[int, AttributableChange]:
    """Every deficit found at the first round (or those asked for) → its change, in four
    queries whatever the number of deficits. ``diagnoses`` and ``results`` are already
    scoped to whoever reads."""
    sets = load_deficit_sets(diagnoses.filter(source=DiagnosisSource.EXPERT,
                                              round__in=[first, second]))
    before = {key[1:]: found for key, found in sets.items() if key[0] == first.pk}
    after = {key[1:]: found for key, found in sets.items() if key[0] == second.pk}
    wanted = None if deficit_ids is None else set(deficit_ids)
    lost: dict[int, dict[int, bool]] = defaultdict(dict)  # deficit → team → gone
    for (team_id, direction_id), found in before.items():
        if (team_id, direction_id) not in after:
            continue
        for deficit_id in found:
            if wanted is None or deficit_id in wanted:
                lost[deficit_id][team_id] = deficit_id not in after[team_id, direction_id]
    addressing = addressing_entry_ids(lost)
    # Entry → the teams that came to it: each deficit unites the teams of its own entries
    # instead of going through every (team, entry) pair of the municipality again.
    came: dict[int, set[int]] = defaultdict(set)
    for team_id, entry_id in results.filter(
        attended=True, entry__held_on__gte=first.starts_on, entry__held_on__lt=second.starts_on,
        entry_id__in={pk for ids in addressing.values() for pk in ids},
    ).values_list("team_id", "entry_id"):
        came[entry_id].add(team_id)
    return {
        deficit_id: attributable_change(
            lost_by_team=teams,
            attended_team_ids=set().union(
                *(came.get(entry_id, ()) for entry_id in addressing.get(deficit_id, ()))),
        )
        for deficit_id, teams in lost.items()
    }


def combined(changes: Iterable[AttributableChange]) -> AttributableChange:
    """Several deficits at once: the team–deficit pairs of both groups added up."""
    changes = list(changes)
    return compare_groups(
        attended=GroupShare(lost=sum(c.attended.lost for c in changes),
                            size=sum(c.attended.size for c in changes)),
        not_attended=GroupShare(lost=sum(c.not_attended.lost for c in changes),
                                size=sum(c.not_attended.size for c in changes)))


def load_attributable_change(*, user: User | AnonymousUser, deficit: Deficit,
                             first: DiagnosticRound, second: DiagnosticRound) -> AttributableChange:
    changes = changes_by_deficit(
        diagnoses=diagnoses_for_user(user).filter(direction_id=deficit.direction_id),
        results=results_for_user(user), first=first, second=second, deficit_ids=[deficit.pk])
    return changes.get(deficit.pk) or attributable_change(lost_by_team={},
                                                          attended_team_ids=set())
