"""A journal on the world's own platform and helpers to post the journal's forms."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from internships import journal
from internships.models import JournalEntry

D = datetime.date


def entry_data(world, **overrides) -> journal.EntryData:
    """An event of the own platform: its leader hosts, three learning teams take part."""
    fields = {
        "held_on": D(2022, 2, 10), "ends_on": None, "form": "session", "form_other": "",
        "topic": "Внутренняя система оценки качества", "venue": world.school_a,
        "hosts": [world.school_a.team],
        "participants": [world.school_b.team, world.school_d.team, world.school_c.team],
        "description": "Стажировочная сессия на базе СОШ № 1.",
        "planned_event": None,
    }
    fields.update(overrides)
    return journal.EntryData(**fields)


def record(world, **overrides) -> JournalEntry:
    return journal.record_entry(platform=world.own_platform, data=entry_data(world, **overrides),
                                recorded_by=world.curator)


def form_post(world, **overrides) -> dict:
    """The entry form's fields as the browser posts them."""
    data = {
        "held_on": "2022-02-10", "ends_on": "", "form": "session", "form_other": "",
        "topic": "Внутренняя система оценки качества", "venue": str(world.school_a.pk),
        "hosts": [str(world.school_a.team.pk)],
        "participants": [str(world.school_b.team.pk), str(world.school_d.team.pk),
                         str(world.school_c.team.pk)],
        "description": "Стажировочная сессия на базе СОШ № 1.", "planned_event": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def entry(world) -> JournalEntry:
    return record(world)


def pdf_file(name="Программа.pdf", size=None) -> SimpleUploadedFile:
    content = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"
    if size is not None:
        content = content + b"0" * (size - len(content))
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png_file(name="Фото.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
                              content_type="image/png")


def office_file(name: str, folder: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<document/>")
    return SimpleUploadedFile(name, buffer.getvalue())
