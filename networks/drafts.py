"""A draft of an agreement as a Word document (.docx), from the agreement's own data:
title, number and date, parties, subject, term and a signature block for each party.

The document is a page or two; it is built in the request (some 25 ms, see
tests/networks/test_drafts.py)."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from networks.models import Agreement

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _date(value) -> str:
    return f"{value:%d.%m.%Y}" if value else "«___» ____________ 20__ г."


def _term(agreement: Agreement) -> str:
    if agreement.valid_from and agreement.valid_to:
        return (f"Соглашение действует с {_date(agreement.valid_from)} "
                f"по {_date(agreement.valid_to)}.")
    if agreement.valid_from:
        return f"Соглашение действует с {_date(agreement.valid_from)} бессрочно."
    return "Соглашение вступает в силу с момента его подписания всеми сторонами."


def agreement_draft(agreement: Agreement) -> bytes:
    document = Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(12)
    heading = document.add_heading(agreement.get_kind_display().capitalize(), level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = document.add_paragraph(agreement.title)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number = f"№ {agreement.number}" if agreement.number else "№ ____"
    document.add_paragraph(f"{number} от {_date(agreement.concluded_on)}")
    if agreement.network_id:
        document.add_paragraph(f"Сеть: {agreement.network.title}")
    parties = list(agreement.parties.all())
    document.add_heading("1. Стороны", level=2)
    for index, party in enumerate(parties, start=1):
        document.add_paragraph(f"{index}) {party.side_name}", style="List Number")
    if not parties:
        document.add_paragraph("Стороны ещё не указаны.")
    document.add_heading("2. Предмет соглашения", level=2)
    document.add_paragraph(agreement.subject or "Предмет соглашения ещё не описан.")
    document.add_heading("3. Срок действия", level=2)
    document.add_paragraph(_term(agreement))
    document.add_heading("4. Подписи сторон", level=2)
    table = document.add_table(rows=len(parties) or 1, cols=2)
    table.style = "Table Grid"
    for row, party in zip(table.rows, parties, strict=False):
        row.cells[0].text = party.side_name
        signer = party.signed_by or "____________________ (Ф. И. О.)"
        row.cells[1].text = (f"{signer}\n_______________ (подпись)\n"
                             f"М. П.   {_date(party.signed_on)}")
    document.add_paragraph()
    note = document.add_paragraph("Проект документа подготовлен на портале «Стажировки».")
    note.runs[0].italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
