"""The «Показатели проекта» page: the indicators of the Krymsky project «Непрерывное
профессиональное развитие управленческих команд через вовлечение в систему взаимных
стажировок» per academic year."""

from django.contrib import messages
from django.shortcuts import render
from django.utils import timezone

from internships.access import periods_for_user
from internships.periods import default_period
from internships.views import municipality_wide
from outcomes.change import FORMULA as CHAIN_FORMULA
from outcomes.period_figures import chain_figures
from reports import indicator_catalogue, indicator_changes, indicators
from reports.municipal_monitoring import municipal_monitoring
from reports.regional_monitoring import may_load_any

# The figures drawn over the years: the project's activity and its main effect.
CHART_CODES = (
    indicator_catalogue.PEOPLE_TRAINED.code,
    indicator_catalogue.EVENTS_HELD.code,
    indicator_catalogue.DEFICITS_DECREASED_TEAMS.code,
)

# Where the figures of a chart series are entered, for a series that has none yet.
CHART_SOURCES = {
    indicator_catalogue.PEOPLE_TRAINED.code: (
        "внесите результаты команд — сколько руководителей и педагогов участвовало — в "
        "журналы площадок", "matrix", "Матрица распределения: площадки и их журналы"),
    indicator_catalogue.EVENTS_HELD.code: (
        "запишите проведённые мероприятия в журналы площадок", "matrix",
        "Матрица распределения: площадки и их журналы"),
    indicator_catalogue.DEFICITS_DECREASED_TEAMS.code: (
        "нужны экспертные результаты команд в двух диагностиках подряд", "round_list",
        "Диагностики"),
}

MONITORING_CODES = {item.code for item in indicator_catalogue.INDICATORS
                    if item.group == indicator_catalogue.Group.INDIRECT}
STAFFING_CODES = {indicator_catalogue.QUALITY_COEFFICIENT.code,
                  indicator_catalogue.CRITICAL_STAFFING.code}


def _chart_data(series: list[indicators.PeriodIndicators]) -> dict:
    def point(item: indicator_catalogue.IndicatorValue):
        if item.value is None:
            return None
        # Shares go to the chart in per cent, as the table prints them.
        return float(item.value * 100) if item.indicator.is_share else item.value

    return {
        "labels": [item.period.title for item in series],
        "datasets": [
            {"code": code, "label": indicator_catalogue.BY_CODE[code].short_name,
             "unit": indicator_catalogue.BY_CODE[code].unit,
             "values": [point(item.value(code)) for item in series]}
            for code in CHART_CODES
        ],
    }


@municipality_wide
def project_indicators(request):
    visible = periods_for_user(request.user)
    periods = list(visible.select_related("programme__municipality")
                   .order_by("-starts_on", "-pk"))
    if not periods:
        return render(request, "reports/indicators.html", {"period": None})
    wanted = request.GET.get("period", "")
    period = next((item for item in periods if str(item.pk) == wanted), None)
    if period is None:
        if wanted:
            messages.warning(request, "Такого учебного года нет среди доступных вам — "
                                      "показан текущий.")
        default = default_period(periods=visible, today=timezone.localdate())
        period = next(item for item in periods if item.pk == default.pk)
    municipality = period.programme.municipality
    own = [item for item in reversed(periods)
           if item.programme.municipality_id == municipality.pk]
    series = indicators.compute_periods(municipality=municipality, periods=own)
    position = own.index(period)
    current = series[position]
    previous = series[position - 1] if position else None
    missing = {item.indicator.code for item in current.values if item.value is None}
    chart = _chart_data(series)
    return render(request, "reports/indicators.html", {
        "period": period,
        "periods": periods,
        # Whole sources not entered yet: the page says where they are entered.
        "monitoring_missing": MONITORING_CODES.issubset(missing),
        "staffing_missing": STAFFING_CODES.issubset(missing),
        "regional_missing": indicator_catalogue.REGIONAL_MONITORING.code in missing,
        "may_load_regional": may_load_any(request.user),
        "previous_period": previous.period if previous else None,
        "groups": indicator_changes.grouped_rows(current=current.values,
                                                 previous=previous.values if previous else None),
        "per_direction": indicator_catalogue.PER_DIRECTION,
        "direction_rows": [(number, current.directions[number], values)
                           for number, values in current.by_direction.items()],
        "chart": chart,
        # Series with no figure in any year are not drawn (an empty axis says nothing):
        # the page says what is missing and where it is entered.
        "chart_missing": [
            (dataset["label"], *CHART_SOURCES[dataset["code"]])
            for dataset in chart["datasets"] if all(v is None for v in dataset["values"])
        ],
        "municipal": municipal_monitoring(municipality=municipality, programme=period.programme,
                                          until=period.ends_on),
        "chain": chain_figures(programme=period.programme, until=period.ends_on),
        "chain_formula": CHAIN_FORMULA,
    })
