"""The analysts' workbook: the project's indicators with the tables they come from.

Written in openpyxl's write-only mode, sheet by sheet from database rows read in chunks,
so memory stays flat however large the municipality. Text is never written as a formula
(core/spreadsheets.py).
"""

import textwrap
from collections.abc import Callable
from pathlib import Path

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.spreadsheets import add_sheet, number_cell, text_cell, value_cell
from diagnostics.models import Staffing
from diagnostics.monitoring import INDICATOR_FIELDS, organizations_with_indicators
from diagnostics.staffing import STAFFING_GROUPS, StaffingFigures
from internships.models import (
    TIER_ORDER,
    TIER_SHORT,
    Curator,
    Direction,
    Period,
    Placement,
    Platform,
    TeamResult,
)
from outcomes.period_figures import chain_figures
from reports.errors import ReportError
from reports.excel_chain import chain_sheet
from reports.indicator_catalogue import NO_DATA, IndicatorValue
from reports.indicator_changes import indicator_change
from reports.indicator_reads import PlatformPeople, platform_people
from reports.indicators import compute_periods, programme_periods
from teams.models import Municipality, Organization

INTEGER = "0"
# Points per line of the default 11 pt font, and Excel's default column width.
LINE_HEIGHT = 15
DEFAULT_WIDTH = 13
SHARE = "0.0%"
SIGNED_INTEGER = "+0;-0;0"
# A change of a share is in percentage points, as on the page: +5,0 п. п.
SIGNED_POINTS = '+0.0" п. п.";-0.0" п. п.";0.0" п. п."'

# The figures drawn over the years on the «Показатели» sheet: counts of one scale.
CHART_CODES = ("platforms_open", "events_held", "network_organizations")

ProgressCallback = Callable[[int, str], None]


def build_indicator_workbook(*, municipality: Municipality, period: Period | None,
                             parameters: dict, output: Path,
                             progress: ProgressCallback) -> str:
    """Write the workbook of the period to ``output``; its download name."""
    if period is None or period.programme.municipality_id != municipality.pk:
        raise ReportError("Выберите учебный год проекта этого муниципального образования.")
    workbook = Workbook(write_only=True)
    progress(5, "Показатели проекта")
    _indicators_sheets(workbook, municipality=municipality, period=period)
    progress(30, "Распределение команд")
    _placements_sheet(workbook, municipality=municipality, period=period)
    progress(45, "Показатели образовательных организаций")
    _organizations_sheet(workbook, municipality=municipality, period=period)
    progress(60, "Кадровый состав")
    _staffing_sheet(workbook, municipality=municipality, period=period)
    progress(75, "Журналы площадок")
    _journals_sheet(workbook, period=period)
    progress(85, "Дефициты и мероприятия")
    chain_sheet(workbook, figures=chain_figures(programme=period.programme, until=period.ends_on))
    progress(90, "Запись файла")
    workbook.save(output)
    return f"Показатели проекта {period.title}.xlsx"


# --- «Показатели» ------------------------------------------------------------------------

def _value(sheet, value: IndicatorValue | None):
    """An indicator's figure as Excel sees it: a number, a percentage, «да»/«нет» or
    «нет данных»; never a 0 for what is not known."""
    if value is None or value.value is None:
        return text_cell(sheet, NO_DATA)
    if isinstance(value.value, bool):
        return text_cell(sheet, value.text)
    if value.indicator.is_share:
        return number_cell(sheet, float(value.value), SHARE)
    return number_cell(sheet, value.value, INTEGER)


def _change(sheet, current: IndicatorValue, previous: IndicatorValue | None):
    """The change from the previous year; yes/no facts have none."""
    if previous is None or isinstance(current.value, bool):
        return None
    change = indicator_change(current=current, previous=previous)
    if change is None:
        return text_cell(sheet, NO_DATA)
    if current.indicator.is_share:
        return number_cell(sheet, round(float(change.delta) * 100, 1), SIGNED_POINTS)
    return number_cell(sheet, change.delta, SIGNED_INTEGER)


def _count(sheet, number: int | None):
    return None if number is None else number_cell(sheet, number, INTEGER)


