"""What the portal knows about one deficit: who had it, which events addressed it, who still has it.

Only the expert diagnoses count («Экспертная оценка куратора»): a self-assessment is shown on
the team's own pages. Every read goes through the user's scoped querysets, so a school team
sees its own team only and nobody sees another municipality.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count

from diagnostics.access import diagnoses_for_user
from diagnostics.dynamics import load_deficit_sets
from diagnostics.models import Deficit, Diagnosis, DiagnosisSource, DiagnosticRound
from internships.access import entries_for_user, results_for_user
from internships.models import JournalEntry, Placement, Platform
from outcomes.models import AddressedDeficit
from teams.models import ManagementTeam


def addressing_entry_ids(deficit_ids: Iterable[int]) -> dict[int, set[int]]:
    """Deficit → the events that address it, named on the event or on its plan line."""
    found: dict[int, set[int]] = defaultdict(set)
    links = AddressedDeficit.objects.filter(deficit_id__in=list(deficit_ids))
    for deficit_id, entry_id, plan_entry_id in links.values_list(
        "deficit_id", "entry_id", "planned__entry_id"
    ):
        if entry_id or plan_entry_id:
            found[deficit_id].add(entry_id or plan_entry_id)
    return found


def entry_deficit_ids(entry: JournalEntry) -> tuple[set[int], set[int]]:
    """The deficits named on the event itself, and those of the plan line it carries out."""
    own = set(AddressedDeficit.objects.filter(entry=entry).values_list("deficit_id", flat=True))
    planned = set(AddressedDeficit.objects.filter(planned__entry=entry)
                  .values_list("deficit_id", flat=True))
    return own, planned


@dataclass
class Suggestions:
    """The deficits most common among the platform's teams at the last round that diagnosed them."""

    round: DiagnosticRound | None
    teams_diagnosed: int = 0
    counts: dict[int, int] = field(default_factory=dict)  # deficit id → teams


def suggested_deficits(platform: Platform) -> Suggestions:
    placed = Placement.objects.filter(platform=platform).values("team_id")
    diagnoses = Diagnosis.objects.filter(
        source=DiagnosisSource.EXPERT, direction_id=platform.direction_id, team_id__in=placed,
        round__programme_id=platform.direction.programme_id,
    )
    last = (diagnoses.order_by("-round__starts_on", "-round_id")
            .values_list("round_id", flat=True).first())
    if last is None:
        return Suggestions(round=None)
    at_last = diagnoses.filter(round_id=last)
    counts = dict(
        Diagnosis.deficits.through.objects.filter(diagnosis__in=at_last, deficit__active=True)
        .values_list("deficit_id").annotate(teams=Count("diagnosis_id")).order_by()
    )
    return Suggestions(round=DiagnosticRound.objects.get(pk=last),
                       teams_diagnosed=at_last.count(), counts=counts)


@dataclass
class RoundRow:
    round: DiagnosticRound
    diagnosed: int
    with_deficit: list[ManagementTeam]


@dataclass
class EventRow:
    entry: JournalEntry
    attended: list[ManagementTeam]


@dataclass
class Chain:
    deficit: Deficit
    rounds: list[RoundRow]
    events: list[EventRow]
    times_attended: list[tuple[ManagementTeam, int]]
    still_has: list[ManagementTeam]


def _latest_sets(sets, order: dict[int, int]) -> dict[int, frozenset[int]]:
    """Team → the deficits of its latest diagnosis in the direction."""
    latest: dict[int, tuple[int, frozenset[int]]] = {}
    for (round_id, team_id, _direction), found in sets.items():
        if team_id not in latest or order[round_id] > latest[team_id][0]:
            latest[team_id] = (order[round_id], found)
    return {team_id: found for team_id, (_position, found) in latest.items()}


def _events(user, deficit: Deficit) -> list[EventRow]:
    ids = addressing_entry_ids([deficit.pk]).get(deficit.pk, set())
    entries = list(entries_for_user(user).filter(pk__in=ids)
                   .select_related("platform__period").order_by("held_on", "pk"))
    attended: dict[int, list[ManagementTeam]] = defaultdict(list)
    for result in (results_for_user(user).filter(entry__in=entries, attended=True)
                   .select_related("team__organization").order_by("team__organization__short_name")):
        attended[result.entry_id].append(result.team)
    return [EventRow(entry=entry, attended=attended[entry.pk]) for entry in entries]


def deficit_chain(*, user: User | AnonymousUser, deficit: Deficit) -> Chain:
    rounds = list(DiagnosticRound.objects.filter(programme_id=deficit.direction.programme_id)
                  .order_by("starts_on", "pk"))
    order = {r.pk: position for position, r in enumerate(rounds)}
    sets = load_deficit_sets(diagnoses_for_user(user).filter(
        source=DiagnosisSource.EXPERT, direction_id=deficit.direction_id, round__in=rounds))
    team_ids = {team_id for (_r, team_id, _d) in sets}
    teams = {team.pk: team for team in
             ManagementTeam.objects.filter(pk__in=team_ids).select_related("organization")}
    diagnosed, having = Counter(), defaultdict(list)
    for (round_id, team_id, _d), found in sets.items():
        diagnosed[round_id] += 1
        if deficit.pk in found:
            having[round_id].append(teams[team_id])
    events = _events(user, deficit)
    times = Counter(team.pk for row in events for team in row.attended)
    attendees = {team.pk: team for row in events for team in row.attended}

    def by_name(team: ManagementTeam) -> str:
        return team.organization.short_name

    return Chain(
        deficit=deficit,
        rounds=[RoundRow(round=r, diagnosed=diagnosed[r.pk],
                         with_deficit=sorted(having[r.pk], key=by_name))
                for r in rounds if diagnosed[r.pk]],
        events=events,
        times_attended=sorted(((team, times[pk]) for pk, team in attendees.items()),
                              key=lambda pair: by_name(pair[0])),
        still_has=sorted((teams[t] for t, found in _latest_sets(sets, order).items()
                          if deficit.pk in found), key=by_name),
    )

