"""What the department should see it has not done: deficits nobody addresses, events that name
no deficit, and teams that have a deficit and attended nothing on it.

Everything is counted from the chosen round's start (expert diagnoses of that round; events
held on or after its first day; plan lines of its programme).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Exists, OuterRef

from diagnostics.access import diagnoses_for_user
from diagnostics.dynamics import load_deficit_sets
from diagnostics.models import Deficit, DiagnosisSource, DiagnosticRound
from internships.access import entries_for_user, results_for_user
from internships.models import JournalEntry
from outcomes.models import AddressedDeficit
from outcomes.reads import addressing_entry_ids
from teams.models import ManagementTeam


@dataclass
class Gaps:
    round: DiagnosticRound
    unaddressed: list[tuple[Deficit, int]]  # deficit, teams that have it
    silent_events: list[JournalEntry]
    unattended: list[tuple[ManagementTeam, Deficit]]


def _planned_deficit_ids(programme_id: int) -> set[int]:
    return set(AddressedDeficit.objects.filter(
        planned__platform__period__programme_id=programme_id, planned__entry__isnull=True,
    ).values_list("deficit_id", flat=True))


def deficit_gaps(*, user: User | AnonymousUser, diagnostic_round: DiagnosticRound,
                 direction_id: int | None = None) -> Gaps:
    diagnoses = diagnoses_for_user(user).filter(round=diagnostic_round,
                                                source=DiagnosisSource.EXPERT)
    if direction_id:
        diagnoses = diagnoses.filter(direction_id=direction_id)
    having: dict[int, set[int]] = defaultdict(set)  # deficit → teams
    for (_round, team_id, _direction), found in load_deficit_sets(diagnoses).items():
        for deficit_id in found:
            having[deficit_id].add(team_id)
    deficits = Deficit.objects.filter(pk__in=list(having), active=True).in_bulk()
    held = set(entries_for_user(user).filter(held_on__gte=diagnostic_round.starts_on)
               .values_list("pk", flat=True))
    addressed = {pk: ids & held for pk, ids in addressing_entry_ids(deficits).items()}
    planned = _planned_deficit_ids(diagnostic_round.programme_id)
    counts = Counter({pk: len(having[pk]) for pk in deficits})
    unaddressed = [(deficits[pk], teams) for pk, teams in counts.most_common()
                   if not addressed.get(pk) and pk not in planned]
    attended = set(results_for_user(user).filter(attended=True, entry_id__in=held)
                   .values_list("team_id", "entry_id"))
    teams = ManagementTeam.objects.select_related("organization").in_bulk(
        {team for pk in deficits for team in having[pk]})
    unattended = sorted(
        ((teams[team], deficits[pk]) for pk in deficits for team in having[pk]
         if not any((team, entry) in attended for entry in addressed.get(pk, ()))),
        key=lambda pair: (pair[0].organization.short_name, pair[1].code))
    silent = (entries_for_user(user)
              .filter(held_on__gte=diagnostic_round.starts_on,
                      platform__period__programme_id=diagnostic_round.programme_id)
              .exclude(Exists(AddressedDeficit.objects.filter(entry=OuterRef("pk"))))
              .exclude(Exists(AddressedDeficit.objects.filter(planned__entry=OuterRef("pk"))))
              .select_related("platform__direction").order_by("held_on", "pk"))
    if direction_id:
        silent = silent.filter(platform__direction_id=direction_id)
    return Gaps(round=diagnostic_round, unaddressed=unaddressed, silent_events=list(silent),
                unattended=unattended)
