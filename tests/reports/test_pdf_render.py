"""The PDF renderer: static files only, bundled fonts embedded, a real time limit."""

from pathlib import Path

import pytest
from django.conf import settings

from reports.errors import ReportError
from reports.pdf.render import (
    RefusedResource,
    StaticFilesOnly,
    default_base_url,
    render_pdf,
    static_roots,
    write_document,
)
from tests.reports.pdf_checks import font_descriptors, font_names, page_count

STATIC = Path(settings.BASE_DIR) / "static"
PAGE = """<!doctype html><html lang="ru"><head><meta charset="utf-8">
<link rel="stylesheet" href="reports/pdf.css"></head>
<body><h1>Проверка кириллицы: «ёлка», № 7 — «Ъ»</h1><p>Съешь же ещё этих мягких французских
булок, да выпей чаю.</p><div class="prose"><p>Текст с засечками.</p></div>{extra}</body></html>"""
BUNDLED_FONTS = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf",
                 "DejaVuSerif-Bold.ttf"}


@pytest.fixture
def fetcher():
    return StaticFilesOnly(roots=static_roots())


def test_it_bundles_the_dejavu_fonts_with_their_licence():
    fonts = STATIC / "fonts"
    assert {path.name for path in fonts.glob("*.ttf")} >= BUNDLED_FONTS
    licence = (fonts / "LICENSE").read_text(encoding="utf-8")
    assert "Bitstream Vera" in licence and "DejaVu" in licence


def test_it_serves_the_stylesheet_and_fonts_from_the_static_folder(fetcher):
    stylesheet = fetcher.fetch(default_base_url() + "reports/pdf.css")
    font = fetcher.fetch("static:fonts/DejaVuSans.ttf")

    assert b"@font-face" in stylesheet.read()
    assert stylesheet.content_type == "text/css"
    assert font.read() == (STATIC / "fonts" / "DejaVuSans.ttf").read_bytes()


@pytest.mark.parametrize("url", [
    "http://example.com/logo.png",
    "https://127.0.0.1/reports/pdf.css",
    "ftp://example.com/x",
    "file:///etc/passwd",
    "data:text/css,body{}",
    "static:../config/settings.py",
    "static:/etc/passwd",
    "static:reports/missing.css",
    "file://remote-host/static/reports/pdf.css",
])
def test_it_refuses_addresses_outside_the_static_files(fetcher, url):
    with pytest.raises(RefusedResource):
        fetcher.fetch(url)


def test_it_refuses_a_dot_dot_escape_from_the_static_folder(fetcher):
    escape = default_base_url() + "reports/../../config/settings.py"

    with pytest.raises(RefusedResource):
        fetcher.fetch(escape)
    with pytest.raises(RefusedResource):
        fetcher.fetch((STATIC / ".." / "manage.py").as_uri())


def test_it_refuses_a_symlink_that_leads_out_of_the_static_folder(tmp_path):
    root = tmp_path / "static"
    root.mkdir()
    (root / "passwd.css").symlink_to("/etc/passwd")
    fetcher = StaticFilesOnly(roots=[root])

    with pytest.raises(RefusedResource):
        fetcher.fetch((root / "passwd.css").as_uri())


def test_it_embeds_only_the_bundled_dejavu_fonts_and_fetches_them_itself(tmp_path, fetcher):
    output = tmp_path / "page.pdf"

    pages = write_document(html=PAGE.format(extra=""), output=output,
                           base_url=default_base_url(), fetcher=fetcher)

    data = output.read_bytes()
    assert data.startswith(b"%PDF")
    assert pages == 1 == page_count(data)
    names = font_names(data)
    assert names and all(name.startswith("DejaVu-") for name in names), names
    assert {"DejaVu-Sans", "DejaVu-Sans-Bold", "DejaVu-Serif"} <= names
    descriptors = font_descriptors(data)
    assert descriptors and all(b"/FontFile2" in item for item in descriptors)
    served = {url.rsplit("/", 1)[-1] for url in fetcher.served}
    assert {"pdf.css", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf"} <= served


def test_the_page_footer_uses_the_same_font(tmp_path, fetcher):
    """A page with an empty body prints only its footer, «стр. 1 из 1»."""
    output = tmp_path / "footer.pdf"
    html = ('<!doctype html><html lang="ru"><head><meta charset="utf-8">'
            '<link rel="stylesheet" href="reports/pdf.css"></head><body></body></html>')

    write_document(html=html, output=output, base_url=default_base_url(), fetcher=fetcher)

    assert font_names(output.read_bytes()) == {"DejaVu-Sans"}


def test_it_renders_in_a_child_process_and_returns_the_page_count(tmp_path):
    output = tmp_path / "report.pdf"
    long_body = "<p>Строка отчёта.</p>" * 200

    pages = render_pdf(html=PAGE.format(extra=long_body), output=output)

    assert pages > 1
    assert page_count(output.read_bytes()) == pages


def test_it_stops_a_render_over_the_time_limit_with_a_russian_reason(tmp_path, settings):
    settings.REPORT_RENDER_SECONDS = 0.05
    output = tmp_path / "slow.pdf"

    with pytest.raises(ReportError) as refusal:
        render_pdf(html=PAGE.format(extra="<p>Текст</p>" * 2000), output=output)

    assert "не успел сформироваться за 0.05 с" in refusal.value.message
    assert not output.exists()


def test_it_refuses_to_render_a_page_that_loads_from_the_network(tmp_path):
    output = tmp_path / "network.pdf"

    with pytest.raises(ReportError) as refusal:
        render_pdf(html=PAGE.format(extra='<img src="http://example.com/logo.png">'),
                   output=output)

    assert "недопустимому адресу" in refusal.value.message
    assert "http://example.com/logo.png" in refusal.value.message
    assert not output.exists()


def test_it_refuses_to_render_a_page_that_reads_a_file_elsewhere(tmp_path):
    output = tmp_path / "file.pdf"

    with pytest.raises(ReportError):
        render_pdf(html=PAGE.format(extra='<img src="file:///etc/passwd">'), output=output)

    assert not output.exists()
