"""A curator's diagnoses import obeys the rules of the expert entry form: the entry window,
the expert assessment only, and only the teams placed on the curator's platforms."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from diagnostics.models import Deficit, Diagnosis, DiagnosisSource, DiagnosticRound, RoundKind
from tests.imports.uploads import post_upload
from tests.imports.workbooks import table_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DAY = datetime.timedelta(days=1)


def _round(world, *, opens: datetime.date, closes: datetime.date) -> DiagnosticRound:
    for direction in world.directions:
        Deficit.objects.get_or_create(direction=direction, code="1.1",
                                      defaults={"wording": "Дефицит"})
    return DiagnosticRound.objects.create(
        programme=world.programme, kind=RoundKind.START, title="Стартовая",
        starts_on=datetime.date(2021, 10, 1), ends_on=datetime.date(2021, 10, 31),
        entry_opens=opens, entry_closes=closes)


@pytest.fixture
def open_round(world):
    today = timezone.localdate()
    return _round(world, opens=today - DAY, closes=today + DAY)


def _import(client, diagnostic_round, headers, *rows):
    content = table_workbook(headers, list(rows)).getvalue()
    return post_upload(client, reverse("import_diagnoses"), {
        "file": SimpleUploadedFile("d.xlsx", content, content_type=XLSX),
        "load": "Загрузить", "diagnostic_round": diagnostic_round.pk,
    }).content.decode()


HEADERS = ["Организация", "Направление", "Балл", "Дефициты"]


@pytest.mark.parametrize(("opens", "closes", "message"), [
    (-30, -1, "закрыт"),
    (1, 30, "откроется"),
])
def test_it_refuses_a_curator_outside_the_entry_window(as_role, world, opens, closes, message):
    today = timezone.localdate()
    diagnostic_round = _round(world, opens=today + opens * DAY, closes=today + closes * DAY)
    content = _import(as_role("curator"), diagnostic_round, HEADERS, ("СОШ № 1", 1, 50, "1.1"))
    assert f"Приём результатов диагностики «Стартовая» {message}" in content
    assert "Диагностика" in content  # the problem names the round column
    assert not Diagnosis.objects.exists()


def test_staff_import_into_a_closed_round(as_role, world):
    today = timezone.localdate()
    diagnostic_round = _round(world, opens=today - 30 * DAY, closes=today - DAY)
    _import(as_role("staff"), diagnostic_round, HEADERS, ("СОШ № 1", 1, 50, "1.1"))
    assert Diagnosis.objects.get().score == 50


def test_a_curator_imports_into_an_open_round(as_role, world, open_round):
    _import(as_role("curator"), open_round, HEADERS, ("СОШ № 1", 1, 50, "1.1"))
    assert Diagnosis.objects.get().entered_by == world.curator


def test_it_refuses_a_self_assessment_from_a_curator(as_role, world, open_round):
    content = _import(as_role("curator"), open_round, ["Организация", "Направление", "Источник"],
                      ("СОШ № 1", 1, "Самооценка команды"))
    assert "Куратор вносит только экспертную оценку" in content
    assert not Diagnosis.objects.exists()


def test_staff_import_both_sources(as_role, world, open_round):
    _import(as_role("staff"), open_round, ["Организация", "Направление", "Источник"],
            ("СОШ № 1", 1, "Самооценка команды"), ("СОШ № 1", 1, "Экспертная оценка"))
    assert set(Diagnosis.objects.values_list("source", flat=True)) == {
        DiagnosisSource.SELF, DiagnosisSource.EXPERT}


def test_it_refuses_a_team_not_placed_on_the_curators_platform(as_role, world, open_round):
    # Детский сад № 5 is placed in direction 3 only; the curator runs direction 1.
    content = _import(as_role("curator"), open_round, HEADERS,
                      ("Детский сад № 5", 1, 40, ""), ("СОШ № 1", 1, 50, ""))
    assert "Детский сад № 5 не распределена на площадку «Стажировка 1»" in content
    assert not Diagnosis.objects.exists()


def test_staff_import_a_team_of_any_platform(as_role, world, open_round):
    _import(as_role("staff"), open_round, HEADERS, ("Детский сад № 5", 1, 40, ""))
    assert Diagnosis.objects.get().score == 40
