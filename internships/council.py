"""The book of protocols of the scientific-methodological council: writing protocols,
their agenda and the files attached to them."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F

from internships.attachments import (
    check_upload,
    delete_files_on_commit,
    extensions_text,
    original_name,
)
from internships.models import (
    AgendaItem,
    CouncilAttachment,
    CouncilMeeting,
    Period,
    Placement,
    Transfer,
)

ATTACHMENT_EXTENSIONS = (".pdf", ".docx", ".xlsx", ".jpg", ".jpeg", ".png")
ALLOWED_EXTENSIONS_TEXT = extensions_text(ATTACHMENT_EXTENSIONS)


@dataclass
class AgendaItemInput:
    """One question of the agenda as the form gives it; ``item`` is the stored one it edits."""

    question: str
    decision: str = ""
    placement_ids: list[int] = field(default_factory=list)
    transfer_ids: list[int] = field(default_factory=list)
    item: AgendaItem | None = None


def _duplicate_number(period: Period, number: int) -> ValidationError:
    return ValidationError(
        {"number": f"Протокол № {number} за {period.title} учебный год уже есть. "
                   "Укажите другой номер."}
    )


def _linked(model, ids: list[int], period_filter: dict, position: int, what: str):
    wanted = set(ids)
    found = list(model.objects.filter(pk__in=wanted, **period_filter))
    if len(found) != len(wanted):
        raise ValidationError(
            f"Вопрос {position}: {what} можно связывать только из этого учебного года "
            "своего муниципального образования."
        )
    return found


@transaction.atomic
def save_protocol(
    *,
    period: Period,
    number: int,
    held_on: datetime.date,
    attendees: str,
    items: list[AgendaItemInput],
    user: User,
    meeting: CouncilMeeting | None = None,
) -> CouncilMeeting:
    """Create a protocol, or rewrite one, with its agenda numbered in the given order.

    Stored questions left out of ``items`` are removed.
    """
    if meeting is not None and meeting.period_id != period.pk:
        raise ValidationError("Протокол относится к другому учебному году.")
    if not items:
        raise ValidationError("Добавьте хотя бы один вопрос повестки: что слушали и что решили.")
    others = CouncilMeeting.objects.filter(period=period, number=number)
    if meeting is not None:
        others = others.exclude(pk=meeting.pk)
    if others.exists():
        raise _duplicate_number(period, number)
    links = []
    for position, entry in enumerate(items, start=1):
        if entry.item is not None and (meeting is None or entry.item.meeting_id != meeting.pk):
            raise ValidationError(f"Вопрос {position} относится к другому протоколу.")
        links.append((
            _linked(Placement, entry.placement_ids, {"platform__period": period}, position,
                    "распределения"),
            _linked(Transfer, entry.transfer_ids, {"placement__platform__period": period},
                    position, "переводы"),
        ))

    if meeting is None:
        meeting = CouncilMeeting(period=period, created_by=user)
    meeting.number, meeting.held_on, meeting.attendees = number, held_on, attendees.strip()
    meeting._history_user = user
    try:
        with transaction.atomic():
            meeting.save()
    except IntegrityError as error:
        raise _duplicate_number(period, number) from error

    kept = [entry.item.pk for entry in items if entry.item is not None]
    meeting.items.exclude(pk__in=kept).delete()
    # Move the kept questions out of the way so renumbering never meets a taken position.
    meeting.items.update(position=F("position") + 1000)
    for position, (entry, (placements, transfers)) in enumerate(
        zip(items, links, strict=True), start=1
    ):
        item = entry.item or AgendaItem(meeting=meeting)
        item.position = position
        item.question = entry.question.strip()
        item.decision = entry.decision.strip()
        item.save()
        item.placements.set(placements)
        item.transfers.set(transfers)
    return meeting


def check_attachment(upload: UploadedFile) -> str:
    """The content type to serve the file with; a refusal names what is allowed."""
    try:
        return check_upload(upload, max_bytes=settings.COUNCIL_ATTACHMENT_MAX_BYTES,
                            extensions=ATTACHMENT_EXTENSIONS)
    except ValidationError as refusal:
        raise ValidationError({"file": refusal.messages}) from refusal


@transaction.atomic
def attach_file(
    *, meeting: CouncilMeeting, upload: UploadedFile, user: User
) -> CouncilAttachment:
    content_type = check_attachment(upload)
    attachment = CouncilAttachment(
        meeting=meeting, original_name=original_name(upload), content_type=content_type,
        size=upload.size, uploaded_by=user,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: CouncilAttachment) -> None:
    attachment.delete()
    delete_files_on_commit([attachment.file])
