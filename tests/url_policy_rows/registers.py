"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

The bank of programmes, the register of products and the register of normative documents
are read by every role of the municipality, files included; the department's staff add,
change and review. Staff of another municipality open the lists and forms for their own
registers; our records and programmes do not exist for them.
"""

import datetime

from django.core.files.base import ContentFile

from registers.models import BankEntry, BankKind, Level, NormativeDocument, Product, ProductKind

LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                              anonym staff  cur+   cur-   school+ school- analyst other teacher
    "register_bank_list":          (LOGIN, 200,  200,   200,   200,   200,   200,   200,   200),
    "register_bank_create":        (LOGIN, 200,  403,   403,   403,   403,   403,   200,   403),
    "register_bank_detail":        (LOGIN, 200,  200,   200,   200,   200,   200,   404,   200),
    "register_bank_edit":          (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "register_bank_review":        (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "register_bank_file":          (LOGIN, 200,  200,   200,   200,   200,   200,   404,   200),
    "register_product_list":       (LOGIN, 200,  200,   200,   200,   200,   200,   200,   200),
    "register_product_create":     (LOGIN, 200,  403,   403,   403,   403,   403,   200,   403),
    "register_product_detail":     (LOGIN, 200,  200,   200,   200,   200,   200,   404,   200),
    "register_product_edit":       (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "register_product_file":       (LOGIN, 200,  200,   200,   200,   200,   200,   404,   200),
    "register_document_list":      (LOGIN, 200,  200,   200,   200,   200,   200,   200,   200),
    "register_document_create":    (LOGIN, 200,  403,   403,   403,   403,   403,   200,   403),
    "register_document_detail":    (LOGIN, 200,  200,   200,   200,   200,   200,   404,   200),
    "register_document_edit":      (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "register_document_file":      (LOGIN, 200,  200,   200,   200,   200,   200,   404,   200),
    "register_programme_citations": (LOGIN, 200, 403,   403,   403,   403,   403,   404,   403),
}  # fmt: skip
OBJECT_OF: dict[str, str] = {
    "register_bank_detail": "register_bank_entry",
    "register_bank_edit": "register_bank_entry",
    "register_bank_review": "register_bank_entry",
    "register_bank_file": "register_bank_entry",
    "register_product_detail": "register_product",
    "register_product_edit": "register_product",
    "register_product_file": "register_product",
    "register_document_detail": "register_document",
    "register_document_edit": "register_document",
    "register_document_file": "register_document",
    "register_programme_citations": "register_programme",
}
POST_DATA: dict[str, dict] = {}


def targets(context) -> dict[str, int]:
    municipality = context.programme.municipality
    entry = BankEntry.objects.create(
        municipality=municipality, kind=BankKind.PROGRAMME, title="Программа стажировки",
        authors="Иванова А. А.", year=2022, organization=context.own_school)
    entry.file.save("programma.pdf", ContentFile(b"%PDF-1.4 programma"))
    product = Product.objects.create(
        municipality=municipality, kind=ProductKind.COLLECTION, title="Сборник практик",
        year=2023, period=context.period, programme=context.programme)
    product.file.save("sbornik.pdf", ContentFile(b"%PDF-1.4 sbornik"))
    document = NormativeDocument.objects.create(
        municipality=municipality, level=Level.FEDERAL, kind="Федеральный закон",
        number="273-ФЗ", issued_on=datetime.date(2012, 12, 29),
        title="Об образовании в Российской Федерации")
    document.file.save("zakon.pdf", ContentFile(b"%PDF-1.4 zakon"))
    return {"register_bank_entry": entry.pk, "register_product": product.pk,
            "register_document": document.pk, "register_programme": context.programme.pk}
