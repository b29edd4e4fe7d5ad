"""School monitoring indicators, staffing and the map of needs and offers:
writing them (services) and reading them for the tables and the map."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, F, FilteredRelation, FloatField, Q, QuerySet, When
from django.db.models.functions import Cast

from diagnostics.models import Aspect, NeedsOffer, SchoolIndicator, Staffing
from diagnostics.monitoring_rules import (
    INDICATOR_COUNTS,
    INDICATOR_FIELDS,
    STAFFING_FIELDS,
    indicator_errors,
    staffing_errors,
)
from diagnostics.staffing import StaffingTable, group_staffing, percent, percent_text
from internships.models import Direction, Period
from teams.models import Organization

# --- School indicators -------------------------------------------------------------------

def _same_municipality(organization: Organization, period: Period) -> None:
    if organization.municipality_id != period.programme.municipality_id:
        raise ValidationError("Учебный год относится к другому муниципальному образованию.")


@transaction.atomic
def save_indicators(*, organization: Organization, period: Period,
                    values: dict) -> SchoolIndicator:
    """Write an organization's indicators for a year; None means «нет данных»."""
    _same_municipality(organization, period)
    unknown = sorted(set(values) - set(INDICATOR_FIELDS))
    if unknown:
        raise ValidationError(f"Неизвестные показатели: {', '.join(unknown)}.")
    errors = indicator_errors(values)
    if errors:
        raise ValidationError(errors)
    indicator, _ = SchoolIndicator.objects.update_or_create(
        organization=organization, period=period,
        defaults={name: values.get(name) for name in INDICATOR_FIELDS},
    )
    return indicator


def share(part: int | None, whole: int | None) -> Decimal | None:
    if part is None or whole is None:
        return None
    return percent(part, whole)


@dataclass
class IndicatorRow:
    organization: Organization
    values: dict

    def __getattr__(self, name):
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def has_data(self) -> bool:
        return any(value is not None for value in self.values.values())

    @property
    def olympiad_share(self) -> str:
        return percent_text(share(self.values["olympiad_winners"], self.values["students_total"]))

    @property
    def high_gia_share(self) -> str:
        return percent_text(share(self.values["graduates_high_gia"],
                                  self.values["graduates_total"]))

    @property
    def competition_share(self) -> str:
        return percent_text(share(self.values["teachers_competition_winners"],
                                  self.values["teachers_total"]))


@dataclass
class IndicatorTotals:
    """Sums over the rows that know a value; shares only from rows that know both numbers."""

    rows: list[IndicatorRow]

    def _sum(self, name: str) -> int | None:
        known = [row.values[name] for row in self.rows if row.values[name] is not None]
        return sum(known) if known else None

    def _count(self, name: str) -> int | None:
        """How many rows say yes; None when no row says yes or no."""
        known = [row.values[name] for row in self.rows if row.values[name] is not None]
        return sum(1 for value in known if value) if known else None

    def _share(self, part: str, whole: str) -> str:
        pairs = [(row.values[part], row.values[whole]) for row in self.rows
                 if row.values[part] is not None and row.values[whole] is not None]
        if not pairs:
            return percent_text(None)
        return percent_text(percent(sum(p for p, _ in pairs), sum(w for _, w in pairs)))

    @property
    def low_results(self) -> int | None:
        return self._count("low_results")

    @property
    def non_objective(self) -> int | None:
        return self._count("non_objective")

    def __getattr__(self, name):
        if name in INDICATOR_COUNTS:
            return self._sum(name)
        raise AttributeError(name)

    @property
    def olympiad_share(self) -> str:
        return self._share("olympiad_winners", "students_total")

    @property
    def high_gia_share(self) -> str:
        return self._share("graduates_high_gia", "graduates_total")

    @property
    def competition_share(self) -> str:
        return self._share("teachers_competition_winners", "teachers_total")


def _share_expression(part: str, whole: str):
    """The share in SQL, for sorting; NULL when either number is unknown or the whole is 0."""
    return Case(
        When(**{f"ind__{whole}__gt": 0, f"ind__{part}__isnull": False},
             then=Cast(F(f"ind__{part}"), FloatField()) / Cast(F(f"ind__{whole}"),
                                                               FloatField())),
        default=None, output_field=FloatField(),
    )


