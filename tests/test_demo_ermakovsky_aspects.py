"""The Ermakovsky map of problems and solutions in the demo: aspects from the project's
wording, illustrative statements of 28 organizations, two lines left to curate."""

import pytest
from django.contrib.auth.models import User

from aspects.models import Aspect, Statement
from demo.ermakovsky import load_ermakovsky
from demo.ermakovsky_aspects import load_ermakovsky_aspects

pytestmark = pytest.mark.django_db


def test_it_loads_a_map_once_and_erm_staff_reads_it(client):
    load_ermakovsky()
    first = load_ermakovsky_aspects()

    assert load_ermakovsky_aspects() == first
    assert first == {"aspects": 7, "statements": 28 * 4 + 2, "organizations": 28,
                     "unlinked": 2}
    assert Aspect.objects.filter(wording="Обучение детей с ОВЗ").exists()
    client.force_login(User.objects.get(username="erm-staff"))
    page = client.get("/aspects/map/")
    assert page.status_code == 200
    assert page.context["map"].participants == 28
    assert Statement.objects.count() == 114


def test_the_submitted_part2_answers_are_the_maps_lines(client):
    from demo.ermakovsky_mutual import SUBMITTED_BOTH, load_ermakovsky_mutual

    load_ermakovsky()
    before = load_ermakovsky_aspects()
    load_ermakovsky_mutual()

    # Twelve organizations submitted part 2: their lines now come from the assignment, the
    # same wordings, so the map's figures and links do not change.
    assert load_ermakovsky_aspects() == before
    from_answers = Statement.objects.filter(source="assignment")
    assert from_answers.values("organization").distinct().count() == SUBMITTED_BOTH
    assert Statement.objects.filter(aspect__isnull=True).count() == 2
