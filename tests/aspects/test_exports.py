"""The map's Excel export read back with openpyxl (formulas with their results) and its
PDF on one page, both as background report jobs."""

import io

import pdfplumber
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from aspects import catalogue
from aspects.models import ProcessKind, Side
from reports.aspect_map_export import build_aspect_map_pdf, build_aspect_map_workbook
from reports.models import ReportJob, ReportKind

PED = ProcessKind.PEDAGOGICAL


@pytest.fixture
def mapped(world):
    catalogue.create_aspect(municipality=world.municipality, wording="Смысловое чтение",
                            process_kind=PED)
    for organization, rank, side in ((world.school_a, 1, Side.NEED),
                                     (world.school_b, 3, Side.NEED),
                                     (world.school_c, 1, Side.OFFER)):
        catalogue.record_statement(organization=organization, school_year=2021,
                                   text="смысловое чтение", process_kind=PED, side=side,
                                   rank=rank)
    return world


def test_it_writes_counts_shares_and_ranks_as_formulas_with_results(mapped, tmp_path):
    output = tmp_path / "map.xlsx"
    build_aspect_map_workbook(municipality=mapped.municipality, period=None,
                              parameters={"year": 2021}, output=output,
                              progress=lambda *_: None)

    formulas = load_workbook(output)["Карта"]
    values = load_workbook(output, data_only=True)["Карта"]
    assert formulas["F2"].value.startswith("=COUNTIF(")
    assert formulas["G2"].value.startswith("=IF(")
    # Need: A (1) and B (3) of three participants.
    assert (values["B2"].value, values["F2"].value) == ("Смысловое чтение", 2)
    assert values["G2"].value == pytest.approx(2 / 3)
    assert values["H2"].value == 2
    assert load_workbook(output, data_only=True)["Участники"]["B2"].value == 3


def test_it_prints_the_map_on_one_page(mapped, tmp_path):
    output = tmp_path / "map.pdf"
    build_aspect_map_pdf(municipality=mapped.municipality, period=None,
                         parameters={"year": 2021}, output=output, progress=lambda *_: None)

    with pdfplumber.open(io.BytesIO(output.read_bytes())) as document:
        assert len(document.pages) == 1
        assert "Смысловое чтение" in document.pages[0].extract_text()


def test_it_queues_the_export_for_staff(mapped, as_role):
    response = as_role("staff").post(reverse("aspect_map_export"),
                                     {"format": "xlsx", "year": "2021"})

    assert response.status_code == 302
    assert ReportJob.objects.get().kind == ReportKind.ASPECT_MAP_XLSX


def test_it_refuses_the_export_to_a_curator(mapped, as_role):
    response = as_role("curator").post(reverse("aspect_map_export"),
                                       {"format": "pdf", "year": "2021"})

    assert response.status_code == 403
    assert not ReportJob.objects.exists()