def organizations_with_indicators(*, organizations: QuerySet[Organization],
                                  period: Period) -> QuerySet[Organization]:
    """Organizations with the year's indicators as ``ind_*`` attributes and the shares
    ``olympiad_ratio``, ``high_gia_ratio``, ``competition_ratio`` (one query)."""
    queryset = organizations.annotate(
        ind=FilteredRelation("indicators", condition=Q(indicators__period=period)),
    )
    return queryset.annotate(
        **{f"ind_{name}": F(f"ind__{name}") for name in INDICATOR_FIELDS},
        ind_id=F("ind__id"),
        olympiad_ratio=_share_expression("olympiad_winners", "students_total"),
        high_gia_ratio=_share_expression("graduates_high_gia", "graduates_total"),
        competition_ratio=_share_expression("teachers_competition_winners", "teachers_total"),
    )


def indicator_rows(organizations: Iterable[Organization]) -> list[IndicatorRow]:
    """Rows of the municipal table from ``organizations_with_indicators``."""
    return [
        IndicatorRow(organization=organization,
                     values={name: getattr(organization, f"ind_{name}")
                             for name in INDICATOR_FIELDS})
        for organization in organizations
    ]


def indicator_history(*, organization: Organization, periods: Iterable[Period],
                      indicators: QuerySet[SchoolIndicator]) -> list[tuple[Period, IndicatorRow]]:
    """One row per year, in the order of ``periods``; a year without a record shows
    «нет данных». ``indicators`` is the user's scoped queryset."""
    known = {indicator.period_id: indicator
             for indicator in indicators.filter(organization=organization)}
    history = []
    for period in periods:
        indicator = known.get(period.pk)
        history.append((period, IndicatorRow(
            organization=organization,
            values={name: getattr(indicator, name) if indicator else None
                    for name in INDICATOR_FIELDS},
        )))
    return history


# --- Staffing ----------------------------------------------------------------------------

@transaction.atomic
def save_staffing(*, organization: Organization, as_of: datetime.date,
                  values: dict) -> Staffing:
    """Write an organization's staffing on a date (a new line or a correction)."""
    missing = [name for name in STAFFING_FIELDS if values.get(name) is None]
    if missing:
        raise ValidationError(dict.fromkeys(missing, "Укажите число (0, если таких нет)."))
    if any(values[name] < 0 for name in STAFFING_FIELDS):
        raise ValidationError("Числа не могут быть отрицательными.")
    errors = staffing_errors(values)
    if errors:
        raise ValidationError(errors)
    staffing, _ = Staffing.objects.update_or_create(
        organization=organization, as_of=as_of,
        defaults={name: values[name] for name in STAFFING_FIELDS},
    )
    return staffing


def staffing_dates(staffings: QuerySet[Staffing]) -> list[datetime.date]:
    """The dates with staffing lines, newest first."""
    return list(staffings.order_by("-as_of").values_list("as_of", flat=True).distinct())


def staffing_table(*, staffings: QuerySet[Staffing], as_of: datetime.date,
                   organizations: QuerySet[Organization] | None = None) -> StaffingTable:
    """The staffing table on a date, grouped by kind of organization with branches under
    their head (one query; two with ``organizations``, whose members without a line on the
    date show as «нет данных»)."""
    order = ("sort_rank", "number", "short_name")
    lines = (
        staffings.filter(as_of=as_of)
        .select_related("organization")
        .order_by(*(f"organization__{name}" for name in order))
    )
    listed = organizations.order_by(*order) if organizations is not None else ()
    return group_staffing(lines, listed)


# --- Needs and offers --------------------------------------------------------------------

@dataclass(frozen=True)
class NeedsLine:
    direction_id: int
    aspect: str
    needs_support: bool
    offers_practice: bool
    note: str = ""


