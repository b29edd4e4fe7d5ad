"""Server-side SVG charts of the PDF reports."""

import re
import xml.etree.ElementTree as ET

import pytest

from reports.pdf import charts

SVG = "{http://www.w3.org/2000/svg}"


def _parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def _bar_widths(root: ET.Element, color: str) -> list[float]:
    return [float(rect.get("width")) for rect in root.iter(f"{SVG}rect")
            if rect.get("fill") == color]


def _texts(root: ET.Element) -> list[str]:
    return ["".join(text.itertext()) for text in root.iter(f"{SVG}text")]


def test_it_draws_bars_in_proportion_and_prints_the_values():
    root = _parse(charts.horizontal_bars(
        bars=[charts.Bar("Стажировка 1", 10), charts.Bar("Стажировка 2", 5)],
        title="Мероприятия", color="#123456"))

    first, second = _bar_widths(root, "#123456")
    assert first == pytest.approx(2 * second, abs=0.2)
    assert {"Стажировка 1", "Стажировка 2", "10", "5"} <= set(_texts(root))
    assert root.find(f"{SVG}title").text == "Мероприятия"


def test_it_draws_no_bar_for_a_value_that_is_not_known():
    root = _parse(charts.horizontal_bars(
        bars=[charts.Bar("Известно", 0, text="0,0 %"), charts.Bar("Неизвестно", None)],
        title="Доли", scale_max=100, color="#123456"))

    assert _bar_widths(root, "#123456") == [0.0]
    texts = _texts(root)
    assert "0,0 %" in texts and "нет данных" in texts


def test_a_scale_maximum_keeps_shares_on_one_scale():
    root = _parse(charts.horizontal_bars(
        bars=[charts.Bar("Половина", 50), charts.Bar("Всё", 100)],
        title="Доли", scale_max=100, color="#123456"))

    half, whole = _bar_widths(root, "#123456")
    assert whole == pytest.approx(2 * half, abs=0.2)


def test_it_escapes_text_so_a_name_cannot_inject_markup():
    markup = str(charts.horizontal_bars(
        bars=[charts.Bar('<script>alert(1)</script> & "школа"', 1)], title="<b>x</b>"))

    assert "<script>" not in markup and "<b>" not in markup
    assert "&lt;script&gt;" in markup
    _parse(markup)


def test_stacked_bars_split_each_row_by_tier_and_share_one_scale():
    segments = [charts.Segment(key, key, color) for key, color in
                (("leader", "#111111"), ("promising", "#222222"), ("reserve", "#333333"))]
    root = _parse(charts.stacked_bars(
        rows=[charts.StackedRow("Стажировка 1", {"leader": 2, "promising": 2, "reserve": 4}),
              charts.StackedRow("Стажировка 2", {"leader": 1, "reserve": 1})],
        segments=segments, title="Уровни"))

    leaders = _bar_widths(root, "#111111")
    reserves = _bar_widths(root, "#333333")
    # The legend's swatches are 10 wide; the bars are the others.
    leader_bars = [width for width in leaders if width != 10]
    reserve_bars = [width for width in reserves if width != 10]
    assert leader_bars[0] == pytest.approx(2 * leader_bars[1], abs=0.2)
    assert reserve_bars[0] == pytest.approx(4 * reserve_bars[1], abs=0.2)
    assert {"8", "2"} <= set(_texts(root))


def test_a_line_chart_breaks_where_a_year_has_no_data():
    root = _parse(charts.line_chart(
        labels=["2021–2022", "2022–2023", "2023–2024", "2024–2025"],
        series=[charts.Series("Доля", [10, 20, None, 40])],
        title="Динамика", scale_max=100, unit=" %"))

    polylines = list(root.iter(f"{SVG}polyline"))
    circles = list(root.iter(f"{SVG}circle"))
    assert len(polylines) == 1
    assert len(re.findall(r"[\d.]+,[\d.]+", polylines[0].get("points"))) == 2
    assert len(circles) == 3
    assert {"2021–2022", "2024–2025", "100 %", "Доля"} <= set(_texts(root))
