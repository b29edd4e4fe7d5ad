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

from demo.diagnostics import load_demo_diagnostics
from demo.krymsky import load_demo
from demo.krymsky_chain import load_demo_chain
from demo.krymsky_handbook import load_demo_handbook
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


def test_the_checks_find_a_mostly_blank_page_inside_a_chapter(tmp_path):
    data = _pdf(tmp_path, '<section class="title-page">Титул</section>'
                          '<p>Введение кончается здесь.</p>'
                          '<h2 style="break-before: page">2. Глава</h2><p>Начало главы.</p>'
                          '<p style="break-before: page">Продолжение.</p>'
                          '<p style="break-before: page">Последняя страница.</p>')

    with _pages(data) as document:
        # Page 2 ends the introduction (page 3 opens a chapter); the last page may be short.
        found = [item.split(":")[0] for item in sparse_pages(document)]
    assert found == ["стр. 3", "стр. 4"]


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
    assert "Стажировочные сессии" in text


@pytest.mark.django_db
def test_the_demo_monitoring_report_is_laid_out_cleanly(tmp_path):
    load_demo()
    load_demo_diagnostics()
    municipality = Municipality.objects.get(name__contains="Крымский")
    output = tmp_path / "monitoring.pdf"

    build_monitoring_report(municipality=municipality, period=None, parameters={},
                            output=output, progress=lambda *args: None)

    assert layout_problems(output.read_bytes()) == []
