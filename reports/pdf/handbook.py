"""The methodological handbook (PDF), as such handbooks are written.

Title page, contents with page numbers, introduction, regulatory base, the model
(directions, tiers, roles, strategies, mentoring), step-by-step set-up along the
roadmap, forms of work, content per direction (plans and leader practices from the
journals), diagnostic methods (rounds and the deficit catalogue), results (indicators
with formulas, deficit dynamics, the chain «deficit → event → result»), network
interaction, conclusions, and appendices with blank forms. The regulatory base lists the
normative documents the programme cites in the register. The narrative sections are
the department's own texts (``reports.HandbookText``); a section without text is left
out or printed in the programme's general wording. The document carries no
instructions about the portal's screens.
"""

from collections.abc import Callable
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from internships.models import TIER_ORDER, Period, Tier
from outcomes.change import FORMULA as CHAIN_FORMULA
from outcomes.change import min_group_size
from outcomes.period_figures import chain_figures
from registers.normative import cited_by_level
from reports.handbook_texts import printed_texts
from reports.pdf import data, handbook_data
from reports.pdf.monitoring import deficit_chart, share_history_chart, tier_chart
from reports.pdf.render import render_pdf
from teams.models import Municipality

TEMPLATE = "reports/pdf/handbook.html"


APPENDICES = [
    ("appendix-tiers", "Организации по направлениям и уровням"),
    ("appendix-curators", "Кураторы стажировочных площадок"),
    ("appendix-journal", "Форма журнала стажировочной площадки"),
    ("appendix-diagnostics", "Форма диагностической карты управленческой команды"),
    ("appendix-agreement", "Форма соглашения о сетевом взаимодействии"),
]
# Empty lines of a blank form: enough to fill in by hand, few enough to fit a page.
BLANK_ROWS = 6
SHORT_ROWS = 3


def _appendices(*, placement_count: int, curators: list) -> list[tuple[str, str]]:
    """The appendices this handbook prints, numbered: a list without rows is left out."""
    skip = set()
    if not placement_count:
        skip.add("appendix-tiers")
    if not curators:
        skip.add("appendix-curators")
    printed = [(anchor, title) for anchor, title in APPENDICES if anchor not in skip]
    return [(anchor, f"Приложение {number}. {title}")
            for number, (anchor, title) in enumerate(printed, start=1)]


def handbook_context(*, municipality: Municipality, period: Period,
                     progress: Callable[[int, str], None]) -> dict:
    """Everything the handbook prints, read with a fixed number of queries."""
    progress(5, "Модель проекта")
    texts = printed_texts(period.programme)
    regulation = cited_by_level(programme=period.programme)
    stages, control_points = data.read_programme_plan(period=period)
    matrix = data.read_matrix(period=period)
    progress(15, "Стратегии и наставничество")
    strategies = data.read_strategies(period=period)
    mentorships = data.read_mentorships(period=period)
    documentation = data.read_documentation(period=period)
    work_forms = handbook_data.read_work_forms(period=period)
    progress(25, "Программы и планы площадок")
    plans = data.read_work_plans(period=period, matrix=matrix)
    progress(35, "Практики команд-лидеров")
    practices = {group.direction.number: group.practices
                 for group in data.read_leader_practices(period=period, matrix=matrix)}
    progress(40, "Диагностика")
    rounds = handbook_data.read_rounds(period=period)
    catalogue = handbook_data.read_deficit_catalogue(period=period)
    progress(45, "Показатели и их динамика")
    indicators = data.read_indicators(municipality=municipality, period=period)
    deficits = data.read_deficit_dynamics(period=period, by_direction=indicators.by_direction)
    curators = data.read_curators(municipality=municipality, period=period)
    tier_counts = {tier: sum(len(row.cells.get(tier, [])) for row in matrix)
                   for tier in TIER_ORDER}
    progress(55, "Диаграммы")
    chart_set = {"tiers": tier_chart(matrix), "share_history": share_history_chart(indicators),
                 "deficits": deficit_chart(deficits)}
    programme = period.programme
    title = f"Методическое пособие, {programme.starts_on.year}–{programme.ends_on.year}"
    placement_count = sum(tier_counts.values())
    return {
        "document_title": title,
        "running_title": title,
        "municipality": municipality,
        "programme": programme,
        "period": period,
        "generated_on": timezone.localdate(),
        "texts": texts,
        "chapters": handbook_data.number_chapters(texts=texts, has_forms=bool(work_forms),
                                                  has_documents=bool(regulation)),
        "regulation": regulation,
        "appendices": _appendices(placement_count=placement_count, curators=curators),
        "stages": stages,
        "control_points": control_points,
        "matrix": matrix,
        "tiers": [(tier, Tier(tier).label) for tier in TIER_ORDER],
        "tier_counts": [(Tier(tier).label, tier_counts[tier]) for tier in TIER_ORDER],
        "placement_count": placement_count,
        "network_teams": len({placement.team_id for row in matrix for cell in row.columns
                              for placement in cell}),
        "strategies": strategies,
        "mentorships": mentorships,
        "documentation": documentation,
        "work_forms": work_forms,
        "plans": plans,
        "content": [(plan, practices.get(plan.row.direction.number, [])) for plan in plans],
        "practices": practices,
        "rounds": rounds,
        "deficit_catalogue": catalogue,
        "deficits": deficits,
        "indicators": indicators,
        "curators": curators,
        "curator_count": sum(1 for curator in curators if curator.year_platforms),
        "charts": chart_set,
        "chain": chain_figures(programme=period.programme, until=period.ends_on),
        "chain_formula": CHAIN_FORMULA,
        "chain_min_group": min_group_size(),
        "blank_rows": range(BLANK_ROWS),
        "short_rows": range(SHORT_ROWS),
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
