"""What the review page of a proposed distribution shows, read from the stored proposal
in a fixed number of queries whatever the size of the district."""

from dataclasses import dataclass, field

from core.formatting import ru_number
from distribution.accept import change_key, pair_key
from distribution.engine import TIER_TITLES
from distribution.engine.explain import NO_RESULT
from distribution.models import DistributionProposal
from distribution.proposals import build_input, input_fingerprint
from internships.models import Direction
from teams.models import ManagementTeam, Organization

TIER_LETTER = {"leader": "Л", "promising": "П", "reserve": "Р"}


def tier_text(tier: str | None) -> str:
    """The solver's words for a tier, so a tier reads the same as in the explanation
    beside it."""
    return TIER_TITLES[tier] if tier else "не участвует"


def coverage_text(result: dict) -> str:
    return (f"ведут хотя бы одно направление: {result['leading_before']} из "
            f"{result['teams_total']} → {result['leading_after']} из {result['teams_total']}")


def _number(value: float) -> str:
    """A rule as the department typed it: «0,7», «0,05», «2», with no zeros added."""
    decimals = next(places for places in range(7) if round(value, places) == round(value, 6))
    return ru_number(value, decimals)


def parameters_shown(parameters: dict) -> list[tuple[str, str]]:
    """The rules a proposal was computed with, as the page lists them."""
    return [
        ("Лидеров на направление",
         f"от {parameters['leaders_min']} до {parameters['leaders_max']}"),
        ("Направлений, которые ведёт одна команда",
         f"не больше {parameters['max_directions_led']}"),
        ("Подопечных на команду-лидера", f"не больше {parameters['mentees_per_leader']}"),
        ("Цена изменения", _number(parameters["change_cost"])),
        ("Порог лидера", _number(parameters["leader_floor"])),
        ("Порог «подающих надежды»", _number(parameters["promising_threshold"])),
        ("Узкая специализация", "команды остаются лидерами своих направлений"
         if parameters["keep_narrow"] else "лидерство может смениться"),
    ]


def parameters_explained(parameters: dict) -> list[tuple[str, str, str]]:
    """The rules with what each means in plain words, with this proposal's figures: the
    engine's terms («цена изменения», «порог») say nothing to a reader by themselves."""
    floor, cost = _number(parameters["leader_floor"]), _number(parameters["change_cost"])
    threshold = _number(parameters["promising_threshold"])
    plain = {
        "Цена изменения": (
            f"Насколько результат команды должен превышать порог лидера, чтобы ради неё "
            f"менять текущее распределение: при пороге {floor} и цене {cost} команда "
            f"становится лидером вместо нынешней, только если её результат больше "
            f"{floor} хотя бы на {cost} за каждое изменение. Чем больше цена, тем меньше "
            f"изменений предлагается."),
        "Порог лидера": (
            f"Результат диагностики (от 0 до 1), начиная с которого команда может вести "
            f"направление; слабее {floor} — лидер только тогда, когда иначе направление "
            f"или команда остались бы без лидерства."),
        "Порог «подающих надежды»": (
            f"Команды, не ставшие лидерами, с результатом от {threshold} — подающие надежды, "
            f"ниже — команды скрытых резервов."),
    }
    return [(label, text, plain.get(label, "")) for label, text in parameters_shown(parameters)]


@dataclass
class Decision:
    key: str
    organization: Organization
    direction: Direction
    current: str | None
    tier: str
    changed: bool
    explanation: str

    @property
    def current_letter(self) -> str:
        return TIER_LETTER.get(self.current, "—")

    @property
    def tier_letter(self) -> str:
        return TIER_LETTER[self.tier]

    @property
    def current_text(self) -> str:
        return tier_text(self.current)

    @property
    def tier_text(self) -> str:
        return tier_text(self.tier)


@dataclass
class TeamRow:
    organization: Organization
    cells: list[Decision | None]
    leads_before: bool
    leads_after: bool

    @property
    def changed(self) -> bool:
        return any(cell is not None and cell.changed for cell in self.cells)


@dataclass
class Pair:
    key: str
    direction: Direction
    mentor: Organization
    mentee: Organization
    kept: bool
    explanation: str


@dataclass
class Load:
    organization: Organization
    directions: list[int]
    mentees: int
    capacity: int

    @property
    def over(self) -> bool:
        return self.mentees > self.capacity


