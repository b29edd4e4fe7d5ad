"""The school team's own needs and offers, staff editing any organization's, and the map."""

import pytest
from django.urls import reverse

from diagnostics.models import Aspect, NeedsOffer
from tests.helpers import assert_redirects_to_login, messages_of

MINE_URL = reverse("my_needs")
MAP_URL = reverse("needs_map")


def needs_url(organization) -> str:
    return reverse("organization_needs", args=[organization.pk])


def field(direction, aspect, what) -> str:
    return f"d{direction.pk}_{aspect}_{what}"


def add(world, organization, direction, aspect=Aspect.PEDAGOGICAL, *, needs=False,
        offers=False, note=""):
    return NeedsOffer.objects.create(organization=organization, period=world.period,
                                     direction=direction, aspect=aspect, needs_support=needs,
                                     offers_practice=offers, note=note)


def test_it_shows_the_school_team_its_own_grid(world, as_role):
    response = as_role("school_user").get(MINE_URL)

    assert response.status_code == 200
    assert response.context["organization"] == world.school_a
    assert response.context["can_edit"]
    assert len(response.context["form"].rows()) == 3


def test_it_sends_staff_roles_from_my_needs_to_the_map(world, as_role):
    response = as_role("curator").get(MINE_URL)

    assert response.status_code == 302
    assert response.url == MAP_URL


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(MINE_URL))
    assert_redirects_to_login(client.get(MAP_URL))


def test_it_saves_the_school_team_s_grid_replacing_its_rows(world, as_role):
    first, second, third = world.directions
    add(world, world.school_a, third, needs=True)

    response = as_role("school_user").post(MINE_URL, {
        field(first, "pedagogical", "needs"): "on",
        field(first, "pedagogical", "note"): "смысловое чтение",
        field(second, "managerial", "needs"): "on",
        field(second, "managerial", "offers"): "on",
    }, follow=True)

    rows = sorted(NeedsOffer.objects.filter(organization=world.school_a).values_list(
        "direction__number", "aspect", "needs_support", "offers_practice", "note"))
    assert rows == [(1, "pedagogical", True, False, "смысловое чтение"),
                    (2, "managerial", True, True, "")]
    assert any("сохранена: отмечено строк — 2" in message for message in messages_of(response))


def test_it_refuses_a_note_without_a_mark_and_changes_nothing(world, as_role):
    first, second, _ = world.directions
    add(world, world.school_a, first, needs=True)

    response = as_role("school_user").post(MINE_URL, {
        field(second, "pedagogical", "note"): "без отметки",
    })

    assert response.status_code == 200
    assert "либо сотрите пояснение" in response.content.decode()
    assert list(NeedsOffer.objects.values_list("direction__number", flat=True)) == [1]


def test_it_shows_the_saved_marks_in_the_grid(world, as_role):
    first = world.directions[0]
    add(world, world.school_a, first, Aspect.MANAGERIAL, offers=True, note="ВСОКО")

    form = as_role("school_user").get(MINE_URL).context["form"]

    assert form[field(first, "managerial", "offers")].value() is True
    assert form[field(first, "managerial", "note")].value() == "ВСОКО"
    assert form[field(first, "managerial", "needs")].value() is False


def test_it_lets_the_school_team_open_its_own_page_by_id(world, as_role):
    response = as_role("school_user").get(needs_url(world.school_a))

    assert response.status_code == 200
    assert response.context["can_edit"]


def test_it_hides_another_organization_s_needs_from_a_school_team(world, as_role):
    assert as_role("school_user").get(needs_url(world.school_b)).status_code == 404
    assert as_role("school_user").post(needs_url(world.school_b), {}).status_code == 404


def test_it_lets_department_staff_edit_any_organization_s_needs(world, as_role):
    first = world.directions[0]

    as_role("staff").post(needs_url(world.school_b), {field(first, "pedagogical", "offers"): "on"})

    assert NeedsOffer.objects.get().organization == world.school_b


@pytest.mark.parametrize("role", ["curator", "analyst"])
def test_it_shows_other_staff_roles_the_needs_read_only(world, as_role, role):
    first = world.directions[0]
    response = as_role(role).get(needs_url(world.school_b))
    assert response.status_code == 200
    assert not response.context["can_edit"]

    refused = as_role(role).post(needs_url(world.school_b),
                                 {field(first, "pedagogical", "offers"): "on"})

    assert refused.status_code == 403
    assert not NeedsOffer.objects.exists()


def test_it_hides_needs_of_another_municipality(world, as_role):
    assert as_role("staff").get(needs_url(world.other_organization)).status_code == 404


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_the_map_to_staff_roles(world, as_role, role):
    first = world.directions[0]
    add(world, world.school_a, first, needs=True, note="смысловое чтение")
    add(world, world.school_b, first, offers=True)

    response = as_role(role).get(MAP_URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert 'class="text-center needs-need"' in content
    assert 'class="text-center needs-offer"' in content
    assert 'id="needs-legend"' in content
    [item] = response.context["map"].needs
    assert [offer.organization for offer in item.helpers] == [world.school_b]


def test_it_refuses_the_map_to_a_school_team(world, as_role):
    assert as_role("school_user").get(MAP_URL).status_code == 403


def test_it_filters_the_map_by_aspect(world, as_role):
    first = world.directions[0]
    add(world, world.school_a, first, needs=True)
    add(world, world.school_b, first, Aspect.MANAGERIAL, offers=True)

    response = as_role("staff").get(MAP_URL, {"aspect": "managerial"})

    assert response.context["map"].needs == []
    assert response.context["map"].answered_count == 1


def test_it_keeps_the_map_to_the_user_s_municipality(world, as_role):
    add(world, world.school_a, world.directions[0], needs=True)

    response = as_role("outsider").get(MAP_URL)

    assert [row.organization.short_name for row in response.context["map"].rows] == ["СОШ № 7"]
    assert response.context["map"].needs == []


def test_it_explains_an_empty_map(world, as_role):
    content = as_role("staff").get(MAP_URL).content.decode()

    assert "Потребностей пока не отмечено." in content


def test_a_school_team_s_breadcrumb_on_its_organization_s_needs_page_skips_the_map(world,
                                                                                   as_role):
    school = as_role("school_user")
    page = school.get(needs_url(world.school_a)).content.decode()

    assert f'href="{MAP_URL}"' not in page
    assert f'href="{reverse("organization_detail", args=[world.school_a.pk])}"' in page
    assert school.get(MAP_URL).status_code == 403


def test_a_department_user_s_breadcrumb_on_a_needs_page_leads_to_the_map(world, as_role):
    page = as_role("curator").get(needs_url(world.school_a)).content.decode()

    assert f'href="{MAP_URL}"' in page
