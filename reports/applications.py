"""An application version of «Инновационный поиск» as a document: PDF (WeasyPrint, the
house's render path) and Word .docx (python-docx), both with a title page, the sixteen
sections in order and every text in full."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from innovation.models import ApplicationVersion
from internships.models import Period
from reports.errors import ReportError
from reports.pdf.render import render_pdf
from teams.models import Municipality

TEMPLATE = "reports/pdf/application.html"
MISSING = "Версия заявки удалена: выгрузить нечего."


BULLETS = "-•–"


@dataclass(frozen=True)
class Block:
    """A paragraph, or a bulleted list when ``items`` is set."""

    text: str = ""
    items: tuple[str, ...] = ()


def blocks(text: str) -> list[Block]:
    """A section's text as paragraphs and lists: each line a paragraph, consecutive lines
    starting with «-» or «•» one list."""
    result: list[Block] = []
    items: list[str] = []
    for line in (line.strip() for line in text.splitlines()):
        if line[:1] in BULLETS and line[:1]:
            items.append(line.lstrip(BULLETS + " ").strip())
            continue
        if items:
            result.append(Block(items=tuple(items)))
            items = []
        if line:
            result.append(Block(text=line))
    if items:
        result.append(Block(items=tuple(items)))
    return result


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    blocks: list[Block]


@dataclass(frozen=True)
class ApplicationDocument:
    version: ApplicationVersion
    owner: str
    organization: str
    sections: list[Section]
    filename_stem: str

    @property
    def title(self) -> str:
        return self.version.application.title


def read_application(*, municipality: Municipality, parameters: dict) -> ApplicationDocument:
    version = (ApplicationVersion.objects
               .select_related("application__project__organization",
                               "application__project__programme",
                               "application__programme")
               .filter(pk=parameters.get("version")).first())
    if version is None:
        raise ReportError(MISSING)
    application = version.application
    project = application.project
    programme = project.programme if project is not None else application.programme
    if programme.municipality_id != municipality.pk:
        raise ReportError(MISSING)
    if project is not None:
        owner = f"Инновационный проект образовательной организации «{project.theme}»"
        organization = project.organization.name
    else:
        owner = "Инновационный проект муниципального уровня"
        organization = municipality.name
    answers = version.answers.select_related("section").order_by("section__number")
    sections = [Section(number=answer.section.number, title=answer.section.title,
                        blocks=blocks(answer.text)) for answer in answers]
    stem = f"Заявка {organization[:60]}, версия {version.number}".replace("/", "-")
    return ApplicationDocument(version=version, owner=owner, organization=organization,
                               sections=sections, filename_stem=stem)


def application_html(document: ApplicationDocument, *, municipality: Municipality) -> str:
    return render_to_string(TEMPLATE, {
        "document_title": document.title, "running_title": document.title,
        "municipality": municipality, "document": document,
        "generated_on": timezone.localdate(),
    })


def build_application_pdf(*, municipality: Municipality, period: Period | None,
                          parameters: dict, output: Path,
                          progress: Callable[[int, str], None]) -> str:
    progress(10, "Разделы заявки")
    document = read_application(municipality=municipality, parameters=parameters)
    progress(40, "Вёрстка PDF")
    render_pdf(html=application_html(document, municipality=municipality), output=output)
    progress(95, "PDF готов")
    return f"{document.filename_stem}.pdf"


def _paragraphs(word, section: Section) -> None:
    for block in section.blocks:
        for item in block.items:
            word.add_paragraph(item, style="List Bullet")
        if block.text:
            paragraph = word.add_paragraph(block.text)
            paragraph.paragraph_format.first_line_indent = Cm(1.25)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _title_page(word, document: ApplicationDocument, municipality: Municipality) -> None:
    lines = [municipality.name]
    if document.organization != municipality.name:
        lines.append(document.organization)
    lines.append("Образовательный конкурс «Инновационный поиск»")
    for text in lines:
        paragraph = word.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).font.size = Pt(12)
    heading = word.add_heading(document.title, level=0)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle = word.add_paragraph(document.owner)
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    version = document.version
    facts = word.add_paragraph(
        f"Версия {version.number} от {timezone.localtime(version.created_at):%d.%m.%Y}")
    facts.alignment = WD_ALIGN_PARAGRAPH.CENTER
    word.add_page_break()


def build_application_docx(*, municipality: Municipality, period: Period | None,
                           parameters: dict, output: Path,
                           progress: Callable[[int, str], None]) -> str:
    progress(10, "Разделы заявки")
    document = read_application(municipality=municipality, parameters=parameters)
    word = Document()
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = word.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    word.core_properties.title = document.title
    word.core_properties.author = municipality.name
    _title_page(word, document, municipality)
    progress(40, "Разделы заявки")
    for section in document.sections:
        word.add_heading(f"{section.number}. {section.title}", level=1)
        if section.blocks:
            _paragraphs(word, section)
        else:
            word.add_paragraph("Раздел не заполнен.").runs[0].italic = True
    word.save(output)
    progress(95, "Документ Word готов")
    return f"{document.filename_stem}.docx"
