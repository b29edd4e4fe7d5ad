"""The demo's starter catalogue and rounds."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from demo.diagnostics import load_demo_diagnostics
from demo.krymsky import load_demo
from diagnostics.models import Deficit, DiagnosticRound, RoundKind

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)


def test_it_loads_a_starter_catalogue_of_five_to_eight_templates_per_direction():
    load_demo()
    load_demo_diagnostics(today=TODAY)

    per_direction = {}
    for deficit in Deficit.objects.select_related("direction"):
        per_direction.setdefault(deficit.direction.number, []).append(deficit)
    assert sorted(per_direction) == [1, 2, 3, 4, 5, 6, 7]
    assert all(5 <= len(items) <= 8 for items in per_direction.values())
    assert all(d.from_template and d.active for d in Deficit.objects.all())
    assert Deficit.objects.get(direction__number=1, code="1.1").wording.startswith(
        "Не выстроена система внутришкольного контроля качества")


def test_it_creates_the_rounds_of_the_control_points_with_windows_to_try_them():
    load_demo()
    load_demo_diagnostics(today=TODAY)

    rounds = list(DiagnosticRound.objects.order_by("starts_on"))
    assert [(r.kind, r.starts_on, r.control_point.starts_on) for r in rounds] == [
        (RoundKind.START, datetime.date(2021, 10, 1), datetime.date(2021, 10, 1)),
        (RoundKind.INTERMEDIATE, datetime.date(2022, 5, 1), datetime.date(2022, 5, 1)),
        (RoundKind.INTERMEDIATE, datetime.date(2023, 4, 1), datetime.date(2023, 4, 1)),
        (RoundKind.FINAL, datetime.date(2024, 5, 1), datetime.date(2024, 5, 1)),
    ]
    assert rounds[3].ends_on == datetime.date(2024, 8, 31)
    assert [r.is_open_on(TODAY) for r in rounds] == [True, True, False, False]


def test_loading_again_keeps_the_departments_edits_and_moves_the_open_window():
    load_demo()
    load_demo_diagnostics(today=TODAY)
    Deficit.objects.filter(code="2.1").update(wording="Уточнено", from_template=False)

    later = TODAY + datetime.timedelta(days=100)
    load_demo_diagnostics(today=later)

    assert Deficit.objects.count() == 42
    assert DiagnosticRound.objects.count() == 4
    edited = Deficit.objects.get(code="2.1")
    assert (edited.wording, edited.from_template) == ("Уточнено", False)
    assert [r.is_open_on(later) for r in DiagnosticRound.objects.order_by("starts_on")] == [
        True, True, False, False]


def test_the_command_says_what_it_loaded_and_which_round_is_open():
    out = StringIO()

    call_command("load_demo", stdout=out)

    text = out.getvalue()
    assert "дефицитов в стартовом каталоге — 42" in text
    assert "диагностик — 4" in text
    assert ("открыт приём результатов диагностик «Стартовая диагностика, октябрь–ноябрь 2021» "
            "и «Промежуточная диагностика, май 2022»") in text
