"""The qualification of teaching staff, as the Ermakovsky project «Взаимообучение ОО
Ермаковского района» counts it: shares, КК and «критическое состояние».

Every percentage is computed here from the counts, for one organization or for the sum
of a group's counts; the percentages printed in source tables are never copied.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from decimal import ROUND_HALF_UP, Decimal

from core.formatting import ru_percent
from diagnostics.models import Staffing
from teams.models import Organization, OrganizationKind

NO_DATA = "нет данных"

# Groups of the staffing table, in the order of the source table.
STAFFING_GROUPS = [
    (OrganizationKind.SCHOOL, "Общеобразовательные организации"),
    (OrganizationKind.PRESCHOOL, "Дошкольные организации"),
    (OrganizationKind.ADDITIONAL, "Организации дополнительного образования"),
]


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in per cent, to one decimal (half up); None when whole is 0."""
    if not whole:
        return None
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def percent_text(value: Decimal | None) -> str:
    """«39,3 %» — Russian decimal comma; «нет данных» when there is nothing to divide."""
    if value is None:
        return NO_DATA
    return ru_percent(value)


@dataclass(frozen=True)
class StaffingFigures:
    """The counts of one staffing line, or the sum of several."""

    teachers_total: int = 0
    without_category: int = 0
    first_category: int = 0
    highest_category: int = 0
    attested_for_position: int = 0
    not_subject_to_attestation: int = 0

    @classmethod
    def of(cls, staffing: Staffing) -> "StaffingFigures":
        return cls(**{item.name: getattr(staffing, item.name) for item in fields(cls)})

    def __add__(self, other: "StaffingFigures") -> "StaffingFigures":
        return StaffingFigures(**{
            item.name: getattr(self, item.name) + getattr(other, item.name)
            for item in fields(self)
        })

    @property
    def without_category_share(self) -> Decimal | None:
        return percent(self.without_category, self.teachers_total)

    @property
    def quality_coefficient(self) -> Decimal | None:
        """КК = (Пп + Пв) / Поб."""
        return percent(self.first_category + self.highest_category, self.teachers_total)

    @property
    def critical(self) -> bool:
        """More than half without a category; exactly half is not critical."""
        return self.teachers_total > 0 and 2 * self.without_category > self.teachers_total

    @property
    def without_category_share_text(self) -> str:
        return percent_text(self.without_category_share)

    @property
    def quality_coefficient_text(self) -> str:
        return percent_text(self.quality_coefficient)


def sum_figures(items: Iterable[StaffingFigures]) -> StaffingFigures:
    total = StaffingFigures()
    for item in items:
        total = total + item
    return total


@dataclass
class StaffingRow:
    """A line of the table; an organization without a line on the date has ``staffing``
    None and shows «нет данных», as the district prints a school that sent no figures."""

    organization: Organization
    staffing: Staffing | None
    # 1 for a branch listed under its head organization.
    depth: int = 0

    @property
    def figures(self) -> StaffingFigures | None:
        return StaffingFigures.of(self.staffing) if self.staffing is not None else None

    @property
    def is_branch(self) -> bool:
        return self.depth > 0


@dataclass
class StaffingGroup:
    kind: str
    label: str
    rows: list[StaffingRow] = field(default_factory=list)

    @property
    def total(self) -> StaffingFigures:
        return sum_figures(row.figures for row in self.rows if row.figures is not None)

    @property
    def critical_count(self) -> int:
        return sum(1 for row in self.rows if row.figures is not None and row.figures.critical)

    @property
    def with_data(self) -> int:
        return sum(1 for row in self.rows if row.staffing is not None)


@dataclass
class StaffingTable:
    groups: list[StaffingGroup]

    @property
    def total(self) -> StaffingFigures:
        return sum_figures(group.total for group in self.groups)

    @property
    def row_count(self) -> int:
        return sum(group.with_data for group in self.groups)

    @property
    def without_data(self) -> list[Organization]:
        return [row.organization for group in self.groups for row in group.rows
                if row.staffing is None]

    @property
    def critical_count(self) -> int:
        return sum(group.critical_count for group in self.groups)

    @property
    def categories(self) -> list[tuple[str, StaffingFigures]]:
        """First- and highest-category teachers by kind, then the district (the summary
        under the district's table); КК of the district is ``total.quality_coefficient``."""
        return [(group.label, group.total) for group in self.groups]


def _heads_then_branches(rows: list[StaffingRow]) -> list[StaffingRow]:
    """The rows in their order, each branch moved right under its head organization (when
    the head is in the same group)."""
    present = {row.organization.pk for row in rows if row.organization.pk is not None}
    branches: dict[int, list[StaffingRow]] = {}
    for row in rows:
        if row.organization.parent_id in present:
            branches.setdefault(row.organization.parent_id, []).append(row)
    ordered: list[StaffingRow] = []

    def place(row: StaffingRow, depth: int) -> None:
        row.depth = depth
        ordered.append(row)
        for branch in branches.get(row.organization.pk, []):
            place(branch, depth + 1)

    for row in rows:
        if row.organization.parent_id not in present:
            place(row, 0)
    return ordered


def group_staffing(staffings: Iterable[Staffing],
                   organizations: Iterable[Organization] = ()) -> StaffingTable:
    """Lines grouped by kind of organization, branches under their head; groups without
    lines are left out.

    ``staffings`` come with their organization selected, in the order to show;
    ``organizations`` (in the same order) adds a «нет данных» row for each one of them
    without a line, in its place in its group.
    """
    rows = [StaffingRow(organization=line.organization, staffing=line) for line in staffings]
    with_line = {row.organization.pk for row in rows}
    listed = list(organizations)
    rows += [StaffingRow(organization=organization, staffing=None)
             for organization in listed if organization.pk not in with_line]
    place = {organization.pk: index for index, organization in enumerate(listed)}
    rows.sort(key=lambda row: place.get(row.organization.pk, len(place)))
    groups = {kind: StaffingGroup(kind=kind, label=label) for kind, label in STAFFING_GROUPS}
    for row in rows:
        groups[row.organization.kind].rows.append(row)
    for group in groups.values():
        group.rows = _heads_then_branches(group.rows)
    return StaffingTable(groups=[group for group in groups.values() if group.with_data])
