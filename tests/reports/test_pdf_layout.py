"""Layout rules of the PDF reports, read back from the PDF with pdfplumber.

The checks (tests/reports/pdf_checks.py) find words off the page, words printed over
each other, words across their table cell's border, headings stranded at a page's foot
and pages left mostly blank in the middle of a chapter. They are shown to catch each
fault on a page made to have it, then run on both reports of the demo district.
"""

import io
import re

import pdfplumber
import pytest
from django.core.management import call_command
from django.template import Context, Template

from demo.diagnostics import load_demo_diagnostics
from demo.krymsky import load_demo
from demo.krymsky_chain import load_demo_chain
from demo.krymsky_handbook import load_demo_handbook
from internships.models import ControlPoint
from reports.pdf import charts
from reports.pdf.handbook import build_handbook
from reports.pdf.monitoring import build_monitoring_report
from reports.pdf.render import render_pdf
from teams.models import Municipality
from tests.reports.pdf_checks import (
    layout_problems,
    overlapping_words,
    pdf_text,
    sparse_pages,
    words_crossing_cells,
    words_outside_page,
    words_outside_text_area,
)

# Words that tell a reader to use the portal's screens: «на странице», «кнопку»,
# «нажмите», «на портале»… A document for officials has none of them.
SCREEN_WORDS = re.compile(r"страниц|кнопк|нажм|портал", re.IGNORECASE)

PAGE = """<!doctype html><html lang="ru"><head><meta charset="utf-8">
<link rel="stylesheet" href="reports/pdf.css"></head><body>{body}</body></html>"""


def _pdf(tmp_path, body: str) -> bytes:
    output = tmp_path / "layout.pdf"
    render_pdf(html=PAGE.format(body=body), output=output)
    return output.read_bytes()


def _pages(data: bytes):
    return pdfplumber.open(io.BytesIO(data))


def test_the_checks_find_a_word_that_runs_off_the_page(tmp_path):
    data = _pdf(tmp_path, '<p style="white-space: nowrap">' + "Дорожная карта " * 30 + "</p>")

    with _pages(data) as document:
        assert words_outside_page(document.pages[0])


def test_the_checks_find_words_printed_over_each_other(tmp_path):
    data = _pdf(tmp_path, '<p>Тема мероприятия</p>'
                          '<p style="margin-top: -6mm">01.02.2022 проведено</p>')

    with _pages(data) as document:
        assert overlapping_words(document.pages[0])


def test_the_checks_find_a_word_across_its_cells_border(tmp_path):
    data = _pdf(tmp_path, '<table class="fixed"><tbody><tr>'
                          '<td style="width: 15mm; white-space: nowrap">01.09.2021—31.12.2021</td>'
                          '<td>Стажировочная сессия</td></tr></tbody></table>')

    with _pages(data) as document:
        assert words_crossing_cells(document.pages[0])


def test_the_checks_find_a_word_in_the_side_margin(tmp_path):
    # On the page, but past the right edge of the text: the page-edge check misses it.
    data = _pdf(tmp_path, '<p style="margin-right: -14mm; text-align: right">'
                          "Показатель-доля</p>")

    with _pages(data) as document:
        assert words_outside_page(document.pages[0]) == []
        assert words_outside_text_area(document.pages[0])


def test_the_checks_find_a_mostly_blank_page_before_an_ordinary_chapter(tmp_path):
    data = _pdf(tmp_path, '<section class="title-page">Титул</section>'
                          '<p>Введение кончается здесь.</p>'
                          '<h2 style="break-before: page">2. Глава</h2><p>Начало главы.</p>'
                          '<p style="break-before: page">Продолжение.</p>'
                          '<h2 style="break-before: page">Приложение 1. Форма журнала</h2>'
                          '<p>Форма.</p>'
                          '<p style="break-before: page">Последняя страница.</p>')

    with _pages(data) as document:
        # Page 2 ends the introduction, but chapter 2 did not need a page of its own;
        # page 4 ends before an appendix, which does; the last page may be short.
        found = [item.split(":")[0] for item in sparse_pages(document)]
    assert found == ["стр. 2", "стр. 3", "стр. 5"]


def test_a_line_chart_keeps_a_long_legend_label_within_the_text(tmp_path):
    long_label = ("Доля обучающихся — победителей и призёров регионального этапа "
                  "всероссийской олимпиады школьников")
    chart = charts.line_chart(
        labels=["2021–2022", "2022–2023", "2023–2024"],
        series=[charts.Series(label="Школы с низкими результатами", values=[10, 8, 6]),
                charts.Series(label=long_label, values=[0.9, 1.2, 1.5])],
        title="Показатели-доли", scale_max=100, unit=" %", height=226)
    data = _pdf(tmp_path, f"<figure>{chart}</figure>")

    with _pages(data) as document:
        assert words_outside_text_area(document.pages[0]) == []
    # The label wraps rather than being cut (SVG text reads back without its spaces).
    assert "олимпиадышкольников" in pdf_text(data)


def test_two_lines_of_team_badges_are_not_read_as_a_table(tmp_path):
    chips = "".join(f'<span class="chip tier-leader">МБОУ СОШ № {number}</span>'
                    for number in range(1, 19))
    data = _pdf(tmp_path, f'<p class="small">Команды площадки: {chips}</p>')

    with _pages(data) as document:
        assert words_crossing_cells(document.pages[0]) == []


