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
