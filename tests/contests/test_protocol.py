"""The results protocol: PDF with every expert's scores, laid out cleanly; Excel whose
totals and averages are live formulas."""

import io

import pdfplumber
import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from contests.applying import submit_application
from contests.scoring import save_scores
from reports.contest_protocol import build_protocol_pdf, build_protocol_workbook
from reports.errors import ReportError
from reports.models import JobStatus, ReportJob
from tests.reports.pdf_checks import layout_problems, page_count, pdf_text

LONG_TITLE = ("Совершенствование инновационной инфраструктуры межмуниципального "
              "взаимодействия образовательных организаций Выселковского района и участников "
              "межмуниципальной сети")


@pytest.fixture
def scored(cw):
    cw.app_a.title = LONG_TITLE
    cw.app_a.save()
    save_scores(expert=cw.curator_expert, application=cw.app_a,
                values={cw.relevance.pk: 9, cw.novelty.pk: 4})
    save_scores(expert=cw.school_expert, application=cw.app_a,
                values={cw.relevance.pk: 7, cw.novelty.pk: 5})
    save_scores(expert=cw.curator_expert, application=cw.app_b,
                values={cw.relevance.pk: 6, cw.novelty.pk: 2})
    return cw


def _progress(*args):
    return None


def test_it_builds_the_pdf_protocol_with_every_experts_scores(scored, world, tmp_path):
    output = tmp_path / "protocol.pdf"
    filename = build_protocol_pdf(municipality=world.municipality, period=None,
                                  parameters={"contest": scored.contest.pk}, output=output,
                                  progress=_progress)
    assert filename == "Протокол итогов — Инновационный поиск — 2023.pdf"
    data = output.read_bytes()
    text = pdf_text(data)
    assert "наименьшим итоговым баллом" in text and "иллюстративные" in text
    assert "победитель" in text and "призёр" in text
    # The long theme wraps whole instead of being cut.
    assert "межмуниципальной сети" in text
    with pdfplumber.open(io.BytesIO(data)) as document:
        for page in document.pages:
            for char in page.chars:
                assert char["x0"] >= 0 and char["x1"] <= page.width, "текст за краем страницы"
            lines = (page.extract_text() or "").strip().splitlines()
            body = [line for line in lines if not line.startswith("стр. ")]
            # A heading never ends a page: «Оценки экспертов» tables start under their heading.
            if body:
                assert not body[-1].startswith(("2.1.", "2.2.", "Критерии оценки",
                                                "Правило подсчёта")), body[-1]


@pytest.mark.parametrize("more", [0, 3])
def test_the_pdf_protocol_keeps_the_layout_rules_of_the_reports(scored, world, tmp_path, more):
    # With ``more``, further schools apply with long themes, so the tables run over pages.
    for organization in [world.school_c, world.school_d, world.kindergarten][:more]:
        application = submit_application(nomination=scored.org_nomination, title=LONG_TITLE,
                                         today=timezone.localdate(), organization=organization)
        save_scores(expert=scored.curator_expert, application=application,
                    values={scored.relevance.pk: 5, scored.novelty.pk: 3})
    output = tmp_path / "protocol.pdf"
    build_protocol_pdf(municipality=world.municipality, period=None,
                       parameters={"contest": scored.contest.pk}, output=output,
                       progress=_progress)
    # Nothing off the page, no overlapping words, no word across a cell border, no heading
    # stranded at a page's foot, no page mostly blank unless its chapter ends there.
    data = output.read_bytes()
    assert layout_problems(data) == []
    # Three pages with the three applications, five with three more: the nominations'
    # scores follow on one another's landscape pages.
    assert page_count(data) == (3 if not more else 5)


def test_it_builds_the_workbook_with_live_totals(scored, world, tmp_path):
    output = tmp_path / "protocol.xlsx"
    build_protocol_workbook(municipality=world.municipality, period=None,
                            parameters={"contest": scored.contest.pk}, output=output,
                            progress=_progress)
    workbook = load_workbook(output)
    sheet = workbook["Номинация 1"]
    rows = list(sheet.iter_rows(values_only=True))
    expert_rows = [r for r in rows if r and r[0] == "СОШ № 1" and isinstance(r[3], int)]
    assert sorted(r[3:5] for r in expert_rows) == [(7, 5), (9, 4)]
    assert sorted(r[5] for r in expert_rows) == ["=SUM(D3:E3)", "=SUM(D4:E4)"]
    summary = [r for r in rows if r and r[0] == "СОШ № 1" and r[2] == 1]
    assert summary[0][3] == "=AVERAGE(F3,F4)" and summary[0][4] == "победитель"


def test_it_refuses_a_contest_of_another_municipality(scored, world, tmp_path):
    with pytest.raises(ReportError, match="Мероприятие не найдено"):
        build_protocol_workbook(municipality=world.other_municipality, period=None,
                                parameters={"contest": scored.contest.pk},
                                output=tmp_path / "x.xlsx", progress=_progress)


def test_it_orders_the_excel_protocol_from_the_results_page(
        scored, login, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(world.staff).post(
            reverse("contest_protocol", args=[scored.contest.pk]), {"format": "xlsx"})
    assert response.status_code == 302 and response.url == reverse("report_jobs")
    job = ReportJob.objects.get()
    assert job.kind == "contest_xlsx" and job.parameters == {"contest": scored.contest.pk}
    assert job.status == JobStatus.DONE and job.filename.endswith(".xlsx")


def test_it_refuses_the_protocol_to_a_curator(scored, login, world):
    response = login(world.curator).post(reverse("contest_protocol", args=[scored.contest.pk]),
                                         {"format": "pdf"})
    assert response.status_code == 403 and not ReportJob.objects.exists()
