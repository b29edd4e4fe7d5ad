"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

The council's protocols are read by the municipality's staff roles and kept by the
department; «Мои стажировки» belong to school teams only.
"""

import datetime

from django.core.files.base import ContentFile

from internships.models import AgendaItem, CouncilAttachment, CouncilMeeting

# The answers besides status codes, as tests/test_url_policy.py spells them.
LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                              anonym staff  cur+   cur-   school+ school- analyst other teacher
    "council_list":                (LOGIN, 200,  200,   200,   403,   403,   200,   200, 403),
    "council_detail":              (LOGIN, 200,  200,   200,   404,   404,   200,   404, 404),
    "council_create":              (LOGIN, 200,  403,   403,   403,   403,   403,   200, 403),
    "council_edit":                (LOGIN, 200,  403,   403,   404,   404,   403,   404, 404),
    "council_attachment_add":      (LOGIN, 200,  403,   403,   404,   404,   403,   404, 404),
    "council_attachment_download": (LOGIN, 200,  200,   200,   404,   404,   200,   404, 404),
    "council_attachment_delete":   (LOGIN, MOVED, 403,  403,   404,   404,   403,   404, 404),
    "my_internships":              (LOGIN, 403,  403,   403,   200,   200,   403,   403, 403),
    "my_internships_excel":        (LOGIN, 403,  403,   403,   200,   200,   403,   403, 403),
}  # fmt: skip
# The department staff of another municipality may start a protocol of their own year.

OBJECT_OF: dict[str, str] = {
    "council_detail": "council_meeting",
    "council_edit": "council_meeting",
    "council_attachment_add": "council_meeting",
    "council_attachment_download": "council_attachment",
    "council_attachment_delete": "council_attachment",
}
POST_DATA: dict[str, dict] = {
    "council_attachment_delete": {},
}


def targets(context) -> dict[str, int]:
    meeting = CouncilMeeting.objects.create(
        period=context.period, number=1, held_on=datetime.date(2021, 9, 10),
        attendees="Председатель совета, члены совета", created_by=context.staff,
    )
    item = AgendaItem.objects.create(meeting=meeting, position=1,
                                     question="Об утверждении распределения",
                                     decision="Утвердить")
    item.placements.add(context.placement)
    attachment = CouncilAttachment(meeting=meeting, original_name="протокол.pdf",
                                   content_type="application/pdf", size=9,
                                   uploaded_by=context.staff)
    attachment.file.save("протокол.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return {"council_meeting": meeting.pk, "council_attachment": attachment.pk}
