"""The bank of diagnostic instruments: kept by the department, read by the municipality."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from competence.models import Instrument, InstrumentKind

pytestmark = pytest.mark.django_db


def test_it_adds_an_instrument_with_its_file_and_areas(world, diag, login):
    client = login(world.staff)
    response = client.post(reverse("competence_instrument_create"), {
        "title": "Анкета «Мои дефициты»", "kind": InstrumentKind.QUESTIONNAIRE,
        "description": "Для молодых педагогов.", "areas": [a.pk for a in diag.areas],
        "file": SimpleUploadedFile("anketa.docx", b"docx")})
    assert response.url == reverse("competence_instrument_list")
    instrument = Instrument.objects.get(title="Анкета «Мои дефициты»")
    assert set(instrument.competence_areas.all()) == set(diag.areas)
    download = client.get(reverse("competence_instrument_file", args=[instrument.pk]))
    assert b"".join(download.streaming_content) == b"docx"


def test_it_refuses_a_duplicate_title_and_a_bad_link_in_russian(world, diag, login):
    response = login(world.staff).post(reverse("competence_instrument_create"), {
        "title": diag.instrument.title, "kind": InstrumentKind.TEST, "link": "не ссылка"})
    text = response.content.decode()
    assert "Введите ссылку" in text
    response = login(world.staff).post(reverse("competence_instrument_create"), {
        "title": diag.instrument.title, "kind": InstrumentKind.TEST})
    assert "уже есть в банке методик" in response.content.decode()
    assert Instrument.objects.count() == 1


def test_it_changes_an_instrument(world, diag, login):
    login(world.staff).post(reverse("competence_instrument_edit", args=[diag.instrument.pk]), {
        "title": "Тест методической компетентности (2-я редакция)",
        "kind": InstrumentKind.TEST, "link": "https://example.ru/test"})
    diag.instrument.refresh_from_db()
    assert diag.instrument.title.endswith("(2-я редакция)")
    assert diag.instrument.link == "https://example.ru/test"
    assert not diag.instrument.competence_areas.exists()


def test_it_lets_a_school_read_the_bank_but_not_keep_it(world, diag, login):
    client = login(world.school_user)
    assert diag.instrument.title in client.get(
        reverse("competence_instrument_list")).content.decode()
    assert client.get(reverse("competence_instrument_create")).status_code == 403
    assert client.get(reverse("competence_instrument_edit",
                              args=[diag.instrument.pk])).status_code == 403


def test_it_filters_the_bank_by_kind(world, diag, login):
    text = login(world.staff).get(reverse("competence_instrument_list"),
                                  {"kind": InstrumentKind.CASE}).content.decode()
    assert diag.instrument.title not in text and "Инструментов этого вида нет" in text


def test_it_hides_the_bank_from_another_municipality(world, diag, login):
    client = login(world.outsider)
    assert diag.instrument.title not in client.get(
        reverse("competence_instrument_list")).content.decode()
    assert client.get(reverse("competence_instrument_edit",
                              args=[diag.instrument.pk])).status_code == 404
