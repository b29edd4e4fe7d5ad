"""Keeping the bank of programmes and methodological developments, and its reviews."""

from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from networks.reads import networks_of_municipality
from registers.models import BankEntry, Review
from registers.records import attach_file, check_file, check_municipality, fill, validated_save
from teams.models import Municipality

ENTRY_FIELDS = ("kind", "title", "authors", "organization", "organization_name", "direction",
                "competence_area", "audience", "network", "year", "description",
                "approved_by", "approved_on", "illustrative")


@transaction.atomic
def save_bank_entry(*, municipality: Municipality, data: dict, user: User | None,
                    upload: UploadedFile | None = None,
                    entry: BankEntry | None = None) -> BankEntry:
    """Add an entry to the bank (``entry`` None) or change it; a new file replaces the old
    one, which stays in the entry's history."""
    check_file(upload)
    entry = entry or BankEntry(municipality=municipality)
    fill(entry, data, ENTRY_FIELDS)
    organization, direction, area = entry.organization, entry.direction, entry.competence_area
    check_municipality(
        municipality.pk,
        organization=(organization, organization and organization.municipality_id),
        direction=(direction, direction and direction.programme.municipality_id),
        competence_area=(area, area and area.municipality_id),
    )
    if entry.network_id and not networks_of_municipality(municipality.pk).filter(
            pk=entry.network_id).exists():
        raise ValidationError({"network": "Выберите сеть, в которой участвует ваше "
                                          "муниципальное образование."})
    entry.updated_by = user
    attach_file(entry, upload)
    validated_save(entry)
    return entry


@transaction.atomic
def record_review(*, entry: BankEntry, reviewer: str, reviewed_on: date, verdict: str,
                  comment: str = "", user: User | None) -> Review:
    """A reviewer's verdict on the entry; «на доработку» and «отклонено» need the remarks."""
    review = Review(entry=entry, reviewer=reviewer.strip(), reviewed_on=reviewed_on,
                    verdict=verdict, comment=comment.strip(), recorded_by=user)
    validated_save(review)
    return review
