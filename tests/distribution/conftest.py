"""The demo district for the distribution pages, and helpers to ask for a proposal."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from demo.diagnostics import load_demo_diagnostics
from demo.krymsky import MUNICIPALITY, load_demo
from internships.models import Period

# The deficits and two rounds on top of the ``world`` district, shared with the round tests.
from tests.diagnostics_rounds.conftest import rounds  # noqa: F401

FORM = {
    "target": "new", "diagnostic_round": "", "leaders_min": "1", "leaders_max": "6",
    "max_directions_led": "2", "mentees_per_leader": "3", "change_cost": "0,05",
    "leader_floor": "0,7", "promising_threshold": "0,5", "keep_narrow": "on",
}


@pytest.fixture
def demo(db):
    load_demo()
    load_demo_diagnostics()
    return Period.objects.get(programme__municipality__name=MUNICIPALITY)


@pytest.fixture
def demo_staff(demo, client):
    client.force_login(User.objects.get(username="staff"))
    return client


@pytest.fixture
def propose(django_capture_on_commit_callbacks):
    """``propose(client, period, **fields)`` posts the form; the job runs (eagerly) on commit."""

    def post(client, period, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("distribution_new"),
                               {**FORM, "source_period": period.pk, **fields})

    return post