def test_a_header_word_too_long_for_its_column_is_hyphenated(tmp_path):
    data = _pdf(tmp_path, '<table class="fixed"><thead><tr><th style="width: 15mm">'
                          'Мероприятий</th><th>Тема</th></tr></thead></table>')

    with _pages(data) as document:
        parts = [word["text"] for word in document.pages[0].extract_words()
                 if word["text"] not in ("Тема", "стр.", "1", "из")]
    # Broken across lines, every part but the last ends with a hyphen.
    assert len(parts) > 1
    assert all(part.endswith("\u2010") for part in parts[:-1]), parts


def test_a_schools_name_keeps_its_number_in_a_narrow_column(tmp_path):
    cell = Template("{% load ru %}{{ name|unbroken_number }}").render(
        Context({"name": "МБОУ СОШ № 16"}))
    data = _pdf(tmp_path, '<table class="fixed"><tbody><tr><td style="width: 20mm">'
                          f'{cell}</td><td>Семинар</td></tr></tbody></table>')

    with _pages(data) as document:
        words = {word["text"]: word["top"] for word in document.pages[0].extract_words()}
    assert words["№"] == words["16"] == words["СОШ"]
    assert layout_problems(data) == []


def test_a_total_row_never_opens_a_page_alone(tmp_path):
    # Thirty-five schools fill the first page; the total row keeps the last of them.
    rows = "".join(f"<tr><td>МБОУ СОШ № {number}</td><td class='num'>{number}</td></tr>"
                   for number in range(1, 36))
    data = _pdf(tmp_path, '<table class="fixed"><thead><tr><th class="name">Организация</th>'
                          '<th class="num">Поб</th></tr></thead><tbody><tr class="group">'
                          '<th colspan="2">Общеобразовательные организации</th></tr>'
                          f'{rows}<tr class="total"><td>Итого: общеобразовательные '
                          'организации</td><td class="num">630</td></tr></tbody></table>')

    with _pages(data) as document:
        assert len(document.pages) == 2
        last_page = document.pages[1].extract_text()
    assert "Итого" in last_page
    assert "МБОУ СОШ № 35" in last_page


def test_a_clean_table_passes_every_check(tmp_path):
    rows = "".join(f"<tr><td class='num'>{day:02d}.02.2022</td><td>Управленческая команда "
                   f"школы: направления работы, условия развития и перспективы</td>"
                   f"<td>МБОУ СОШ № {day}</td></tr>" for day in range(1, 28))
    data = _pdf(tmp_path, '<table class="fitted"><thead><tr><th>Срок</th><th>Тема</th>'
                          f'<th>Команда</th></tr></thead><tbody>{rows}</tbody></table>')

    assert layout_problems(data) == []


@pytest.mark.django_db
def test_the_demo_handbook_is_laid_out_cleanly_and_gives_no_screen_instructions(tmp_path):
    load_demo()
    load_demo_diagnostics()
    load_demo_chain()
    load_demo_handbook()
    municipality = Municipality.objects.get(name__contains="Крымский")
    output = tmp_path / "handbook.pdf"

    build_handbook(municipality=municipality, period=None, parameters={}, output=output,
                   progress=lambda *args: None)

    data = output.read_bytes()
    assert layout_problems(data) == []
    text = pdf_text(data)
    assert SCREEN_WORDS.findall(text) == []
    for chapter in ("1. Нормативная база", "2. Модель сопровождения управленческих команд",
                    "3. Пошаговая организация системы", "4. Формы работы",
                    "5. Содержание работы по направлениям",
                    "6. Диагностические методики и инструменты", "7. Результаты",
                    "8. Сетевое взаимодействие", "9. Выводы и рекомендации",
                    "Приложение 5. Форма соглашения о сетевом взаимодействии"):
        assert text.count(chapter) == 2, chapter  # in the contents and as the heading
    assert "Федеральный закон от 29 декабря 2012 г. № 273-ФЗ" in text
    # The network chapter's table of forms, from the department's text (its first
    # column wraps between the words «Стажировочные» and «сессии»).
    assert "Стажировочные" in text
    assert "Управленческая команда школы: направления" in text
    # The plan's forms of work are not broken across lines.
    assert "Семи\u2010" not in text


@pytest.mark.django_db
def test_the_demo_monitoring_report_is_laid_out_cleanly(tmp_path):
    load_demo()
    load_demo_diagnostics()
    municipality = Municipality.objects.get(name__contains="Крымский")
    output = tmp_path / "monitoring.pdf"

    build_monitoring_report(municipality=municipality, period=None, parameters={},
                            output=output, progress=lambda *args: None)

    assert layout_problems(output.read_bytes()) == []


@pytest.mark.django_db
def test_the_full_demos_control_point_reports_are_laid_out_cleanly(tmp_path):
    # The whole demo, as the CLI builds it: a control point in the middle of a year
    # (12.2023: a year compared with the one before, every section of shares), one whose
    # staffing table ends at a page's foot (12.2022) and the efficiency monitoring (09.2024).
    call_command("load_demo", stdout=io.StringIO())
    municipality = Municipality.objects.get(name__contains="Крымский")

    for year, month in ((2023, 12), (2022, 12), (2024, 9)):
        point = ControlPoint.objects.get(programme__municipality=municipality,
                                         starts_on__year=year, starts_on__month=month)
        output = tmp_path / f"monitoring-{point.pk}.pdf"
        build_monitoring_report(municipality=municipality, period=None,
                                parameters={"control_point": point.pk}, output=output,
                                progress=lambda *args: None)

        assert layout_problems(output.read_bytes()) == [], str(point)
