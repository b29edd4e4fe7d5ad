"""Files of an entry: checked on upload, kept under generated names, served only to readers."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from internships import journal
from internships.models import EntryAttachment
from tests.journal.conftest import form_post, office_file, pdf_file, png_file, record

pytestmark = pytest.mark.django_db


def upload(client, entry, world, *files, version=1):
    data = form_post(world, version=str(version))
    data["files"] = list(files)
    return client.post(reverse("entry_edit", args=[entry.pk]), data)


def test_it_keeps_files_under_generated_names(world, as_role, entry):
    response = upload(as_role("curator"), entry, world, pdf_file("Программа сессии.pdf"),
                      png_file(), office_file("Презентация.pptx", "ppt/"))

    assert response.status_code == 302
    attachments = list(entry.attachments.order_by("pk"))
    assert [a.original_name for a in attachments] == [
        "Программа сессии.pdf", "Фото.png", "Презентация.pptx",
    ]
    assert [a.content_type for a in attachments][:2] == ["application/pdf", "image/png"]
    for attachment in attachments:
        assert attachment.file.name.startswith("attachments/")
        assert "Программа" not in attachment.file.name
        assert (Path(settings.MEDIA_ROOT) / attachment.file.name).exists()
        assert attachment.uploaded_by == world.curator


def test_it_records_files_with_a_new_entry(world, as_role):
    data = form_post(world)
    data["files"] = [office_file("План.docx", "word/")]

    as_role("curator").post(reverse("entry_add", args=[world.own_platform.pk]), data)

    assert EntryAttachment.objects.get().original_name == "План.docx"


@pytest.mark.parametrize(
    "make_file, message",
    [
        (lambda: SimpleUploadedFile("setup.exe", b"MZ\x90\x00"),
         "Файл «setup.exe» не подходит: можно прикрепить PDF, DOCX, PPTX, XLSX, JPG, PNG."),
        (lambda: SimpleUploadedFile("Программа.pdf", b"<html>not a pdf</html>"),
         "Содержимое файла «Программа.pdf» не соответствует расширению PDF"),
        (lambda: office_file("Таблица.xlsx", "word/"),
         "Содержимое файла «Таблица.xlsx» не соответствует расширению XLSX"),
        (lambda: pdf_file("Большой.pdf", size=2048),
         "Файл «Большой.pdf» слишком большой"),
    ],
)
def test_it_refuses_a_wrong_or_oversized_file_and_changes_nothing(world, as_role, entry,
                                                                   settings, make_file, message):
    settings.JOURNAL_ATTACHMENT_MAX_BYTES = 1024

    response = upload(as_role("curator"), entry, world, make_file())

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["files"])
    assert not EntryAttachment.objects.exists()
    entry.refresh_from_db()
    assert entry.version == 1


@pytest.fixture
def attachment(world, as_role, entry):
    upload(as_role("curator"), entry, world, pdf_file("Программа сессии.pdf"))
    return entry.attachments.get()


@pytest.mark.parametrize("role", ["staff", "curator", "analyst", "school_b_user"])
def test_it_serves_a_file_to_whoever_reads_the_entry(world, as_role, attachment, role):
    response = as_role(role).get(reverse("attachment_download", args=[attachment.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''%D0%9F%D1%80%D0%BE%D0%B3%D1%80%D0%B0%D0%BC%D0%BC%D0%B0" in (
        disposition
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("role", ["school_user", "outsider"])
def test_it_hides_a_file_from_those_who_may_not_read_the_entry(world, as_role, role):
    entry = record(world, participants=[world.school_d.team])
    entry.hosts.set([world.school_b.team])
    attachment, = journal.add_attachments(entry=entry, files=[pdf_file()],
                                          uploaded_by=world.curator)

    assert as_role(role).get(
        reverse("attachment_download", args=[attachment.pk])
    ).status_code == 404


def test_no_file_is_reachable_by_a_public_media_address(world, as_role, attachment):
    client = as_role("staff")
    assert client.get(f"/{settings.MEDIA_URL}{attachment.file.name}").status_code == 404
    page = client.get(reverse("entry_detail", args=[attachment.entry_id])).content.decode()
    assert attachment.file.name not in page
    assert reverse("attachment_download", args=[attachment.pk]) in page


@pytest.mark.parametrize("role, status", [("analyst", 403), ("school_b_user", 403),
                                          ("outsider", 404)])
def test_it_lets_only_journal_keepers_delete_a_file(world, as_role, attachment, role, status):
    url = reverse("attachment_delete", args=[attachment.pk])
    assert as_role(role).post(url).status_code == status
    assert EntryAttachment.objects.exists()


def test_the_curator_deletes_a_file(world, as_role, attachment, django_capture_on_commit_callbacks):
    path = Path(settings.MEDIA_ROOT) / attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = as_role("curator").post(reverse("attachment_delete", args=[attachment.pk]))

    assert response.status_code == 302
    assert not EntryAttachment.objects.exists()
    assert not path.exists()


def many_part_document(parts: int) -> SimpleUploadedFile:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for number in range(parts - 2):
            archive.writestr(f"word/media/part{number}.xml", "")
    return SimpleUploadedFile("Отчёт.docx", buffer.getvalue())


def test_it_refuses_a_document_of_too_many_parts(world, as_role, entry):
    response = upload(as_role("curator"), entry, world, many_part_document(2001))

    assert response.status_code == 200
    assert "Файл «Отчёт.docx» состоит из слишком многих частей (2\xa0001)" in " ".join(
        response.context["form"].errors["files"])
    assert not EntryAttachment.objects.exists()


def test_it_accepts_a_document_of_many_but_plausible_parts(world, as_role, entry):
    assert upload(as_role("curator"), entry, world,
                  many_part_document(2000)).status_code == 302


def test_it_keeps_a_very_long_name_cut_to_fit(world, as_role, entry):
    long_name = "Программа стажировочной сессии " * 20 + ".pdf"

    response = upload(as_role("curator"), entry, world, pdf_file(long_name))

    assert response.status_code == 302
    kept = entry.attachments.get().original_name
    assert len(kept) <= 255 and kept.endswith(".pdf")
