"""Charts for the PDF reports as inline SVG, drawn on the server.

The PDF is laid out without a browser, so the charts are plain SVG markup built
here: horizontal bars (one value per row), stacked bars (parts of a whole per row)
and a line chart (values over academic years). A value that is not known is
drawn as no bar with «нет данных» beside it, never as a zero bar. Every piece of
text is escaped before it joins the markup.
"""

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.formatting import ru_number

NO_DATA = "нет данных"
FONT = "DejaVu Sans"
TEXT_COLOR = "#212529"
MUTED_COLOR = "#6c757d"
GRID_COLOR = "#dee2e6"
BAR_COLOR = "#0d6efd"
# The tiers' colours of the matrix page, a shade darker so they print.
TIER_COLORS = {"leader": "#3b9d6e", "promising": "#2a9fbc", "reserve": "#e0a800"}
SERIES_COLORS = ["#0d6efd", "#d63384", "#198754", "#fd7e14", "#6f42c1", "#20c997",
                 "#dc3545", "#6c757d", "#b08900", "#0aa2c0"]

FONT_SIZE = 9
LINE_HEIGHT = 11
# DejaVu Sans is wide: Cyrillic text takes about two thirds of the font size per character.
CHAR_WIDTH = 0.67 * FONT_SIZE
# The line chart's legend: smaller type, one line per 13 units of height.
LEGEND_SIZE = 8
LEGEND_LINE = 13


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    text: str = ""

    @property
    def shown(self) -> str:
        if self.value is None:
            return NO_DATA
        return self.text or _number(self.value)


@dataclass(frozen=True)
class Segment:
    key: str
    label: str
    color: str


@dataclass(frozen=True)
class StackedRow:
    label: str
    values: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.values.values())


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | None]


def _number(value: float) -> str:
    # A whole number without decimals, any other with one even when it rounds to «,0».
    return ru_number(value, trim=float(value).is_integer())


def _text(x: float, y: float, content: str, *, anchor: str = "start",
          color: str = TEXT_COLOR, size: int = FONT_SIZE, weight: str = "normal") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" '
        f'font-weight="{weight}" fill="{color}" text-anchor="{anchor}">{escape(content)}</text>'
    )


def _wrapped(x: float, y: float, content: str, *, width: float) -> tuple[str, int]:
    """A label broken into lines that fit ``width``; returns the markup and line count."""
    lines = textwrap.wrap(content, width=max(8, int(width / CHAR_WIDTH))) or [""]
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if number == 0 else LINE_HEIGHT}">{escape(line)}</tspan>'
        for number, line in enumerate(lines)
    )
    markup = (f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{FONT_SIZE}" '
              f'fill="{TEXT_COLOR}">{spans}</text>')
    return markup, len(lines)


def _svg(width: float, height: float, body: str, *, title: str) -> SafeString:
    # Safe: every piece of text in ``body`` went through escape().
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width:.0f}" '
        f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" role="img">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def horizontal_bars(*, bars: Sequence[Bar], title: str, scale_max: float | None = None,
                    width: float = 480, label_width: float = 190,
                    color: str = BAR_COLOR) -> SafeString:
    """One bar per row, labels on the left, the printed value after the bar.

    ``scale_max`` fixes the end of the scale (100 for per cent); otherwise the
    largest value is the full length.
    """
    known = [bar.value for bar in bars if bar.value is not None]
    top = scale_max or max(known, default=0) or 1
    value_width = 72
    track = width - label_width - value_width - 8
    parts, y = [], 6
    for bar in bars:
        label, lines = _wrapped(0, y + FONT_SIZE, bar.label, width=label_width - 8)
        row_height = max(18, lines * LINE_HEIGHT + 6)
        parts.append(label)
        bar_y = y + (row_height - 12) / 2
        x0 = label_width
        parts.append(f'<rect x="{x0:.1f}" y="{bar_y:.1f}" width="{track:.1f}" height="12" '
                     f'fill="#f1f3f5"/>')
        length = 0.0
        if bar.value is not None:
            length = track * min(max(bar.value, 0) / top, 1)
            parts.append(f'<rect x="{x0:.1f}" y="{bar_y:.1f}" width="{length:.1f}" '
                         f'height="12" fill="{color}"/>')
        parts.append(_text(x0 + track + 6, bar_y + 9.5, bar.shown,
                           color=MUTED_COLOR if bar.value is None else TEXT_COLOR,
                           weight="normal" if bar.value is None else "bold"))
        y += row_height + 4
    return _svg(width, y + 2, "".join(parts), title=title)


