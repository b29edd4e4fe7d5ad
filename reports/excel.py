"""The analysts' workbook: the project's indicators with the tables they come from.

Written with XlsxWriter in constant-memory mode, sheet by sheet from database rows read in
chunks, so memory stays flat however large the municipality (core/workbook_writer.py).
Totals, shares and changes are formulas over the cells they come from, each carrying the
result the portal computed, so a corrected count recalculates and a viewer that does not
recalculate still shows the figures. Text is never written as a formula.
"""

from collections.abc import Callable
from decimal import Decimal
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

from core.workbook_writer import Book, Formula, Label, Number, Sheet, column_letter
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
from reports.municipal_monitoring import MunicipalMonitoring, municipal_monitoring
from teams.models import Municipality, Organization

INTEGER = "0"
SHARE = "0.0%"
SIGNED_INTEGER = "+0;-0;0"
# A count per municipality per month (С3), and its change.
RATE = "0.00"
SIGNED_RATE = "+0.00;-0.00;0.00"
# A change of a share is in percentage points, as on the page: +5,0 п. п.
SIGNED_POINTS = '+0.0" п. п.";-0.0" п. п.";0.0" п. п."'
# A share recomputed from its numerator and denominator may differ from the page's figure
# by no more than rounding.
SAME_SHARE = Decimal("1e-9")

# The figures drawn over the years on the «Показатели» sheet: counts of one scale.
CHART_CODES = ("platforms_open", "events_held", "network_organizations")

ProgressCallback = Callable[[int, str], None]


def build_indicator_workbook(*, municipality: Municipality, period: Period | None,
                             parameters: dict, output: Path,
                             progress: ProgressCallback) -> str:
    """Write the workbook of the period to ``output``; its download name."""
    if period is None or period.programme.municipality_id != municipality.pk:
        raise ReportError("Выберите учебный год проекта этого муниципального образования.")
    book = Book(output)
    progress(5, "Показатели проекта")
    _indicators_sheets(book, municipality=municipality, period=period)
    _municipal_monitoring_sheet(book, monitoring=municipal_monitoring(
        municipality=municipality, programme=period.programme, until=period.ends_on))
    progress(30, "Распределение команд")
    _placements_sheet(book, municipality=municipality, period=period)
    progress(45, "Показатели образовательных организаций")
    _organizations_sheet(book, municipality=municipality, period=period)
    progress(60, "Кадровый состав")
    _staffing_sheet(book, municipality=municipality, period=period)
    progress(75, "Журналы площадок")
    _journals_sheet(book, period=period)
    progress(85, "Дефициты и мероприятия")
    chain_sheet(book, figures=chain_figures(programme=period.programme, until=period.ends_on))
    progress(90, "Запись файла")
    book.close()
    return f"Показатели проекта {period.title}.xlsx"


def share_formula(numerator: str, denominator: str, result) -> Formula:
    """``numerator / denominator`` guarded against a zero denominator («нет данных»)."""
    return Formula(f'=IF({denominator}=0,"{NO_DATA}",{numerator}/{denominator})',
                   NO_DATA if result is None else float(result), SHARE)


def count_or_no_data(number: int | None):
    return NO_DATA if number is None else Number(number, INTEGER)


# --- «Показатели» ------------------------------------------------------------------------

def _value(value: IndicatorValue | None):
    """An indicator's figure as Excel sees it: a number, a percentage, «да»/«нет» or
    «нет данных»; never a 0 for what is not known."""
    if value is None or value.value is None:
        return NO_DATA
    if isinstance(value.value, bool):
        return value.text
    if value.indicator.is_share:
        return Number(float(value.value), SHARE)
    if value.indicator.is_rate:
        return Number(float(value.value), RATE)
    return Number(value.value, INTEGER)


def _is_quotient(value: IndicatorValue) -> bool:
    """True when the figure is a share (or a rate) that is its numerator over its
    denominator."""
    quotient_unit = value.indicator.is_share or value.indicator.is_rate
    if (not quotient_unit or value.value is None or isinstance(value.value, bool)
            or value.numerator is None or not value.denominator):
        return False
    quotient = Decimal(value.numerator) / Decimal(value.denominator)
    return abs(Decimal(value.value) - quotient) <= SAME_SHARE


