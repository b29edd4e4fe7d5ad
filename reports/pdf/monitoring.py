"""The monitoring report of a control point (PDF): the project's state for one academic year.

Title page, contents, the indicators with the change from the previous year and
charts, the placement matrix, each platform's activity, the dynamics of deficits per
direction and the staffing with organizations in critical state.
"""

from collections.abc import Callable
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

from internships.models import TIER_ORDER, ControlPoint, Period, Stage, Tier
from reports.errors import ReportError
from reports.municipal_monitoring import municipal_monitoring
from reports.pdf import charts, data
from reports.pdf.render import render_pdf
from teams.models import ManagementTeam, Municipality

TEMPLATE = "reports/pdf/monitoring.html"
EVENTS_HELD = "events_held"
PEOPLE_TRAINED = "people_trained"


def _percent(value) -> float | None:
    return None if value.value is None else float(value.value) * 100


def share_charts(indicators: data.Indicators) -> list[tuple[str, SafeString]]:
    """The year's share indicators as bars, one chart per section of indicators.

    Separate charts, so the page breaks between sections rather than sending one chart
    of every share to the next page whole and leaving the page before it mostly blank.
    """
    found = []
    for section in indicators.sections:
        bars = [charts.Bar(label=row.indicator.short_name or row.indicator.name,
                           value=_percent(row.value), text=row.value.text)
                for row in section.rows if row.indicator.is_share]
        if bars:
            found.append((section.label, charts.horizontal_bars(
                bars=bars, title=f"Показатели-доли: {section.label}", scale_max=100)))
    return found


def share_history_chart(indicators: data.Indicators):
    """The share indicators over the years, or None with fewer than two years or no data."""
    if len(indicators.periods) < 2:
        return None
    share_rows = [row for section in indicators.sections for row in section.rows
                  if row.indicator.is_share and any(item.value is not None
                                                    for item in row.history)]
    if not share_rows:
        return None
    return charts.line_chart(
        labels=[period.title for period in indicators.periods],
        series=[charts.Series(label=row.indicator.short_name or row.indicator.name,
                              values=[_percent(item) for item in row.history])
                for row in share_rows],
        title="Показатели-доли по учебным годам", scale_max=100, unit=" %",
        height=200 + 13 * len(share_rows),
    )


def tier_chart(matrix):
    """Teams of each tier per direction."""
    return charts.stacked_bars(
        rows=[charts.StackedRow(label=row.direction.label,
                                values={tier: len(row.cells.get(tier, [])) for tier in TIER_ORDER})
              for row in matrix],
        segments=[charts.Segment(key=tier, label=Tier(tier).label, color=charts.TIER_COLORS[tier])
                  for tier in TIER_ORDER],
        title="Команды по уровням и направлениям",
    )


def _direction_bars(activity: list[data.PlatformActivity], code: str) -> list[charts.Bar]:
    bars = []
    for item in activity:
        value = item.value(code)
        shown = None if value is None or value.value is None else float(value.value)
        bars.append(charts.Bar(label=item.direction.label, value=shown))
    return bars


def deficit_chart(deficits: data.DeficitDynamics):
    """The share of teams whose deficits decreased, per direction."""
    return charts.horizontal_bars(
        bars=[charts.Bar(label=row.direction.label,
                         value=_percent(row.decreased) if row.decreased else None,
                         text=row.decreased.text if row.decreased else "")
              for row in deficits.rows],
        title="Доля команд, у которых уменьшилось число дефицитов", scale_max=100,
        label_width=110, color="#6f42c1",
    )