@transaction.atomic
def replace_needs_offers(*, organization: Organization, period: Period,
                         lines: Iterable[NeedsLine]) -> list[NeedsOffer]:
    """Replace the organization's map for the year; lines with neither mark are dropped."""
    _same_municipality(organization, period)
    directions = set(Direction.objects.filter(programme_id=period.programme_id)
                     .values_list("pk", flat=True))
    kept = []
    seen = set()
    for line in lines:
        if line.direction_id not in directions:
            raise ValidationError("Направление не относится к проекту этого учебного года.")
        if line.aspect not in Aspect.values:
            raise ValidationError("Выберите аспект: педагогический или управленческий процесс.")
        if (line.direction_id, line.aspect) in seen:
            raise ValidationError("Одно направление и аспект указаны дважды.")
        seen.add((line.direction_id, line.aspect))
        note = line.note.strip()
        if len(note) > 500:
            raise ValidationError("Пояснение — не длиннее 500 знаков.")
        if not (line.needs_support or line.offers_practice):
            if note:
                raise ValidationError(
                    "Пояснение без отметки: отметьте «нужна поддержка» или «готовы "
                    "представить практику» либо сотрите пояснение."
                )
            continue
        kept.append(NeedsOffer(
            organization=organization, period=period, direction_id=line.direction_id,
            aspect=line.aspect, needs_support=line.needs_support,
            offers_practice=line.offers_practice, note=note,
        ))
    NeedsOffer.objects.filter(organization=organization, period=period).delete()
    return NeedsOffer.objects.bulk_create(kept)


NEED, OFFER, BOTH = "need", "offer", "both"


def cell_state(lines: Iterable[NeedsOffer]) -> str | None:
    needs = any(line.needs_support for line in lines)
    offers = any(line.offers_practice for line in lines)
    if needs and offers:
        return BOTH
    return NEED if needs else OFFER if offers else None


@dataclass
class MapCell:
    direction: Direction
    lines: list[NeedsOffer] = field(default_factory=list)

    @property
    def state(self) -> str | None:
        return cell_state(self.lines)


@dataclass
class MapRow:
    organization: Organization
    cells: list[MapCell]

    @property
    def answered(self) -> bool:
        return any(cell.lines for cell in self.cells)


@dataclass
class NeedWithHelpers:
    """A need and the organizations that offer their practice in the same direction and
    aspect («кто может помочь»)."""

    need: NeedsOffer
    helpers: list[NeedsOffer]


@dataclass
class NeedsMap:
    directions: list[Direction]
    rows: list[MapRow]
    needs: list[NeedWithHelpers]

    @property
    def answered_count(self) -> int:
        return sum(1 for row in self.rows if row.answered)


def build_needs_map(*, organizations: QuerySet[Organization], lines: QuerySet[NeedsOffer],
                    period: Period, aspect: str | None = None) -> NeedsMap:
    """Organizations × directions, with «who can help» for every need (three queries)."""
    directions = list(Direction.objects.filter(programme_id=period.programme_id))
    lines = lines.filter(period=period, organization__in=organizations)
    if aspect:
        lines = lines.filter(aspect=aspect)
    lines = list(lines.select_related("organization", "direction").order_by(
        "direction__number", "aspect", "organization__sort_rank", "organization__number",
        "organization__short_name",
    ))
    by_cell: dict[tuple[int, int], list[NeedsOffer]] = {}
    offers: dict[tuple[int, str], list[NeedsOffer]] = {}
    for line in lines:
        by_cell.setdefault((line.organization_id, line.direction_id), []).append(line)
        if line.offers_practice:
            offers.setdefault((line.direction_id, line.aspect), []).append(line)
    rows = [
        MapRow(organization=organization, cells=[
            MapCell(direction=direction,
                    lines=by_cell.get((organization.pk, direction.pk), []))
            for direction in directions
        ])
        for organization in organizations.order_by("sort_rank", "number", "short_name")
    ]
    needs = [
        NeedWithHelpers(need=line, helpers=[
            offer for offer in offers.get((line.direction_id, line.aspect), [])
            if offer.organization_id != line.organization_id
        ])
        for line in lines if line.needs_support
    ]
    return NeedsMap(directions=directions, rows=rows, needs=needs)


def organization_needs(*, organization: Organization,
                       period: Period) -> dict[tuple[int, str], NeedsOffer]:
    """The organization's lines for the year, by (direction, aspect)."""
    return {
        (line.direction_id, line.aspect): line
        for line in NeedsOffer.objects.filter(organization=organization, period=period)
    }
