"""The monitoring report (PDF) on hand-made data with known figures and on the demo district."""

import datetime
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from demo.diagnostics import load_demo_diagnostics
from demo.krymsky import load_demo
from internships.models import ControlPoint, ControlPointKind
from reports.errors import ReportError
from reports.pdf import monitoring
from reports.pdf.monitoring import build_monitoring_report, monitoring_context
from teams.models import Municipality
from tests import factories
from tests.reports.pdf_checks import font_names, layout_problems, page_count
from tests.reports.pdf_world import LEADER_TOPIC, enrich

# Reading every section of the report, whatever the size of the district.
# One more (35th): which programmes have school innovation projects (Э1–Э5).
# Six more (41): the contests (К5.1–К5.4), the region's monitoring, and the municipal
# monitoring by control points (periods, points, school indicators, staffing lines).
# One more (42): the networks the municipality keeps or takes part in (С1–С5; none here).
MONITORING_QUERIES = 42


def _context(world, period=None, control_point=None):
    return monitoring_context(municipality=world.municipality, period=period or world.period,
                              control_point=control_point, progress=lambda *args: None)


def _activity(context, number):
    return next(item for item in context["activity"] if item.direction.number == number)


@pytest.fixture
def district(world):
    enrich(world)
    return world


def test_it_counts_each_platforms_activity_from_its_journal(district):
    context = _context(district)

    first = _activity(context, 1)
    assert first.teams == 4
    assert first.value("events_held").value == 2
    # Three teams other than the leader, two managers and three teachers each.
    assert first.value("people_trained").value == 15
    assert (first.planned, first.planned_held) == (2, 1)
    assert first.teams_attended == 3
    assert first.transfers == 1
    second = _activity(context, 2)
    assert second.value("people_trained").value == 2
    assert (second.planned, second.planned_held, second.transfers) == (2, 1, 0)


def test_it_shows_the_deficit_dynamics_of_each_direction(district):
    deficits = _context(district)["deficits"]

    assert [r.title for r in deficits.rounds] == ["Стартовая диагностика",
                                                  "Промежуточная диагностика"]
    first, second, _ = deficits.rows
    assert [(cell.teams, cell.average_text) for cell in first.cells] == [(2, "1,5"), (2, "1,0")]
    assert first.decreased.text == "50,0 %"
    assert [cell.teams for cell in second.cells] == [0, 0]
    assert second.decreased.text == "нет данных"


def test_it_reads_each_organizations_latest_staffing_by_the_end_of_the_year(district):
    staffing = _context(district)["staffing"]

    rows = {row.organization.short_name: row.figures for row in staffing.groups[0].rows}
    assert set(rows) == {"СОШ № 1", "Гимназия № 2"}
    # The line of 01.10.2022 comes after the year and is left out.
    assert rows["СОШ № 1"].without_category == 6
    assert rows["СОШ № 1"].critical and not rows["Гимназия № 2"].critical
    assert staffing.critical_count == 1
    assert staffing.total.quality_coefficient_text == "66,7 %"


def test_it_compares_the_indicators_with_the_previous_year(district):
    second_year = district.programme.periods.get(title="2022–2023")

    first = _context(district)
    second = _context(district, period=second_year)

    assert first["previous_period"] is None
    assert second["previous_period"] == district.period
    olympiad = second["indicators"].row("olympiad_winners_share")
    assert olympiad.value.text == "8,0 %" and olympiad.previous.text == "5,0 %"
    assert olympiad.change.text == "↑ 3,0 п. п."
    assert [item.text for item in olympiad.history] == ["5,0 %", "8,0 %"]
    assert second["charts"]["share_history"] is not None
    assert first["charts"]["share_history"] is None


def test_the_report_says_no_data_where_nothing_is_known(world):
    html = render_to_string(monitoring.TEMPLATE, _context(world))

    assert "нет данных" in html
    assert "Сведений о кадровом составе образовательных организаций на 31.08.2022 нет" in html
    assert "До конца 2021–2022 учебного года диагностики проекта не проводились" in html
    assert "не записано ни одного мероприятия" in html


