"""The deficit chain's pages read the same number of queries for a small and a ten times larger
synthetic municipality."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.pages import _client_for, _reference_objects, reference_pages

pytestmark = pytest.mark.django_db
KEYS = ("deficit", "deficit_gaps", "team_deficit_events")


def _query_counts(organizations: int) -> dict[str, int]:
    call_command("generate_scale", municipalities=1, orgs=organizations, password="bench",
                 replace=True, stdout=StringIO())
    objects = _reference_objects(1)
    counts = {}
    for page in reference_pages(objects):
        if page.key not in KEYS:
            continue
        client = _client_for(objects["users"][page.role])
        client.get(page.url)  # the session and caches settle
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        counts[page.key] = len(captured.captured_queries)
    return counts


def test_it_keeps_the_query_counts_of_the_chain_pages_flat():
    small = _query_counts(30)
    large = _query_counts(300)
    assert set(small) == set(KEYS)
    assert small == large
