"""The methodological handbook (PDF) on hand-made data and on the demo district."""

import pytest
from django.template.loader import render_to_string

from demo.diagnostics import load_demo_diagnostics
from demo.krymsky import load_demo
from reports.errors import ReportError
from reports.handbook_texts import save_handbook_texts
from reports.pdf import handbook
from reports.pdf.handbook import build_handbook, handbook_context
from teams.models import Municipality
from tests.reports.pdf_checks import font_names, layout_problems, page_count
from tests.reports.pdf_world import LEADER_DESCRIPTION, LEADER_TOPIC, enrich

# The persons of the year add the coverage target and three reads a period; the chain
# «deficit → event → result» five; the handbook's texts one, the forms of work two, the
# diagnostics and the deficit catalogue two, the deficit dynamics five.
# One more (52nd): which programmes have school innovation projects (Э1–Э5); one more
# (53rd): the normative documents the programme cites (the regulatory base). Two more (55):
# the contests with approved results (К5.1–К5.4) and the region's monitoring. One more (56):
# the networks the municipality keeps or takes part in (С1–С5; none here).
HANDBOOK_QUERIES = 56


def _context(world, period=None):
    return handbook_context(municipality=world.municipality, period=period or world.period,
                            progress=lambda *args: None)


@pytest.fixture
def district(world):
    enrich(world)
    return world


def test_it_collects_the_leader_teams_practices_from_the_journals(district):
    practices = _context(district)["practices"]

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


def test_the_handbook_prints_the_chapters_of_a_methodological_handbook(district):
    html = render_to_string(handbook.TEMPLATE, _context(district))

    for heading in ("Содержание", "Введение", "1. Модель сопровождения управленческих команд",
                    "1.1. Идея модели", "1.2. Направления стажировок",
                    "1.3. Уровни управленческих команд", "1.4. Участники и их роли",
                    "1.5. Стратегии распределения нагрузки",
                    "1.6. Наставничество и взаимонаставничество",
                    "2. Пошаговая организация системы", "3. Формы работы",
                    "4. Содержание работы по направлениям",
                    "5. Диагностические методики и инструменты", "6. Результаты",
                    "6.1. Показатели эффективности и их динамика",
                    "6.2. Динамика профессиональных дефицитов", "6.3. От дефицита к результату",
                    "7. Сетевое взаимодействие",
                    "Приложение 1. Организации по направлениям и уровням",
                    "Приложение 2. Кураторы стажировочных площадок",
                    "Приложение 3. Форма журнала стажировочной площадки",
                    "Приложение 4. Форма диагностической карты управленческой команды",
                    "Приложение 5. Форма соглашения о сетевом взаимодействии"):
        assert heading in html
    assert "Стратегия узкой специализации" in html
    assert LEADER_TOPIC in html and LEADER_DESCRIPTION in html
    assert "проведено 10.02.2022" in html and "не проведено" in html
    assert "февраль 2022" in html
    assert "Промежуточная диагностика деятельности стажировочных площадок" in html
    assert "01.01.2022 — 30.04.2024" in html
    assert 'target-counter' not in html and 'href="#model"' in html


def test_a_year_without_records_still_reads_as_a_document(world):
    html = render_to_string(handbook.TEMPLATE, _context(world))

    # No forms of work without events or plans, no regulatory base or conclusions without
    # the department's text: the chapters that are printed are numbered in order.
    assert "Формы работы" not in html and "Нормативная база" not in html
    assert "Выводы и рекомендации" not in html
    assert "1. Модель сопровождения управленческих команд" in html
    assert "3. Содержание работы по направлениям" in html
    assert "экспертных результатов диагностик нет" in html
    for placeholder in ("не заполнен", "ещё не записаны", "не указана",
                        "Заведите", "Распределите", "страниц"):
        assert placeholder not in html


def test_the_departments_texts_take_their_chapters(district):
    save_handbook_texts(programme=district.programme, user=district.staff, texts={
        "regulation": "- Федеральный закон от 29.12.2012 № 273-ФЗ",
        "introduction": "Пособие для **методистов** района.",
        "conclusions": "1. Вовлекайте все команды.",
        "approval": "Рассмотрено научно-методическим советом.",
    })

    html = render_to_string(handbook.TEMPLATE, _context(district))

    assert "<strong>методистов</strong>" in html
    assert "Пособие адресовано специалистам" not in html
    assert "1. Нормативная база" in html and "<li>Федеральный закон" in html
    assert "2. Модель сопровождения управленческих команд" in html
    assert "9. Выводы и рекомендации" in html
    assert "Рассмотрено научно-методическим советом." in html


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
    assert layout_problems(data) == []


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