def monitoring_context(*, municipality: Municipality, period: Period,
                       control_point: ControlPoint | None,
                       progress: Callable[[int, str], None]) -> dict:
    """Everything the report prints, read with a fixed number of queries.

    A control point's report shows the year as it stood on the point's last day: the
    events, diagnostics, transfers and staffing lines up to then.
    """
    as_of = data.cutoff_date(period=period, control_point=control_point)
    on_date = as_of or period.ends_on
    progress(5, "Показатели проекта")
    indicators = data.read_indicators(municipality=municipality, period=period, as_of=as_of)
    municipal = municipal_monitoring(municipality=municipality, programme=period.programme,
                                     until=on_date, since=period.starts_on)
    progress(25, "Распределение команд")
    matrix = data.read_matrix(period=period)
    activity = data.read_activity(period=period, matrix=matrix,
                                  by_direction=indicators.by_direction, as_of=as_of)
    progress(40, "Динамика дефицитов")
    deficits = data.read_deficit_dynamics(period=period, by_direction=indicators.by_direction,
                                          as_of=as_of)
    progress(50, "Кадровый состав")
    staffing = data.read_staffing(municipality=municipality, as_of=on_date)
    stage = (Stage.objects.filter(programme_id=period.programme_id, starts_on__lte=on_date,
                                  ends_on__gte=on_date).first())
    team_count = ManagementTeam.objects.filter(organization__municipality=municipality).count()

    placed = {placement.team_id for row in matrix for cell in row.columns for placement in cell}
    leading = {placement.team_id for row in matrix
               for placement in row.cells.get(Tier.LEADER, [])}
    progress(55, "Диаграммы")
    chart_set = {
        "shares": share_charts(indicators),
        "share_history": share_history_chart(indicators),
        "tiers": tier_chart(matrix),
        "events": charts.horizontal_bars(bars=_direction_bars(activity, EVENTS_HELD),
                                         title="Мероприятия по площадкам", label_width=110),
        "people": charts.horizontal_bars(bars=_direction_bars(activity, PEOPLE_TRAINED),
                                         title="Обученные работники по площадкам",
                                         label_width=110, color="#198754"),
        "deficits": deficit_chart(deficits),
    }
    events_total = sum(item.value(EVENTS_HELD).value or 0 for item in activity
                       if item.value(EVENTS_HELD) is not None)
    title = f"Мониторинговый отчёт, {period.title} учебный год"
    return {
        "document_title": title,
        "running_title": title,
        "municipality": municipality,
        "programme": period.programme,
        "period": period,
        "previous_period": indicators.previous_period,
        "control_point": control_point,
        "as_of": as_of,
        "staffing_on": on_date,
        "stage": stage,
        "generated_on": timezone.localdate(),
        "indicators": indicators,
        "municipal": municipal,
        "matrix": matrix,
        "tiers": [(tier, Tier(tier).label) for tier in TIER_ORDER],
        "placement_count": sum(row.total for row in matrix),
        "placed_teams": len(placed),
        "leading_teams": len(leading),
        "team_count": team_count,
        "activity": activity,
        "events_total": events_total,
        "deficits": deficits,
        "staffing": staffing,
        "charts": chart_set,
    }


def filename_for(*, period: Period, control_point: ControlPoint | None) -> str:
    if control_point is None:
        return f"Мониторинговый отчёт {period.title}.pdf"
    return (f"Мониторинговый отчёт {period.title}, "
            f"{control_point.starts_on:%d.%m.%Y}.pdf")


def monitoring_document(*, municipality: Municipality, period: Period | None,
                        parameters: dict,
                        progress: Callable[[int, str], None]) -> tuple[str, str]:
    """The monitoring report's final HTML, as the PDF is laid out from it, and its
    download filename."""
    control_point = data.control_point_from(parameters=parameters, municipality=municipality)
    period = data.report_period(municipality=municipality, period=period,
                                control_point=control_point)
    mismatch = control_point and data.control_point_mismatch(control_point, period)
    if mismatch:
        raise ReportError(mismatch)
    context = monitoring_context(municipality=municipality, period=period,
                                 control_point=control_point, progress=progress)
    return (render_to_string(TEMPLATE, context),
            filename_for(period=period, control_point=control_point))


def build_monitoring_report(*, municipality: Municipality, period: Period | None,
                            parameters: dict, output: Path,
                            progress: Callable[[int, str], None]) -> str:
    """Write the monitoring report to ``output``; returns the download filename."""
    html, filename = monitoring_document(municipality=municipality, period=period,
                                         parameters=parameters, progress=progress)
    progress(65, "Вёрстка PDF")
    render_pdf(html=html, output=output)
    progress(95, "PDF готов")
    return filename