def _current(value: IndicatorValue, row: int):
    """The figure of the period (column E); a share (a rate) is F / G by formula."""
    if _is_quotient(value):
        formula = share_formula(f"F{row}", f"G{row}", value.numerator / value.denominator)
        if value.indicator.is_rate:
            return Formula(formula.text, formula.result, RATE)
        return formula
    return _value(value)


def _change(current: IndicatorValue, previous: IndicatorValue | None, row: int):
    """The change from the previous year (E − H), in percentage points for shares; yes/no
    facts have none."""
    if previous is None or isinstance(current.value, bool):
        return None
    change = indicator_change(current=current, previous=previous)
    if change is None:
        return NO_DATA
    guard = f"AND(ISNUMBER(E{row}),ISNUMBER(H{row}))"
    if current.indicator.is_share:
        written = (current.numerator / current.denominator if _is_quotient(current)
                   else float(current.value))
        return Formula(f'=IF({guard},(E{row}-H{row})*100,"{NO_DATA}")',
                       (written - float(previous.value)) * 100, SIGNED_POINTS)
    if current.indicator.is_rate:
        return Formula(f'=IF({guard},E{row}-H{row},"{NO_DATA}")', float(change.delta),
                       SIGNED_RATE)
    return Formula(f'=IF({guard},E{row}-H{row},"{NO_DATA}")', change.delta, SIGNED_INTEGER)


def _count(number: int | None):
    return None if number is None else Number(number, INTEGER)


def _indicators_sheets(book: Book, *, municipality: Municipality, period: Period) -> None:
    """«Показатели» (the period beside the previous one, the years' chart) and
    «По направлениям»."""
    series = compute_periods(municipality=municipality,
                             periods=programme_periods(municipality=municipality))
    position = next(index for index, item in enumerate(series) if item.period.pk == period.pk)
    current = series[position]
    previous_item = series[position - 1] if position > 0 else None
    previous = {value.indicator.code: value for value in previous_item.values} \
        if previous_item else {}
    sheet = book.sheet("Показатели", [
        ("Группа", 22), ("Код", 7), ("Показатель", 60), ("Ед. изм.", 9),
        (period.title, 13), ("Числитель", 11), ("Знаменатель", 12),
        (previous_item.period.title if previous_item else "Прошлый год", 13),
        ("Изменение", 12), ("Пояснение", 40), ("Формула расчёта", 80),
    ])
    for value in current.values:
        earlier = previous.get(value.indicator.code)
        row = sheet.row + 1
        sheet.append([
            value.indicator.group.label, value.indicator.number, value.indicator.name,
            value.indicator.unit, _current(value, row), _count(value.numerator),
            _count(value.denominator), _value(earlier) if previous_item else None,
            _change(value, earlier, row), value.note, value.indicator.formula,
        ])
    table_rows = sheet.row - 1
    _dynamics_block(book, sheet, series=series)
    sheet.finish(filtered_rows=table_rows)
    _directions_sheet(book, current=current)


def _directions_sheet(book: Book, *, current) -> None:
    """The per-direction figures; a share is its numerator over its denominator by formula,
    the two written in columns of their own at the right."""
    indicators = [value.indicator for value in next(iter(current.by_direction.values()), [])]
    shares = [index for index, indicator in enumerate(indicators) if indicator.is_share]
    # The full names, as on the «Показатели» sheet, wrapped in a tall header row.
    columns = [("№", 11), ("Направление", 50)] + [
        (f"{indicator.name}, {indicator.unit}", 26) for indicator in indicators]
    parts: dict[int, tuple[str, str]] = {}
    for index in shares:
        name = indicators[index].short_name or indicators[index].name
        parts[index] = (column_letter(len(columns)), column_letter(len(columns) + 1))
        columns += [(f"{name}: числитель", 16), (f"{name}: знаменатель", 16)]
    sheet = book.sheet("По направлениям", columns)
    for number, values in current.by_direction.items():
        row = sheet.row + 1
        cells = [_direction_value(value, parts.get(index), row)
                 for index, value in enumerate(values)]
        counts = [cell for index in shares
                  for cell in (_count(values[index].numerator),
                               _count(values[index].denominator))]
        sheet.append([Number(number, INTEGER), current.directions[number].title, *cells,
                      *counts])
    sheet.finish()


