"""The methodological handbook (PDF): the internship model as the municipality runs it.

The model in the project's words — directions, tiers, strategies, mentoring,
documentation, stages and control points — followed by each platform's programme and
work plan, the practices the leader teams shared (from the journals), the indicators
over the project's years and appendices: organizations by tier and the curators.
"""

from collections.abc import Callable
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from internships.models import TIER_ORDER, Period, Tier
from outcomes.change import FORMULA as CHAIN_FORMULA
from outcomes.change import min_group_size
from outcomes.period_figures import chain_figures
from reports.pdf import data
from reports.pdf.monitoring import share_history_chart, tier_chart
from reports.pdf.render import render_pdf
from teams.models import Municipality

TEMPLATE = "reports/pdf/handbook.html"


def handbook_context(*, municipality: Municipality, period: Period,
                     progress: Callable[[int, str], None]) -> dict:
    """Everything the handbook prints, read with a fixed number of queries."""
    progress(5, "Модель проекта")
    stages, control_points = data.read_programme_plan(period=period)
    matrix = data.read_matrix(period=period)
    progress(15, "Стратегии и наставничество")
    strategies = data.read_strategies(period=period)
    mentorships = data.read_mentorships(period=period)
    documentation = data.read_documentation(period=period)
    progress(25, "Программы и планы площадок")
    plans = data.read_work_plans(period=period, matrix=matrix)
    progress(35, "Практики команд-лидеров")
    practices = data.read_leader_practices(period=period, matrix=matrix)
    progress(45, "Показатели и их динамика")
    indicators = data.read_indicators(municipality=municipality, period=period)
    curators = data.read_curators(municipality=municipality, period=period)
    tier_counts = {tier: sum(len(row.cells.get(tier, [])) for row in matrix)
                   for tier in TIER_ORDER}
    progress(55, "Диаграммы")
    chart_set = {"tiers": tier_chart(matrix), "share_history": share_history_chart(indicators)}
    programme = period.programme
    title = f"Методическое пособие, {programme.starts_on.year}–{programme.ends_on.year}"
    return {
        "document_title": title,
        "running_title": title,
        "municipality": municipality,
        "programme": programme,
        "period": period,
        "generated_on": timezone.localdate(),
        "stages": stages,
        "control_points": control_points,
        "matrix": matrix,
        "tiers": [(tier, Tier(tier).label) for tier in TIER_ORDER],
        "tier_counts": [(Tier(tier).label, tier_counts[tier]) for tier in TIER_ORDER],
        "placement_count": sum(tier_counts.values()),
        "strategies": strategies,
        "mentorships": mentorships,
        "documentation": documentation,
        "plans": plans,
        "practices": practices,
        "practice_count": sum(len(item.practices) for item in practices),
        "indicators": indicators,
        "curators": curators,
        "charts": chart_set,
        "chain": chain_figures(programme=period.programme, until=period.ends_on),
        "chain_formula": CHAIN_FORMULA,
        "chain_min_group": min_group_size(),
    }


def handbook_document(*, municipality: Municipality, period: Period | None,
                      parameters: dict,
                      progress: Callable[[int, str], None]) -> tuple[str, str]:
    """The handbook's final HTML, as the PDF is laid out from it, and its download filename."""
    period = data.report_period(municipality=municipality, period=period)
    context = handbook_context(municipality=municipality, period=period, progress=progress)
    return render_to_string(TEMPLATE, context), f"Методическое пособие {period.title}.pdf"


def build_handbook(*, municipality: Municipality, period: Period | None, parameters: dict,
                   output: Path, progress: Callable[[int, str], None]) -> str:
    """Write the handbook to ``output``; returns the download filename."""
    html, filename = handbook_document(municipality=municipality, period=period,
                                       parameters=parameters, progress=progress)
    progress(65, "Вёрстка PDF")
    render_pdf(html=html, output=output)
    progress(95, "PDF готов")
    return filename
