"""Keeping the register of normative documents and the lists programmes cite from it."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max

from internships.models import Programme
from registers.models import Citation, Level, NormativeDocument
from registers.records import attach_file, check_file, fill, validated_save
from teams.models import Municipality

DOCUMENT_FIELDS = ("level", "kind", "issuer", "number", "issued_on", "title", "link")


@transaction.atomic
def save_document(*, municipality: Municipality, data: dict, user: User | None,
                  upload: UploadedFile | None = None,
                  document: NormativeDocument | None = None) -> NormativeDocument:
    """Add a document to the register (``document`` None) or change it."""
    check_file(upload)
    document = document or NormativeDocument(municipality=municipality)
    fill(document, data, DOCUMENT_FIELDS)
    document.updated_by = user
    attach_file(document, upload)
    validated_save(document)
    return document


@transaction.atomic
def cite(*, programme: Programme, document: NormativeDocument) -> Citation:
    """The programme cites the document, at the end of its list."""
    if document.municipality_id != programme.municipality_id:
        raise ValidationError("Проект может ссылаться только на документы своего реестра.")
    existing = Citation.objects.filter(programme=programme, document=document).first()
    if existing is not None:
        return existing
    last = Citation.objects.filter(programme=programme).aggregate(last=Max("position"))["last"]
    return Citation.objects.create(programme=programme, document=document,
                                   position=(last or 0) + 1)


@transaction.atomic
def set_citations(*, programme: Programme, documents: list[NormativeDocument]) -> None:
    """The programme's list becomes ``documents``, in this order."""
    if any(document.municipality_id != programme.municipality_id for document in documents):
        raise ValidationError("Проект может ссылаться только на документы своего реестра.")
    Citation.objects.filter(programme=programme).delete()
    Citation.objects.bulk_create(
        Citation(programme=programme, document=document, position=index)
        for index, document in enumerate(dict.fromkeys(documents), start=1))


def cited_documents(*, programme: Programme) -> list[NormativeDocument]:
    """The programme's normative base in its own order (one query)."""
    return [citation.document for citation in
            Citation.objects.filter(programme=programme).select_related("document")
            .order_by("position")]


def cited_by_level(*, programme: Programme) -> list[tuple[str, list[NormativeDocument]]]:
    """The programme's normative base grouped as such lists are printed: federal, regional,
    municipal, institutional documents, each group in the programme's order."""
    documents = cited_documents(programme=programme)
    groups = [(label, [document for document in documents if document.level == level])
              for level, label in Level.choices]
    return [(f"{label.capitalize()} уровень", items) for label, items in groups if items]
