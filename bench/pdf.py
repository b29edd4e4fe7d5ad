"""Benchmark of the monitoring report and the handbook (PDF) against WeasyPrint laying out the
same HTML alone.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python bench/pdf.py
    .venv/bin/python bench/pdf.py --municipality "Синтетическое МО 0001" --period 2025-2026 \\
        --repeat 5 --documents monitoring

OURS builds each document exactly as the report job does (``reports.jobs.build_to_file``):
the data read from the database, the HTML, then the layout in a child process with a time
limit. FLOOR lays out the same final HTML (``monitoring_document``/``handbook_document``, the
functions the builders call) with WeasyPrint in this process, with the same base URL, URL
fetcher, stylesheet and fonts, so it does the same layout work and nothing else. The
builders' progress marks split our time into «data and HTML» and «layout in the child
process»; the child's own cost is that layout time minus the floor. A child process that
lays out an empty page is measured too: the fixed price of a process start.
"""

import argparse
import logging
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

DOCUMENTS = ("monitoring", "handbook")
DOCUMENT_NAMES = {"monitoring": "Мониторинговый отчёт", "handbook": "Методическое пособие"}
# The builders' progress stages around the layout (reports/pdf/monitoring.py, handbook.py).
LAYOUT_STARTS = "Вёрстка PDF"
LAYOUT_DONE = "PDF готов"
EMPTY_HTML = "<!DOCTYPE html><html lang=\"ru\"><body><p>.</p></body></html>"


def document_html(document: str, *, municipality, period) -> str:
    """The final HTML the builder lays out, from the builder's own function."""
    from reports.pdf.handbook import handbook_document
    from reports.pdf.monitoring import monitoring_document

    make = {"monitoring": monitoring_document, "handbook": handbook_document}[document]
    html, _ = make(municipality=municipality, period=period, parameters={},
                   progress=lambda percent, stage: None)
    return html


def build_ours(document: str, *, municipality, period, output: Path) -> dict[str, float]:
    """The document as the report job builds it; seconds in all and by stage (the stage
    seconds are missing when the builder does not report them)."""
    from reports.jobs import build_to_file
    from reports.models import ReportKind

    marks: dict[str, float] = {}

    def progress(percent: int, stage: str) -> None:
        marks.setdefault(stage, time.perf_counter())

    started = time.perf_counter()
    build_to_file(kind=ReportKind(document), municipality=municipality, period=period,
                  parameters={}, output=output, progress=progress)
    finished = time.perf_counter()
    seconds = {"total": finished - started}
    if LAYOUT_STARTS in marks and LAYOUT_DONE in marks:
        seconds["data"] = marks[LAYOUT_STARTS] - started
        seconds["layout"] = marks[LAYOUT_DONE] - marks[LAYOUT_STARTS]
    return seconds


def render_floor(html: str, *, output: Path) -> int:
    """WeasyPrint alone on the HTML, with the base URL, fetcher and fonts the child uses;
    the number of pages."""
    from reports.pdf.render import StaticFilesOnly, default_base_url, static_roots, write_document

    return write_document(html=html, output=output, base_url=default_base_url(),
                          fetcher=StaticFilesOnly(roots=static_roots()))


@dataclass
class Figures:
    ours: list[float] = field(default_factory=list)
    data: list[float] = field(default_factory=list)
    layout: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)


def check_pdf(path: Path) -> tuple[int, int, str]:
    """Pages, bytes and what is wrong with the file («» when it is a PDF of several pages)."""
    from bench.report_bench import pdf_page_count

    content = path.read_bytes()
    pages = pdf_page_count(content)
    if not content.startswith(b"%PDF"):
        return pages, len(content), "файл не начинается с %PDF"
    if pages <= 1:
        return pages, len(content), f"страниц {pages}, ожидалось больше одной"
    return pages, len(content), ""


def main() -> None:
    here = Path(__file__).resolve().parent
    # Run as a script, the project root joins sys.path in place of this folder.
    sys.path[:] = [str(here.parent)] + [entry for entry in sys.path
                                         if Path(entry or ".").resolve() != here]
    from bench.report_bench import add_report_arguments

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_report_arguments(parser)
    parser.add_argument("--documents", default=",".join(DOCUMENTS),
                        help="какие документы: monitoring, handbook через запятую")
    parser.add_argument("--work-dir", default="",
                        help="папка для файлов (по умолчанию временная, удаляется)")
    parser.add_argument("--keep", action="store_true", help="не удалять файлы после замера")
    arguments = parser.parse_args()
    documents = [name.strip() for name in arguments.documents.split(",") if name.strip()]
    unknown = sorted(set(documents) - set(DOCUMENTS))
    if unknown or not documents:
        parser.error(f"--documents: неизвестные документы {unknown}; есть {list(DOCUMENTS)}")
    if arguments.repeat < 1:
        parser.error("--repeat должен быть не меньше 1")
    sys.exit(run_benchmark(arguments, documents=documents))


