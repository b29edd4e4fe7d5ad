"""The chain seen from one team: its deficits at each round, the events on them it attended,
and what changed (expert diagnoses only)."""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User

from diagnostics.access import diagnoses_for_user
from diagnostics.dynamics import load_deficit_sets
from diagnostics.models import Deficit, DiagnosisSource, DiagnosticRound
from internships.access import results_for_user
from internships.models import Direction, JournalEntry
from outcomes.reads import addressing_entry_ids
from teams.models import ManagementTeam


@dataclass
class DeficitLine:
    deficit: Deficit
    found: list[bool]  # per round in which the team was diagnosed in the direction
    attended: list[JournalEntry]

    @property
    def state(self) -> str:
        if not self.found[-1]:
            return "не выявлен в последней диагностике"
        return "сохраняется" if any(self.found[:-1]) else "выявлен в последней диагностике"


@dataclass
class DirectionChain:
    direction: Direction
    rounds: list[DiagnosticRound]
    lines: list[DeficitLine]


def _attended_by_deficit(user, team: ManagementTeam, deficit_ids: set[int]):
    addressing = addressing_entry_ids(deficit_ids)
    entry_ids = set().union(*addressing.values()) if addressing else set()
    entries = {
        result.entry_id: result.entry
        for result in results_for_user(user).filter(team=team, attended=True,
                                                     entry_id__in=entry_ids)
        .select_related("entry").order_by("entry__held_on")
    }
    return {deficit_id: sorted((entries[pk] for pk in ids if pk in entries),
                               key=lambda entry: entry.held_on)
            for deficit_id, ids in addressing.items()}


def team_chain(*, user: User | AnonymousUser, team: ManagementTeam) -> list[DirectionChain]:
    sets = load_deficit_sets(diagnoses_for_user(user).filter(team=team,
                                                             source=DiagnosisSource.EXPERT))
    by_direction: dict[int, dict[int, frozenset[int]]] = defaultdict(dict)
    for (round_id, _team, direction_id), found in sets.items():
        by_direction[direction_id][round_id] = found
    deficit_ids = set().union(*sets.values()) if sets else set()
    deficits = Deficit.objects.in_bulk(deficit_ids)
    rounds = DiagnosticRound.objects.in_bulk({round_id for (round_id, _t, _d) in sets})
    directions = Direction.objects.in_bulk(list(by_direction))
    attended = _attended_by_deficit(user, team, deficit_ids)
    chains = []
    for direction_id, found_at in by_direction.items():
        shown = sorted((rounds[pk] for pk in found_at), key=lambda r: (r.starts_on, r.pk))
        codes = sorted(set().union(*found_at.values()), key=lambda pk: deficits[pk].code)
        chains.append(DirectionChain(
            direction=directions[direction_id], rounds=shown,
            lines=[DeficitLine(deficit=deficits[pk],
                               found=[pk in found_at[r.pk] for r in shown],
                               attended=attended.get(pk, []))
                   for pk in codes],
        ))
    return sorted(chains, key=lambda chain: chain.direction.number)