@dataclass
class Review:
    directions: list[Direction]
    rows: list[TeamRow]
    decisions: list[Decision]
    pairs: list[Pair]
    unmatched: list[tuple[Organization, Direction, str]]
    loads: list[Load]
    notes: list[str]
    coverage: str
    leading_before: int
    leading_after: int
    teams_total: int
    change_count: int
    stale: bool
    accepted_changes: set[str] = field(default_factory=set)
    accepted_pairs: set[str] = field(default_factory=set)

    @property
    def changes(self) -> list[Decision]:
        return [decision for decision in self.decisions if decision.changed]


def review(*, proposal: DistributionProposal) -> Review:
    """The review of a computed proposal.

    ``stale`` says the data it rests on changed since (checked only before acceptance).
    """
    result = proposal.result
    directions = list(Direction.objects.filter(
        programme_id=proposal.source_period.programme_id).order_by("number"))
    by_direction = {direction.pk: direction for direction in directions}
    column = {direction.pk: index for index, direction in enumerate(directions)}
    teams = list(ManagementTeam.objects.filter(
        organization__municipality_id=proposal.municipality_id).select_related("organization"))
    organizations = {team.pk: team.organization for team in teams}

    chosen = proposal.diagnostic_round
    no_result = (f"в диагностике «{chosen.title}» результата по направлению нет" if chosen
                 else NO_RESULT)
    decisions = {}
    for item in result["tiers"]:
        decisions[item["team"], item["direction"]] = Decision(
            key=change_key(item["team"], item["direction"]),
            organization=organizations[item["team"]], direction=by_direction[item["direction"]],
            current=item["current"], tier=item["tier"], changed=item["changed"],
            explanation=item["explanation"].replace(NO_RESULT, no_result),
        )
    rows = []
    ordered = []
    for team in teams:
        cells: list[Decision | None] = [None] * len(directions)
        for direction in directions:
            decision = decisions.get((team.pk, direction.pk))
            if decision is not None:
                cells[column[direction.pk]] = decision
                ordered.append(decision)
        present = [cell for cell in cells if cell is not None]
        rows.append(TeamRow(
            organization=team.organization, cells=cells,
            leads_before=any(cell.current == "leader" for cell in present),
            leads_after=any(cell.tier == "leader" for cell in present),
        ))
    capacity = proposal.parameters.get("mentees_per_leader", 0)
    led: dict[int, list[int]] = {}
    for (team_id, direction_id), decision in decisions.items():
        if decision.tier == "leader":
            led.setdefault(team_id, []).append(by_direction[direction_id].number)
    loads = [
        Load(organization=organizations[team_id], directions=sorted(led.get(team_id, [])),
             mentees=result["leader_load"].get(str(team_id), 0), capacity=capacity)
        for team_id in (team.pk for team in teams) if team_id in led
    ]
    pairs = [
        Pair(key=pair_key(item["direction"], item["mentor"], item["mentee"]),
             direction=by_direction[item["direction"]], mentor=organizations[item["mentor"]],
             mentee=organizations[item["mentee"]], kept=item["kept"],
             explanation=item["explanation"])
        for item in sorted(result["pairs"], key=lambda item: (
            by_direction[item["direction"]].number, organizations[item["mentor"]].short_name,
            organizations[item["mentee"]].short_name))
    ]
    stale = False
    if proposal.accepted_at is None:
        teams_input, directions_input = build_input(period=proposal.source_period,
                                                    diagnostic_round=proposal.diagnostic_round)
        stale = input_fingerprint(teams_input, directions_input) != proposal.input_fingerprint
    return Review(
        directions=directions, rows=rows, decisions=ordered, pairs=pairs,
        unmatched=[(organizations[item["team"]], by_direction[item["direction"]],
                    item["reason"]) for item in result["unmatched"]],
        loads=loads, notes=result["notes"], coverage=coverage_text(result),
        leading_before=result["leading_before"], leading_after=result["leading_after"],
        teams_total=result["teams_total"], change_count=result["changes"], stale=stale,
        accepted_changes=set(proposal.accepted.get("changes", [])),
        accepted_pairs=set(proposal.accepted.get("pairs", [])),
    )
