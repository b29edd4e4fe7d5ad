"""Benchmark of the analysts' indicator workbook (Excel) against bare openpyxl and bare
XlsxWriter writing the same cells.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python bench/excel.py
    .venv/bin/python bench/excel.py --municipality "Синтетическое МО 0001" --period 2025-2026 \\
        --repeat 5 --tracemalloc --profile /tmp/excel.prof

OURS is the workbook the report job and ``manage.py build_report indicators`` write
(``reports.jobs.build_to_file``), queries included. FLOOR writes the very cells of that
workbook with ``Workbook(write_only=True)`` and nothing else (no styles, number formats,
widths, frozen panes or chart): the cells are read back from our workbook beforehand (not
timed) into one pickle stream per sheet, and the floor streams them from disk, so its time
includes reading those lines. A formula cell is written as the same formula (XlsxWriter
with the portal's result beside it; openpyxl cannot store one). There are two floors:
openpyxl write-only and XlsxWriter ``constant_memory``; the faster is the floor. Each run
is a fresh child process of this interpreter, so its peak memory is its own.
"""

import argparse
import json
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

MANIFEST = "sheets.json"
TARGET_RATIO = 1.3
TARGET_PEAK_MB = 200
SIDES = ("ours", "floor", "xlsxwriter")
FLOORS = ("floor", "xlsxwriter")
SIDE_NAMES = {"ours": "портал", "floor": "голый openpyxl", "xlsxwriter": "голый XlsxWriter"}


@dataclass(frozen=True)
class FormulaCell:
    """A formula cell of the workbook: the formula and the result stored with it (files
    are compared by formula only: openpyxl stores no result)."""

    text: str
    result: object = field(default=None, compare=False)


# --- The two sides, importable (tests run them in-process on the test database) ------------

def build_ours(*, municipality, period, output: Path) -> str:
    """The portal's indicator workbook, written by the report job's own code path."""
    from reports.jobs import build_to_file
    from reports.models import ReportKind

    return build_to_file(kind=ReportKind.INDICATORS, municipality=municipality, period=period,
                         parameters={}, output=output, progress=lambda percent, stage: None)


def _trimmed(row: tuple) -> tuple:
    """A row without its trailing empty cells: a write-only file keeps no empty cell, and a
    reader pads rows to the sheet's width or not, depending on the file."""
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return tuple(row[:end])