def run_benchmark(arguments, *, documents: list[str]) -> int:
    from bench.report_bench import print_environment, report_target, setup_django

    setup_django()
    from teams.models import Organization

    # The layout child has no logging set up, so the font subsetter's notes and WeasyPrint's
    # warnings go nowhere there; here they would flood the result.
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    print_environment(title="Замер: PDF-отчёты портала против одной вёрстки WeasyPrint",
                      libraries=["weasyprint", "pydyf"])
    municipality, period = report_target(municipality_name=arguments.municipality,
                                         period_title=arguments.period)
    organizations = Organization.objects.filter(municipality=municipality).count()
    print(f"Муниципальное образование: {municipality.name} (организаций: {organizations}), "
          f"учебный год {period.title}")
    print(f"Документы: {', '.join(DOCUMENT_NAMES[name] for name in documents)}; "
          f"запусков каждой стороны: {arguments.repeat}")

    work = Path(arguments.work_dir or tempfile.mkdtemp(prefix="bench-pdf-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _measure(documents, municipality=municipality, period=period,
                        repeat=arguments.repeat, work=work)
    finally:
        if arguments.keep:
            print(f"Файлы оставлены в {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def _measure(documents: list[str], *, municipality, period, repeat: int, work: Path) -> int:
    from bench.report_bench import median, number, print_result_table
    from reports.errors import ReportError
    from reports.pdf.render import render_pdf

    html = {}
    print()
    for document in documents:
        # The first build warms the database's cache and the templates; not counted.
        try:
            first = build_ours(document, municipality=municipality, period=period,
                               output=work / f"ours-{document}.pdf")
        except ReportError as error:
            print(f"{DOCUMENT_NAMES[document]}: ошибка сборки: {error.message}",
                  file=sys.stderr)
            return 1
        html[document] = document_html(document, municipality=municipality, period=period)
        print(f"{DOCUMENT_NAMES[document]}: первая (прогревающая) сборка "
              f"{number(first['total'])} с, в замер не входит; HTML "
              f"{number(len(html[document].encode()) / 1024, 0)} КБ")

    figures = {document: Figures() for document in documents}
    empty_child = []
    for attempt in range(1, repeat + 1):
        for document in documents:
            ours_file = work / f"ours-{document}.pdf"
            try:
                seconds = build_ours(document, municipality=municipality, period=period,
                                     output=ours_file)
            except ReportError as error:
                print(f"{DOCUMENT_NAMES[document]}: ошибка сборки: {error.message}",
                      file=sys.stderr)
                return 1
            started = time.perf_counter()
            render_floor(html[document], output=work / f"floor-{document}.pdf")
            floor = time.perf_counter() - started
            item = figures[document]
            item.ours.append(seconds["total"])
            item.floor.append(floor)
            if "data" in seconds:
                item.data.append(seconds["data"])
                item.layout.append(seconds["layout"])
            print(f"  запуск {attempt}: {DOCUMENT_NAMES[document]}: портал "
                  f"{number(seconds['total'])} с, WeasyPrint {number(floor)} с")
        started = time.perf_counter()
        render_pdf(html=EMPTY_HTML, output=work / "empty.pdf")
        empty_child.append(time.perf_counter() - started)

    failures = []
    rows = []
    for document in documents:
        ours_pages, ours_bytes, ours_problem = check_pdf(work / f"ours-{document}.pdf")
        floor_pages, floor_bytes, floor_problem = check_pdf(work / f"floor-{document}.pdf")
        name = DOCUMENT_NAMES[document]
        for side, problem in [("портала", ours_problem), ("WeasyPrint", floor_problem)]:
            if problem:
                failures.append(f"{name}, файл {side}: {problem}")
        if ours_pages != floor_pages:
            failures.append(f"{name}: страниц у портала {ours_pages}, у WeasyPrint "
                            f"{floor_pages}")
        item = figures[document]
        overhead = median(item.ours) - median(item.floor)
        rows.append([
            name, ours_pages, number(ours_bytes / 1024, 0), number(floor_bytes / 1024, 0),
            f"{number(median(item.ours))} / {number(min(item.ours))}",
            f"{number(median(item.floor))} / {number(min(item.floor))}",
            number(overhead), f"{median(item.ours) / median(item.floor):.2f}",
            number(median(item.data)) if item.data else "—",
            number(median(item.layout) - median(item.floor)) if item.layout else "—",
        ])
    print()
    print_result_table(
        ["Документ", "страниц", "портал, КБ", "WeasyPrint, КБ", "портал, с (мед./мин.)",
         "WeasyPrint, с (мед./мин.)", "накладные, с", "отношение", "из них данные и HTML, с",
         "из них дочерний процесс, с"],
        rows,
    )
    print(f"\nДочерний процесс на пустой странице (запуск, импорт, шрифты): "
          f"{number(median(empty_child))} с по медиане, {number(min(empty_child))} с минимум")
    print("Накладные = портал − WeasyPrint (медианы); «данные и HTML» — от начала сборки до "
          "вёрстки; «дочерний процесс» — вёрстка в дочернем процессе минус WeasyPrint в этом.")
    if failures:
        print("\n".join(failures), file=sys.stderr)
        return 1
    print("Проверка: все PDF начинаются с %PDF, страниц больше одной, у портала и WeasyPrint "
          "поровну.")
    return 0


if __name__ == "__main__":
    main()
