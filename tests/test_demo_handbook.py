"""The Krymsky demo's handbook texts, condensed from the innovation programme."""

from io import StringIO

import pytest
from django.core.management import call_command

from demo.krymsky import MUNICIPALITY, PROGRAMME, load_demo
from demo.krymsky_handbook import TEXTS, load_demo_handbook
from internships.models import Programme
from registers.normative import cited_documents
from reports.models import HandbookText, HandbookTopic

pytestmark = pytest.mark.django_db


def test_it_writes_every_section_of_the_krymsky_handbook():
    load_demo()

    assert load_demo_handbook() == {"texts": len(HandbookTopic.values),
                                    "changed": len(HandbookTopic.values)}
    texts = dict(HandbookText.objects.values_list("topic", "text"))
    assert set(texts) == set(HandbookTopic.values)
    assert "федеральными документами, перечисленными ниже" in texts[HandbookTopic.REGULATION]
    assert "273-ФЗ" in [document.number for document in cited_documents(
        programme=Programme.objects.get(municipality__name=MUNICIPALITY, title=PROGRAMME))]
    assert "Стажировочные сессии" in texts[HandbookTopic.NETWORK]
    assert "22 школы с низкими образовательными результатами" in texts[
        HandbookTopic.INTRODUCTION]


def test_running_it_twice_changes_nothing():
    load_demo()
    load_demo_handbook()

    assert load_demo_handbook()["changed"] == 0
    assert all(row.history.count() == 1 for row in HandbookText.objects.all())


def test_the_texts_give_no_instructions_about_screens():
    for text in TEXTS.values():
        for word in ("страниц", "кнопк", "нажм", "портал"):
            assert word not in text.lower()


def test_the_load_demo_command_loads_the_handbook_texts():
    out = StringIO()

    call_command("load_demo", stdout=out)

    assert "Методическое пособие Крымского района: разделов текста — 9" in out.getvalue()
    assert HandbookText.objects.count() == len(HandbookTopic.values)
