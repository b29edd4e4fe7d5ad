"""Files of networks: membership documents, agreement files, signature scans and event
materials — accepted by the checks of the journal's attachments
(internships/attachments.py) and served only by views that check who sees their record."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from internships.attachments import check_upload

DOCUMENT_EXTENSIONS = (".pdf", ".docx", ".jpg", ".jpeg", ".png")
MATERIAL_EXTENSIONS = (".pdf", ".docx", ".pptx", ".xlsx", ".jpg", ".jpeg", ".png")


def check_file(upload: UploadedFile, *, field: str = "file",
               extensions: tuple[str, ...] = DOCUMENT_EXTENSIONS) -> str:
    """The content type to serve the file with; a refusal on the form's file field."""
    try:
        return check_upload(upload, max_bytes=settings.NETWORKS_FILE_MAX_BYTES,
                            extensions=extensions)
    except ValidationError as refusal:
        raise ValidationError({field: refusal.messages}) from refusal
