"""Reads behind the diagnostics pages: a round's platforms, deficit choices, the rows of
a platform's expert entry, a team's deficits across rounds and the comparison of two
rounds. Numbers come from ``dynamics``."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User

from diagnostics import dynamics
from diagnostics.access import diagnoses_for_user, rounds_for_user
from diagnostics.diagnoses import existing_diagnoses
from diagnostics.models import Deficit, DiagnosisSource, DiagnosticRound, RoundKind
from diagnostics.round_forms import EntryRow
from internships.models import TIER_ORDER, Direction, Placement, Platform
from teams.models import ManagementTeam, Organization


def round_platforms(diagnostic_round: DiagnosticRound, period):
    """The platforms a round assesses: those of its academic year."""
    if period is None:
        return Platform.objects.none()
    return (
        Platform.objects.filter(period=period)
        .select_related("direction", "period__programme")
        .order_by("direction__number")
    )


def deficit_choices(direction_deficits, stored):
    """Active deficits of the direction, plus switched-off ones a stored result has."""
    kept = {deficit.pk for deficit in stored.deficits.all()} if stored else set()
    return [(d.pk, d.code, d.wording, d.active) for d in direction_deficits
            if d.active or d.pk in kept]


def deficits_by_direction(directions) -> dict[int, list[Deficit]]:
    grouped: dict[int, list[Deficit]] = {direction.pk: [] for direction in directions}
    for deficit in Deficit.objects.filter(direction__in=[d.pk for d in directions]).order_by(
        "code"
    ):
        grouped[deficit.direction_id].append(deficit)
    return grouped


@dataclass
class ExpertEntry:
    """The rows of a platform's expert entry form: a team each, in the platform's order."""

    rows: list[EntryRow]
    active_deficit_count: int


def expert_entry(*, diagnostic_round: DiagnosticRound, platform: Platform) -> ExpertEntry:
    """The platform's teams with their stored expert results in the round and the deficits
    that may be marked (``platform`` is one the user may enter results for)."""
    placements = sorted(
        Placement.objects.filter(platform=platform).select_related("team__organization"),
        key=lambda p: (TIER_ORDER.index(p.tier), p.team.organization.sort_rank,
                       p.team.organization.number or 0, p.team.organization.short_name),
    )
    direction = platform.direction
    stored = existing_diagnoses(diagnostic_round=diagnostic_round,
                                source=DiagnosisSource.EXPERT,
                                teams=[placement.team for placement in placements],
                                directions=[direction])
    direction_deficits = deficits_by_direction([direction])[direction.pk]
    rows = []
    for placement in placements:
        saved = stored.get((placement.team_id, direction.pk))
        rows.append(EntryRow(
            key=str(placement.team_id), team=placement.team, direction=direction,
            label=placement.team.organization.short_name, note=placement.tier_short,
            deficits=deficit_choices(direction_deficits, saved), stored=saved,
        ))
    return ExpertEntry(rows=rows,
                       active_deficit_count=sum(d.active for d in direction_deficits))


def _listed(deficits: dict[int, Deficit], ids) -> list[Deficit]:
    return sorted((deficits[i] for i in ids), key=lambda d: d.code)


# A team's deficits across rounds.

@dataclass
class HistoryCell:
    round: DiagnosticRound
    deficits: list[Deficit] | None  # None: not diagnosed in this round
    score: int | None = None
    comment: str = ""


@dataclass
class HistoryStep:
    first: DiagnosticRound
    second: DiagnosticRound
    resolved: list[Deficit]
    persisting: list[Deficit]
    new: list[Deficit]
    delta: int
    withdrawn: list[Deficit]


@dataclass
class DirectionPanel:
    direction: Direction
    expert_cells: list[HistoryCell]
    expert_steps: list[HistoryStep]
    self_cells: list[HistoryCell]
    self_steps: list[HistoryStep]


def _panels(*, directions, rounds, histories_by_source, details, deficits):
    by_id = {r.pk: r for r in rounds}

    def cells(history, source):
        found = history.found if history else {}
        return [
            HistoryCell(r, _listed(deficits, found[r.pk]) if r.pk in found else None,
                        *details.get((r.pk, history.direction_id if history else None,
                                      source), (None, "")))
            for r in rounds
        ]

    def steps(history):
        return [
            HistoryStep(by_id[s.first_round_id], by_id[s.second_round_id],
                        _listed(deficits, s.change.resolved),
                        _listed(deficits, s.change.persisting),
                        _listed(deficits, s.change.new), s.change.delta,
                        _listed(deficits, s.change.withdrawn))
            for s in (history.steps if history else [])
        ]

    panels = []
    expert, own = histories_by_source
    for direction in directions:
        e, s = expert.get(direction.pk), own.get(direction.pk)
        if e is None and s is None:
            continue
        panels.append(DirectionPanel(direction, cells(e, DiagnosisSource.EXPERT), steps(e),
                                     cells(s, DiagnosisSource.SELF), steps(s)))
    return panels


def team_deficit_panels(
    *, user: User | AnonymousUser, organization: Organization
) -> tuple[list[DiagnosticRound], list[DirectionPanel]]:
    """The rounds and, per direction, the team's deficits in each round and between them."""
    team = getattr(organization, "team", None)
    rounds = list(
        rounds_for_user(user)
        .filter(programme__municipality_id=organization.municipality_id)
        .order_by("starts_on", "id")
    )
    directions = list(Direction.objects.filter(
        programme_id__in={r.programme_id for r in rounds}
    ).order_by("programme_id", "number"))
    diagnoses = diagnoses_for_user(user).filter(team=team)
    sets = {
        source: dynamics.load_deficit_sets(diagnoses.filter(source=source))
        for source in (DiagnosisSource.EXPERT, DiagnosisSource.SELF)
    }
    details = {
        (round_id, direction_id, source): (score, comment)
        for round_id, direction_id, source, score, comment in diagnoses.values_list(
            "round_id", "direction_id", "source", "score", "comment")
    }
    used = {i for found in sets.values() for ids in found.values() for i in ids}
    deficits = {d.pk: d for d in Deficit.objects.filter(pk__in=used)}
    active_ids = {pk for pk, d in deficits.items() if d.active}
    round_ids = [r.pk for r in rounds]
    histories = tuple(
        dynamics.team_history(sets=sets[source], team_id=team.pk if team else 0,
                              round_ids=round_ids, active_ids=active_ids)
        for source in (DiagnosisSource.EXPERT, DiagnosisSource.SELF)
    )
    return rounds, _panels(directions=directions, rounds=rounds,
                           histories_by_source=histories, details=details, deficits=deficits)