def _direction_value(value: IndicatorValue, part: tuple[str, str] | None, row: int):
    if part is None or not _is_quotient(value):
        return _value(value)
    numerator, denominator = part
    return share_formula(f"{numerator}{row}", f"{denominator}{row}",
                         value.numerator / value.denominator)


def _municipal_monitoring_sheet(book: Book, *, monitoring: MunicipalMonitoring) -> None:
    """The municipal quality monitoring at every control point of the programme up to the
    chosen year, as on the page: a line per indicator and point, a share by formula."""
    sheet = book.sheet("Муниципальный мониторинг", [
        ("Код", 7), ("Показатель", 50), ("Ед. изм.", 9), ("Контрольная точка", 26),
        ("Мероприятие плана", 40), ("На дату", 11), ("Учебный год", 13), ("Значение", 12),
        ("Числитель", 11), ("Знаменатель", 12), ("Формула расчёта", 80),
    ])
    for indicator, values in monitoring.rows:
        for item, value in zip(monitoring.points, values, strict=True):
            row = sheet.row + 1
            figure = (share_formula(f"I{row}", f"J{row}", value.numerator / value.denominator)
                      if _is_quotient(value) else _value(value))
            sheet.append([indicator.number, indicator.name, indicator.unit,
                          item.point.get_kind_display(), item.point.title, item.as_of,
                          item.period.title, figure, _count(value.numerator),
                          _count(value.denominator), indicator.formula])
    if not monitoring.points:
        sheet.note("В плане проекта нет контрольных точек, попадающих в его учебные годы.")
    sheet.finish()


def _dynamics_block(book: Book, sheet: Sheet, *, series) -> None:
    """The chosen indicators over the years, with a column chart drawn from these cells:
    the years' names (text) are its categories."""
    charted = [value.indicator for value in series[0].values
               if value.indicator.code in CHART_CODES]
    sheet.skip()
    sheet.append([Label("Динамика по учебным годам")])
    header_row = sheet.row
    sheet.header(["Учебный год"] + [indicator.name for indicator in charted])
    years = [item.period.title for item in series]
    columns = [[item.value(indicator.code).value for item in series] for indicator in charted]
    for index, year in enumerate(years):
        sheet.append([year] + [_count(column[index]) for column in columns])
    first, last = header_row + 1, header_row + len(series)
    chart = book.workbook.add_chart({"type": "column"})
    title = sheet.worksheet.get_name()
    for index, indicator in enumerate(charted, start=1):
        # In constant-memory mode the cells are gone when the chart is written: the
        # chart carries their values itself.
        chart.add_series({
            "name": [title, header_row, index], "name_data": [indicator.name],
            "categories": [title, first, 0, last, 0], "categories_data": years,
            "values": [title, first, index, last, index],
            "values_data": [0 if value is None else value for value in columns[index - 1]],
        })
    chart.set_title({"name": "Динамика показателей проекта"})
    chart.set_x_axis({"name": "Учебный год"})
    chart.set_y_axis({"name": "ед."})
    chart.set_size({"width": 680, "height": 340})
    sheet.worksheet.insert_chart(last + 2, 2, chart)


# --- «Распределение» ---------------------------------------------------------------------

def _organizations(municipality: Municipality):
    return Organization.objects.filter(municipality=municipality).order_by(
        "sort_rank", "number", "short_name"
    )


