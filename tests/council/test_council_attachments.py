import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from internships.council import attach_file
from internships.models import CouncilAttachment
from tests.council.conftest import PDF, PNG, make_meeting
from tests.helpers import assert_redirects_to_login, messages_of


def add_url(meeting) -> str:
    return reverse("council_attachment_add", args=[meeting.pk])


def upload(client, meeting, name="Протокол 1.pdf", content=PDF, **extra):
    return client.post(add_url(meeting), {"file": SimpleUploadedFile(name, content)},
                       **extra)


def test_it_attaches_a_file_under_a_generated_name(world, as_role, media_root):
    meeting = make_meeting(world.period)

    response = upload(as_role("staff"), meeting, follow=True)

    attachment = CouncilAttachment.objects.get()
    assert messages_of(response) == ["Файл «Протокол 1.pdf» приложен к протоколу."]
    assert (attachment.original_name, attachment.content_type, attachment.size,
            attachment.uploaded_by) == ("Протокол 1.pdf", "application/pdf", len(PDF),
                                        world.staff)
    assert attachment.file.name.startswith("attachments/")
    assert attachment.file.name.endswith(".pdf")
    assert "Протокол" not in attachment.file.name
    assert (media_root / attachment.file.name).read_bytes() == PDF
    assert "Протокол 1.pdf" in response.content.decode()


def test_it_accepts_a_picture(world, as_role):
    upload(as_role("staff"), make_meeting(world.period), name="scan.PNG", content=PNG)

    assert CouncilAttachment.objects.get().content_type == "image/png"


@pytest.mark.parametrize("name, content, message", [
    ("virus.exe", b"MZ\x90\x00",
     "Файл «virus.exe» не подходит: можно прикрепить PDF, DOCX, XLSX, JPG, PNG."),
    ("page.html", b"<html></html>",
     "Файл «page.html» не подходит: можно прикрепить PDF, DOCX, XLSX, JPG, PNG."),
    ("fake.pdf", b"<script>alert(1)</script>",
     "Содержимое файла «fake.pdf» не соответствует расширению PDF: "
     "файл повреждён или переименован."),
    ("fake.docx", PDF, "Содержимое файла «fake.docx» не соответствует расширению DOCX: "
                       "файл повреждён или переименован."),
    ("empty.pdf", b"", "Файл пустой."),
])
def test_it_refuses_a_bad_file_with_a_clear_message(
    world, as_role, media_root, name, content, message
):
    response = upload(as_role("staff"), make_meeting(world.period), name=name, content=content)

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [message]
    assert not CouncilAttachment.objects.exists()
    assert not (media_root / "attachments").exists()


def test_it_refuses_a_file_over_the_size_limit(world, as_role, settings, media_root):
    settings.COUNCIL_ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024

    response = upload(as_role("staff"), make_meeting(world.period),
                      content=PDF + b"0" * (2 * 1024 * 1024))

    assert response.context["form"].errors["file"] == [
        "Файл «Протокол 1.pdf» слишком большой (2 МБ): можно прикрепить файл до 2 МБ."
    ]
    assert not CouncilAttachment.objects.exists()
    assert not (media_root / "attachments").exists()


@pytest.mark.parametrize("role, status", [("curator", 403), ("analyst", 403),
                                          ("school_user", 404), ("outsider", 404)])
def test_it_refuses_attaching_to_those_who_do_not_keep_the_book(world, as_role, role, status):
    meeting = make_meeting(world.period)

    assert as_role(role).get(add_url(meeting)).status_code == status
    assert upload(as_role(role), meeting).status_code == status
    assert not CouncilAttachment.objects.exists()


@pytest.fixture
def attachment(world):
    return attach_file(meeting=make_meeting(world.period), user=world.staff,
                       upload=SimpleUploadedFile("Протокол 1.pdf", PDF))


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_serves_a_file_to_staff_roles_under_its_own_name(world, as_role, attachment, role):
    response = as_role(role).get(reverse("council_attachment_download", args=[attachment.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%D0%9F%D1%80%D0%BE%D1%82%D0%BE%D0%BA%D0%BE%D0%BB" in (
        response["Content-Disposition"]
    )


@pytest.mark.parametrize("role", ["school_user", "outsider"])
def test_it_hides_a_file_from_those_who_may_not_read_the_protocol(
    world, as_role, attachment, role
):
    url = reverse("council_attachment_download", args=[attachment.pk])

    assert as_role(role).get(url).status_code == 404


def test_it_sends_an_anonymous_visitor_from_a_file_to_the_login_page(world, client, attachment):
    assert_redirects_to_login(
        client.get(reverse("council_attachment_download", args=[attachment.pk]))
    )


def test_it_never_serves_files_from_a_public_media_address(world, client, attachment):
    assert client.get(f"/media/{attachment.file.name}").status_code == 404


def test_it_lets_staff_remove_a_file_and_its_content(
    world, as_role, attachment, media_root, django_capture_on_commit_callbacks
):
    stored = media_root / attachment.file.name
    url = reverse("council_attachment_delete", args=[attachment.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = as_role("staff").post(url, follow=True)

    assert messages_of(response) == ["Файл «Протокол 1.pdf» удалён из протокола."]
    assert not CouncilAttachment.objects.exists()
    assert not stored.exists()


@pytest.mark.parametrize("role, status", [("curator", 403), ("analyst", 403),
                                          ("school_user", 404), ("outsider", 404)])
def test_it_refuses_removing_files_to_others(world, as_role, attachment, media_root, role,
                                             status):
    url = reverse("council_attachment_delete", args=[attachment.pk])

    assert as_role(role).post(url).status_code == status
    assert CouncilAttachment.objects.exists()
    assert (media_root / attachment.file.name).exists()
