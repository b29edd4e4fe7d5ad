"""What the report benchmarks (``excel.py``, ``pdf.py``) share: Django set up from the
environment, the header of the run, memory readings, the municipality and year a report is
built for, a result table, a PDF's page count."""

import os
import re
import resource
import statistics
import sys
import zlib

DEFAULT_MUNICIPALITY = "Синтетическое МО 0001"


def add_report_arguments(parser) -> None:
    """The options both report benchmarks take: which municipality, which year, how often."""
    parser.add_argument("--municipality", default=DEFAULT_MUNICIPALITY,
                        help="муниципальное образование (название или его часть)")
    parser.add_argument("--period", default="",
                        help="учебный год, например 2025-2026; по умолчанию текущий")
    parser.add_argument("--repeat", type=int, default=3,
                        help="запусков каждой стороны, поочерёдно")


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def rss_now_mb() -> float:
    """The resident memory of this process now (Linux), in MB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    """The highest resident memory this process has had so far, in MB (Linux counts KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def median(values: list[float]) -> float:
    return statistics.median(values)


def print_environment(*, title: str, libraries: list[str]) -> None:
    """The header every benchmark prints (machine, date, command, data sizes), then the
    versions of the libraries that do the work."""
    from bench import run_info

    run_info.print_header(title, {
        "machine": run_info.machine(), "date": run_info.started_at(),
        "command": run_info.command_line(), "database": run_info.database_label(),
        "sizes": run_info.data_sizes(),
    })
    versions = []
    for name in libraries:
        module = __import__(name)
        versions.append(f"{name} {getattr(module, '__version__', '?')}")
    print(f"Библиотеки: {', '.join(versions)}")


def report_target(*, municipality_name: str, period_title: str):
    """The municipality and academic year as ``manage.py build_report`` finds them:
    the year named, else the current one."""
    from django.core.management import CommandError
    from django.utils import timezone

    from diagnostics.imports.base import find_period
    from diagnostics.imports.commands import municipality_named
    from internships.periods import municipality_default_period

    try:
        municipality = municipality_named(municipality_name)
    except CommandError as error:
        sys.exit(str(error))
    period = (find_period(municipality, period_title) if period_title
              else municipality_default_period(municipality=municipality,
                                               today=timezone.localdate()))
    if period is None:
        sys.exit(f"Учебный год «{period_title or 'текущий'}» не найден у "
                 f"«{municipality.name}».")
    return municipality, period


def print_result_table(header: list[str], rows: list[list[str]]) -> None:
    """A plain text table, columns right-aligned but the first."""
    widths = [max(len(str(row[index])) for row in [header, *rows])
              for index in range(len(header))]
    for row in [header, *rows]:
        cells = [str(value).ljust(widths[0]) if index == 0 else str(value).rjust(widths[index])
                 for index, value in enumerate(row)]
        print("  ".join(cells))


def number(value: float, digits: int = 2) -> str:
    return f"{value:,.{digits}f}".replace(",", " ")


PDF_STREAM = re.compile(rb"stream\r?\n")
PDF_PAGE_COUNT = re.compile(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", re.DOTALL)


def pdf_page_count(content: bytes) -> int:
    """The page count of a PDF's page tree, looked for in the file and in every compressed
    object stream (WeasyPrint packs its objects into them)."""
    chunks = [content]
    for match in PDF_STREAM.finditer(content):
        end = content.find(b"endstream", match.end())
        try:
            chunks.append(zlib.decompress(content[match.end():end]))
        except zlib.error:
            continue
    return max((int(value) for chunk in chunks for value in PDF_PAGE_COUNT.findall(chunk)),
               default=0)