def read_rows(workbook: Path) -> Iterator[tuple[str, Iterator[tuple]]]:
    """Each sheet's title and its rows of values, read in openpyxl's read-only mode; a
    formula cell is a FormulaCell."""
    from openpyxl import load_workbook

    book = load_workbook(workbook, read_only=True)
    results = load_workbook(workbook, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            yield sheet.title, (
                _trimmed(tuple(FormulaCell(cell.value, stored.value) if cell.data_type == "f"
                               else cell.value for cell, stored in zip(row, stored_row,
                                                                       strict=False)))
                for row, stored_row in zip(sheet.iter_rows(),
                                           results[sheet.title].iter_rows(), strict=False))
    finally:
        book.close()
        results.close()


def dump_lines(*, workbook: Path, folder: Path) -> list[dict]:
    """Write the cell values of ``workbook`` to ``folder``: a pickle stream per sheet, one
    row per record, and the manifest of sheet titles in order. Returns the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = []
    for index, (title, rows) in enumerate(read_rows(workbook)):
        name = f"sheet-{index:02d}.pickle"
        count = 0
        with open(folder / name, "wb") as stream:
            for row in rows:
                pickle.dump(row, stream, protocol=pickle.HIGHEST_PROTOCOL)
                count += 1
        manifest.append({"title": title, "file": name, "rows": count})
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return manifest


def read_lines(folder: Path) -> Iterator[tuple[str, Iterator[tuple]]]:
    """Each sheet's title and its rows as ``dump_lines`` wrote them, streamed from disk."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    for sheet in manifest:
        yield sheet["title"], _pickled_rows(folder / sheet["file"])


def _pickled_rows(path: Path) -> Iterator[tuple]:
    with open(path, "rb") as stream:
        while True:
            try:
                yield pickle.load(stream)
            except EOFError:
                return


def write_floor(*, folder: Path, output: Path) -> None:
    """The same sheets and cell values with bare openpyxl write-only; nothing else."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    for title, rows in read_lines(folder):
        sheet = book.create_sheet(title=title)
        for row in rows:
            if any(isinstance(value, (str, FormulaCell)) for value in row):
                # A text that looks like a formula stays a text, as in the portal's file.
                row = [value.text if isinstance(value, FormulaCell)
                       else _text(WriteOnlyCell(sheet, value=value))
                       if isinstance(value, str) and value.startswith("=") else value
                       for value in row]
            sheet.append(row)
    book.save(output)


def write_floor_xlsxwriter(*, folder: Path, output: Path) -> None:
    """The same sheets, cells and formulas (with their results) with bare XlsxWriter in
    constant-memory mode; nothing else."""
    import datetime

    import xlsxwriter

    book = xlsxwriter.Workbook(str(output), {"constant_memory": True,
                                             "strings_to_formulas": False})
    # A date is a number to XlsxWriter unless it has a date format.
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    for title, rows in read_lines(folder):
        sheet = book.add_worksheet(title)
        for number, row in enumerate(rows):
            for column, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(number, column, value)
                elif isinstance(value, FormulaCell):
                    sheet.write_formula(number, column, value.text, None,
                                        "" if value.result is None else value.result)
                elif isinstance(value, datetime.datetime):
                    sheet.write_datetime(number, column, value, date)
                else:
                    sheet.write_number(number, column, value)
    book.close()


def _text(cell):
    cell.data_type = "s"
    return cell


def differences(*, folder: Path, workbook: Path, limit: int = 10) -> list[str]:
    """Where ``workbook`` differs from the lines in ``folder``: sheets, then cell values
    (formulas by their text)."""
    expected = list(read_lines(folder))
    actual = read_rows(workbook)
    try:
        found = []
        for title, wanted_rows in expected:
            got_title, got_rows = next(actual, (None, iter(())))
            if got_title != title:
                return [f"листы: ожидался «{title}», в файле {got_title!r}"]
            number = 0
            while len(found) < limit:
                number += 1
                wanted, got = next(wanted_rows, None), next(got_rows, None)
                if wanted is None and got is None:
                    break
                if wanted != got:
                    found.append(f"«{title}», строка {number}: ожидалось {wanted!r}, "
                                 f"в файле {got!r}")
        extra = next(actual, None)
        if extra is not None:
            found.append(f"лишний лист «{extra[0]}»")
        return found
    finally:
        actual.close()


# --- A run in a child process -------------------------------------------------------------

def _child(arguments) -> None:
    """Run one side once and print its figures as one JSON line."""
    output = Path(arguments.output)
    if arguments.child == "ours":
        from bench.report_bench import report_target, setup_django

        setup_django()
        import reports.jobs  # noqa: F401 — the worker has it loaded before any job

        municipality, period = report_target(municipality_name=arguments.municipality,
                                             period_title=arguments.period)
        work = partial(build_ours, municipality=municipality, period=period, output=output)
    else:
        # Loads every module a save needs, as the portal's process has loaded them.
        from io import BytesIO

        import xlsxwriter
        from openpyxl import Workbook

        Workbook(write_only=True).save(BytesIO())
        xlsxwriter.Workbook(BytesIO(), {"in_memory": True}).close()
        writer = write_floor if arguments.child == "floor" else write_floor_xlsxwriter
        work = partial(writer, folder=Path(arguments.lines), output=output)
    from bench.report_bench import peak_rss_mb, rss_now_mb

    baseline = rss_now_mb()
    if arguments.trace:
        import tracemalloc

        tracemalloc.start()
    profiler = None
    if arguments.profile_to:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    work()
    seconds = time.perf_counter() - started
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(arguments.profile_to)
    result = {"seconds": seconds, "baseline_mb": baseline, "peak_mb": peak_rss_mb(),
              "bytes": output.stat().st_size}
    if arguments.trace:
        result["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    print(json.dumps(result))


def run_child(side: str, arguments, *, output: Path, lines: Path, trace: bool = False,
              profile_to: str = "") -> dict | None:
    """One run of a side in a fresh process; its figures, or None when it failed."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", side,
               "--output", str(output), "--lines", str(lines),
               "--municipality", arguments.municipality, "--period", arguments.period]
    if trace:
        command.append("--trace")
    if profile_to:
        command += ["--profile-to", profile_to]
    finished = subprocess.run(command, capture_output=True, text=True,
                              cwd=Path(__file__).resolve().parent.parent, check=False)
    if finished.returncode != 0:
        print(f"Ошибка ({SIDE_NAMES[side]}, код {finished.returncode}):", file=sys.stderr)
        print(finished.stderr.strip() or finished.stdout.strip(), file=sys.stderr)
        return None
    return json.loads(finished.stdout.strip().splitlines()[-1])


