"""Writes of programme passports: the passport's fields, its stages and their expected
deliverables, and ticking a deliverable as done with its file (checked by
``internships/attachments.py``). Each refusal is a ``ValidationError`` in Russian and
changes nothing."""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max

from internships.attachments import check_upload, delete_files_on_commit, original_name
from internships.models import Programme
from services.models import Deliverable, PassportStage, ProgrammePassport

FILE_EXTENSIONS = (".pdf", ".docx", ".pptx", ".xlsx", ".jpg", ".jpeg", ".png")
FILE_MAX_BYTES = 20 * 1024 * 1024

PASSPORT_FIELDS = (
    "nomination", "title", "authors", "supervisor", "goals", "tasks", "idea",
    "normative_base", "significance", "novelty", "practical_significance", "mechanism",
    "mechanism_tasks", "prospects", "dissemination", "developments", "status",
    "material_resources", "intellectual_resources", "time_resources",
)
STAGE_FIELDS = ("number", "title", "starts_on", "ends_on", "tasks")


def _saved(record):
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def save_passport(*, programme: Programme, values: dict, user: User | None) -> ProgrammePassport:
    """Fill in the programme's passport (made the first time it is saved)."""
    passport = ProgrammePassport.objects.filter(programme=programme).first() \
        or ProgrammePassport(programme=programme)
    for name in PASSPORT_FIELDS:
        if name in values:
            setattr(passport, name, values[name].strip())
    passport.updated_by = user
    return _saved(passport)


@transaction.atomic
def save_stage(*, passport: ProgrammePassport, values: dict,
               stage: PassportStage | None = None) -> PassportStage:
    """Add a stage to the passport's mechanism or change one; stages may leave gaps."""
    if stage is None:
        stage = PassportStage(passport=passport)
    elif stage.passport_id != passport.pk:
        raise ValidationError("Этап относится к другому паспорту.")
    for name in STAGE_FIELDS:
        if name in values:
            setattr(stage, name, values[name])
    return _saved(stage)


@transaction.atomic
def add_deliverable(*, stage: PassportStage, text: str) -> Deliverable:
    """An expected deliverable, numbered after the stage's last one."""
    last = stage.deliverables.aggregate(last=Max("number"))["last"] or 0
    return _saved(Deliverable(stage=stage, number=last + 1, text=text.strip()))


@transaction.atomic
def tick_deliverable(*, deliverable: Deliverable, done_on: datetime.date,
                     upload: UploadedFile | None, user: User | None) -> Deliverable:
    """Mark the deliverable as done with its file; a new file replaces the former one."""
    if upload is None:
        raise ValidationError({"file": "Прикрепите файл результата: без файла результат не "
                                       "отмечается полученным."})
    try:
        content_type = check_upload(upload, max_bytes=FILE_MAX_BYTES,
                                    extensions=FILE_EXTENSIONS)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    stage = deliverable.stage
    if done_on < stage.starts_on:
        raise ValidationError({"done_on": f"Результат не может быть получен раньше начала "
                                          f"этапа ({stage.starts_on:%d.%m.%Y})."})
    if deliverable.file:
        delete_files_on_commit([deliverable.file])
    deliverable.done_on = done_on
    deliverable.original_name = original_name(upload)
    deliverable.content_type = content_type
    deliverable.ticked_by = user
    deliverable.file.save(upload.name, upload, save=False)
    return _saved(deliverable)


@transaction.atomic
def untick_deliverable(*, deliverable: Deliverable, user: User | None) -> Deliverable:
    """The deliverable is expected again: its mark and its file go together."""
    if deliverable.file:
        delete_files_on_commit([deliverable.file])
    deliverable.file = ""
    deliverable.done_on = None
    deliverable.original_name = deliverable.content_type = ""
    deliverable.ticked_by = user
    return _saved(deliverable)