def test_the_report_prints_the_sections_and_the_figures(district):
    point = ControlPoint.objects.get(kind=ControlPointKind.INTERMEDIATE_DIAGNOSTICS)
    html = render_to_string(monitoring.TEMPLATE, _context(district, control_point=point))

    for heading in ("Содержание", "1. Показатели эффективности проекта",
                    "2. Распределение управленческих команд по направлениям",
                    "3. Деятельность стажировочных площадок",
                    "4. Динамика профессиональных дефицитов",
                    "5. Кадровый состав и критическое состояние"):
        assert heading in html
    assert point.title in html
    assert "01.05.2022 — 31.05.2022" in html
    assert "по состоянию на 31.05.2022" in html
    # The staffing lines of 01.06.2022 came after the control point.
    assert "Сведений о кадровом составе образовательных организаций на 31.05.2022 нет" in html
    assert "50,0 %" in html
    assert html.count("<svg") >= 5
    assert "Своя О. К." in html
    assert LEADER_TOPIC not in html


def test_the_report_of_the_whole_year_shows_the_staffing_at_its_end(district):
    html = render_to_string(monitoring.TEMPLATE, _context(district))

    assert "Итоги 2021–2022 учебного года" in html
    assert "по состоянию на" not in html
    assert "Последние сведения каждой организации на 31.08.2022" in html
    # The school's name never breaks around «№» (non-breaking spaces).
    assert '<span class="critical">СОШ\u00a0№\u00a01</span>' in html


def test_a_control_points_report_shows_the_year_as_of_the_points_last_day(district):
    point = ControlPoint.objects.get(kind=ControlPointKind.START_DIAGNOSTICS)

    context = _context(district, control_point=point)

    # The start point ends on 30.11.2021: the February events, the March transfer, the
    # May diagnostics and the June staffing came later.
    assert context["as_of"] == datetime.date(2021, 11, 30)
    first = _activity(context, 1)
    assert first.value("events_held").value == 0
    assert first.value("people_trained").value is None
    assert (first.planned_held, first.teams_attended, first.transfers) == (0, 0, 0)
    assert [r.title for r in context["deficits"].rounds] == ["Стартовая диагностика"]
    assert context["indicators"].row("events_held").value.value == 0
    assert context["indicators"].row("deficits_decreased_teams").value.value is None
    assert context["staffing"].row_count == 0
    assert context["stage"].title == "Подготовительный"
    html = render_to_string(monitoring.TEMPLATE, context)
    assert "по состоянию на 30.11.2021" in html


def test_a_control_points_report_is_cut_at_the_end_of_its_year(district):
    point = ControlPoint.objects.get(kind=ControlPointKind.INTERMEDIATE_DIAGNOSTICS)
    point.ends_on = datetime.date(2022, 9, 30)
    point.save(update_fields=["ends_on"])

    assert _context(district, control_point=point)["as_of"] == datetime.date(2022, 8, 31)


def test_it_refuses_a_control_point_outside_the_year_asked_for(district, tmp_path):
    december = ControlPoint.objects.get(kind=ControlPointKind.CURRENT_MONITORING)
    output = tmp_path / "mixed.pdf"

    with pytest.raises(ReportError) as refusal:
        build_monitoring_report(municipality=district.municipality, period=district.period,
                                parameters={"control_point": december.pk}, output=output,
                                progress=lambda *args: None)

    assert refusal.value.message == (
        "Контрольная точка «Текущий мониторинг организации деятельности площадок» начинается "
        "01.12.2022 — это не 2021–2022 учебный год (01.09.2021–31.08.2022). Выберите учебный "
        "год, в котором она проходит.")
    assert not output.exists()


def test_it_takes_the_year_in_which_the_control_point_starts(district, tmp_path):
    december = ControlPoint.objects.get(kind=ControlPointKind.CURRENT_MONITORING)

    filename = build_monitoring_report(
        municipality=district.municipality, period=None,
        parameters={"control_point": december.pk}, output=tmp_path / "december.pdf",
        progress=lambda *args: None)

    assert filename == "Мониторинговый отчёт 2022–2023, 01.12.2022.pdf"


def test_it_refuses_a_control_point_no_year_covers(world, tmp_path):
    late = ControlPoint.objects.create(
        programme=world.programme, kind=ControlPointKind.FINAL_DIAGNOSTICS,
        title="Итоговая диагностика", starts_on=datetime.date(2023, 5, 1),
        ends_on=datetime.date(2023, 5, 31))

    with pytest.raises(ReportError) as refusal:
        build_monitoring_report(municipality=world.municipality, period=None,
                                parameters={"control_point": late.pk},
                                output=tmp_path / "late.pdf", progress=lambda *args: None)

    assert "не входит ни в один учебный год проекта" in refusal.value.message


def test_reading_the_report_costs_the_same_queries_on_small_data(world,
                                                                django_assert_num_queries):
    enrich(world)

    with django_assert_num_queries(MONITORING_QUERIES):
        _context(world)