# --- The benchmark ------------------------------------------------------------------------

def _print_profile(path: str, count: int = 30) -> None:
    import pstats

    print(f"\nПрофиль одного запуска портала (cProfile, {path}), первые {count} по общему "
          "времени:")
    pstats.Stats(path, stream=sys.stdout).sort_stats("cumulative").print_stats(count)
    pstats.Stats(path, stream=sys.stdout).sort_stats("tottime").print_stats(count)


def main() -> None:
    here = Path(__file__).resolve().parent
    # Run as a script, the project root joins sys.path in place of this folder.
    sys.path[:] = [str(here.parent)] + [entry for entry in sys.path
                                         if Path(entry or ".").resolve() != here]
    from bench.report_bench import add_report_arguments

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_report_arguments(parser)
    parser.add_argument("--work-dir", default="",
                        help="папка для файлов (по умолчанию временная, удаляется)")
    parser.add_argument("--keep", action="store_true", help="не удалять файлы после замера")
    parser.add_argument("--no-verify", action="store_true",
                        help="не сверять файлы с ячейками после замера")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="ещё по запуску каждой стороны с tracemalloc (время не в счёт)")
    parser.add_argument("--profile", default="",
                        help="ещё один запуск портала под cProfile, статистика в этот файл")
    parser.add_argument("--child", choices=SIDES, help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    parser.add_argument("--lines", default="", help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--profile-to", default="", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        _child(arguments)
        return
    if arguments.repeat < 1:
        parser.error("--repeat должен быть не меньше 1")
    sys.exit(run_benchmark(arguments))


def run_benchmark(arguments) -> int:
    from bench.report_bench import (
        median,
        number,
        print_environment,
        print_result_table,
        report_target,
        setup_django,
    )

    setup_django()
    from teams.models import Organization

    print_environment(title="Замер: Excel-книга показателей проекта против голых openpyxl и "
                            "XlsxWriter", libraries=["openpyxl", "xlsxwriter"])
    municipality, period = report_target(municipality_name=arguments.municipality,
                                         period_title=arguments.period)
    arguments.period = str(period.pk)
    organizations = Organization.objects.filter(municipality=municipality).count()
    print(f"Муниципальное образование: {municipality.name} (организаций: {organizations}), "
          f"учебный год {period.title}")
    print(f"Запусков каждой стороны: {arguments.repeat}")

    work = Path(arguments.work_dir or tempfile.mkdtemp(prefix="bench-excel-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _measure(arguments, work=work, median=median, number=number,
                        print_result_table=print_result_table)
    finally:
        if arguments.keep:
            print(f"Файлы оставлены в {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


@dataclass(frozen=True)
class _Files:
    """The work folder's files: each side's workbook and the cells read from ours."""

    ours: Path
    floor: Path
    xlsxwriter: Path
    lines: Path

    def output(self, side: str) -> Path:
        return getattr(self, side)


def _measure(arguments, *, work: Path, median, number, print_result_table) -> int:
    files = _Files(ours=work / "ours.xlsx", floor=work / "floor.xlsx",
                   xlsxwriter=work / "xlsxwriter.xlsx", lines=work / "lines")
    if not _warm_up(arguments, files=files, number=number):
        return 1
    runs = _timed_runs(arguments, files=files, number=number)
    if runs is None:
        return 1
    traced = _traced_peaks(arguments, files=files)
    if traced is None:
        return 1
    print()
    summary = _print_figures(runs, traced, median=median, number=number,
                             print_result_table=print_result_table)
    _print_verdict(summary, number=number)
    if arguments.profile:
        if run_child("ours", arguments, output=files.ours, lines=files.lines,
                     profile_to=arguments.profile) is None:
            return 1
        _print_profile(arguments.profile)
    if not arguments.no_verify and not _verify(files):
        return 1
    return 0


def _warm_up(arguments, *, files: _Files, number) -> bool:
    """The first build, which also warms the database's cache (reported, not counted), and
    the cells read from it for the floor; False when the build failed."""
    first = run_child("ours", arguments, output=files.ours, lines=files.lines)
    if first is None:
        return False
    print(f"\nПервая (прогревающая) сборка портала: {number(first['seconds'])} с, "
          "в замер не входит")
    started = time.perf_counter()
    manifest = dump_lines(workbook=files.ours, folder=files.lines)
    print(f"Ячейки прочитаны из книги портала в построчные файлы за "
          f"{number(time.perf_counter() - started)} с (не входит в замер)")
    print("Строк на листах: " + "; ".join(f"«{sheet['title']}» — {sheet['rows']}"
                                          for sheet in manifest))
    return True


def _timed_runs(arguments, *, files: _Files, number) -> dict[str, list[dict]] | None:
    """Each side's figures, run after run, the sides taking turns; None when a run failed."""
    runs: dict[str, list[dict]] = {side: [] for side in SIDES}
    for attempt in range(1, arguments.repeat + 1):
        for side in SIDES:
            result = run_child(side, arguments, output=files.output(side), lines=files.lines)
            if result is None:
                return None
            runs[side].append(result)
            print(f"  запуск {attempt}: {SIDE_NAMES[side]:<15} {number(result['seconds'])} с, "
                  f"пик RSS {number(result['peak_mb'], 1)} МБ")
    return runs


def _traced_peaks(arguments, *, files: _Files) -> dict[str, float] | None:
    """Each side's peak of Python memory under tracemalloc ({} when not asked for); None
    when a run failed."""
    traced = {}
    if arguments.tracemalloc:
        for side in SIDES:
            result = run_child(side, arguments, output=files.output(side), lines=files.lines,
                               trace=True)
            if result is None:
                return None
            traced[side] = result["traced_peak_mb"]
    return traced


def _print_figures(runs: dict[str, list[dict]], traced: dict[str, float], *, median, number,
                   print_result_table) -> dict[str, dict]:
    """The table of both sides' figures; each side's median, minimum and peak memory."""
    header = ["Сторона", "медиана, с", "мин., с", "RSS до работы, МБ", "пик RSS, МБ",
              "прирост, МБ"]
    if traced:
        header.append("пик Python (tracemalloc), МБ")
    header.append("файл, КБ")
    rows = []
    summary = {}
    for side in SIDES:
        seconds = [run["seconds"] for run in runs[side]]
        baseline = median([run["baseline_mb"] for run in runs[side]])
        peak = max(run["peak_mb"] for run in runs[side])
        summary[side] = {"median": median(seconds), "min": min(seconds), "peak": peak}
        row = [SIDE_NAMES[side], number(median(seconds)), number(min(seconds)),
               number(baseline, 1), number(peak, 1), number(peak - baseline, 1)]
        if traced:
            row.append(number(traced[side], 1))
        row.append(number(runs[side][-1]["bytes"] / 1024, 0))
        rows.append(row)
    print_result_table(header, rows)
    return summary


def _print_verdict(summary: dict[str, dict], *, number) -> None:
    floor = min(FLOORS, key=lambda side: summary[side]["median"])
    ratio = summary["ours"]["median"] / summary[floor]["median"]
    ratio_min = summary["ours"]["min"] / min(summary[side]["min"] for side in FLOORS)
    print(f"\nПол — быстрейшая голая библиотека по медиане: {SIDE_NAMES[floor]}")
    print(f"Отношение портал / пол: {ratio:.2f} по медианам, "
          f"{ratio_min:.2f} по минимумам")
    peak = summary["ours"]["peak"]
    print(f"Цель: отношение ≤ {TARGET_RATIO} — "
          f"{'выполнена' if ratio <= TARGET_RATIO else 'НЕ выполнена'}; "
          f"пик памяти портала < {TARGET_PEAK_MB} МБ — "
          f"{'выполнена' if peak < TARGET_PEAK_MB else 'НЕ выполнена'} ({number(peak, 1)} МБ)")


def _verify(files: _Files) -> bool:
    """Both files hold the cells read from the first build; False (and where not) otherwise."""
    for name, path in [("голого openpyxl", files.floor), ("голого XlsxWriter", files.xlsxwriter),
                       ("портала (последний запуск)", files.ours)]:
        found = differences(folder=files.lines, workbook=path)
        if found:
            print(f"Ячейки файла {name} расходятся с прочитанными:", file=sys.stderr)
            print("\n".join(found), file=sys.stderr)
            return False
    print("Сверка: в файлах голых openpyxl и XlsxWriter те же листы, значения ячеек и "
          "формулы, что в книге портала; повторная сборка портала дала те же ячейки.")
    return True


if __name__ == "__main__":
    main()
