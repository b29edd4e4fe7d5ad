"""The map of problems and effective solutions, read for one school year.

For every aspect and side (needs advice / offers a practice):

* «количество» — organizations that named the aspect on that side (an organization counts
  once, however many of its lines were normalised to the aspect);
* «доля» = количество ÷ участники, where participants are the organizations with at least
  one line on the map that year (any aspect, any side, linked to the catalogue or not);
* the average rank — each naming organization's best (smallest) place for the aspect,
  averaged over those organizations;
* for a need: the organizations offering the same aspect, nearest first.

Krymsky's needs/offers table (``diagnostics.NeedsOffer``, keyed by direction) is read as
map lines too: a line counts for the catalogue aspect of its direction and process, or —
while there is none — for an aspect named after the direction. It has no ranks.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import mean

from django.db.models import QuerySet

from aspects.models import Aspect, ProcessKind, Side, Statement
from diagnostics.models import Aspect as NeedsAspect
from diagnostics.models import NeedsOffer
from internships.models import Direction
from teams.models import Municipality, Organization

FORMULA = ("Количество — организации, назвавшие аспект; доля = количество ÷ число "
           "организаций-участников (назвавших хотя бы один аспект в этом учебном году). "
           "Средний ранг — среднее по назвавшим организациям их лучшего места для аспекта "
           "(1 — самый важный).")
NEEDS_KIND = {NeedsAspect.PEDAGOGICAL: ProcessKind.PEDAGOGICAL,
              NeedsAspect.MANAGERIAL: ProcessKind.MANAGEMENT}
SAME_SCHOOL, SAME_LOCALITY, FARTHER = 0, 1, 2
NEARNESS_LABELS = {SAME_SCHOOL: "головная организация или филиал",
                   SAME_LOCALITY: "та же местность", FARTHER: ""}


def nearness(needing: Organization, offering: Organization) -> int:
    """How near ``offering`` is to ``needing``: organizations record no address, only the
    head organization of a branch and the locality (urban, rural), so a school's own
    branches come first, then organizations of the same locality, then the rest."""
    family = {needing.pk, needing.parent_id} - {None}
    if offering.pk in family or (offering.parent_id is not None
                                 and offering.parent_id in family):
        return SAME_SCHOOL
    if needing.locality and needing.locality == offering.locality:
        return SAME_LOCALITY
    return FARTHER


def _order(organization: Organization) -> tuple:
    return (organization.sort_rank, organization.number or 0, organization.short_name)


@dataclass(frozen=True)
class MapLine:
    """A statement or a Krymsky needs/offers line, as the map counts it."""

    organization: Organization
    key: tuple
    label: str
    process_kind: str
    side: str
    rank: int | None
    direction: Direction | None
    text: str


@dataclass(frozen=True)
class Helper:
    organization: Organization
    nearness: int

    @property
    def nearness_label(self) -> str:
        return NEARNESS_LABELS[self.nearness]


@dataclass
class NeedHelp:
    organization: Organization
    texts: list[str]
    helpers: list[Helper]


@dataclass
class MapRow:
    key: tuple
    label: str
    aspect_id: int | None
    process_kind: str
    side: str
    direction: Direction | None
    participants: int
    lines: list[MapLine] = field(default_factory=list)
    needs_help: list[NeedHelp] = field(default_factory=list)

    @property
    def organizations(self) -> list[Organization]:
        unique = {line.organization.pk: line.organization for line in self.lines}
        return sorted(unique.values(), key=_order)

    @property
    def count(self) -> int:
        return len({line.organization.pk for line in self.lines})

    @property
    def share(self) -> float:
        return self.count / self.participants if self.participants else 0.0

    @property
    def average_rank(self) -> float | None:
        best: dict[int, int] = {}
        for line in self.lines:
            if line.rank is not None:
                best[line.organization.pk] = min(best.get(line.organization.pk, line.rank),
                                                 line.rank)
        return mean(best.values()) if best else None

    @property
    def process_label(self) -> str:
        return ProcessKind(self.process_kind).label

    @property
    def side_label(self) -> str:
        return Side(self.side).label


@dataclass
class AspectMap:
    school_year: int | None
    participants: int
    rows: list[MapRow]
    unlinked: int
    formula: str = FORMULA

    @property
    def needs(self) -> list[MapRow]:
        return [row for row in self.rows if row.side == Side.NEED]


@dataclass(frozen=True)
class MapFilters:
    process_kind: str = ""
    side: str = ""
    direction_id: int | None = None
    search: str = ""

    def keeps(self, row: MapRow) -> bool:
        return ((not self.process_kind or row.process_kind == self.process_kind)
                and (not self.side or row.side == self.side)
                and (self.direction_id is None or (row.direction is not None
                                                   and row.direction.pk == self.direction_id))
                and (not self.search or self.search.lower() in row.label.lower()
                     or any(self.search.lower() in line.text.lower() for line in row.lines)))


def map_years(*, statements: QuerySet[Statement], needs_offers: QuerySet[NeedsOffer]
              ) -> list[int]:
    """The school years the map has lines for, newest first (one query each)."""
    years = set(statements.values_list("school_year", flat=True).distinct())
    years |= {day.year for day in needs_offers.values_list("period__starts_on", flat=True)
              .distinct()}
    return sorted(years, reverse=True)


def _statement_lines(statements: QuerySet[Statement], school_year: int
                     ) -> tuple[list[MapLine], set[int], int]:
    lines, organizations, unlinked = [], set(), 0
    for statement in statements.filter(school_year=school_year).select_related(
            "organization", "aspect__direction"):
        organizations.add(statement.organization_id)
        aspect = statement.aspect
        if aspect is None:
            unlinked += 1
            continue
        lines.append(MapLine(
            organization=statement.organization, key=("aspect", aspect.pk),
            label=aspect.wording, process_kind=aspect.process_kind, side=statement.side,
            rank=statement.rank, direction=aspect.direction, text=statement.text))
    return lines, organizations, unlinked


def _needs_offer_lines(needs_offers: QuerySet[NeedsOffer], aspects: QuerySet[Aspect],
                       school_year: int) -> tuple[list[MapLine], set[int]]:
    """Krymsky's direction-keyed lines, each counted for its direction's aspect."""
    by_direction: dict[tuple[int, str], Aspect] = {}
    for aspect in aspects.filter(merged_into__isnull=True, direction__isnull=False
                                 ).order_by("-pk"):
        by_direction[(aspect.direction_id, aspect.process_kind)] = aspect
    lines, organizations = [], set()
    for line in needs_offers.filter(period__starts_on__year=school_year).select_related(
            "organization", "direction"):
        organizations.add(line.organization_id)
        kind = NEEDS_KIND[line.aspect]
        aspect = by_direction.get((line.direction_id, kind))
        key = (("aspect", aspect.pk) if aspect is not None
               else ("direction", line.direction_id, kind))
        label = aspect.wording if aspect is not None else (
            f"{line.direction.label}: {line.direction.title}")
        sides = [side for side, marked in ((Side.NEED, line.needs_support),
                                           (Side.OFFER, line.offers_practice)) if marked]
        lines.extend(MapLine(
            organization=line.organization, key=key, label=label, process_kind=kind,
            side=side, rank=None, direction=line.direction,
            text=line.note or line.direction.title) for side in sides)
    return lines, organizations


def _with_help(rows: dict[tuple, MapRow]) -> None:
    for row in rows.values():
        if row.side != Side.NEED:
            continue
        offer = rows.get((row.key, Side.OFFER))
        offering = offer.organizations if offer is not None else []
        texts: dict[int, list[str]] = defaultdict(list)
        for line in row.lines:
            texts[line.organization.pk].append(line.text)
        row.needs_help = [
            NeedHelp(organization=organization, texts=texts[organization.pk], helpers=sorted(
                (Helper(organization=other, nearness=nearness(organization, other))
                 for other in offering if other.pk != organization.pk),
                key=lambda helper: (helper.nearness, *_order(helper.organization))))
            for organization in row.organizations
        ]


def build_aspect_map(*, municipality: Municipality, statements: QuerySet[Statement],
                     needs_offers: QuerySet[NeedsOffer], aspects: QuerySet[Aspect],
                     school_year: int | None, filters: MapFilters | None = None) -> AspectMap:
    """The map of the year in three queries, whatever the number of lines."""
    if school_year is None:
        return AspectMap(school_year=None, participants=0, rows=[], unlinked=0)
    statements = statements.filter(organization__municipality=municipality)
    needs_offers = needs_offers.filter(organization__municipality=municipality)
    lines, organizations, unlinked = _statement_lines(statements, school_year)
    krymsky, krymsky_organizations = _needs_offer_lines(
        needs_offers, aspects.filter(municipality=municipality), school_year)
    participants = len(organizations | krymsky_organizations)
    rows: dict[tuple, MapRow] = {}
    for line in [*lines, *krymsky]:
        row = rows.get((line.key, line.side))
        if row is None:
            row = rows[(line.key, line.side)] = MapRow(
                key=line.key, label=line.label,
                aspect_id=line.key[1] if line.key[0] == "aspect" else None,
                process_kind=line.process_kind, side=line.side, direction=line.direction,
                participants=participants)
        row.lines.append(line)
    _with_help(rows)
    kept = [row for row in rows.values() if (filters or MapFilters()).keeps(row)]
    kept.sort(key=lambda row: (row.process_kind != ProcessKind.PEDAGOGICAL,
                               row.side != Side.NEED, -row.count,
                               row.average_rank if row.average_rank is not None else 1000,
                               row.label.lower()))
    return AspectMap(school_year=school_year, participants=participants, rows=kept,
                     unlinked=unlinked)


def direction_marks(*, municipality_id: int, school_year: int) -> list[tuple[int, int, str]]:
    """(organization, direction, side) for statements whose aspect belongs to a direction:
    what the tier and mentor engine reads besides Krymsky's needs/offers table."""
    return list(Statement.objects.filter(
        organization__municipality_id=municipality_id, school_year=school_year,
        aspect__direction__isnull=False,
    ).values_list("organization_id", "aspect__direction_id", "side"))
