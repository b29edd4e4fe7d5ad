"""Keeping the register of products and publications; handbooks the portal builds register
themselves here, one per academic year of a programme."""

from datetime import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from internships.models import Period
from registers.models import Origin, Product, ProductKind
from registers.records import attach_file, check_file, check_municipality, fill, validated_save
from teams.models import Municipality

PRODUCT_FIELDS = ("kind", "title", "authors", "organization", "organization_name", "year",
                  "issued_on", "period", "link", "illustrative")


@transaction.atomic
def save_product(*, municipality: Municipality, data: dict, user: User | None,
                 upload: UploadedFile | None = None, product: Product | None = None) -> Product:
    """Register a product or publication (``product`` None) or change it. The academic year
    names the programme; a handbook the portal built keeps its kind and year."""
    check_file(upload)
    product = product or Product(municipality=municipality)
    if product.origin == Origin.BUILT and (
            data.get("kind", product.kind) != product.kind
            or data.get("period", product.period) != product.period):
        raise ValidationError("Пособие сформировано порталом: его вид и учебный год не "
                              "меняются.")
    fill(product, data, PRODUCT_FIELDS)
    if product.issued_on and product.issued_on.year != product.year:
        raise ValidationError({"issued_on": "Дата выпуска должна быть в указанном году."})
    organization, period = product.organization, product.period
    check_municipality(
        municipality.pk,
        organization=(organization, organization and organization.municipality_id),
        period=(period, period and period.programme.municipality_id),
    )
    product.programme = period.programme if period else None
    product.updated_by = user
    attach_file(product, upload)
    validated_save(product)
    return product


def register_built_handbook(*, period: Period, at: datetime) -> Product:
    """The year's handbook in the register, once however often it is built again (the
    caller's transaction holds it; the database keeps one per year)."""
    programme = period.programme
    issued_on = timezone.localdate(at)
    product, _ = Product.objects.get_or_create(
        period=period, origin=Origin.BUILT,
        defaults={
            "municipality_id": programme.municipality_id, "programme": programme,
            "kind": ProductKind.HANDBOOK, "year": issued_on.year, "issued_on": issued_on,
            "title": f"Методическое пособие по материалам проекта «{programme.title}», "
                     f"{period.title} учебный год"[:500],
            "authors": "Управление образования",
        })
    return product
