"""The shape of the code: no import cycles between our modules, no source file over
600 lines, no app over 30 % of the code, and a map of the apps
(docs/architecture.md) that names only what exists.

The layers contract between the apps is import-linter's (``lint-imports``, configured in
pyproject.toml); this test adds what it does not check: a cycle between two modules of
one app, counting imports made inside functions as well.
"""

import re
from pathlib import Path

import grimp
import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["config", "core", "teams", "internships", "people", "routes", "trainings", "innovation",
            "networks", "services", "diagnostics", "registers", "aspects", "competence",
            "distribution", "outcomes", "contests", "plans", "mutual", "reports", "demo", "api"]
# No app holds more than this share of the source lines outside tests and migrations.
MAX_APP_SHARE = 0.30
MAX_SOURCE_LINES = 600


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def import_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(edges.get(module, ())):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1 or module in edges.get(module, ()):
                cycles.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return cycles


def test_it_finds_a_cycle_hidden_in_a_function():
    edges = {"a.services": {"a.tasks"}, "a.tasks": {"a.services"}, "a.views": {"a.tasks"}}

    assert import_cycles(edges) == [["a.services", "a.tasks"]]


def test_it_finds_no_cycle_in_a_chain():
    assert import_cycles({"a.views": {"a.tasks"}, "a.tasks": {"a.services"}}) == []


def test_it_sees_an_import_made_inside_a_function(tmp_path, monkeypatch):
    package = tmp_path / "cyclecheck"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "services.py").write_text(
        "def enqueue():\n    from cyclecheck import tasks\n    return tasks\n")
    (package / "tasks.py").write_text("from cyclecheck import services\n")
    monkeypatch.syspath_prepend(str(tmp_path))

    small = grimp.build_graph("cyclecheck", cache_dir=None)
    edges = {module: small.find_modules_directly_imported_by(module)
             for module in small.modules}

    assert import_cycles(edges) == [["cyclecheck.services", "cyclecheck.tasks"]]


def test_it_has_no_import_cycle_between_modules(graph):
    edges = {module: graph.find_modules_directly_imported_by(module)
             for module in graph.modules}

    assert import_cycles(edges) == []


def documented_names() -> tuple[set[str], set[str]]:
    """Paths and ``app.Model`` names written in backticks in docs/architecture.md."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    quoted = set(re.findall(r"`([^`\s]+)`", text))
    paths = {name for name in quoted if "/" in name}
    models = {name for name in quoted if re.fullmatch(r"[a-z_]+\.[A-Z]\w+", name)}
    return paths, models


def test_it_names_only_paths_that_exist_in_the_architecture_map():
    paths, _ = documented_names()

    assert paths
    assert sorted(path for path in paths if not (ROOT / path).exists()) == []


def test_it_names_only_models_that_exist_in_the_architecture_map():
    _, models = documented_names()

    assert models
    assert sorted(name for name in models if not _model_exists(name)) == []


def test_it_maps_every_app_in_the_architecture_map():
    paths, _ = documented_names()

    assert {path.split("/")[0] for path in paths} >= set(PACKAGES) - {"config"}


def _model_exists(name: str) -> bool:
    """A class of the app's models module: a model (abstract ones too) or its choices."""
    app_label, class_name = name.split(".")
    return hasattr(apps.get_app_config(app_label).models_module, class_name)


def test_it_keeps_every_app_within_its_share_of_the_code():
    lines = {package: sum(len(path.read_text(encoding="utf-8").splitlines())
                          for path in source_files(package))
             for package in PACKAGES}
    total = sum(lines.values())

    assert {package: round(count / total, 3) for package, count in lines.items()
            if count > MAX_APP_SHARE * total} == {}


def source_files(package: str):
    for path in sorted((ROOT / package).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def test_it_keeps_every_source_file_within_the_line_limit():
    files = [path for folder in [*PACKAGES, "tests", "bench"] for path in source_files(folder)]
    oversized = {
        str(path.relative_to(ROOT)): lines
        for path in files
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_SOURCE_LINES
    }

    assert len(files) > 300
    assert oversized == {}