# Dynamics between two rounds.

@dataclass
class DirectionShare:
    direction: Direction
    share: dynamics.Share


@dataclass
class TeamChangeRow:
    team: ManagementTeam
    direction: Direction
    change: dynamics.DeficitChange
    resolved: list[Deficit]
    new: list[Deficit]


@dataclass
class RoundComparison:
    direction_shares: list[DirectionShare]
    overall: dynamics.Share
    rows: list[TeamChangeRow]


def default_pair(rounds: list[DiagnosticRound], with_data: set[int]):
    """The start round against the latest round with results (else the latest round)."""
    first = next((r for r in rounds if r.kind == RoundKind.START), rounds[0])
    later = [r for r in rounds if r.pk != first.pk and r.programme_id == first.programme_id]
    second = next((r for r in reversed(later) if r.pk in with_data), None)
    return first, second or (later[-1] if later else None)


def compare_two_rounds(*, user: User | AnonymousUser, first: DiagnosticRound,
                       second: DiagnosticRound, source: str) -> RoundComparison:
    """Per direction and overall, the teams whose deficits decreased; a row per team."""
    sets = dynamics.load_deficit_sets(
        diagnoses_for_user(user).filter(round__in=[first, second], source=source)
    )
    deficits = {d.pk: d for d in Deficit.objects.filter(direction__programme_id=first.programme_id)}
    active_ids = {pk for pk, d in deficits.items() if d.active}
    changes = dynamics.compare_rounds(sets=sets, first_round_id=first.pk,
                                      second_round_id=second.pk, active_ids=active_ids)
    directions = list(Direction.objects.filter(programme_id=first.programme_id)
                      .order_by("number"))
    shares = dynamics.share_by_direction(changes)
    teams = {
        team.pk: team for team in ManagementTeam.objects.filter(
            pk__in={change.team_id for change in changes}
        ).select_related("organization")
    }
    by_direction = {direction.pk: direction for direction in directions}
    rows = sorted(
        (TeamChangeRow(teams[c.team_id], by_direction[c.direction_id], c,
                       _listed(deficits, c.resolved), _listed(deficits, c.new))
         for c in changes),
        key=lambda row: (row.direction.number, not row.change.compared,
                         row.change.delta if row.change.compared else 0,
                         row.team.organization.sort_rank, row.team.organization.number or 0),
    )
    return RoundComparison(
        direction_shares=[DirectionShare(d, shares.get(d.pk, dynamics.Share(0, 0)))
                          for d in directions],
        overall=dynamics.share_overall(changes),
        rows=rows,
    )
