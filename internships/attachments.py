"""Files attached to journal entries and council protocols: what is accepted, and cleanup.

A file is accepted by its extension AND its first bytes (an Office file must also be a
zip holding its own part folder), so a renamed program or page is refused. Stored names
are generated (``models.attachment_path``); files are served only by views that check
who may see the record they belong to.
"""

import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpResponse

from core.downloads import file_download
from core.formatting import ru_number

_ZIP = (b"PK\x03\x04",)
# A real document has tens to hundreds of parts; a zip of many thousands is an attack on
# whatever opens it later.
MAX_OFFICE_ZIP_ENTRIES = 2000
# Extension → (content type it is served with, how the file begins, the folder an Office
# file must hold).
ATTACHMENT_TYPES: dict[str, tuple[str, tuple[bytes, ...], str | None]] = {
    ".pdf": ("application/pdf", (b"%PDF-",), None),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              _ZIP, "word/"),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation",
              _ZIP, "ppt/"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              _ZIP, "xl/"),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",), None),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",), None),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",), None),
}


def extensions_text(extensions: tuple[str, ...]) -> str:
    """«PDF, DOCX, JPG» — for help texts and refusals (.jpeg is named as JPG)."""
    return ", ".join(e.lstrip(".").upper() for e in extensions if e != ".jpeg")


def megabytes(size: int) -> str:
    # Rounded first, so that «2,0» (not only an exact 2) is printed as «2».
    number = (Decimal(size) / (1024 * 1024)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{ru_number(number, trim=True)} МБ"


def original_name(upload: UploadedFile) -> str:
    """The name the user gave the file, without any folder, cut to fit the column."""
    return PurePath(upload.name or "").name[-255:]


def check_upload(upload: UploadedFile, *, max_bytes: int, extensions: tuple[str, ...]) -> str:
    """The file's content type, or a refusal in Russian naming the file and the rule."""
    name = original_name(upload)
    suffix = PurePath(name).suffix.lower()
    if suffix not in extensions:
        raise ValidationError(
            f"Файл «{name}» не подходит: можно прикрепить {extensions_text(extensions)}."
        )
    if upload.size == 0:
        raise ValidationError(f"Файл «{name}» пустой.")
    if upload.size > max_bytes:
        raise ValidationError(
            f"Файл «{name}» слишком большой ({megabytes(upload.size)}): "
            f"можно прикрепить файл до {megabytes(max_bytes)}."
        )
    content_type, signatures, office_folder = ATTACHMENT_TYPES[suffix]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    fits = head.startswith(signatures)
    if fits and office_folder is not None:
        fits = _zip_holds(upload, office_folder, name=name)
    if not fits:
        raise ValidationError(
            f"Содержимое файла «{name}» не соответствует расширению "
            f"{suffix.lstrip('.').upper()}: файл повреждён или переименован."
        )
    return content_type


def _zip_holds(upload: UploadedFile, folder: str, *, name: str) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, EOFError, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    if len(names) > MAX_OFFICE_ZIP_ENTRIES:
        parts = ru_number(len(names), 0, grouped=True)
        raise ValidationError(
            f"Файл «{name}» состоит из слишком многих частей ({parts}) для документа и не "
            f"будет принят. Откройте его и сохраните заново."
        )
    return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)


def delete_files_on_commit(files) -> None:
    """Remove stored files once the rows that named them are gone for good."""
    pending = [(file.storage, file.name) for file in files]

    def remove():
        for storage, name in pending:
            storage.delete(name)

    transaction.on_commit(remove)


def attachment_response(attachment) -> HttpResponse:
    """The stored file as a download under the name the user gave it (sent by nginx when
    PORTAL_X_ACCEL is on, see core/downloads.py)."""
    return file_download(attachment.file, filename=attachment.original_name,
                         content_type=attachment.content_type)
