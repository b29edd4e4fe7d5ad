"""The municipal quality monitoring (муниципальный мониторинг оценки качества) at each
control point of the programme: the district's figures of the indicators the department
already collects — the schools' yearly monitoring (К1–К5) and the staffing (КК, critical
state) — with their formulas.

Section 10 of the Krymsky programme names this monitoring as a source that shows the
project's effect. A control point takes the school indicators of the academic year it
falls in, and each organization's latest staffing line by the point's last day. Four
queries whatever the size of the district and the number of control points.
"""

import datetime
from dataclasses import dataclass

from diagnostics.models import Staffing
from internships.models import ControlPoint, Period, Programme
from reports.indicator_catalogue import Indicator, IndicatorValue
from reports.indicator_reads import PeriodData, read_monitoring
from reports.indicators import monitoring_values
from teams.models import Municipality


@dataclass(frozen=True)
class MonitoringPoint:
    point: ControlPoint
    period: Period
    # The day the staffing is read on: the point's last day, within its year.
    as_of: datetime.date
    values: list[IndicatorValue]


@dataclass(frozen=True)
class MunicipalMonitoring:
    indicators: list[Indicator]
    points: list[MonitoringPoint]

    @property
    def rows(self) -> list[tuple[Indicator, list[IndicatorValue]]]:
        """Each indicator with its value at every control point, in point order."""
        return [(indicator, [point.values[index] for point in self.points])
                for index, indicator in enumerate(self.indicators)]


def _staffing_on(lines: list[tuple], day: datetime.date) -> dict:
    """The sums ``reports.indicator_reads`` reads for a year, from each organization's
    latest line on or before ``day`` (``lines`` ordered by organization and date)."""
    latest: dict[int, tuple] = {}
    for line in lines:
        if line[1] <= day:
            latest[line[0]] = line
    if not latest:
        return {}
    chosen = latest.values()
    return {
        "organizations": len(latest),
        "teachers": sum(line[2] for line in chosen),
        "qualified": sum(line[4] + line[5] for line in chosen),
        # «Критическое состояние»: more than half without a category.
        "critical": sum(1 for line in chosen if line[2] and line[3] * 2 > line[2]),
    }


def municipal_monitoring(*, municipality: Municipality, programme: Programme,
                         until: datetime.date,
                         since: datetime.date | None = None) -> MunicipalMonitoring:
    """The programme's control points that start by ``until`` (and not before ``since``)
    and fall in one of its academic years, each with the district's monitoring figures."""
    periods = list(Period.objects.filter(programme=programme).order_by("starts_on"))
    points = []
    chosen = ControlPoint.objects.filter(programme=programme, starts_on__lte=until)
    if since is not None:
        chosen = chosen.filter(starts_on__gte=since)
    for point in chosen.order_by("starts_on", "pk"):
        period = next((item for item in periods
                       if item.starts_on <= point.starts_on <= item.ends_on), None)
        if period is not None:
            points.append((point, period))
    yearly = {period.pk: PeriodData() for _, period in points}
    if yearly:
        read_monitoring(yearly, municipality)
    last_day = max((min(point.ends_on, period.ends_on) for point, period in points),
                   default=until)
    lines = list(Staffing.objects.filter(organization__municipality=municipality,
                                         as_of__lte=last_day)
                 .order_by("organization", "as_of")
                 .values_list("organization", "as_of", "teachers_total", "without_category",
                              "first_category", "highest_category"))
    found = []
    for point, period in points:
        as_of = min(point.ends_on, period.ends_on)
        data = PeriodData(monitoring=yearly[period.pk].monitoring,
                          staffing=_staffing_on(lines, as_of))
        found.append(MonitoringPoint(point=point, period=period, as_of=as_of,
                                     values=monitoring_values(data)))
    indicators = [value.indicator for value in monitoring_values(PeriodData())]
    return MunicipalMonitoring(indicators=indicators, points=found)