def _indicators_sheets(workbook: Workbook, *, municipality: Municipality,
                       period: Period) -> None:
    """«Показатели» (the period beside the previous one, the years' chart) and
    «По направлениям»."""
    series = compute_periods(municipality=municipality,
                             periods=programme_periods(municipality=municipality))
    position = next(index for index, item in enumerate(series) if item.period.pk == period.pk)
    current = series[position]
    previous_item = series[position - 1] if position > 0 else None
    previous = {value.indicator.code: value for value in previous_item.values} \
        if previous_item else {}
    sheet = workbook.create_sheet(title="Показатели")
    sheet.freeze_panes = "A2"
    _header(sheet, [
        ("Группа", 22), ("Код", 7), ("Показатель", 60), ("Ед. изм.", 9),
        (period.title, 13), ("Числитель", 11), ("Знаменатель", 12),
        (previous_item.period.title if previous_item else "Прошлый год", 13),
        ("Изменение", 12), ("Пояснение", 40), ("Формула расчёта", 80),
    ])
    for value in current.values:
        earlier = previous.get(value.indicator.code)
        _append(sheet, [
            value.indicator.group.label, value.indicator.number, value.indicator.name,
            value.indicator.unit, _value(sheet, value), _count(sheet, value.numerator),
            _count(sheet, value.denominator),
            _value(sheet, earlier) if previous_item else None,
            _change(sheet, value, earlier), value.note, value.indicator.formula,
        ])
    _dynamics_block(sheet, series=series, first_row=len(current.values) + 3)
    _directions_sheet(workbook, current=current)


def _directions_sheet(workbook: Workbook, *, current) -> None:
    sheet = workbook.create_sheet(title="По направлениям")
    sheet.freeze_panes = "A2"
    indicators = [value.indicator for value in next(iter(current.by_direction.values()), [])]
    # The full names, as on the «Показатели» sheet, wrapped in a tall header row.
    _header(sheet, [("№", 11), ("Направление", 50)]
            + [(f"{indicator.name}, {indicator.unit}", 26) for indicator in indicators])
    for number, values in current.by_direction.items():
        _append(sheet, [number_cell(sheet, number, INTEGER), current.directions[number].title,
                        *[_value(sheet, value) for value in values]])


def _dynamics_block(sheet, *, series, first_row: int) -> None:
    """The chosen indicators over the years, with a bar chart drawn from these cells."""
    charted = [value.indicator for value in series[0].values
               if value.indicator.code in CHART_CODES]
    sheet.append([])
    title = text_cell(sheet, "Динамика по учебным годам")
    title.font = Font(bold=True)
    sheet.append([title])
    header_row = first_row + 1
    _header(sheet, [("Учебный год", 0)] + [(indicator.name, 0) for indicator in charted],
            row=header_row)
    for item in series:
        _append(sheet, [item.period.title] + [
            _count(sheet, item.value(indicator.code).value) for indicator in charted
        ])
    last_row = header_row + len(series)
    chart = BarChart()
    chart.type = "col"
    chart.title = "Динамика показателей проекта"
    chart.y_axis.title = "ед."
    chart.x_axis.title = "Учебный год"
    chart.height, chart.width = 9, 18
    data = Reference(sheet, min_col=2, max_col=1 + len(charted), min_row=header_row,
                     max_row=last_row)
    categories = Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    sheet.add_chart(chart, f"C{last_row + 2}")


