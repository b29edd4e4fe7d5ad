"""The methodological handbook (PDF) on hand-made data and on the demo district."""

import pytest
from django.template.loader import render_to_string

from demo.diagnostics import load_demo_diagnostics
from demo.krymsky import load_demo
from reports.errors import ReportError
from reports.pdf import handbook
from reports.pdf.handbook import build_handbook, handbook_context
from teams.models import Municipality
from tests.reports.pdf_checks import font_names, page_count
from tests.reports.pdf_world import LEADER_DESCRIPTION, LEADER_TOPIC, enrich

# The persons of the year add the coverage target and three reads a period; the chain
# «deficit → event → result» five.
HANDBOOK_QUERIES = 40


def _context(world, period=None):
    return handbook_context(municipality=world.municipality, period=period or world.period,
                            progress=lambda *args: None)


@pytest.fixture
def district(world):
    enrich(world)
    return world


def test_it_collects_the_leader_teams_practices_from_the_journals(district):
    practices = {group.direction.number: group.practices
                 for group in _context(district)["practices"]}

    first = practices[1]
    assert [practice.entry.topic for practice in first] == [LEADER_TOPIC]
    assert [team.organization.short_name for team in first[0].leaders] == ["СОШ № 1"]
    # The consultation hosted by ООШ № 3, a reserve team of direction 1, is not a practice.
    assert [len(practices[number]) for number in (2, 3)] == [1, 1]


def test_it_lists_each_platforms_work_plan_with_what_was_held(district):
    plans = {plan.row.direction.number: plan for plan in _context(district)["plans"]}

    first = plans[1]
    assert [event.topic for event in first.events] == [LEADER_TOPIC, "Вебинар для команд"]
    assert first.events[0].entry is not None and first.events[1].entry is None
    assert [curator.short_name for curator in first.row.curators] == ["Своя О. К."]


def test_it_describes_strategies_mentoring_and_documentation_of_the_year(district):
    context = _context(district)

    strategies = {group.kind: [team.organization.short_name for team in group.teams]
                  for group in context["strategies"]}
    assert strategies == {"narrow": ["СОШ № 1"], "wide": ["Гимназия № 2"]}
    assert [(pair.mentor.organization.short_name, pair.mentee.organization.short_name)
            for pair in context["mentorships"]] == [("СОШ № 1", "ООШ № 3")]
    documentation = context["documentation"]
    assert (documentation.journals, documentation.entries, documentation.transfers,
            documentation.council_meetings) == (3, 4, 1, 1)
    assert [count for _, count in context["tier_counts"]] == [3, 4, 3]


def test_it_shows_every_indicator_over_the_years_of_the_programme(district):
    second_year = district.programme.periods.get(title="2022–2023")

    context = _context(district, period=second_year)

    indicators = context["indicators"]
    assert [period.title for period in indicators.periods] == ["2021–2022", "2022–2023"]
    olympiad = indicators.row("olympiad_winners_share")
    assert [item.text for item in olympiad.history] == ["5,0 %", "8,0 %"]
    assert context["charts"]["share_history"] is not None


def test_the_handbook_prints_the_model_plans_practices_and_appendices(district):
    html = render_to_string(handbook.TEMPLATE, _context(district))

    for heading in ("Содержание", "1. Идея модели взаимных стажировок",
                    "2. Направления стажировок", "3. Уровни управленческих команд",
                    "4. Стратегии распределения нагрузки",
                    "5. Наставничество и взаимонаставничество", "6. Документация проекта",
                    "7. Этапы и контрольные точки", "8. Программы и планы работы площадок",
                    "9. Практики команд-лидеров", "10. Показатели эффективности и их динамика",
                    "Приложение 1. Организации по направлениям и уровням",
                    "Приложение 2. Кураторы стажировочных площадок"):
        assert heading in html
    assert "Стратегия узкой специализации" in html
    assert LEADER_TOPIC in html and LEADER_DESCRIPTION in html
    assert "проведено 10.02.2022" in html and "не проведено" in html
    assert "февраль 2022" in html
    assert "Промежуточная диагностика деятельности стажировочных площадок" in html
    assert "01.01.2022 — 30.04.2024" in html


def test_the_handbook_tells_what_to_do_where_the_year_has_no_records(world):
    html = render_to_string(handbook.TEMPLATE, _context(world))

    assert "Наставнические пары на 2021–2022 учебный год ещё не записаны" in html
    assert "План работы площадки на 2021–2022 учебный год не заполнен" in html
    assert "ещё нет мероприятий, проведённых командами-лидерами" in html
    assert "эту стратегию не выбрала ни одна команда" in html


def test_reading_the_handbook_costs_the_same_queries_on_small_data(world,
                                                                  django_assert_num_queries):
    enrich(world)

    with django_assert_num_queries(HANDBOOK_QUERIES):
        _context(world)


def test_reading_the_handbook_costs_the_same_queries_on_larger_data(world,
                                                                   django_assert_num_queries):
    enrich(world, extra=6)

    with django_assert_num_queries(HANDBOOK_QUERIES):
        context = _context(world)

    assert context["documentation"].entries == 3 * 7 + 1


def test_it_builds_the_handbook_pdf(district, tmp_path):
    output = tmp_path / "handbook.pdf"
    steps = []

    filename = build_handbook(municipality=district.municipality, period=district.period,
                              parameters={}, output=output,
                              progress=lambda percent, stage: steps.append(percent))

    assert filename == "Методическое пособие 2021–2022.pdf"
    data = output.read_bytes()
    assert page_count(data) >= 10
    assert {"DejaVu-Sans", "DejaVu-Serif"} <= font_names(data)
    assert all(name.startswith("DejaVu-") for name in font_names(data))
    assert steps == sorted(steps) and steps[-1] == 95


@pytest.mark.django_db
def test_it_builds_the_handbook_of_the_demo_district(tmp_path):
    load_demo()
    load_demo_diagnostics()
    municipality = Municipality.objects.get(name__contains="Крымский")
    output = tmp_path / "demo-handbook.pdf"

    filename = build_handbook(municipality=municipality, period=None, parameters={},
                              output=output, progress=lambda *args: None)

    assert filename == "Методическое пособие 2021–2022.pdf"
    data = output.read_bytes()
    assert page_count(data) >= 12
    assert all(name.startswith("DejaVu-") for name in font_names(data))


def test_it_refuses_a_year_of_another_municipality(world, tmp_path):
    with pytest.raises(ReportError):
        build_handbook(municipality=world.municipality, period=world.other_platform.period,
                       parameters={}, output=tmp_path / "x.pdf", progress=lambda *args: None)
