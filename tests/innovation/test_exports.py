"""An application version exported as PDF and Word (.docx): every section in order with its
text in full, ordered as a background job by whoever may read the application."""

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document

from innovation.applications import save_version
from innovation.catalogue import SIXTEEN_SECTIONS, standard_template
from reports.applications import Block, blocks, build_application_docx, build_application_pdf
from reports.errors import ReportError
from reports.forms import ReportRequestForm
from reports.models import JobStatus, ReportJob, ReportKind
from tests.reports.pdf_checks import font_names, page_count, pdf_text

LONG_PLAN = "\n".join(f"- Мероприятие {number}: вебинар для руководителей школ"
                      for number in range(1, 41))


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def version(innovation, world):
    sections = {section.number: section.pk for section in standard_template(
        municipality=world.municipality).sections.all()}
    texts = {pk: f"Текст раздела {number}." for number, pk in sections.items()}
    texts[sections[13]] = LONG_PLAN
    texts[sections[16]] = ""
    return save_version(texts=texts, saved_by=world.school_user, project=innovation.project,
                        title="Номинация «Инновационные модели»")


def _silent(percent, stage):
    return None


def test_it_lays_out_every_section_of_the_application_in_the_pdf(version, world, tmp_path):
    output = tmp_path / "application.pdf"

    filename = build_application_pdf(municipality=world.municipality, period=None,
                                     parameters={"version": version.pk}, output=output,
                                     progress=_silent)

    text = pdf_text(output.read_bytes())
    assert filename.endswith("версия 1.pdf")
    assert "Номинация «Инновационные модели»" in text
    assert "Мероприятие 40: вебинар для руководителей школ" in text
    assert "Раздел не заполнен." in text
    for title, _ in SIXTEEN_SECTIONS[:3]:
        assert " ".join(title.split()[:4]) in text


def test_it_writes_a_word_file_that_reads_back_with_all_sections(version, world, tmp_path):
    output = tmp_path / "application.docx"

    filename = build_application_docx(municipality=world.municipality, period=None,
                                      parameters={"version": version.pk}, output=output,
                                      progress=_silent)

    document = Document(io.BytesIO(output.read_bytes()))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert filename.endswith(".docx")
    assert headings == [f"{number}. {title}"
                        for number, (title, _) in enumerate(SIXTEEN_SECTIONS, start=1)]
    assert len(bullets) == 40
    assert document.core_properties.title == "Номинация «Инновационные модели»"


def test_it_refuses_a_version_of_another_municipality(version, world, tmp_path):
    with pytest.raises(ReportError):
        build_application_docx(municipality=world.other_municipality, period=None,
                               parameters={"version": version.pk},
                               output=tmp_path / "x.docx", progress=_silent)


def test_it_lets_the_school_order_and_download_the_word_file(
        version, world, login, django_capture_on_commit_callbacks):
    client = login(world.school_user)
    url = reverse("application_exports", args=[version.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"format": "docx"})

    job = ReportJob.objects.get()
    assert response.status_code == 302
    assert (job.kind, job.status, job.application_version) == (
        ReportKind.APPLICATION_DOCX, JobStatus.DONE, version)
    download = client.get(reverse("report_job_download", args=[job.pk]))
    assert download.status_code == 200
    Document(io.BytesIO(b"".join(download.streaming_content)))
    assert job.pk in [row.pk for row in client.get(url).context["jobs"]]


def test_it_shows_the_export_to_the_tutor_but_not_to_another_school(
        version, world, login, innovation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        login(world.school_user).post(reverse("application_exports", args=[version.pk]),
                                      {"format": "pdf"})
    job = ReportJob.objects.get()

    tutor = login(innovation.tutor).get(reverse("report_job_status", args=[job.pk]))
    other = login(world.school_b_user).get(reverse("report_job_status", args=[job.pk]))

    assert tutor.status_code == 200 and tutor.json()["status"] == "done"
    assert other.status_code == 404
    assert Path(job.file.path).read_bytes().startswith(b"%PDF-")


def test_it_refuses_an_unknown_format_with_a_message(version, world, login):
    response = login(world.school_user).post(
        reverse("application_exports", args=[version.pk]), {"format": "exe"}, follow=True)

    assert "Выберите формат выгрузки: PDF или Word (.docx)." in response.content.decode()
    assert not ReportJob.objects.exists()


def test_it_keeps_application_exports_off_the_reports_order_form(world):
    kinds = [value for value, _ in ReportRequestForm(
        municipality=world.municipality).fields["kind"].choices]

    assert ReportKind.APPLICATION_PDF not in kinds
    assert ReportKind.APPLICATION_DOCX not in kinds


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice не установлен (Debian: libreoffice-writer-nogui)")
def test_it_writes_a_word_file_that_libreoffice_opens(version, world, tmp_path):
    source = tmp_path / "application.docx"
    build_application_docx(municipality=world.municipality, period=None,
                           parameters={"version": version.pk}, output=source,
                           progress=_silent)

    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=120)

    text = (tmp_path / "application.txt").read_text(encoding="utf-8-sig")
    assert "16. Материально-технические затраты" in text
    assert "Мероприятие 40: вебинар для руководителей школ" in text


def test_it_embeds_the_bundled_fonts_in_the_pdf(version, world, tmp_path):
    output = tmp_path / "application.pdf"
    build_application_pdf(municipality=world.municipality, period=None,
                          parameters={"version": version.pk}, output=output,
                          progress=_silent)

    names = font_names(output.read_bytes())

    assert names and all(name.startswith("DejaVu") for name in names)
    assert page_count(output.read_bytes()) >= 3


def test_it_reads_dashed_lines_as_one_list_between_paragraphs():
    assert blocks("Задачи:\n- разработка рекомендаций\n• вебинары\n\nИтог") == [
        Block(text="Задачи:"), Block(items=("разработка рекомендаций", "вебинары")),
        Block(text="Итог")]
