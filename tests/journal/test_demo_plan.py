"""The demo district carries a work plan for the demo curator's platforms."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from demo.krymsky import load_demo
from internships.models import JournalEntry, PlannedEvent, TeamResult

pytestmark = pytest.mark.django_db


def test_it_plans_a_session_and_webinars_on_the_curator_s_platforms():
    load_demo()

    lines = PlannedEvent.objects.select_related("platform__direction", "responsible__organization")
    assert sorted({line.platform.direction.number for line in lines}) == [2, 3, 6]
    direction_3 = [(line.month.strftime("%m.%Y"), line.get_form_display(),
                    line.responsible.organization.short_name)
                   for line in lines if line.platform.direction.number == 3]
    assert direction_3 == [
        ("02.2022", "Стажировочная сессия", "МБОУ СОШ № 4"),
        ("03.2022", "Вебинар", "МБОУ СОШ № 4"),
        ("04.2022", "Вебинар", "МБОУ СОШ № 4"),
    ]
    assert not JournalEntry.objects.exists()
    assert not TeamResult.objects.exists()


def test_a_second_load_changes_nothing_in_the_plan():
    load_demo()
    before = list(PlannedEvent.objects.order_by("pk").values())

    load_demo()

    assert list(PlannedEvent.objects.order_by("pk").values()) == before


def test_the_demo_curator_sees_the_plan_overdue_at_home(client):
    load_demo()
    client.force_login(User.objects.get(username="curator"))

    response = client.get(reverse("home"))

    assert len(response.context["overdue_events"]) == 9