def test_reading_the_report_costs_the_same_queries_on_larger_data(world,
                                                                 django_assert_num_queries):
    enrich(world, extra=6)

    with django_assert_num_queries(MONITORING_QUERIES):
        context = _context(world)

    assert sum(row.total for row in context["matrix"]) == 16


def test_it_builds_the_pdf_of_a_control_point_with_progress(district, tmp_path):
    point = ControlPoint.objects.get(kind=ControlPointKind.INTERMEDIATE_DIAGNOSTICS)
    steps = []
    output = tmp_path / "monitoring.pdf"

    filename = build_monitoring_report(
        municipality=district.municipality, period=None,
        parameters={"control_point": point.pk}, output=output,
        progress=lambda percent, stage: steps.append((percent, stage)),
    )

    assert filename == "Мониторинговый отчёт 2021–2022, 01.05.2022.pdf"
    data = output.read_bytes()
    assert data.startswith(b"%PDF")
    assert page_count(data) >= 7
    assert font_names(data) and all(name.startswith("DejaVu-") for name in font_names(data))
    assert layout_problems(data) == []
    percents = [percent for percent, _ in steps]
    assert percents == sorted(percents) and percents[-1] == 95
    assert all(stage for _, stage in steps)


@pytest.mark.django_db
def test_it_builds_the_report_of_the_demo_district(tmp_path):
    load_demo()
    load_demo_diagnostics()
    municipality = Municipality.objects.get(name__contains="Крымский")
    output = tmp_path / "demo.pdf"

    filename = build_monitoring_report(municipality=municipality, period=None, parameters={},
                                       output=output, progress=lambda *args: None)

    assert filename == "Мониторинговый отчёт 2021–2022.pdf"
    data = output.read_bytes()
    assert page_count(data) >= 8
    assert font_names(data) <= {"DejaVu-Sans", "DejaVu-Sans-Bold", "DejaVu-Serif",
                                "DejaVu-Serif-Bold"}


def test_it_refuses_a_control_point_of_another_municipality(world, tmp_path):
    foreign = ControlPoint.objects.create(
        programme=world.other_platform.period.programme, kind=ControlPointKind.HANDBOOK,
        title="Чужая точка", starts_on=world.period.starts_on, ends_on=world.period.ends_on)
    output = tmp_path / "foreign.pdf"

    with pytest.raises(ReportError) as refusal:
        build_monitoring_report(municipality=world.municipality, period=None,
                                parameters={"control_point": foreign.pk}, output=output,
                                progress=lambda *args: None)

    assert "Контрольная точка не найдена" in refusal.value.message
    assert not output.exists()


@pytest.mark.parametrize("control_point", ["не число", [1]])
def test_it_refuses_a_malformed_control_point(world, control_point):
    with pytest.raises(ReportError):
        build_monitoring_report(municipality=world.municipality, period=world.period,
                                parameters={"control_point": control_point},
                                output=Path("/nonexistent/x.pdf"), progress=lambda *args: None)


def test_it_refuses_a_control_point_of_another_programme_than_the_year(world):
    other_programme = factories.ProgrammeFactory(municipality=world.municipality)
    point = ControlPoint.objects.create(
        programme=other_programme, kind=ControlPointKind.CURRENT_MONITORING,
        title="Другой проект", starts_on=world.period.starts_on, ends_on=world.period.ends_on)

    with pytest.raises(ReportError) as refusal:
        build_monitoring_report(municipality=world.municipality, period=world.period,
                                parameters={"control_point": point.pk},
                                output=Path("/nonexistent/x.pdf"), progress=lambda *args: None)

    assert "другому проекту" in refusal.value.message


def test_it_refuses_a_year_of_another_municipality(world):
    with pytest.raises(ReportError) as refusal:
        build_monitoring_report(municipality=world.municipality,
                                period=world.other_platform.period, parameters={},
                                output=Path("/nonexistent/x.pdf"), progress=lambda *args: None)

    assert "другому муниципальному образованию" in refusal.value.message


def test_it_explains_that_a_municipality_without_years_has_nothing_to_report(db):
    empty = factories.MunicipalityFactory(name="Новый район")

    with pytest.raises(ReportError) as refusal:
        build_monitoring_report(municipality=empty, period=None, parameters={},
                                output=Path("/nonexistent/x.pdf"), progress=lambda *args: None)

    assert "нет учебных годов" in refusal.value.message
