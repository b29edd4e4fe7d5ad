"""Protocols of the council on the test district, and a throwaway folder for their files."""

import datetime

import pytest

from internships.models import AgendaItem, CouncilMeeting

D = datetime.date
FIRST_MEETING_DAY = D(2021, 9, 15)

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def make_meeting(period, number=1, held_on=FIRST_MEETING_DAY, items=("Об утверждении плана",),
                 **fields) -> CouncilMeeting:
    meeting = CouncilMeeting.objects.create(
        period=period, number=number, held_on=held_on,
        attendees=fields.pop("attendees", "Иванова И. И. — председатель, Петров П. П."),
        **fields,
    )
    for position, question in enumerate(items, start=1):
        AgendaItem.objects.create(meeting=meeting, position=position, question=question,
                                  decision="Утвердить.")
    return meeting
