"""The municipal quality monitoring at each control point (section 10 of the programme): the
schools' yearly indicators of the point's academic year and each organization's latest
staffing by the point's last day, on hand-made data (tests/reports/pdf_world.py)."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from reports.municipal_monitoring import municipal_monitoring
from reports.pdf import monitoring
from tests.reports.pdf_world import enrich

D = datetime.date


@pytest.fixture
def district(world):
    enrich(world)
    return world


def _table(world, **bounds):
    found = municipal_monitoring(municipality=world.municipality, programme=world.programme,
                                 **bounds)
    return found, {indicator.code: [item.text for item in values]
                   for indicator, values in found.rows}


def test_it_shows_the_district_figures_at_each_control_point(district):
    found, rows = _table(district, until=D(2023, 8, 31))

    assert [item.as_of for item in found.points] == [D(2021, 11, 30), D(2022, 5, 31),
                                                     D(2022, 12, 31)]
    assert [item.period.title for item in found.points] == ["2021–2022", "2021–2022",
                                                            "2022–2023"]
    # The schools' yearly figures: 5,0 % of pupils in 2021–2022, 8,0 % in 2022–2023.
    assert rows["olympiad_winners_share"] == ["5,0 %", "5,0 %", "8,0 %"]
    # Staffing lines are dated 01.06.2022 and 01.10.2022: none by the first two points; on
    # 31.12.2022 СОШ № 1 has 5 + 4 of 10 and Гимназия № 2 10 + 6 of 20: 25 / 30 = 83,3 %.
    assert rows["quality_coefficient"] == ["нет данных", "нет данных", "83,3 %"]
    assert rows["critical_staffing"] == ["нет данных", "нет данных", "0"]
    assert [indicator.number for indicator in found.indicators] == ["К1", "К2", "К3", "К4",
                                                                    "К5", "Д1", "Д2"]


def test_it_leaves_out_points_after_the_day_asked_for(district):
    found, _ = _table(district, until=D(2022, 8, 31), since=D(2021, 9, 1))

    assert [item.point.kind for item in found.points] == ["start_diagnostics",
                                                          "intermediate_diagnostics"]


def test_the_indicators_page_and_the_report_print_the_table(district, login):
    page = login(district.analyst).get(reverse("project_indicators")).content.decode()
    assert "Муниципальный мониторинг оценки качества по контрольным точкам" in page
    assert 'id="municipal-olympiad_winners_share"' in page

    context = monitoring.monitoring_context(municipality=district.municipality,
                                            period=district.period, control_point=None,
                                            progress=lambda *args: None)
    html = render_to_string(monitoring.TEMPLATE, context)
    assert "Муниципальный мониторинг оценки качества по контрольным точкам" in html
    assert "Стартовая диагностика, на 30.11.2021" in html


def test_a_programme_without_control_points_says_what_is_missing(world, login):
    context = monitoring.monitoring_context(municipality=world.municipality, period=world.period,
                                            control_point=None, progress=lambda *args: None)

    html = render_to_string(monitoring.TEMPLATE, context)
    assert ("В плане проекта нет контрольных точек 2021–2022 учебного года: значений "
            "муниципального мониторинга по контрольным точкам нет.") in html
