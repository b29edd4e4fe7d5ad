"""The placement matrix: directions as rows, tiers as columns (reads only)."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When

from core.links import url_maker
from internships.models import TIER_ORDER, Curator, Direction, Period, Placement, Platform, Tier
from teams.models import ManagementTeam

MATRIX_ORDER = [
    "platform__direction__number",
    "tier_rank",
    "team__organization__sort_rank",
    "team__organization__number",
    "team__organization__short_name",
]


class MatrixChip(NamedTuple):
    """What a matrix cell shows of one placement: the organization's name and link."""

    platform_id: int
    tier: str
    team_id: int
    organization_id: int
    name: str
    url: str


@dataclass
class MatrixRow:
    direction: Direction
    platform: Platform | None
    curators: list[Curator]
    cells: dict[str, list[Placement]] = field(default_factory=dict)

    @property
    def columns(self) -> list[list[Placement]]:
        return [self.cells.get(tier, []) for tier in TIER_ORDER]

    @property
    def total(self) -> int:
        return sum(len(cell) for cell in self.cells.values())


def ordered_placements(placements: QuerySet[Placement]) -> QuerySet[Placement]:
    """Placements in matrix order: direction, tier, then schools in list order."""
    tier_rank = Case(
        *[When(tier=tier, then=Value(rank)) for rank, tier in enumerate(TIER_ORDER)],
        output_field=IntegerField(),
    )
    return (
        placements.annotate(tier_rank=tier_rank)
        .select_related("team__organization", "platform__direction", "platform__period")
        .order_by(*MATRIX_ORDER)
    )


def matrix_placements(placements: QuerySet[Placement]) -> QuerySet[Placement]:
    """Placements in matrix order with only what a matrix cell shows: the organization's name
    and link. A large municipality has thousands of placements, and every related object
    loaded with each of them costs time on every view of the page."""
    return ordered_placements(placements).select_related(None).select_related(
        "team__organization"
    ).only("id", "tier", "platform_id", "team__id", "team__organization__id",
           "team__organization__short_name")


def matrix_chips(placements: QuerySet[Placement]) -> Iterator[MatrixChip]:
    """The placements of the matrix page as plain tuples, in matrix order.

    A large municipality has thousands of placements: no model objects are built for them,
    and the organization link is reversed once for the whole page."""
    organization_url = url_maker("organization_detail")
    rows = ordered_placements(placements).values_list(
        "platform_id", "tier", "team_id", "team__organization_id",
        "team__organization__short_name",
    )
    for platform_id, tier, team_id, organization_id, name in rows:
        yield MatrixChip(platform_id, tier, team_id, organization_id, name,
                         organization_url(organization_id))


def build_matrix(
    *, period: Period, directions: QuerySet[Direction],
    placements: Iterable[Placement] | Iterable[MatrixChip],
) -> list[MatrixRow]:
    """One row per direction with the period's platform, curators and placements by tier.

    Placements are those of the period (model objects or matrix chips), in matrix order."""
    platforms = {
        platform.direction_id: platform
        for platform in Platform.objects.filter(period=period).prefetch_related(
            Prefetch("curators", queryset=Curator.objects.order_by("short_name"))
        )
    }
    rows = {
        direction.pk: MatrixRow(
            direction=direction,
            platform=platforms.get(direction.pk),
            curators=list(platforms[direction.pk].curators.all())
            if direction.pk in platforms else [],
        )
        for direction in directions
    }
    direction_of = {platform.pk: platform.direction_id for platform in platforms.values()}
    for placement in placements:
        row = rows.get(direction_of.get(placement.platform_id))
        if row is not None:
            row.cells.setdefault(placement.tier, []).append(placement)
    return list(rows.values())


def matrix_export_rows(rows: list[MatrixRow]):
    """One row per placement (matrix chip), in matrix order, for the workbook."""
    labels = {tier: Tier(tier).label for tier in TIER_ORDER}
    for row in rows:
        curators = ", ".join(curator.short_name for curator in row.curators)
        for cell in row.columns:
            for chip in cell:
                yield (row.direction.number, row.direction.title, chip.name,
                       labels[chip.tier], curators)


def period_summary(*, period: Period) -> dict:
    """The dashboard's figures for one year: teams, coverage, placements per direction and tier."""
    placements = Placement.objects.filter(platform__period=period)
    return {
        "team_count": ManagementTeam.objects.filter(
            organization__municipality_id=period.programme.municipality_id
        ).count(),
        "placed_team_count": placements.values("team").distinct().count(),
        "leading_team_count": placements.filter(tier=Tier.LEADER)
        .values("team").distinct().count(),
        "placement_count": placements.count(),
        "directions": Direction.objects.filter(programme=period.programme_id).annotate(
            **{
                f"{tier}_count": Count(
                    "platforms__placements",
                    filter=Q(platforms__period=period, platforms__placements__tier=tier),
                )
                for tier in TIER_ORDER
            }
        ),
    }