def _placements_sheet(book: Book, *, municipality: Municipality, period: Period) -> None:
    """Organization × direction → tier, every organization of the municipality a row; the
    leader count of a row and the totals per tier count the tiers' names by formula."""
    directions = list(Direction.objects.filter(programme_id=period.programme_id))
    tiers: dict[int, dict[int, str]] = {}
    placements = Placement.objects.filter(platform__period=period)
    for organization_id, direction_id, tier in placements.values_list(
        "team__organization_id", "platform__direction_id", "tier"
    ).iterator():
        tiers.setdefault(organization_id, {})[direction_id] = tier
    sheet = book.sheet("Распределение", [("Образовательная организация", 34)] + [
        (direction.label, 16) for direction in directions
    ] + [("Лидер в направлениях", 12)])
    leader = TIER_SHORT[TIER_ORDER[0]]
    last = column_letter(len(directions))
    for organization in _organizations(municipality).only("pk", "short_name").iterator():
        placed = tiers.get(organization.pk, {})
        leading = sum(1 for tier in placed.values() if tier == TIER_ORDER[0])
        row = sheet.row + 1
        sheet.append([
            organization.short_name,
            *[TIER_SHORT[placed[direction.pk]] if direction.pk in placed else None
              for direction in directions],
            Formula(f'=COUNTIF(B{row}:{last}{row},"{leader}")', leading, INTEGER)
            if directions else Number(leading, INTEGER),
        ])
    rows = sheet.row - 1
    for tier in TIER_ORDER:
        counts = [
            sum(1 for by_direction in tiers.values() if by_direction.get(direction.pk) == tier)
            for direction in directions
        ]
        sheet.append([Label(f"Итого: {TIER_SHORT[tier]}")] + [
            Formula(f'=COUNTIF({column_letter(index)}2:{column_letter(index)}{rows + 1},'
                    f'"{TIER_SHORT[tier]}")', count, INTEGER)
            for index, count in enumerate(counts, start=1)
        ])
    sheet.finish(filtered_rows=rows)


# --- «Показатели ОО» ---------------------------------------------------------------------

def _yes_no(value: bool | None) -> str:
    if value is None:
        return NO_DATA
    return "да" if value else "нет"


def _share_of(values: dict, part: str, whole: str, ratio: float | None, *, row: int,
              columns: str):
    """A school's share: ``columns`` are the letters of the part and of the whole."""
    if values[part] is None or values[whole] is None:
        return NO_DATA if ratio is None else Number(ratio, SHARE)
    return share_formula(f"{columns[0]}{row}", f"{columns[1]}{row}", ratio)


def _organizations_sheet(book: Book, *, municipality: Municipality, period: Period) -> None:
    organizations = organizations_with_indicators(
        organizations=_organizations(municipality), period=period
    )
    sheet = book.sheet("Показатели ОО", [
        ("Образовательная организация", 34), ("ШНОР", 10),
        ("Признаки необъективности", 14), ("Обучающихся", 12),
        ("Победителей и призёров олимпиад", 14), ("Доля победителей и призёров", 14),
        ("Выпускников", 12), ("С высокими результатами ГИА", 14),
        ("Доля с высокими результатами ГИА", 14), ("Педагогов", 11),
        ("Победителей конкурсов", 13), ("Доля победителей конкурсов", 13),
    ])
    for organization in organizations.iterator():
        values = {name: getattr(organization, f"ind_{name}") for name in INDICATOR_FIELDS}
        row = sheet.row + 1
        sheet.append([
            organization.short_name, _yes_no(values["low_results"]),
            _yes_no(values["non_objective"]), count_or_no_data(values["students_total"]),
            count_or_no_data(values["olympiad_winners"]),
            _share_of(values, "olympiad_winners", "students_total",
                      organization.olympiad_ratio, row=row, columns="ED"),
            count_or_no_data(values["graduates_total"]),
            count_or_no_data(values["graduates_high_gia"]),
            _share_of(values, "graduates_high_gia", "graduates_total",
                      organization.high_gia_ratio, row=row, columns="HG"),
            count_or_no_data(values["teachers_total"]),
            count_or_no_data(values["teachers_competition_winners"]),
            _share_of(values, "teachers_competition_winners", "teachers_total",
                      organization.competition_ratio, row=row, columns="KJ"),
        ])
    sheet.finish()


# --- «Кадры» -----------------------------------------------------------------------------

STAFFING_COLUMNS = [
    ("Образовательная организация", 34), ("Тип", 26), ("На дату", 12),
    ("Всего педагогов (Поб)", 12), ("Без категории", 11), ("Первая категория (Пп)", 12),
    ("Высшая категория (Пв)", 12), ("Аттестованы на соответствие должности", 14),
    ("Не подлежат аттестации", 12), ("Доля без категории", 11), ("КК", 9),
    ("Критическое состояние", 12),
]


