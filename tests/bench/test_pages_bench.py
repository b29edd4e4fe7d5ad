"""bench/pages.py on a tiny generated municipality, and the locustfile's imports.

The benchmarks run rarely and by hand; these tests keep them from rotting in between.
"""

import ast
import copy
import json
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from bench import pages as pages_script
from bench.pages import BASELINE, compare, measure_pages

BENCH = Path(__file__).resolve().parents[2] / "bench"
PAGE_KEYS = [
    "home", "home_curator", "matrix", "organization_list", "organization_own",
    "organization_staff", "my_internships", "platform", "journal", "entry", "deficit",
    "deficit_gaps", "team_deficit_events", "project_indicators", "report_jobs", BASELINE,
]


@pytest.fixture
def generated(db):
    call_command("generate_scale", municipalities=1, orgs=12, password="bench", stdout=StringIO())


@pytest.fixture
def measured(generated):
    return measure_pages(repeat=2, warmup=0)


def _run_script(monkeypatch, *arguments: str) -> int:
    monkeypatch.setattr(sys, "argv", ["bench/pages.py", *arguments])
    with pytest.raises(SystemExit) as finished:
        pages_script.main()
    return finished.value.code


def test_it_measures_every_page_answering_200(measured):
    pages = measured["pages"]

    assert [page["key"] for page in pages] == PAGE_KEYS
    for page in pages:
        assert page["status"] == 200, page["title"]
        assert page["queries"] > 0
        assert page["bytes"] > 0
        assert 0 < page["median_ms"] <= page["p95_ms"] <= page["max_ms"]
        assert page["slowest_queries"] and page["slowest_queries"][0]["sql"]
    users = {page["key"]: page["user"] for page in pages}
    assert users["matrix"] == "m0001-staff"
    assert users["journal"] == "m0001-curator"
    assert users["organization_own"] == "m0001-school"
    assert users["report_jobs"] == "m0001-analyst"
    assert users[BASELINE] == "bench-admin"


def test_it_describes_the_run_and_keeps_it_as_json(measured):
    meta = json.loads(json.dumps(measured, ensure_ascii=False))["meta"]

    assert set(meta["machine"]) >= {"cpu", "cores", "ram_gb", "python", "database", "django"}
    assert meta["sizes"]["teams.Organization"] == 12
    assert meta["reference_organizations"] == 12
    assert (meta["repeat"], meta["warmup"], meta["municipality"]) == (2, 0, 1)
    assert meta["admin_created"] is True
    assert User.objects.get(username="bench-admin").is_superuser


def test_it_flags_a_page_whose_query_count_changed_with_the_size(measured, capsys):
    larger = copy.deepcopy(measured)
    larger["pages"][2]["queries"] += 1

    assert compare(measured, measured) == []
    assert compare(measured, larger) == ["matrix"]
    assert "НЕТ" in capsys.readouterr().out


def test_it_saves_a_run_and_compares_the_next_one_with_it(generated, monkeypatch, tmp_path,
                                                          capsys):
    saved = tmp_path / "pages.json"

    assert _run_script(monkeypatch, "--repeat", "1", "--warmup", "0", "--json", str(saved)) == 0
    first = capsys.readouterr().out
    assert _run_script(monkeypatch, "--repeat", "1", "--warmup", "0",
                       "--compare", str(saved)) == 0
    second = capsys.readouterr().out

    assert "Матрица распределения" in first and "Машина:" in first
    assert [page["key"] for page in json.loads(saved.read_text(encoding="utf-8"))["pages"]] \
        == PAGE_KEYS
    assert "Запросы совпадают" in second
    assert "НЕТ" not in second


def test_it_keeps_the_locustfile_to_locust_and_the_standard_library():
    tree = ast.parse((BENCH / "locustfile.py").read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.level == 0}

    assert "locust" in imported
    assert imported - {"locust"} <= set(sys.stdlib_module_names)
