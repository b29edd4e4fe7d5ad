"""What every register's writes share: the record's file, its scope checks, its validation.

Each refusal is a ``ValidationError`` in Russian and changes nothing.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models

from internships.attachments import check_upload, original_name

FILE_EXTENSIONS = (".pdf", ".docx", ".pptx", ".xlsx")
FILE_MAX_BYTES = 20 * 1024 * 1024


def check_file(upload: UploadedFile | None) -> None:
    if upload is None:
        return
    try:
        check_upload(upload, max_bytes=FILE_MAX_BYTES, extensions=FILE_EXTENSIONS)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error


def attach_file(record: models.Model, upload: UploadedFile | None) -> None:
    """Store the checked file under a generated name; its history row keeps the old one."""
    if upload is None:
        return
    record.filename = original_name(upload)
    record.file.save(upload.name, upload, save=False)


def check_municipality(municipality_id: int, **related) -> None:
    """Each related object given (organization, direction…) is of the record's
    municipality; ``related`` maps a field name to (object, its municipality id)."""
    for field, (value, owner_id) in related.items():
        if value is not None and owner_id != municipality_id:
            raise ValidationError({field: "Выберите значение своего муниципального "
                                          "образования."})


def fill(record: models.Model, data: dict, fields: tuple[str, ...]) -> None:
    for name in fields:
        if name in data:
            setattr(record, name, data[name])


def validated_save(record: models.Model) -> None:
    """Save after the model's own checks: a breached constraint is told in Russian."""
    record.full_clean(exclude=["file"])
    record.save()