def _staffing_sheet(book: Book, *, municipality: Municipality, period: Period) -> None:
    """Each organization's latest staffing line on the last day of the period, schools
    first as in the staffing table; the totals add the lines up by formula."""
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
    sheet = book.sheet("Кадры", STAFFING_COLUMNS)
    total = StaffingFigures()
    critical = 0
    for line in lines.iterator():
        figures = StaffingFigures.of(line)
        total = total + figures
        critical += figures.critical
        row = sheet.row + 1
        sheet.append([
            line.organization.short_name, line.organization.get_kind_display(), line.as_of,
            *_staffing_figures(figures, row=row),
            Formula(f'=IF(AND(D{row}>0,2*E{row}>D{row}),"да","нет")',
                    "да" if figures.critical else "нет"),
        ])
    last = sheet.row
    if last == 1:
        sheet.note("Сведений о кадровом составе на конец учебного года нет: их вносит "
                   "управление образования (Мониторинг → Кадровый состав).")
        sheet.finish()
        return
    row = sheet.row + 1
    sheet.append([
        Label("Итого"), None, None,
        *[Formula(f"=SUM({column}2:{column}{last})", number, INTEGER)
          for column, number in zip("DEFGHI", _counts(total), strict=True)],
        *_staffing_shares(total, row=row),
        Formula(f'="в критическом состоянии: "&COUNTIF(L2:L{last},"да")',
                f"в критическом состоянии: {critical}"),
    ])
    sheet.finish(filtered_rows=last - 1)


def _counts(figures: StaffingFigures) -> list[int]:
    return [figures.teachers_total, figures.without_category, figures.first_category,
            figures.highest_category, figures.attested_for_position,
            figures.not_subject_to_attestation]


def _staffing_shares(figures: StaffingFigures, *, row: int) -> list:
    """The share without a category (E / D) and КК ((F + G) / D)."""
    whole = figures.teachers_total
    return [
        share_formula(f"E{row}", f"D{row}", figures.without_category / whole if whole else None),
        share_formula(f"(F{row}+G{row})", f"D{row}",
                      (figures.first_category + figures.highest_category) / whole
                      if whole else None),
    ]


def _staffing_figures(figures: StaffingFigures, *, row: int) -> list:
    """The counts, then the share without a category and КК as fractions of the total."""
    return [Number(number, INTEGER) for number in _counts(figures)] + \
        _staffing_shares(figures, row=row)


# --- «Журналы» ---------------------------------------------------------------------------

def _journals_sheet(book: Book, *, period: Period) -> None:
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
    sheet = book.sheet("Журналы", [
        ("№", 11), ("Направление", 60), ("Кураторы", 30),
        ("Проведено мероприятий", 13), ("Руководителей прошли стажировку", 15),
        ("Педагогов прошли стажировку", 14), ("Всего человек", 11),
        ("Команд участвовали", 12),
    ])
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
        sheet.append([
            Number(platform.direction.number, INTEGER), platform.direction.title,
            ", ".join(curator.short_name for curator in platform.curators.all()),
            Number(platform.events, INTEGER), *[count_or_no_data(item) for item in figures],
        ])
    last = sheet.row
    totals = ([sum(item.managers for item in known), sum(item.teachers for item in known),
               sum(item.total for item in known)] if known else [None, None, None])
    # SUM skips the «нет данных» of platforms without results, as the indicator does.
    sheet.append([
        Label("Итого"), None, None, _sum("D", last, events),
        *[_sum(column, last, number) if number is not None else NO_DATA
          for column, number in zip("EFG", totals, strict=True)],
    ])
    sheet.finish(filtered_rows=last - 1)


def _sum(column: str, last: int, result: int) -> Formula | Number:
    """The column's sum over rows 2…``last``; a plain 0 under no rows."""
    if last < 2:
        return Number(result, INTEGER)
    return Formula(f"=SUM({column}2:{column}{last})", result, INTEGER)