def stacked_bars(*, rows: Sequence[StackedRow], segments: Sequence[Segment], title: str,
                 width: float = 480, label_width: float = 110) -> SafeString:
    """Parts of a whole per row (teams of each tier per direction), with a legend below.

    The bars share one scale — the largest total — so rows can be compared.
    """
    top = max((row.total for row in rows), default=0) or 1
    total_width = 34
    track = width - label_width - total_width - 6
    parts, y = [], 4
    for row in rows:
        parts.append(_text(0, y + 11, row.label))
        x = label_width
        for segment in segments:
            count = row.values.get(segment.key, 0)
            if not count:
                continue
            length = track * count / top
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{length:.1f}" height="15" '
                         f'fill="{segment.color}"/>')
            if length >= 14:
                parts.append(_text(x + length / 2, y + 11, str(count), anchor="middle",
                                   color="#ffffff", weight="bold"))
            x += length
        parts.append(_text(label_width + track + 6, y + 11, str(row.total), weight="bold"))
        y += 21
    y += 6
    x = 0.0
    for segment in segments:
        item_width = 14 + len(segment.label) * CHAR_WIDTH + 12
        if x and x + item_width > width:
            x, y = 0.0, y + 15
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="10" height="10" '
                     f'fill="{segment.color}"/>')
        parts.append(_text(x + 14, y + 9, segment.label, color=MUTED_COLOR))
        x += item_width
    return _svg(width, y + 16, "".join(parts), title=title)


def line_chart(*, labels: Sequence[str], series: Sequence[Series], title: str,
               scale_max: float | None = None, unit: str = "", width: float = 480,
               height: float = 200) -> SafeString:
    """Values over academic years, one line per series; an unknown value breaks the line.

    ``height`` counts one legend line per series; a label too long for the chart's width
    wraps, and each extra line makes the chart that much taller.
    """
    known = [value for item in series for value in item.values if value is not None]
    top = scale_max or max(known, default=0) or 1
    left, right, top_pad = 40, 12, 10
    # The first and last years sit inside the plot, so their labels are not cut.
    inset = 34
    legend = [_legend_lines(item.label, width=width - left - 16 - right) for item in series]
    height += LEGEND_LINE * (sum(len(lines) for lines in legend) - len(series))
    plot_bottom = height - 34 - sum(len(lines) for lines in legend) * LEGEND_LINE
    plot_height = plot_bottom - top_pad
    span = width - left - right - 2 * inset
    step = span / max(len(labels) - 1, 1)
    parts = []
    for fraction in (0, 0.25, 0.5, 0.75, 1):
        y = plot_bottom - plot_height * fraction
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
                     f'stroke="{GRID_COLOR}" stroke-width="0.6"/>')
        parts.append(_text(left - 4, y + 3, _number(top * fraction) + unit, anchor="end",
                           color=MUTED_COLOR, size=8))

    def x_of(index: int) -> float:
        return left + inset + (step * index if len(labels) > 1 else span / 2)

    for index, label in enumerate(labels):
        parts.append(_text(x_of(index), plot_bottom + 12, label, anchor="middle", size=8))
    for number, item in enumerate(series):
        color = SERIES_COLORS[number % len(SERIES_COLORS)]
        points = [(x_of(index), plot_bottom - plot_height * min(value / top, 1))
                  if value is not None else None for index, value in enumerate(item.values)]
        run: list[tuple[float, float]] = []
        for point in [*points, None]:
            if point is not None:
                run.append(point)
                continue
            if len(run) > 1:
                path = " ".join(f"{px:.1f},{py:.1f}" for px, py in run)
                parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" '
                             f'stroke-width="1.6"/>')
            run = []
        for point in points:
            if point is not None:
                parts.append(f'<circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" r="2.6" '
                             f'fill="{color}"/>')
        legend_y = plot_bottom + 34 + sum(len(lines) for lines in legend[:number]) * LEGEND_LINE
        parts.append(f'<rect x="{left}" y="{legend_y - 8:.1f}" width="10" height="3" '
                     f'fill="{color}"/>')
        for line_number, line in enumerate(legend[number]):
            parts.append(_text(left + 16, legend_y - 4 + line_number * LEGEND_LINE, line,
                               size=LEGEND_SIZE))
    return _svg(width, height, "".join(parts), title=title)


def _legend_lines(label: str, *, width: float) -> list[str]:
    """A legend label broken into lines that fit ``width`` in the legend's smaller type."""
    characters = int(width / (CHAR_WIDTH * LEGEND_SIZE / FONT_SIZE))
    return textwrap.wrap(label, width=max(8, characters)) or [""]