def _header(sheet, columns: list[tuple[str, int]], *, row: int = 1) -> None:
    """A bold header row (number ``row`` of the sheet) whose text wraps, as tall as its
    longest heading needs; a width of 0 leaves the column as it is."""
    cells = []
    lines = 1
    for index, (name, width) in enumerate(columns, start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        if width:
            dimension.width = width
        cell = text_cell(sheet, name)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cells.append(cell)
        lines = max(lines, _wrapped_lines(name, dimension.width or DEFAULT_WIDTH))
    if lines > 1:
        # Write-only rows are written as they are appended: the height goes first.
        sheet.row_dimensions[row].height = lines * LINE_HEIGHT
    sheet.append(cells)


def _wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a column ``width`` characters wide (bold text is
    about a tenth wider than the width unit)."""
    return len(textwrap.wrap(text, max(1, int(width * 0.9) - 1))) or 1


def _append(sheet, values) -> None:
    sheet.append([value_cell(sheet, value) for value in values])


# --- «Распределение» ---------------------------------------------------------------------

def _organizations(municipality: Municipality):
    return Organization.objects.filter(municipality=municipality).order_by(
        "sort_rank", "number", "short_name"
    )


def _placements_sheet(workbook: Workbook, *, municipality: Municipality,
                      period: Period) -> None:
    """Organization × direction → tier, every organization of the municipality a row."""
    directions = list(Direction.objects.filter(programme_id=period.programme_id))
    tiers: dict[int, dict[int, str]] = {}
    placements = Placement.objects.filter(platform__period=period)
    for organization_id, direction_id, tier in placements.values_list(
        "team__organization_id", "platform__direction_id", "tier"
    ).iterator():
        tiers.setdefault(organization_id, {})[direction_id] = tier
    columns = [("Образовательная организация", 34)] + [
        (direction.label, 16) for direction in directions
    ] + [("Лидер в направлениях", 12)]
    rows = (
        (
            organization.short_name,
            *[TIER_SHORT[tiers[organization.pk][direction.pk]]
              if direction.pk in tiers.get(organization.pk, {}) else ""
              for direction in directions],
            sum(1 for tier in tiers.get(organization.pk, {}).values() if tier == TIER_ORDER[0]),
        )
        for organization in _organizations(municipality).only("pk", "short_name").iterator()
    )
    sheet = add_sheet(workbook, title="Распределение", columns=columns, rows=rows)
    for tier in TIER_ORDER:
        counts = [
            sum(1 for by_direction in tiers.values() if by_direction.get(direction.pk) == tier)
            for direction in directions
        ]
        label = text_cell(sheet, f"Итого: {TIER_SHORT[tier]}")
        label.font = Font(bold=True)
        sheet.append([label] + [number_cell(sheet, count, INTEGER) for count in counts])


# --- «Показатели ОО» ---------------------------------------------------------------------

def _yes_no(value: bool | None) -> str:
    if value is None:
        return NO_DATA
    return "да" if value else "нет"


def _organizations_sheet(workbook: Workbook, *, municipality: Municipality,
                         period: Period) -> None:
    organizations = organizations_with_indicators(
        organizations=_organizations(municipality), period=period
    )
    sheet = workbook.create_sheet(title="Показатели ОО")

    def share(ratio: float | None):
        return text_cell(sheet, NO_DATA) if ratio is None else number_cell(sheet, ratio, SHARE)

    def count(number: int | None):
        return text_cell(sheet, NO_DATA) if number is None else number_cell(sheet, number,
                                                                             INTEGER)

    sheet.freeze_panes = "A2"
    _header(sheet, [
        ("Образовательная организация", 34), ("ШНОР", 10),
        ("Признаки необъективности", 14), ("Обучающихся", 12),
        ("Победителей и призёров олимпиад", 14), ("Доля победителей и призёров", 14),
        ("Выпускников", 12), ("С высокими результатами ГИА", 14),
        ("Доля с высокими результатами ГИА", 14), ("Педагогов", 11),
        ("Победителей конкурсов", 13), ("Доля победителей конкурсов", 13),
    ])
    for organization in organizations.iterator():
        values = {name: getattr(organization, f"ind_{name}") for name in INDICATOR_FIELDS}
        _append(sheet, [
            organization.short_name, _yes_no(values["low_results"]),
            _yes_no(values["non_objective"]), count(values["students_total"]),
            count(values["olympiad_winners"]), share(organization.olympiad_ratio),
            count(values["graduates_total"]), count(values["graduates_high_gia"]),
            share(organization.high_gia_ratio), count(values["teachers_total"]),
            count(values["teachers_competition_winners"]), share(organization.competition_ratio),
        ])


# --- «Кадры» -----------------------------------------------------------------------------

def _staffing_sheet(workbook: Workbook, *, municipality: Municipality,
                    period: Period) -> None:
    """Each organization's latest staffing line on the last day of the period, schools
    first as in the staffing table."""
    latest = Staffing.objects.filter(
        organization=OuterRef("organization"), as_of__lte=period.ends_on
    ).order_by("-as_of").values("as_of")[:1]
    group_rank = Case(
        *[When(organization__kind=kind, then=Value(rank))
          for rank, (kind, _) in enumerate(STAFFING_GROUPS)],
        output_field=IntegerField(),
    )
    lines = (
        Staffing.objects.filter(organization__municipality=municipality,
                                as_of=Subquery(latest))
        .select_related("organization")
        .annotate(group_rank=group_rank)
        .order_by("group_rank", "organization__sort_rank", "organization__number",
                  "organization__short_name")
    )
    sheet = workbook.create_sheet(title="Кадры")
    sheet.freeze_panes = "A2"
    _header(sheet, [
        ("Образовательная организация", 34), ("Тип", 26), ("На дату", 12),
        ("Всего педагогов (Поб)", 12), ("Без категории", 11), ("Первая категория (Пп)", 12),
        ("Высшая категория (Пв)", 12), ("Аттестованы на соответствие должности", 14),
        ("Не подлежат аттестации", 12), ("Доля без категории", 11), ("КК", 9),
        ("Критическое состояние", 12),
    ])
    total = StaffingFigures()
    critical = written = 0
    for line in lines.iterator():
        written += 1
        figures = StaffingFigures.of(line)
        total = total + figures
        critical += figures.critical
        _append(sheet, [
            line.organization.short_name, line.organization.get_kind_display(), line.as_of,
            *_staffing_figures(sheet, figures), "да" if figures.critical else "нет",
        ])
    if not written:
        _append(sheet, ["Сведений о кадровом составе на конец учебного года нет: их вносит "
                        "управление образования (Мониторинг → Кадровый состав)."])
        return
    label = text_cell(sheet, "Итого")
    label.font = Font(bold=True)
    _append(sheet, [label, "", None, *_staffing_figures(sheet, total),
                    f"в критическом состоянии: {critical}"])


def _staffing_figures(sheet, figures: StaffingFigures) -> list:
    """The counts, then the share without a category and КК as fractions of the total."""
    counts = [number_cell(sheet, number, INTEGER) for number in (
        figures.teachers_total, figures.without_category, figures.first_category,
        figures.highest_category, figures.attested_for_position,
        figures.not_subject_to_attestation,
    )]
    if not figures.teachers_total:
        return counts + [text_cell(sheet, NO_DATA), text_cell(sheet, NO_DATA)]
    return counts + [
        number_cell(sheet, figures.without_category / figures.teachers_total, SHARE),
        number_cell(sheet, (figures.first_category + figures.highest_category)
                    / figures.teachers_total, SHARE),
    ]


# --- «Журналы» ---------------------------------------------------------------------------

def _journals_sheet(workbook: Workbook, *, period: Period) -> None:
    """Per platform of the period: events held and the people and teams who came.

    People are counted as the «прошли стажировки» indicator counts them (PlatformPeople);
    a platform whose journal has no team results says «нет данных», as the indicator does.
    """
    platforms = (
        Platform.objects.filter(period=period)
        .select_related("direction")
        .prefetch_related(Prefetch("curators", queryset=Curator.objects.order_by("short_name")))
        .annotate(
            events=Count("entries", distinct=True),
            teams=Count("entries__results__team", filter=Q(entries__results__attended=True),
                        distinct=True),
        )
        .order_by("direction__number")
    )
    people = platform_people(TeamResult.objects.filter(entry__platform__period=period))
    sheet = workbook.create_sheet(title="Журналы")
    sheet.freeze_panes = "A2"
    _header(sheet, [
        ("№", 11), ("Направление", 60), ("Кураторы", 30),
        ("Проведено мероприятий", 13), ("Руководителей прошли стажировку", 15),
        ("Педагогов прошли стажировку", 14), ("Всего человек", 11),
        ("Команд участвовали", 12),
    ])

    def count(number: int | None):
        return text_cell(sheet, NO_DATA) if number is None else number_cell(sheet, number,
                                                                             INTEGER)

    # A team may come to several platforms, so teams are not summed in the last row.
    events = 0
    known: list[PlatformPeople] = []
    for platform in platforms:
        events += platform.events
        found = people.get(platform.pk)
        if found is not None and found.result_rows:
            known.append(found)
            figures = [found.managers, found.teachers, found.total, platform.teams]
        else:
            figures = [None, None, None, None]
        _append(sheet, [
            number_cell(sheet, platform.direction.number, INTEGER), platform.direction.title,
            ", ".join(curator.short_name for curator in platform.curators.all()),
            number_cell(sheet, platform.events, INTEGER), *[count(item) for item in figures],
        ])
    label = text_cell(sheet, "Итого")
    label.font = Font(bold=True)
    totals = ([sum(item.managers for item in known), sum(item.teachers for item in known),
               sum(item.total for item in known)] if known else [None, None, None])
    _append(sheet, [label, "", "", number_cell(sheet, events, INTEGER),
                    *[count(item) for item in totals]])
